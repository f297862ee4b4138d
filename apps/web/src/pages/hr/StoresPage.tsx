import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDay } from '../../lib/format';
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
          closedOn
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

const CloseStoreDocument = graphql(`
  mutation CloseStore($id: ID!) {
    closeStore(id: $id) {
      id
      code
      name
      closedOn
    }
  }
`);

const ReopenStoreDocument = graphql(`
  mutation ReopenStore($id: ID!) {
    reopenStore(id: $id) {
      id
      code
      name
      closedOn
    }
  }
`);

interface StoreRow {
  id: string;
  code: string;
  name: string;
  closedOn?: string | null;
}

/** What HR asked to do to a store, awaiting their confirmation. */
type Asked = { store: StoreRow; action: 'close' | 'delete' };

export function StoresPage() {
  const [search, setSearch] = useState('');
  const pages = useCursorPages(search);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StoresListDocument,
    variables: { search: search.trim() || null, first: PAGE_SIZE, after: pages.after },
  });
  const [deletion, deleteStore] = useMutation(DeleteStoreDocument);
  const [closing, closeStore] = useMutation(CloseStoreDocument);
  const [reopening, reopenStore] = useMutation(ReopenStoreDocument);
  const [asked, setAsked] = useState<Asked | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const connection = data?.stores;
  const running = asked?.action === 'close' ? closing : deletion;

  function ask(store: StoreRow, action: Asked['action']) {
    setDone(null);
    setAsked({ store, action });
  }

  async function confirm({ store, action }: Asked) {
    let outcome: string;
    if (action === 'close') {
      const result = await closeStore({ id: store.id });
      if (result.error) return;
      outcome = `Closed ${store.code} · ${store.name} on ${formatDay(result.data?.closeStore.closedOn)}.`;
    } else {
      const result = await deleteStore({ id: store.id });
      if (result.error) return;
      outcome = `Deleted ${store.code} · ${store.name}.`;
    }
    setAsked(null);
    setDone(outcome);
    refetch({ requestPolicy: 'network-only' });
  }

  async function reopen(store: StoreRow) {
    setAsked(null);
    setDone(null);
    const result = await reopenStore({ id: store.id });
    if (result.error) return;
    setDone(`Reopened ${store.code} · ${store.name}.`);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <PageHeader
        title="Stores"
        description="A store that closes is closed here once its people have moved or left: it keeps its history, and nobody can join it. A store created by mistake can be deleted."
      />
      <div className="filters card" role="search">
        <TextField
          label="Find a store"
          value={search}
          placeholder="Code or name"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {reopening.error && <ErrorAlert error={reopening.error} />}
      {asked && (
        <div
          className="card"
          role="group"
          aria-label={`${asked.action === 'close' ? 'Closing' : 'Deleting'} ${asked.store.code}`}
        >
          <p>
            {asked.action === 'close'
              ? `Close ${asked.store.code} · ${asked.store.name} today? It keeps its history and stays in past reports; nobody can be hired or moved into it. Its people must have moved or left first.`
              : `Delete ${asked.store.code} · ${asked.store.name}? Only a store that nothing refers to can be deleted.`}
          </p>
          {running.error && running.operation?.variables.id === asked.store.id && <ErrorAlert error={running.error} />}
          <Button busy={running.fetching} onClick={() => confirm(asked)}>
            Yes, {asked.action} {asked.store.code}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setAsked(null)}>
            {asked.action === 'close' ? 'Keep it open' : 'Keep it'}
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
              { header: 'Status', cell: (s) => (s.closedOn ? `Closed on ${formatDay(s.closedOn)}` : 'Open') },
              {
                header: 'Actions',
                cell: (s) => (
                  <>
                    {s.closedOn ? (
                      <Button
                        variant="secondary"
                        small
                        busy={reopening.fetching && reopening.operation?.variables.id === s.id}
                        aria-label={`Reopen ${s.code}`}
                        onClick={() => reopen(s)}
                      >
                        Reopen
                      </Button>
                    ) : (
                      <Button variant="secondary" small aria-label={`Close ${s.code}`} onClick={() => ask(s, 'close')}>
                        Close
                      </Button>
                    )}{' '}
                    <Button variant="secondary" small aria-label={`Delete ${s.code}`} onClick={() => ask(s, 'delete')}>
                      Delete
                    </Button>
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
