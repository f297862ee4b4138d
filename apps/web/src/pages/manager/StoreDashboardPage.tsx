import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CertificationStatus } from '../../gql/graphql';
import { queryString } from '../../lib/download';
import { dueLabel, formatDate, formatDay, formatPercent, fullName, isoDay } from '../../lib/format';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { BarChart } from '../../ui/BarChart';
import { ButtonLink } from '../../ui/Button';
import { DataTable, Pager } from '../../ui/DataTable';
import { DownloadButton } from '../../ui/DownloadButton';
import { ErrorAlert, QueryStatus, Spinner, StatusBadge } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { Card, PageHeader, Stat } from '../../ui/Layout';
import { TrendChart } from '../../ui/TrendChart';
import { ClosedStoreNotice } from './ClosedStoreNotice';
import { useStorePicker } from './useStorePicker';

const StoreComplianceDocument = graphql(`
  query StoreDashboard($storeId: ID!) {
    storeCompliance(storeId: $storeId) {
      headcount
      required
      certified
      compliancePercent
      expiringSoon
      expired
      missing
      overdueAssignments
      completionRatePercent
      averageQuizScorePercent
      programs {
        program {
          id
          code
          name
        }
        required
        certified
        expiringSoon
        expired
        missing
        compliancePercent
      }
    }
    openAssignments: assignments(filter: { storeId: $storeId, status: ASSIGNED }, first: 1) {
      totalCount
    }
    inProgress: assignments(filter: { storeId: $storeId, status: IN_PROGRESS }, first: 1) {
      totalCount
    }
  }
`);

const OverdueDocument = graphql(`
  query StoreOverdue($storeId: ID!, $first: Int, $after: String) {
    assignments(filter: { storeId: $storeId, status: OVERDUE }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          dueAt
          progressPercent
          course {
            id
            title
          }
          employee {
            id
            firstName
            lastName
            jobRole {
              name
            }
          }
        }
      }
    }
  }
`);

const StoreCertificationsDocument = graphql(`
  query StoreCertifications($storeId: ID!, $status: CertificationStatus, $first: Int, $after: String) {
    certifications(filter: { storeId: $storeId, status: $status, holderActive: true }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          expiresOn
          program {
            id
            name
          }
          employee {
            id
            firstName
            lastName
          }
        }
      }
    }
  }
`);

const StoreMissingPeopleDocument = graphql(`
  query StoreMissingPeople($storeId: ID!, $first: Int, $after: String) {
    storeCompliance(storeId: $storeId) {
      programs {
        program {
          id
        }
        missingEmployees(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              firstName
              lastName
              jobRole {
                name
              }
            }
          }
        }
      }
    }
  }
`);

const StoreTrendDocument = graphql(`
  query StoreTrend($storeId: ID!, $programId: ID!, $from: String!, $to: String!) {
    storeComplianceTrend(storeId: $storeId, programId: $programId, from: $from, to: $to) {
      day
      compliancePercent
    }
  }
`);

/** A store's id and the time zone its people's dates are read in. */
interface StoreProps {
  storeId: string;
  timeZone: string;
}

function ComplianceTrend({ storeId, timeZone, programs }: StoreProps & { programs: { id: string; name: string }[] }) {
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [{ data, fetching, error }] = useQuery({
    query: StoreTrendDocument,
    variables: { storeId, programId, from: isoDay(-30, timeZone), to: isoDay(0, timeZone) },
    pause: !programId,
  });
  const program = programs.find((p) => p.id === programId);
  return (
    <Card
      title="Last 30 days"
      actions={
        programs.length > 1 ? (
          <div style={{ minWidth: '12rem' }}>
            <SelectField
              label="Programme"
              value={programId}
              onChange={(e) => setProgramId(e.target.value)}
              options={programs.map((p) => ({ value: p.id, label: p.name }))}
            />
          </div>
        ) : undefined
      }
    >
      {programs.length === 0 && <p className="empty">No programme applies to this store.</p>}
      {error && <ErrorAlert error={error} />}
      {fetching && !data && <Spinner />}
      {data && (
        <TrendChart
          title={`${program?.name ?? 'Programme'} compliance`}
          points={data.storeComplianceTrend.map((p) => ({ day: p.day, percent: p.compliancePercent }))}
        />
      )}
    </Card>
  );
}

function OverdueWork({ storeId, timeZone }: StoreProps) {
  const pages = useCursorPages(storeId);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OverdueDocument,
    variables: { storeId, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.assignments;
  return (
    <Card
      title={`Overdue work${connection ? ` (${connection.totalCount})` : ''}`}
      actions={
        <div className="page-actions">
          <DownloadButton
            label="Export overdue work"
            filename="open-assignments.csv"
            url={`/reports/open-assignments.csv${queryString({ storeId, status: 'OVERDUE' })}`}
          />
          <DownloadButton
            label="Export all open work"
            filename="open-assignments.csv"
            url={`/reports/open-assignments.csv${queryString({ storeId })}`}
          />
        </div>
      }
    >
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Overdue assignments"
            empty="Nobody is overdue. Well done."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(a) => a.id}
            columns={[
              {
                header: 'Person',
                cell: (a) => <Link to={`/people/${a.employee.id}`}>{fullName(a.employee)}</Link>,
              },
              { header: 'Job role', cell: (a) => a.employee.jobRole.name },
              { header: 'Course', cell: (a) => a.course.title },
              { header: 'Due', cell: (a) => `${formatDate(a.dueAt, timeZone)} (${dueLabel(a.dueAt, timeZone)})` },
              { header: 'Progress', cell: (a) => `${a.progressPercent}%`, numeric: true },
            ]}
          />
          {connection.totalCount > PAGE_SIZE && <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />}
        </>
      )}
    </Card>
  );
}

/** One programme's missing people, paged on its own; the first pages of all programmes share one request. */
function MissingPeople({ storeId, program }: { storeId: string; program: { id: string; name: string } }) {
  const pages = useCursorPages(`${storeId}/${program.id}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StoreMissingPeopleDocument,
    variables: { storeId, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.storeCompliance.programs.find((p) => p.program.id === program.id)?.missingEmployees;
  return (
    <div className="section">
      <h3>
        {program.name}
        {connection ? ` (${connection.totalCount})` : ''}
      </h3>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {data && !connection && <p className="empty">This programme no longer applies to the store.</p>}
      {connection && connection.totalCount > 0 && (
        <p>
          <ButtonLink
            small
            variant="secondary"
            to={`/store/assign?store=${storeId}&program=${program.id}`}
            aria-label={`Assign a course to them: everyone missing ${program.name}`}
          >
            Assign a course to them
          </ButtonLink>
        </p>
      )}
      {connection && (
        <>
          <DataTable
            caption={`Missing ${program.name}`}
            empty="Nobody is missing this certificate."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(person) => person.id}
            columns={[
              { header: 'Person', cell: (person) => <Link to={`/people/${person.id}`}>{fullName(person)}</Link> },
              { header: 'Job role', cell: (person) => person.jobRole.name },
            ]}
          />
          {connection.totalCount > PAGE_SIZE && <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />}
        </>
      )}
    </div>
  );
}

function CertificationWatch({ storeId }: { storeId: string }) {
  const [status, setStatus] = useState<CertificationStatus>('EXPIRING');
  const pages = useCursorPages(`${storeId}/${status}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StoreCertificationsDocument,
    variables: { storeId, status, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.certifications;
  return (
    <Card
      title="Certificates to renew"
      actions={
        <div style={{ minWidth: '10rem' }}>
          <SelectField
            label="Show"
            value={status}
            onChange={(e) => setStatus(e.target.value as CertificationStatus)}
            options={[
              { value: 'EXPIRING', label: 'Expiring soon' },
              { value: 'EXPIRED', label: 'Expired' },
            ]}
          />
        </div>
      }
    >
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption={status === 'EXPIRING' ? 'Certificates expiring soon' : 'Expired certificates'}
            empty={status === 'EXPIRING' ? 'No certificate is about to expire.' : 'No expired certificates.'}
            rows={connection.edges.map((e) => e.node)}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Person', cell: (c) => <Link to={`/people/${c.employee.id}`}>{fullName(c.employee)}</Link> },
              { header: 'Programme', cell: (c) => c.program.name },
              { header: 'Expires', cell: (c) => formatDay(c.expiresOn) },
              { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
            ]}
          />
          {connection.totalCount > PAGE_SIZE && <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />}
        </>
      )}
    </Card>
  );
}

function StoreFigures({ storeId, timeZone }: StoreProps) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StoreComplianceDocument, variables: { storeId } });
  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner label="Loading the store's figures…" />;
  if (!data) return null;
  const figures = data.storeCompliance;
  const open = data.openAssignments.totalCount + data.inProgress.totalCount;
  return (
    <>
      <div className="grid grid-4 section" aria-label="Store figures" role="group">
        <Stat label="Compliance" value={formatPercent(figures.compliancePercent)} />
        <Stat label="People" value={figures.headcount} />
        <Stat label="Open assignments" value={open} />
        <Stat label="Overdue assignments" value={figures.overdueAssignments} />
        <Stat label="Completion rate" value={formatPercent(figures.completionRatePercent)} />
        <Stat label="Average quiz score" value={formatPercent(figures.averageQuizScorePercent)} />
        <Stat label="Missing a certificate" value={figures.missing} />
        <Stat label="Expiring soon" value={figures.expiringSoon} />
      </div>
      <div>
        <Card title="Compliance per programme">
          <BarChart
            title="Compliance per programme"
            bars={figures.programs.map((p) => ({ label: p.program.name, percent: p.compliancePercent }))}
          />
        </Card>
        <ComplianceTrend storeId={storeId} timeZone={timeZone} programs={figures.programs.map((p) => p.program)} />
        <Card title="Certification per programme">
          <DataTable
            caption="Certification per programme"
            rows={figures.programs}
            rowKey={(p) => p.program.id}
            empty="No programme applies to this store."
            columns={[
              { header: 'Programme', cell: (p) => p.program.name },
              { header: 'Required', cell: (p) => p.required, numeric: true },
              { header: 'Certified', cell: (p) => p.certified, numeric: true },
              { header: 'Expiring', cell: (p) => p.expiringSoon, numeric: true },
              { header: 'Expired', cell: (p) => p.expired, numeric: true },
              { header: 'Missing', cell: (p) => p.missing, numeric: true },
            ]}
          />
        </Card>
        <Card
          title="Who is missing"
          actions={
            figures.programs.length > 0 && (
              <DownloadButton
                label="Export who is missing"
                filename="missing-certifications.csv"
                url={`/reports/missing-certifications.csv${queryString({ storeId })}`}
              />
            )
          }
        >
          {figures.programs.length === 0 ? (
            <p className="empty">No programme applies to this store.</p>
          ) : (
            figures.programs.map((p) => <MissingPeople key={p.program.id} storeId={storeId} program={p.program} />)
          )}
        </Card>
      </div>
    </>
  );
}

export function StoreDashboardPage() {
  const { store, picker, fallback } = useStorePicker();
  const open = store !== null && store.closedOn === null;
  return (
    <>
      <PageHeader
        title="Store dashboard"
        description={store ? `${store.code} · ${store.name}` : undefined}
        actions={
          <>
            {picker}
            {open && (
              <DownloadButton
                label="Export certificates"
                filename="certifications.csv"
                url={`/reports/certifications.csv${queryString({ storeId: store.id, holderActive: true })}`}
              />
            )}
            {open && <ButtonLink to={`/store/assign?store=${store.id}`}>Assign a refresher</ButtonLink>}
          </>
        }
      />
      {store?.closedOn ? (
        <ClosedStoreNotice store={{ name: store.name, closedOn: store.closedOn }}>
          It has no figures to follow and nobody to assign work to. Its former staff are on the{' '}
          <Link to="/people">People</Link> page: choose this store and the status Deactivated.
        </ClosedStoreNotice>
      ) : store ? (
        <>
          <StoreFigures storeId={store.id} timeZone={store.timezone} />
          <OverdueWork storeId={store.id} timeZone={store.timezone} />
          <CertificationWatch storeId={store.id} />
        </>
      ) : (
        fallback
      )}
    </>
  );
}
