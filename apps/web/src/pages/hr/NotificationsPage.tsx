import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { NotificationStatus } from '../../gql/graphql';
import { compact, formatDateTime, fullName, humanize } from '../../lib/format';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { DataTable, Pager } from '../../ui/DataTable';
import { QueryStatus, StatusBadge } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/Layout';

const NotificationsDocument = graphql(`
  query Notifications($filter: NotificationFilterInput, $first: Int, $after: String) {
    notifications(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          offsetKey
          plannedAt
          sendAfter
          sentAt
          attempts
          lastError
          subjectType
          reason
          recipient {
            id
            firstName
            lastName
          }
        }
      }
    }
  }
`);

const KINDS = [
  'ASSIGNMENT_DUE',
  'ASSIGNMENT_OVERDUE',
  'ESCALATION',
  'CERTIFICATION_EXPIRING',
  'CERTIFICATION_EXPIRED',
  'WEEKLY_DIGEST',
];

export function NotificationsPage() {
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const filter = compact({ kind, status: status as NotificationStatus });
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NotificationsDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.notifications;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Every reminder, escalation and digest: planned, sent, failed or cancelled."
      />
      <div className="filters card" role="search">
        <SelectField
          label="Kind"
          value={kind}
          placeholder="Any kind"
          onChange={(e) => setKind(e.target.value)}
          options={KINDS.map((k) => ({ value: k, label: humanize(k) }))}
        />
        <SelectField
          label="Status"
          value={status}
          placeholder="Any status"
          onChange={(e) => setStatus(e.target.value)}
          options={['PENDING', 'SENT', 'FAILED', 'CANCELLED'].map((s) => ({ value: s, label: humanize(s) }))}
        />
      </div>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Notifications"
            empty="No notifications match."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(n) => n.id}
            columns={[
              { header: 'Kind', cell: (n) => humanize(n.kind) },
              {
                header: 'To',
                cell: (n) =>
                  n.recipient ? <Link to={`/people/${n.recipient.id}`}>{fullName(n.recipient)}</Link> : '—',
              },
              { header: 'Which', cell: (n) => n.offsetKey },
              { header: 'Why them', cell: (n) => n.reason ?? '' },
              { header: 'Status', cell: (n) => <StatusBadge status={n.status} /> },
              { header: 'Planned', cell: (n) => formatDateTime(n.plannedAt) },
              { header: 'Sent', cell: (n) => formatDateTime(n.sentAt) },
              { header: 'Attempts', cell: (n) => n.attempts, numeric: true },
              { header: 'Note', cell: (n) => n.lastError ?? '' },
            ]}
          />
          <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />
        </>
      )}
    </>
  );
}
