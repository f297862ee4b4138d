import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMe } from '../../lib/session';
import { SelectField } from '../../ui/Field';

const MyStoresDocument = graphql(`
  query MyStores {
    stores(first: 100) {
      totalCount
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);

/** The store a manager is looking at: `?store=` in the address, else their own, else the first they may see. */
export function useStorePicker() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: MyStoresDocument });
  const stores = data?.stores.edges.map((e) => e.node) ?? [];
  const wanted = params.get('store');
  const storeId =
    stores.find((s) => s.id === wanted)?.id ?? stores.find((s) => s.id === me.store.id)?.id ?? stores[0]?.id ?? null;
  const store = stores.find((s) => s.id === storeId) ?? null;
  const picker =
    stores.length > 1 ? (
      <div style={{ minWidth: '14rem' }}>
        <SelectField
          label="Store"
          value={storeId ?? ''}
          onChange={(e) => setParams({ store: e.target.value })}
          options={stores.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
        />
      </div>
    ) : null;
  return { storeId, store, picker, fetching: fetching && !data, error };
}
