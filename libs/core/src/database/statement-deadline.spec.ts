import { runWithDeadline, timeLeftMs, withTimeLimit } from './statement-deadline';

describe('limiting a SELECT to the time left of its request', () => {
  it('prefixes MariaDB statements with max_statement_time in seconds', () => {
    expect(withTimeLimit('SELECT 1', 1500, true)).toBe('SET STATEMENT max_statement_time=1.500 FOR SELECT 1');
  });

  it('gives MySQL a MAX_EXECUTION_TIME hint in milliseconds', () => {
    expect(withTimeLimit('  select a from t', 250.2, false)).toBe('SELECT /*+ MAX_EXECUTION_TIME(251) */ a from t');
  });

  it('leaves writes and transaction control alone', () => {
    for (const sql of ['INSERT INTO t SELECT 1', 'UPDATE t SET a = 1', 'START TRANSACTION', 'COMMIT']) {
      expect(withTimeLimit(sql, 100, true)).toBe(sql);
      expect(withTimeLimit(sql, 100, false)).toBe(sql);
    }
  });

  it('never asks for no time at all once the deadline has passed', () => {
    expect(withTimeLimit('SELECT 1', -20, false)).toBe('SELECT /*+ MAX_EXECUTION_TIME(1) */ 1');
  });

  it('knows the time left only inside a request', () => {
    expect(timeLeftMs()).toBeUndefined();
    runWithDeadline(10_000, () => {
      expect(timeLeftMs()).toBeGreaterThan(9_000);
    });
  });
});
