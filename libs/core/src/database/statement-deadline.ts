import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestDeadline {
  /** The instant (epoch ms) by which the request's work must be done. */
  at: number;
  /** Whether its SELECTs get the time left as a server-side limit. */
  limitsStatements: boolean;
}

const deadlines = new AsyncLocalStorage<RequestDeadline>();

/** Runs `work` (and everything it starts) under a deadline `budgetMs` from now. */
export function runWithDeadline<T>(budgetMs: number, work: () => T): T {
  return deadlines.run({ at: Date.now() + budgetMs, limitsStatements: true }, work);
}

/** Milliseconds left before the current request's deadline, or undefined outside one. */
export function timeLeftMs(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline.at - Date.now();
}

/**
 * Lets the current request's statements run past its deadline: a write that has started
 * finishes (or rolls back) on its own terms rather than losing a SELECT halfway through.
 */
export function exemptStatementsFromDeadline(): void {
  const deadline = deadlines.getStore();
  if (deadline) deadline.limitsStatements = false;
}

function statementTimeLeftMs(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline?.limitsStatements ? deadline.at - Date.now() : undefined;
}

/**
 * A SELECT with a server-side time limit of what is left of the request: MariaDB's
 * `SET STATEMENT max_statement_time=<s> FOR`, MySQL 8's `MAX_EXECUTION_TIME(<ms>)` optimizer
 * hint (MySQL ignores it outside SELECT; writes are bounded by the request's own checks).
 */
export function withTimeLimit(sql: string, milliseconds: number, mariadb: boolean): string {
  if (!/^\s*SELECT\b/i.test(sql)) return sql;
  const ms = Math.max(1, Math.ceil(milliseconds));
  return mariadb
    ? `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${sql}`
    : sql.replace(/^\s*SELECT\b/i, `SELECT /*+ MAX_EXECUTION_TIME(${ms}) */`);
}

type QueryArgument = string | { sql: string } | unknown;

interface MysqlConnection {
  query(query: QueryArgument, ...rest: unknown[]): unknown;
  /** Set by mysql2 from the server's handshake. */
  _isMariaDB?: boolean;
  [key: symbol]: unknown;
}

interface MysqlPool {
  on(event: 'connection', listener: (connection: MysqlConnection) => void): unknown;
}

interface MysqlPoolCluster {
  getConnection(...args: unknown[]): unknown;
}

const LIMITED = Symbol('statementsLimited');

function limitStatements(connection: MysqlConnection): void {
  if (connection[LIMITED]) return;
  connection[LIMITED] = true;
  const query = connection.query.bind(connection);
  connection.query = (statement: QueryArgument, ...rest: unknown[]) => {
    const left = statementTimeLeftMs();
    if (left === undefined) return query(statement, ...rest);
    const mariadb = connection._isMariaDB === true;
    if (typeof statement === 'string') return query(withTimeLimit(statement, left, mariadb), ...rest);
    if (statement && typeof (statement as { sql?: unknown }).sql === 'string') {
      const payload = statement as { sql: string };
      return query({ ...payload, sql: withTimeLimit(payload.sql, left, mariadb) }, ...rest);
    }
    return query(statement, ...rest);
  };
}

/**
 * The mysql2 module with every pooled connection limiting its SELECTs to the time left of
 * the request that runs them (see `runWithDeadline`); outside a request nothing changes.
 * TypeORM takes it as its `driver`.
 */
export function deadlineAwareMysql2(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mysql2 = require('mysql2') as {
    createPool(options: unknown): MysqlPool;
    createPoolCluster(options: unknown): MysqlPoolCluster;
  };
  return {
    ...mysql2,
    createPool(options: unknown) {
      const pool = mysql2.createPool(options);
      pool.on('connection', limitStatements);
      return pool;
    },
    createPoolCluster(options: unknown) {
      const cluster = mysql2.createPoolCluster(options);
      const getConnection = cluster.getConnection.bind(cluster);
      cluster.getConnection = (...args: unknown[]) => {
        const callback = args.pop() as (error: unknown, connection?: MysqlConnection) => void;
        return getConnection(...args, (error: unknown, connection?: MysqlConnection) => {
          if (connection) limitStatements(connection);
          callback(error, connection);
        });
      };
      return cluster;
    },
  };
}
