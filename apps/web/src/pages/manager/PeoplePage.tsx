import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { compact, fullName, humanize, storeCode } from '../../lib/format';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { DataTable, Pager } from '../../ui/DataTable';
import { Badge, QueryStatus } from '../../ui/Feedback';
import { SelectField, TextField } from '../../ui/Field';
import { PageHeader } from '../../ui/Layout';
import { StoreSelect } from './StoreSelect';

const PeopleDocument = graphql(`
  query People($filter: EmployeeFilterInput, $first: Int, $after: String) {
    employees(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          employeeNumber
          firstName
          lastName
          email
          role
          active
          invite {
            status
          }
          jobRole {
            code
            name
          }
          store {
            id
            code
            closedOn
          }
        }
      }
    }
  }
`);

export function PeoplePage() {
  const [search, setSearch] = useState('');
  const [storeId, setStoreId] = useState('');
  const [active, setActive] = useState('true');
  const filter = compact({
    search: search.trim() || null,
    storeId: storeId || null,
    active: active === '' ? null : active === 'true',
  });
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PeopleDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.employees;
  return (
    <>
      <PageHeader title="People" description="Everyone you look after: open a name for their training record." />
      <div className="filters card" role="search">
        <TextField
          label="Search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          hint="Start of a name, number or email"
        />
        <StoreSelect value={storeId} placeholder="All stores" onChange={setStoreId} />
        <SelectField
          label="Status"
          value={active}
          onChange={(e) => setActive(e.target.value)}
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Deactivated' },
            { value: '', label: 'Everyone' },
          ]}
        />
      </div>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="People"
            empty="Nobody matches."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Name', cell: (p) => <Link to={`/people/${p.id}`}>{fullName(p)}</Link> },
              { header: 'Number', cell: (p) => p.employeeNumber },
              { header: 'Job role', cell: (p) => p.jobRole.name },
              { header: 'Store', cell: (p) => storeCode(p.store) },
              {
                header: 'Access',
                cell: (p) => (
                  <>
                    {humanize(p.role)} {!p.active && <Badge tone="neutral">Deactivated</Badge>}
                    {p.active && p.invite?.status === 'NOT_SENT' && <Badge tone="danger">Invite not sent</Badge>}
                  </>
                ),
              },
            ]}
          />
          <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />
        </>
      )}
    </>
  );
}
