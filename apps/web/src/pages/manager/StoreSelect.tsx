import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { compact } from '../../lib/format';
import { MAX_PAGE_SIZE as MAX_CHOICES } from '../../lib/paging';
import { SelectField, TextField } from '../../ui/Field';

export const StoreChoicesDocument = graphql(`
  query StoreChoices($search: String, $regionId: ID, $closed: Boolean, $first: Int) {
    stores(search: $search, regionId: $regionId, closed: $closed, first: $first) {
      totalCount
      edges {
        node {
          id
          code
          name
          closedOn
        }
      }
    }
  }
`);

export const StoreDocument = graphql(`
  query Store($id: ID!) {
    store(id: $id) {
      id
      code
      name
      timezone
      closedOn
      region {
        id
        name
      }
    }
  }
`);

const label = (store: { code: string; name: string; closedOn?: string | null }) =>
  `${store.code} · ${store.name}${store.closedOn ? ' (closed)' : ''}`;

/**
 * Chooses one of the stores the caller may see, however many there are: with more than a
 * page of them, a search field narrows the list. Renders nothing when there is nothing else
 * to choose. It is for filtering and looking back, so closed stores are listed, marked.
 */
export function StoreSelect({
  value,
  onChange,
  placeholder,
  regionId,
}: {
  value: string;
  onChange: (storeId: string) => void;
  /** An option for no store in particular, e.g. "All stores". */
  placeholder?: string;
  regionId?: string;
}) {
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({
    query: StoreChoicesDocument,
    variables: { ...compact({ search: search.trim(), regionId }), first: MAX_CHOICES },
  });
  const choices = data?.stores.edges.map((e) => e.node) ?? [];
  const chosenIsListed = !value || choices.some((s) => s.id === value);
  const [chosen] = useQuery({ query: StoreDocument, variables: { id: value }, pause: chosenIsListed });
  const chosenStore = chosen.data?.store?.id === value ? chosen.data.store : null;
  const totalCount = data?.stores.totalCount ?? 0;
  const searchable = search !== '' || totalCount > MAX_CHOICES;
  const choiceCount = choices.length + (placeholder === undefined ? 0 : 1) + (chosenIsListed ? 0 : 1);
  if (!data || (!searchable && choiceCount <= 1)) return null;

  const options = choices.map((s) => ({ value: s.id, label: label(s) }));
  if (!chosenIsListed) {
    const chosenLabel = chosenStore ? label(chosenStore) : chosen.error ? 'Store not found' : 'Loading…';
    options.unshift({ value, label: chosenLabel });
  }
  return (
    <>
      {searchable && (
        <TextField
          label="Find a store"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          hint={
            totalCount > MAX_CHOICES
              ? `The list shows ${MAX_CHOICES} of ${totalCount} stores: type part of a name or the start of a code`
              : 'Part of a name, or the start of a code'
          }
        />
      )}
      <SelectField
        label="Store"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        options={options}
        hint={searchable && totalCount === 0 ? 'No store matches' : undefined}
      />
    </>
  );
}
