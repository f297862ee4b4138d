import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { DataSource } from 'typeorm';
import { SERVICE_NODE_FLAGS, setEnvironment } from '@lp/core';
import { PasswordHasher } from '@lp/identity';
import { benchDatabaseUrl, openDataSource } from './data/bench-database';
import { percentile } from './lib/percentile';
import { processMemory } from './lib/process-memory';
import { SmtpSink } from './lib/smtp-sink';
import { castUsers, learnerFlow, managerFlow, Recorder, type Sample } from './load/virtual-users';
import { BENCH_BUILD, ChildProcessLauncher } from './servers/launchers';

const RESULTS = join(__dirname, 'results', 'load-latest.json');
const PASSWORD = 'lp-bench-load-password';

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a number above 0');
  return parsed;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** The real worker (processors, sweep, planning, SMTP) in its own process, compiled, as `npm start` runs it. */
async function startWorker(port: number): Promise<ChildProcess> {
  setEnvironment({ WORKER_PORT: String(port) });
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(BENCH_BUILD, 'apps/worker/src/main.js')], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    if (Date.now() > deadline) throw new Error('the worker did not become healthy in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function latency(samples: Sample[]): { count: number; p50Ms: number; p95Ms: number } {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: +percentile(sorted, 50).toFixed(1), p95Ms: +percentile(sorted, 95).toFixed(1) };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function scalar(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = (await dataSource.query(sql, parameters)) as { n: string | number | null }[];
  return Number(row?.n ?? 0);
}

/** Due notifications not yet settled: queued for the mail worker or being sent. */
const UNSETTLED = `SELECT COUNT(*) AS n FROM notifications
  WHERE status IN ('PENDING', 'SENDING') AND send_after <= UTC_TIMESTAMP(3) AND expires_at > UTC_TIMESTAMP(3)`;

async function main(): Promise<void> {
  const options = new Command('bench:load')
    .description('200 simulated learners and managers against API + worker; see bench/README.md "Load run"')
    .option('--database <name>', 'the database bench:data filled', 'lp_bench_load')
    .option('--users <n>', 'concurrent simulated users (a fifth of them store managers)', positive, 200)
    .option('--duration <s>', 'seconds of load', positive, 60)
    .option('--think-ms <ms>', 'mean pause between two steps of a user (0.5x to 1.5x, at random)', Number, 1000)
    .option('--ramp-up <s>', 'seconds over which the users arrive, at random moments', Number, 10)
    .option('--drain <s>', 'seconds to wait afterwards for due notifications to be sent', positive, 180)
    .parse()
    .opts<{ database: string; users: number; duration: number; thinkMs: number; rampUp: number; drain: number }>();
  const url = benchDatabaseUrl(options.database);
  const sink = await new SmtpSink().start();
  // Production settings. The load comes from one address, so the per-address limits are
  // lifted; office hours span the day so reminders go out whenever the run happens.
  setEnvironment({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: 'lp-academy-bench-secret-only-for-lp-bench-databases',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `lp_bench_load_${process.pid}`,
    RATE_LIMIT_PER_ADDRESS: '100000000',
    LOGIN_IP_LIMIT: '10000',
    SMTP_URL: sink.url,
    MAIL_RATE_PER_SECOND: '200',
    NOTIFY_WINDOW_START_HOUR: '0',
    NOTIFY_WINDOW_END_HOUR: '24',
    NOTIFY_SWEEP_EVERY_SECONDS: '5',
    REMINDER_PLANNING_EVERY_MINUTES: '1',
  });
  const dataSource = await openDataSource(url).catch((error: Error) => {
    throw new Error(`${error.message}. Run npm run bench:data -- --preset small --database ${options.database} first.`);
  });
  const servers = new ChildProcessLauncher();
  let worker: ChildProcess | undefined;
  try {
    const { learners, managers } = await castUsers(dataSource, options.users);
    const emails = [...learners, ...managers].map((u) => u.email);
    const hash = await new PasswordHasher().hash(PASSWORD);
    await dataSource.query('UPDATE employees SET password_hash = ? WHERE email IN (?)', [hash, emails]);
    const courseIds = (
      (await dataSource.query('SELECT id FROM courses WHERE current_version_id IS NOT NULL')) as { id: number }[]
    ).map((c) => c.id);
    console.error(
      `${learners.length} learners (${learners.filter((l) => l.quiz).length} with a quiz ready), ${managers.length} managers`,
    );

    const api = await servers.get('api');
    worker = await startWorker(await freePort());
    const startId = await scalar(dataSource, 'SELECT COALESCE(MAX(id), 0) AS n FROM notifications');
    const runStart = new Date();
    const memory = [{ at: 'start', api: processMemory(api.pid).rssMb, worker: processMemory(worker.pid!).rssMb }];
    const workerPid = worker.pid!;
    const middle = setTimeout(
      () => memory.push({ at: 'middle', api: processMemory(api.pid).rssMb, worker: processMemory(workerPid).rssMb }),
      (options.duration * 1000) / 2,
    );

    const recorder = new Recorder();
    const settings = {
      url: api.url,
      password: PASSWORD,
      thinkMs: options.thinkMs,
      until: Date.now() + options.duration * 1000,
      courseIds,
    };
    console.error(`load: ${options.users} users for ${options.duration} s against ${api.url}`);
    const arrival = () => new Promise((resolve) => setTimeout(resolve, Math.random() * options.rampUp * 1000));
    await Promise.all([
      ...learners.map((learner) => arrival().then(() => learnerFlow(recorder, settings, learner))),
      ...managers.map((manager) => arrival().then(() => managerFlow(recorder, settings, manager))),
    ]);
    clearTimeout(middle);
    memory.push({ at: 'end', api: processMemory(api.pid).rssMb, worker: processMemory(workerPid).rssMb });

    console.error(`drain: waiting up to ${options.drain} s for due notifications to be sent`);
    const drainDeadline = Date.now() + options.drain * 1000;
    let unsettled = await scalar(dataSource, UNSETTLED);
    while (unsettled > 0 && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      unsettled = await scalar(dataSource, UNSETTLED);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last SMTP sessions end
    memory.push({ at: 'drained', api: processMemory(api.pid).rssMb, worker: processMemory(workerPid).rssMb });

    const samples = recorder.samples;
    const byStatus = countBy(samples, (s) => String(s.status));
    const byCode = countBy(
      samples.filter((s) => s.code),
      (s) => s.code!,
    );
    const serverErrors = samples.filter(
      (s) => s.status >= 500 || s.status === 0 || s.code === 'INTERNAL_SERVER_ERROR',
    ).length;
    // An answer stopped by the execution timeout is the server not coping: counted apart, and a failure.
    const timeouts = samples.filter((s) => s.code === 'TIMEOUT').length;
    const operations = Object.fromEntries(
      [...new Set(samples.map((s) => s.operation))].map((op) => [
        op,
        latency(samples.filter((s) => s.operation === op)),
      ]),
    );
    const notifications = {
      plannedDuringRun: await scalar(dataSource, 'SELECT COUNT(*) AS n FROM notifications WHERE id > ?', [startId]),
      plannedByStatus: Object.fromEntries(
        (
          (await dataSource.query('SELECT status, COUNT(*) AS n FROM notifications WHERE id > ? GROUP BY status', [
            startId,
          ])) as { status: string; n: string }[]
        ).map((r) => [r.status, Number(r.n)]),
      ),
      sentDuringRun: await scalar(
        dataSource,
        "SELECT COUNT(*) AS n FROM notifications WHERE status = 'SENT' AND sent_at >= ?",
        [runStart],
      ),
      smtpReceived: sink.received,
      dueButUnsent: unsettled,
      duplicateRows: await scalar(
        dataSource,
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM notifications
           GROUP BY kind, recipient_id, subject_type, subject_id, offset_key HAVING COUNT(*) > 1) d`,
      ),
    };
    const duplicatedEmails = Math.max(0, notifications.smtpReceived - notifications.sentDuringRun);
    const lostEmails = Math.max(0, notifications.sentDuringRun - notifications.smtpReceived) + unsettled;
    const seconds = options.duration;
    const report = {
      date: new Date().toISOString(),
      database: options.database,
      employees: await scalar(dataSource, 'SELECT COUNT(*) AS n FROM employees'),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
        loadAverage: loadavg().map((l) => +l.toFixed(2)),
      },
      settings: {
        users: options.users,
        rampUpSeconds: options.rampUp,
        learners: learners.length,
        managers: managers.length,
        durationSeconds: seconds,
        thinkMs: options.thinkMs,
      },
      requests: {
        total: samples.length,
        perSecond: +(samples.length / seconds).toFixed(1),
        byStatus,
        graphqlErrorCodes: byCode,
        serverErrors,
        timeouts,
      },
      latency: { all: latency(samples), ...operations },
      notifications: { ...notifications, duplicatedEmails, lostEmails },
      memoryMb: memory.map((m) => ({ at: m.at, api: +m.api.toFixed(0), worker: +m.worker.toFixed(0) })),
      pass:
        serverErrors === 0 &&
        timeouts === 0 &&
        duplicatedEmails === 0 &&
        lostEmails === 0 &&
        notifications.duplicateRows === 0,
    };

    console.log(
      `\nLP Academy load run on ${options.database} (${report.employees} employees), ${report.machine.cpus} cores, load ${report.machine.loadAverage.join(' ')}`,
    );
    console.log(
      `${report.requests.total} requests in ${seconds} s (${report.requests.perSecond}/s); by HTTP status ${JSON.stringify(byStatus)}; GraphQL error codes ${JSON.stringify(byCode)}; 5xx/internal ${serverErrors}; TIMEOUT ${timeouts}`,
    );
    console.table(Object.fromEntries(Object.entries(report.latency).map(([op, l]) => [op, l])));
    console.table({ notifications: { ...notifications, duplicatedEmails, lostEmails } });
    console.table(Object.fromEntries(report.memoryMb.map((m) => [m.at, { apiRssMb: m.api, workerRssMb: m.worker }])));
    console.log(
      report.pass ? 'PASS: no 5xx or timeout, no lost or duplicated notification' : 'FAIL: see the figures above',
    );
    await mkdir(join(__dirname, 'results'), { recursive: true });
    await writeFile(RESULTS, JSON.stringify(report, null, 2));
    console.log(`Written to ${RESULTS}`);
    if (!report.pass) process.exitCode = 1;
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      await exited;
    }
    await servers.closeAll();
    await sink.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
