import { useSearchParams } from 'react-router-dom';
import { type CombinedError, useQuery } from 'urql';
import { errorCode } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { StoreChoicesDocument, StoreDocument, StoreSelect } from './StoreSelect';

/**
 * The store a manager is looking at: `?store=` in the address, else their own. Never another
 * one in its place (figures of the wrong store, a refresher assigned to it): until `store`
 * is that one, `fallback` is what to show instead (loading, an error, or not found when it
 * is unknown or outside what they may see).
 */
export function useStorePicker() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('store');
  const defaultId = useDefaultStoreId(asked !== null);
  const storeId = asked ?? defaultId;
  const [{ data, fetching, error }] = useQuery({
    query: StoreDocument,
    variables: { id: storeId ?? '' },
    pause: storeId === undefined,
  });
  // While another store loads, urql still holds the one before: never show it as this one.
  const store = storeId !== undefined && data?.store?.id === storeId ? data.store : null;
  const picker = <StoreSelect value={storeId ?? ''} onChange={(id) => setParams({ store: id })} />;
  const fallback = <StoreFallback fetching={fetching || storeId === undefined} error={error} />;
  return { store, picker, fallback };
}

/**
 * Without `?store=`: their own store when they may see it, else the first open one they may (a
 * manager based at head office runs other stores), else the first closed one, whose page says
 * it is closed (someone who managed only stores that have closed); undefined while that is
 * being found out.
 */
function useDefaultStoreId(skip: boolean): string | undefined {
  const me = useMe();
  const [own] = useQuery({ query: StoreDocument, variables: { id: me.store.id }, pause: skip });
  const ownVisible = own.data?.store?.id === me.store.id;
  const ownRefused = !own.fetching && (own.error !== undefined || own.data?.store === null);
  const [firstOpen] = useQuery({
    query: StoreChoicesDocument,
    variables: { closed: false, first: 1 },
    pause: skip || !ownRefused,
  });
  const noneOpen = firstOpen.data?.stores.edges.length === 0;
  const [first] = useQuery({ query: StoreChoicesDocument, variables: { first: 1 }, pause: skip || !noneOpen });
  if (skip) return undefined;
  if (ownVisible) return me.store.id;
  if (!ownRefused || firstOpen.fetching || !firstOpen.data) return undefined;
  const open = firstOpen.data.stores.edges[0]?.node.id;
  if (open !== undefined) return open;
  if (first.fetching || !first.data) return undefined;
  return first.data.stores.edges[0]?.node.id ?? me.store.id;
}

function StoreFallback({ fetching, error }: { fetching: boolean; error?: CombinedError }) {
  if (fetching) return <Spinner />;
  // A malformed id in the address is as unknown as a well-formed one nobody has.
  if (error && !['NOT_FOUND', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '')) return <ErrorAlert error={error} />;
  return (
    <Alert tone="warning" title="Store not found">
      This store does not exist or is outside what you can see.
    </Alert>
  );
}
