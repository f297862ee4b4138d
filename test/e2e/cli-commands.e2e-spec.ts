import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AssignmentStatus } from '@lp/assignments';
import { QueueName, buildDataSourceOptions, redisConnectionOptions, withDatabase } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { EmployeeEntity, Role, StoreEntity } from '@lp/organisation';
import { buildAssignment, buildCourse, buildEmployee, eventually, freePort, useTestDatabase } from '@lp/testing';

const ROOT = join(__dirname, '..', '..');
const FROM_SOURCE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an operator command from source, in a process of its own, with this worker's database unless `env` says otherwise. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  try {
    // Under Jest, process.env is this file's copy, pointing at this worker's database.
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...FROM_SOURCE, 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        // A command waiting for a service forever is a failure too, not a hung test run.
        timeout: 45_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as CliRun;
    return { code, stdout, stderr };
  }
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('operator commands', () => {
  const suite = useTestDatabase();
  const employees = () => suite.dataSource.getRepository(EmployeeEntity).count();

  describe('create-admin', () => {
    const password = ['--password', 'Correct-Horse-Battery-9'];

    it('makes the admin whole, with its email and password, without an invite', async () => {
      const run = await cli(['create-admin', '--email', ' New.Admin@Chain.Example ', ...password]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const admin = await suite.dataSource
        .getRepository(EmployeeEntity)
        .createQueryBuilder('e')
        .addSelect('e.passwordHash')
        .where('e.email = :email', { email: 'new.admin@chain.example' })
        .getOneOrFail();
      expect(admin).toMatchObject({ role: Role.ADMIN, active: true });
      expect(admin.passwordHash).toEqual(expect.any(String));
      expect(await suite.dataSource.query('SELECT COUNT(*) AS n FROM invites')).toEqual([{ n: 0 }]);
      const audits = await suite.dataSource.query('SELECT action FROM audit_events WHERE subject_id = ?', [admin.id]);
      expect(audits.map((row: { action: string }) => row.action).sort()).toEqual([
        'ADMIN_CREATED_FROM_CLI',
        'EMPLOYEE_CREATED',
      ]);
    }, 60_000);

    it('refuses a taken email in one line, before making anything', async () => {
      await buildEmployee(suite.dataSource, { email: 'taken@chain.example' });
      const before = await employees();
      const run = await cli(['create-admin', '--email', 'Taken@Chain.Example', ...password]);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(/^CONFLICT: --email: an employee already has taken@chain\.example; /),
      ]);
      expect(await employees()).toBe(before);
    }, 60_000);

    it('refuses what is not an email address in one line', async () => {
      const before = await employees();
      const run = await cli(['create-admin', '--email', 'not an email', ...password]);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual(['BAD_USER_INPUT: --email: "not an email" is not an email address']);
      expect(await employees()).toBe(before);
    }, 60_000);

    it('refuses a time zone that is not one in one line, before making anything', async () => {
      const stores = () => suite.dataSource.getRepository(StoreEntity).count();
      const before = { stores: await stores(), employees: await employees() };
      const run = await cli([
        'create-admin',
        '--email',
        'first.admin@chain.example',
        ...password,
        '--timezone',
        'Europe/Londn',
      ]);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        'BAD_USER_INPUT: --timezone: Europe/Londn is not an IANA time zone such as Europe/London',
      ]);
      expect({ stores: await stores(), employees: await employees() }).toEqual(before);
    }, 60_000);
  });

  async function databaseName(): Promise<string> {
    const [{ name }] = (await suite.dataSource.query('SELECT DATABASE() AS name')) as { name: string }[];
    return name;
  }

  /** Runs `work` with a database of its own, made by `create`, dropped afterwards. */
  async function withOtherDatabase(create: string, work: (name: string, url: string) => Promise<void>): Promise<void> {
    const name = `${await databaseName()}_other`;
    await suite.dataSource.query(`CREATE DATABASE \`${name}\` ${create}`);
    try {
      await work(name, withDatabase(process.env.DATABASE_URL!, name));
    } finally {
      await suite.dataSource.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  }

  it('migrate sets up an empty database an administrator created with the server’s own collation', async () => {
    await withOtherDatabase('CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci', async (name, url) => {
      const run = await cli(['migrate'], { DATABASE_URL: url });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      // Said before the work, which on a large database may take minutes, not only after it.
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(/^Applying \d+ migration\(s\): CreateOrganisationAndIdentity\d+, .*…$/),
        expect.stringMatching(/^Applied \d+ migration\(s\)\.$/),
      ]);
      const [{ collation }] = await suite.dataSource.query(
        'SELECT DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
        [name],
      );
      expect(collation).toBe('utf8mb4_unicode_ci');
    });
  }, 120_000);

  it('migrate says that it waits for another process migrating the same database, then migrates', async () => {
    await withOtherDatabase('CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', async (name, url) => {
      const holder = suite.dataSource.createQueryRunner();
      const lock = "LEFT(CONCAT('lp-academy-migrations:', ?), 64)";
      try {
        await holder.query(`SELECT GET_LOCK(${lock}, 0)`, [name]);
        const running = cli(['migrate'], { DATABASE_URL: url });
        await eventually(
          async () => {
            const waiting = await suite.dataSource.query(
              "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%GET_LOCK%'",
              [name],
            );
            expect(Number(waiting[0].n)).toBe(1);
          },
          45_000,
          100,
        );
        await holder.query(`SELECT RELEASE_LOCK(${lock})`, [name]);
        const run = await running;
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(lines(run.stdout)[0]).toBe(
          'Another process is migrating this database; waiting for it to finish (at most 10 minutes)…',
        );
        expect(lines(run.stdout).at(-1)).toMatch(/^Applied \d+ migration\(s\)\.$/);
      } finally {
        await holder.release();
      }
    });
  }, 120_000);

  /** Undoes the latest migrations until `name` is undone too; returns how many were undone. */
  async function undoMigrationsThrough(dataSource: DataSource, name: string): Promise<number> {
    let undone = 0;
    while ((await dataSource.query('SELECT 1 FROM migrations WHERE name = ?', [name])).length > 0) {
      await dataSource.undoLastMigration();
      undone++;
    }
    return undone;
  }

  it('migrate carries on with a migration that failed part-way, once its cause is gone', async () => {
    await withOtherDatabase('CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', async (_name, url) => {
      expect(await cli(['migrate'], { DATABASE_URL: url })).toMatchObject({ code: 0, stderr: '' });
      const other = await new DataSource(buildDataSourceOptions({ url, poolSize: 1 }, lpSchema)).initialize();
      try {
        // An assignment someone cancelled, in a database from before RecordWhoCancelledAssignments.
        const manager = await buildEmployee(other);
        const { course } = await buildCourse(other);
        const assignment = await buildAssignment(other, {
          employeeId: (await buildEmployee(other)).id,
          courseId: course.id,
          status: AssignmentStatus.CANCELLED,
        });
        await other.query(
          `INSERT INTO audit_events (occurred_at, actor_id, action, subject_type, subject_id)
           VALUES (NOW(3), ?, 'ASSIGNMENT_CANCELLED', 'Assignment', ?)`,
          [manager.id, String(assignment.id)],
        );
        // Back to before it, however many migrations came after it.
        const undone = await undoMigrationsThrough(other, 'RecordWhoCancelledAssignments1795884000000');

        // The server refuses the migration's UPDATE, after its ALTER TABLE, which it committed at
        // once (a trigger here; a lock wait timeout or a full disk in life).
        await other.query(
          `CREATE TRIGGER refuse_updates BEFORE UPDATE ON assignments FOR EACH ROW
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'assignments are read-only'`,
        );
        const failed = await cli(['migrate'], { DATABASE_URL: url });
        expect(failed.code).toBe(1);
        expect(lines(failed.stderr)).toEqual([
          expect.stringMatching(
            /^Migration RecordWhoCancelledAssignments1795884000000 failed: assignments are read-only, in `UPDATE assignments SET cancelled_by_id = \? WHERE .*`\. The 1 schema change\(s\) it made, below, stay \(MySQL cannot undo them\) and are not made again: remove the cause, then run `node dist\/apps\/cli\/src\/main\.js migrate` .* again\.$/,
          ),
          '  ALTER TABLE `assignments` ADD `cancelled_by_id` int UNSIGNED NULL',
        ]);

        await other.query('DROP TRIGGER refuse_updates');
        const again = await cli(['migrate'], { DATABASE_URL: url });
        expect(again).toMatchObject({ code: 0, stderr: '' });
        expect(lines(again.stdout).slice(1)).toEqual([
          '  RecordWhoCancelledAssignments1795884000000: already made, skipped: ALTER TABLE `assignments` ADD `cancelled_by_id` int UNSIGNED NULL',
          `Applied ${undone} migration(s).`,
        ]);
        expect(
          await other.query('SELECT cancelled_by_id AS actor FROM assignments WHERE id = ?', [assignment.id]),
        ).toEqual([{ actor: manager.id }]);
      } finally {
        await other.destroy();
      }
    });
  }, 120_000);

  it('seed-curriculum run twice at once, as two `npm start`s do, loads each course once and fails neither', async () => {
    await withOtherDatabase('CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', async (name, url) => {
      expect(await cli(['migrate'], { DATABASE_URL: url })).toMatchObject({ code: 0, stderr: '' });
      const holder = suite.dataSource.createQueryRunner();
      const lock = "LEFT(CONCAT('lp-academy-seeding:', ?), 64)";
      try {
        // The first one holds the database until the second one waits for it: then the race is certain.
        await holder.query(`SELECT GET_LOCK(${lock}, 0)`, [name]);
        const runs = [cli(['seed-curriculum'], { DATABASE_URL: url }), cli(['seed-curriculum'], { DATABASE_URL: url })];
        await eventually(
          async () => {
            const waiting = await suite.dataSource.query(
              "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%GET_LOCK%'",
              [name],
            );
            expect(Number(waiting[0].n)).toBe(2);
          },
          45_000,
          100,
        );
        await holder.query(`SELECT RELEASE_LOCK(${lock})`, [name]);
        const [first, second] = await Promise.all(runs);
        for (const run of [first, second]) {
          expect(run).toMatchObject({ code: 0, stderr: '' });
          expect(lines(run.stdout)[0]).toBe(
            'Another process is loading the curriculum or the demo data into this database; waiting for it to finish (at most 10 minutes)…',
          );
        }
        const [{ courses, codes }] = await suite.dataSource.query(
          'SELECT COUNT(*) AS courses, COUNT(DISTINCT code) AS codes FROM ??.courses',
          [name],
        );
        expect(Number(courses)).toBe(Number(codes));
      } finally {
        await holder.release();
      }
    });
  }, 120_000);

  it('create-admin on a database that was never migrated says to migrate, in one line', async () => {
    await withOtherDatabase('CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', async (name, url) => {
      const run = await cli(['create-admin', '--email', 'first.admin@chain.example', '--password', 'Correct-Horse-9'], {
        DATABASE_URL: url,
      });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(
          /^The database has \d+ pending migration\(s\): .*\. Apply them with `node dist\/apps\/cli\/src\/main\.js migrate` \(with Docker compose: `docker compose -f docker\/compose\.yaml run --rm api node dist\/apps\/cli\/src\/main\.js migrate`\), then start again\.$/,
        ),
      ]);
      expect(await suite.dataSource.query('SHOW TABLES FROM ??', [name])).toEqual([]);
    });
  }, 60_000);

  it('send-test-email refuses what is not an email address in one line, and queues nothing', async () => {
    const system = new Queue(QueueName.System, {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const queued = () => system.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed');
      const before = await queued();
      const run = await cli(['send-test-email', '--to', 'ops at chain']);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual(['BAD_USER_INPUT: --to: "ops at chain" is not an email address']);
      expect(await queued()).toBe(before);
    } finally {
      await system.close();
    }
  }, 60_000);

  it('send-test-email says in one line that Redis is down, instead of waiting for it', async () => {
    const port = await freePort();
    const run = await cli(['send-test-email', '--to', 'ops@chain.example'], { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^Redis is not reachable at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Start it`),
      ),
    ]);
  }, 60_000);

  it('--help gives commands that run in a checkout and in the Docker image, one line each', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('Usage: node dist/apps/cli/src/main.js [options] [command]');
    // A description wrapped onto a second line would show as a line without a command.
    const commands = run.stdout.split('Commands:\n')[1].split('\n\n')[0].split('\n');
    expect(commands.map((line) => /^ {2}(\S+)(?: \S+)? {2,}\S/.exec(line)?.[1])).toEqual([
      'start',
      'migrate',
      'create-admin',
      'seed-curriculum',
      'seed-demo',
      'send-test-email',
      'snapshots:backfill',
      'help',
    ]);
    expect(lines(run.stdout).slice(-2)).toEqual([
      'With Docker compose:',
      '  docker compose -f docker/compose.yaml run --rm api node dist/apps/cli/src/main.js <command> [options]',
    ]);
    expect(run.stdout).not.toContain('npm run');
  }, 60_000);

  it('--version and -V print the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const run of await Promise.all([cli(['--version']), cli(['-V'])])) {
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  }, 60_000);

  it('refuses a mistyped command or a missing option in one line that says where to look', async () => {
    const [command, option] = await Promise.all([
      cli(['migrat']),
      cli(['create-admin', '--email', 'first.admin@chain.example']),
    ]);
    expect(command).toMatchObject({ code: 1, stdout: '' });
    expect(lines(command.stderr)).toEqual([
      "error: unknown command 'migrat' (Did you mean migrate?); `node dist/apps/cli/src/main.js --help` lists the commands.",
    ]);
    expect(option).toMatchObject({ code: 1, stdout: '' });
    expect(lines(option.stderr)).toEqual([
      "error: required option '--password <password>' not specified; `node dist/apps/cli/src/main.js create-admin --help` lists its options.",
    ]);
  }, 60_000);

  it('seed-demo refuses production in one line, before it touches the database', async () => {
    const untouched = `${await databaseName()}_never`;
    const run = await cli(['seed-demo'], {
      NODE_ENV: 'production',
      DATABASE_URL: withDatabase(process.env.DATABASE_URL!, untouched),
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Demo data is never loaded in production/)]);
    expect(await suite.dataSource.query('SHOW DATABASES LIKE ?', [untouched])).toEqual([]);
  }, 60_000);

  it('start refuses production’s unsafe defaults in one line each, before it touches the database', async () => {
    const untouched = `${await databaseName()}_never`;
    const run = await cli(['start'], {
      NODE_ENV: 'production',
      DEMO_DATA: undefined,
      DATABASE_URL: withDatabase(process.env.DATABASE_URL!, untouched),
      PORT: String(await freePort()),
      WORKER_PORT: String(await freePort()),
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'Configuration: JWT_SECRET: set a secret of your own in production',
      'Configuration: DEMO_DATA: must be false in production',
    ]);
    expect(run.stdout).toBe('');
    expect(await suite.dataSource.query('SHOW DATABASES LIKE ?', [untouched])).toEqual([]);
  }, 60_000);

  describe('send-test-email, with the worker running as `npm start` runs it', () => {
    let outbox: string;
    let worker: ChildProcess | undefined;
    let log = '';

    /** The worker from source with its development log (what an operator reads), sending into `env`'s mail set-up. */
    async function startWorker(env: NodeJS.ProcessEnv): Promise<void> {
      worker = spawn(process.execPath, [...FROM_SOURCE, 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          LOG_LEVEL: 'info',
          MAIL_OUTBOX_DIR: outbox,
          WORKER_PORT: String(await freePort()),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [worker.stdout!, worker.stderr!]) stream.on('data', (chunk: Buffer) => (log += chunk));
      await eventually(async () => expect(log).toContain('LP Academy worker running'), 45_000, 100);
    }

    beforeEach(async () => {
      outbox = await mkdtemp(join(tmpdir(), 'lp-outbox-'));
      log = '';
    });

    afterEach(async () => {
      if (worker && worker.exitCode === null) {
        const exited = new Promise((resolve) => worker!.once('exit', resolve));
        worker.kill('SIGTERM');
        await exited;
      }
      await rm(outbox, { recursive: true, force: true });
    });

    it('shows the message in the worker’s log, with the file it was written to', async () => {
      await startWorker({});
      const run = await cli(['send-test-email', '--to', 'ops@chain.example']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      await eventually(async () => expect(await readdir(outbox)).toHaveLength(1), 20_000, 100);
      const [file] = await readdir(outbox);
      await eventually(async () => expect(log).toContain('Test email sent'), 5_000, 100);
      expect(log).toContain(join(outbox, file));
      // Not buried under Nest's line per module and route (about a hundred per `npm start`).
      expect(log).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer/);
    }, 120_000);

    it('says in the worker’s log, in one line, that the mail server cannot be reached and what to check', async () => {
      const smtpPort = await freePort();
      await startWorker({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
      const run = await cli(['send-test-email', '--to', 'ops@chain.example']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      await eventually(async () => expect(log).toContain('Test email to ops@chain.example not sent'), 20_000, 100);
      const [line] = log.split('\n').filter((text) => text.includes('Test email to'));
      expect(line).toMatch(
        new RegExp(
          `not sent \\(attempt 1 of \\d+; it is tried again\\): connect ECONNREFUSED 127\\.0\\.0\\.1:${smtpPort}\\. Check SMTP_URL`,
        ),
      );
      expect(log).not.toMatch(/^\s+at /m);
    }, 120_000);
  });
});
