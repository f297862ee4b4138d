import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { Button } from '../../ui/Button';
import { DataTable, Pager } from '../../ui/DataTable';
import { Alert, ErrorAlert, QueryStatus } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { PageHeader } from '../../ui/Layout';

const StoresListDocument = graphql(`
  query StoresList($search: String, $first: Int, $after: String) {
    stores(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          timezone
          region {
            id
            code
          }
        }
      }
    }
  }
`);

const DeleteStoreDocument = graphql(`
  mutation DeleteStore($id: ID!) {
    deleteStore(id: $id) {
      id
      code
      name
    }
  }
`);

interface StoreRow {
  id: string;
  code: string;
  name: string;
}

export function StoresPage() {
  const [search, setSearch] = useState('');
  const pages = useCursorPages(search);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StoresListDocument,
    variables: { search: search.trim() || null, first: PAGE_SIZE, after: pages.after },
  });
  const [deletion, deleteStore] = useMutation(DeleteStoreDocument);
  const [asked, setAsked] = useState<StoreRow | null>(null);
  const [deleted, setDeleted] = useState<StoreRow | null>(null);
  const connection = data?.stores;

  async function confirmDeletion(store: StoreRow) {
    const result = await deleteStore({ id: store.id });
    if (result.error) return;
    setAsked(null);
    setDeleted(store);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <PageHeader
        title="Stores"
        description="A store created by mistake can be deleted; one with people or history stays, so its history remains readable."
      />
      <div className="filters card" role="search">
        <TextField
          label="Find a store"
          value={search}
          placeholder="Code or name"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {deleted && (
        <Alert tone="success">
          Deleted {deleted.code} · {deleted.name}.
        </Alert>
      )}
      {asked && (
        <div className="card" role="group" aria-label={`Deleting ${asked.code}`}>
          <p>
            Delete {asked.code} · {asked.name}? Only a store that nothing refers to can be deleted.
          </p>
          {deletion.error && deletion.operation?.variables.id === asked.id && <ErrorAlert error={deletion.error} />}
          <Button busy={deletion.fetching} onClick={() => confirmDeletion(asked)}>
            Yes, delete {asked.code}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setAsked(null)}>
            Keep it
          </Button>
        </div>
      )}
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Stores"
            empty="No stores match."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Code', cell: (s) => s.code },
              { header: 'Name', cell: (s) => s.name },
              { header: 'Region', cell: (s) => s.region.code },
              { header: 'Time zone', cell: (s) => s.timezone },
              {
                header: 'Actions',
                cell: (s) => (
                  <Button
                    variant="secondary"
                    small
                    aria-label={`Delete ${s.code}`}
                    onClick={() => {
                      setDeleted(null);
                      setAsked(s);
                    }}
                  >
                    Delete
                  </Button>
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
