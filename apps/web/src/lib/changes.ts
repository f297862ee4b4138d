/**
 * The fields of a form that differ from what was loaded into it. Saving only these keeps what
 * another admin changed meanwhile in the fields this one left alone: sending the whole form
 * put back the values it had loaded.
 */
export function changedFields<T extends object>(loaded: T, edited: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(edited).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(loaded[key as keyof T])),
  ) as Partial<T>;
}
