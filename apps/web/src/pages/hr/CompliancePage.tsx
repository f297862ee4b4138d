import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { queryString } from '../../lib/download';
import { compact, formatPercent, isoDay } from '../../lib/format';
import { HR_ROLES, type Role, useMe } from '../../lib/session';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { BarChart } from '../../ui/BarChart';
import { DataTable, Pager } from '../../ui/DataTable';
import { DownloadButton } from '../../ui/DownloadButton';
import { ErrorAlert, QueryStatus, Spinner } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { Card, PageHeader, Stat } from '../../ui/Layout';
import { TrendChart } from '../../ui/TrendChart';
import { FilterOptionsDocument } from './filterOptions';

const ChainComplianceDocument = graphql(`
  query ChainCompliance {
    chainCompliance {
      headcount
      required
      certified
      compliancePercent
    }
    regionCompliance {
      region {
        id
        code
        name
      }
      headcount
      required
      certified
      compliancePercent
    }
  }
`);

const StoreRankingDocument = graphql(`
  query StoreRanking($regionId: ID, $programId: ID, $first: Int, $after: String) {
    complianceByStore(regionId: $regionId, programId: $programId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          store {
            id
            code
            name
            region {
              code
            }
          }
          headcount
          required
          certified
          expiringSoon
          expired
          missing
          compliancePercent
          overdueAssignments
        }
      }
    }
  }
`);

const ChainTrendDocument = graphql(`
  query ChainTrend($programId: ID!, $from: String!, $to: String!) {
    chainComplianceTrend(programId: $programId, from: $from, to: $to) {
      day
      compliancePercent
    }
  }
`);

const RegionTrendDocument = graphql(`
  query RegionTrend($regionId: ID!, $programId: ID!, $from: String!, $to: String!) {
    regionComplianceTrend(regionId: $regionId, programId: $programId, from: $from, to: $to) {
      day
      compliancePercent
    }
  }
`);

/** Days the trend covers, today included: the snapshots' days are UTC days. */
const TREND_DAYS = 90;

/** One programme's compliance day by day, over everything the reader sees or one region of it. */
function ComplianceTrend({ regions, scope }: { regions: { id: string; code: string; name: string }[]; scope: string }) {
  const [regionId, setRegionId] = useState('');
  const [chosenProgramId, setProgramId] = useState('');
  const [options] = useQuery({ query: FilterOptionsDocument });
  const programs = options.data?.certificationPrograms ?? [];
  const programId = chosenProgramId || (programs[0]?.id ?? '');
  const period = { programId, from: isoDay(1 - TREND_DAYS, 'UTC'), to: isoDay(0, 'UTC') };
  const [chain] = useQuery({ query: ChainTrendDocument, variables: period, pause: !programId || regionId !== '' });
  const [region] = useQuery({
    query: RegionTrendDocument,
    variables: { ...period, regionId },
    pause: !programId || regionId === '',
  });
  const { fetching, error } = regionId ? region : chain;
  const points = regionId ? region.data?.regionComplianceTrend : chain.data?.chainComplianceTrend;
  const program = programs.find((p) => p.id === programId);
  const place = regions.find((r) => r.id === regionId)?.name ?? scope;
  return (
    <Card title={`Last ${TREND_DAYS} days`}>
      <div className="filters" style={{ marginBottom: '1rem' }}>
        {regions.length > 1 && (
          <SelectField
            label="Trend of"
            value={regionId}
            placeholder={`All of ${scope}`}
            onChange={(e) => setRegionId(e.target.value)}
            options={regions.map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` }))}
          />
        )}
        <SelectField
          label="Trend programme"
          value={programId}
          onChange={(e) => setProgramId(e.target.value)}
          options={programs.map((p) => ({ value: p.id, label: p.name }))}
        />
      </div>
      {options.data && programs.length === 0 && <p className="empty">No certification programme yet.</p>}
      {error && <ErrorAlert error={error} />}
      {fetching && !points && <Spinner />}
      {points && (
        <TrendChart
          title={`${program?.name ?? 'Programme'} compliance of ${place}`}
          points={points.map((p) => ({ day: p.day, percent: p.compliancePercent }))}
        />
      )}
    </Card>
  );
}

function StoreRanking() {
  const [regionId, setRegionId] = useState('');
  const [programId, setProgramId] = useState('');
  const [options] = useQuery({ query: FilterOptionsDocument });
  const pages = useCursorPages(`${regionId}/${programId}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StoreRankingDocument,
    variables: { ...compact({ regionId, programId }), first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.complianceByStore;
  const offset = (pages.page - 1) * PAGE_SIZE;
  return (
    <Card
      title="Stores, lowest compliance first"
      actions={
        // The people behind the Missing and Overdue columns of every store listed, not only this page's.
        <div className="page-actions">
          <DownloadButton
            label="Export CSV"
            filename="store-compliance.csv"
            url={`/reports/store-compliance.csv${queryString({ regionId, programId })}`}
          />
          <DownloadButton
            label="Export who is missing"
            filename="missing-certifications.csv"
            url={`/reports/missing-certifications.csv${queryString({ regionId, programId })}`}
          />
          <DownloadButton
            label="Export overdue work"
            filename="open-assignments.csv"
            url={`/reports/open-assignments.csv${queryString({ regionId, status: 'OVERDUE' })}`}
          />
        </div>
      }
    >
      <div className="filters" style={{ marginBottom: '1rem' }}>
        <SelectField
          label="Region"
          value={regionId}
          placeholder="All regions"
          onChange={(e) => setRegionId(e.target.value)}
          options={options.data?.regions.map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` })) ?? []}
        />
        <SelectField
          label="Programme"
          value={programId}
          placeholder="All programmes"
          onChange={(e) => setProgramId(e.target.value)}
          options={options.data?.certificationPrograms.map((p) => ({ value: p.id, label: p.name })) ?? []}
        />
      </div>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Stores ranked by compliance"
            empty="No stores."
            rows={connection.edges.map((e, index) => ({ ...e.node, rank: offset + index + 1 }))}
            rowKey={(s) => s.store.id}
            columns={[
              { header: '#', cell: (s) => s.rank, numeric: true },
              {
                header: 'Store',
                cell: (s) => (
                  <Link to={`/store?store=${s.store.id}`}>
                    {s.store.code} · {s.store.name}
                  </Link>
                ),
              },
              { header: 'Region', cell: (s) => s.store.region.code },
              { header: 'Compliance', cell: (s) => formatPercent(s.compliancePercent), numeric: true },
              { header: 'Required', cell: (s) => s.required, numeric: true },
              { header: 'Certified', cell: (s) => s.certified, numeric: true },
              { header: 'Expiring', cell: (s) => s.expiringSoon, numeric: true },
              { header: 'Expired', cell: (s) => s.expired, numeric: true },
              { header: 'Missing', cell: (s) => s.missing, numeric: true },
              { header: 'Overdue', cell: (s) => s.overdueAssignments, numeric: true },
            ]}
          />
          <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />
        </>
      )}
    </Card>
  );
}

/** What the totals cover: the chain for HR, the regions a regional manager has, a store manager's stores. */
function scopeName(role: Role, regions: { name: string }[]): string | null {
  if (HR_ROLES.includes(role)) return null;
  if (role !== 'REGIONAL_MANAGER' || regions.length === 0) return 'your stores';
  const names = regions.map((r) => r.name);
  return names.length === 1 ? `region ${names[0]}` : `regions ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function CompliancePage() {
  const me = useMe();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ChainComplianceDocument });
  const scope = data
    ? scopeName(
        me.role,
        data.regionCompliance.map((r) => r.region),
      )
    : null;
  return (
    <>
      <PageHeader
        title="Compliance"
        description={`Who holds the certifications their job role requires${scope ? `, in ${scope}` : ''}.`}
      />
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {data && (
        <>
          <div className="grid grid-4" role="group" aria-label={scope ? `Figures of ${scope}` : 'Chain figures'}>
            <Stat label="Compliance" value={formatPercent(data.chainCompliance.compliancePercent)} />
            <Stat label="People" value={data.chainCompliance.headcount} />
            <Stat label="Required" value={data.chainCompliance.required} />
            <Stat label="Certified" value={data.chainCompliance.certified} />
          </div>
          <Card title="Compliance by region">
            <BarChart
              title="Compliance by region"
              bars={data.regionCompliance.map((r) => ({
                label: `${r.region.code} · ${r.region.name}`,
                percent: r.compliancePercent,
              }))}
            />
          </Card>
          <ComplianceTrend regions={data.regionCompliance.map((r) => r.region)} scope={scope ?? 'the chain'} />
        </>
      )}
      <StoreRanking />
    </>
  );
}
