/**
 * `Promise.all` that waits for every promise to settle before reporting the first failure,
 * so nothing started beside the failed work is still running (writing, holding a
 * connection) when the caller hears of it.
 */
export async function everyOneSettled<T extends readonly unknown[]>(work: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
