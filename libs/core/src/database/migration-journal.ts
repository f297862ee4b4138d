import { type DataSource, type Migration, MigrationExecutor, QueryFailedError, type QueryRunner } from 'typeorm';
import { cliCommand } from '../cli-command';

/**
 * MySQL commits a schema change (CREATE, ALTER, DROP…) the moment it runs, with whatever
 * the migration wrote before it, and no rollback undoes it. A migration that fails after
 * one therefore keeps it but stays unrecorded, and run again it failed on that statement
 * ("Duplicate column name") for good. So each schema change a migration makes is written
 * here as soon as it is made, and until the migration is recorded a second run skips the
 * ones written and carries on. Its other statements run again: a data statement has to be
 * written so that running it twice does no more than once (SET x = …, INSERT IGNORE).
 */
const JOURNAL = 'migration_schema_changes';

/** Statements MySQL commits at once; a temporary table is the session's and goes with it. */
const SCHEMA_CHANGE = /^\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b(?!\s+TEMPORARY\b)/i;

/** A statement on one line, cut short: enough to recognise it in a message. */
function summariseStatement(sql: string): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** A migration failed part-way: says which, where, what of it stays and what to do. */
export class MigrationFailedError extends Error {
  constructor(migration: string, cause: unknown, statement: string | undefined, changes: string[]) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, '');
    const where = statement ? `, in \`${summariseStatement(statement)}\`` : '';
    const kept =
      changes.length === 0
        ? 'It made no schema change'
        : `The ${changes.length} schema change(s) it made, below, stay (MySQL cannot undo them) and are not made again`;
    super(
      [
        `Migration ${migration} failed: ${reason}${where}. ${kept}: remove the cause, then run ${cliCommand('migrate')} again.`,
        ...changes.map((change) => `  ${summariseStatement(change)}`),
      ].join('\n'),
    );
    this.name = 'MigrationFailedError';
  }
}

/** Runs each migration with its schema changes journaled (see JOURNAL), TypeORM doing the rest. */
class JournalingMigrationExecutor extends MigrationExecutor {
  /** Set when a migration fails: TypeORM logs its error as it is, then rolls back what it can. */
  failure?: MigrationFailedError;

  constructor(
    dataSource: DataSource,
    private readonly progress: (line: string) => void,
  ) {
    super(dataSource);
  }

  protected override getMigrations(): Migration[] {
    return super.getMigrations().map((migration) => {
      const instance = migration.instance!;
      migration.instance = {
        name: instance.name,
        transaction: instance.transaction,
        up: (queryRunner) => this.up(migration.name, queryRunner, (journaled) => instance.up(journaled)),
        down: (queryRunner) => instance.down(queryRunner),
      };
      return migration;
    });
  }

  private async up(name: string, queryRunner: QueryRunner, up: (queryRunner: QueryRunner) => Promise<unknown>) {
    const rows: { statement: string }[] = await queryRunner.query(
      `SELECT statement FROM ${JOURNAL} WHERE migration = ? ORDER BY id`,
      [name],
    );
    const changes = rows.map((row) => row.statement);
    const made = new Set(changes);
    const send = (args: unknown[]) => Reflect.apply(queryRunner.query, queryRunner, args) as Promise<unknown>;
    // Written down through the migration's connection: MySQL has just committed the schema change
    // and, out of any transaction since, commits this row at once too. A change is known by its text.
    const query = async (...args: [sql: string, ...rest: unknown[]]) => {
      const [sql] = args;
      if (!SCHEMA_CHANGE.test(sql)) return send(args);
      if (made.has(sql)) {
        this.progress(`  ${name}: already made, skipped: ${summariseStatement(sql)}`);
        return undefined;
      }
      const result = await send(args);
      await queryRunner.query(`INSERT INTO ${JOURNAL} (migration, statement) VALUES (?, ?)`, [name, sql]);
      changes.push(sql);
      return result;
    };
    // Its own methods (addColumn…) send their statements through `this.query` too.
    const journaled = new Proxy(queryRunner, {
      get: (target, property, receiver) => (property === 'query' ? query : Reflect.get(target, property, receiver)),
    });
    try {
      await up(journaled);
    } catch (cause) {
      const statement = cause instanceof QueryFailedError ? cause.query : undefined;
      this.failure = new MigrationFailedError(name, cause, statement, changes);
      throw cause;
    }
  }
}

/** Applies the pending migrations, journaling their schema changes; returns those applied. */
export async function runJournaledMigrations(
  dataSource: DataSource,
  progress: (line: string) => void,
): Promise<Migration[]> {
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS ${JOURNAL} (
       id int UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
       migration varchar(255) NOT NULL,
       statement longtext NOT NULL,
       made_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
       INDEX idx_migration_schema_changes_migration (migration)
     ) ENGINE = InnoDB`,
  );
  const executor = new JournalingMigrationExecutor(dataSource, progress);
  executor.transaction = 'each';
  const applied = await executor.executePendingMigrations().catch((error: unknown) => {
    throw executor.failure ?? error;
  });
  await dataSource.query(`DELETE FROM ${JOURNAL} WHERE migration IN (SELECT name FROM migrations)`);
  return applied;
}
