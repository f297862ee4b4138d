import { useSearchParams } from 'react-router-dom';
import { type CombinedError, useQuery } from 'urql';
import { errorCode } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { StoreDocument, StoreSelect } from './StoreSelect';

/**
 * The store a manager is looking at: `?store=` in the address, else their own. Never another
 * one in its place (figures of the wrong store, a refresher assigned to it): until `store`
 * is that one, `fallback` is what to show instead (loading, an error, or not found when it
 * is unknown or outside what they may see).
 */
export function useStorePicker() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const storeId = params.get('store') ?? me.store.id;
  const [{ data, fetching, error }] = useQuery({ query: StoreDocument, variables: { id: storeId } });
  // While another store loads, urql still holds the one before: never show it as this one.
  const store = data?.store?.id === storeId ? data.store : null;
  const picker = <StoreSelect value={storeId} onChange={(id) => setParams({ store: id })} />;
  return { store, picker, fallback: <StoreFallback fetching={fetching} error={error} /> };
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
