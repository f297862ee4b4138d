import { everyOneSettled } from './every-one-settled';

describe('everyOneSettled', () => {
  const after = <T>(ms: number, outcome: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(outcome());
        } catch (error) {
          reject(error as Error);
        }
      }, ms),
    );

  it('gives every value, in order', async () => {
    await expect(everyOneSettled([after(20, () => 'slow'), after(1, () => 2)] as const)).resolves.toEqual(['slow', 2]);
  });

  it('reports the first failure only once the slower work has finished', async () => {
    let slowFinished = false;
    const slow = after(50, () => (slowFinished = true));
    const failing = after(1, () => {
      throw new Error('first');
    });
    const failingLater = after(10, () => {
      throw new Error('second');
    });

    await expect(everyOneSettled([slow, failing, failingLater] as const)).rejects.toThrow('first');
    expect(slowFinished).toBe(true);
  });
});
