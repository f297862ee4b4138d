/**
 * Retries an assertion until it passes or `timeoutMs` runs out, for work that happens in
 * queue workers. Polls real time only; dates in the domain come from the ManualClock.
 */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
