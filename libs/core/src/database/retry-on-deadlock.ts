import { isDeadlockError } from '../errors';

/**
 * Runs `work` again when InnoDB chose it as a deadlock's victim, up to `attempts` times in
 * all. InnoDB has rolled the victim's transaction back whole, so this is only for work that
 * starts its own transaction or is one autocommitted statement, and is safe to repeat.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isDeadlockError(error)) throw error;
    }
  }
}
