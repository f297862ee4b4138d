import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

function fieldsNamed(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo) {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === name && selection.selectionSet) {
        found.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return found;
}

/**
 * Whether the query asks for the object field at `path` below the resolved field (through
 * fragments), so a resolver can skip reading what nobody selected. Directives are not
 * evaluated: a field under @skip or @include counts as selected, which only costs the read.
 */
export function selectsField(info: GraphQLResolveInfo, path: string[]): boolean {
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((set) => set !== undefined);
  for (const name of path) {
    sets = sets.flatMap((set) => fieldsNamed(set, name, info));
    if (sets.length === 0) return false;
  }
  return true;
}

/**
 * Whether the resolved field asks only for fields among `names` (and `__typename`), with
 * no fragment: then a parent that already carries those can answer without a read.
 */
export function selectsOnly(info: GraphQLResolveInfo, names: string[]): boolean {
  const allowed = new Set([...names, '__typename']);
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) => selection.kind === Kind.FIELD && allowed.has(selection.name.value),
    ),
  );
}
