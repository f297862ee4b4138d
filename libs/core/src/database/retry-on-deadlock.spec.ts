import { retryOnDeadlock } from './retry-on-deadlock';

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 });

describe('retryOnDeadlock', () => {
  it('runs the work again after a deadlock and answers what it then answers', async () => {
    const work = jest.fn().mockRejectedValueOnce(deadlock()).mockResolvedValueOnce('done');

    await expect(retryOnDeadlock(work)).resolves.toBe('done');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('gives up after the attempts allowed, with the last deadlock', async () => {
    const work = jest.fn().mockRejectedValue(deadlock());

    await expect(retryOnDeadlock(work, 3)).rejects.toMatchObject({ errno: 1213 });
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('does not repeat work that failed for another reason', async () => {
    const work = jest.fn().mockRejectedValue(Object.assign(new Error('Duplicate entry'), { errno: 1062 }));

    await expect(retryOnDeadlock(work)).rejects.toThrow('Duplicate entry');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('recognises the driver error TypeORM wraps', async () => {
    const wrapped = Object.assign(new Error('QueryFailedError'), { driverError: { errno: 1213 } });
    const work = jest.fn().mockRejectedValueOnce(wrapped).mockResolvedValueOnce(1);

    await expect(retryOnDeadlock(work)).resolves.toBe(1);
  });
});
