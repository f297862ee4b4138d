import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { queryString } from '../../lib/download';
import { compact, formatPercent } from '../../lib/format';
import { HR_ROLES, type Role, useMe } from '../../lib/session';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { BarChart } from '../../ui/BarChart';
import { DataTable, Pager } from '../../ui/DataTable';
import { DownloadButton } from '../../ui/DownloadButton';
import { QueryStatus } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { Card, PageHeader, Stat } from '../../ui/Layout';
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
        </>
      )}
      <StoreRanking />
    </>
  );
}
