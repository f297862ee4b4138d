import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { eventually, freePort, prepareTestEnvironment } from '@lp/testing';

const ROOT = join(__dirname, '..', '..');

/** Whether the process exists and is not a zombie waiting for a parent that does not reap it. */
function isRunning(pid: number): boolean {
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith('Z');
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * `npm start` as an operator runs it: the compiled launcher, with the API and the worker as
 * its children. However the launcher ends, they must not outlive it: the next start would
 * find their ports taken.
 */
describe('npm start', () => {
  const started: number[] = [];

  beforeAll(async () => {
    await prepareTestEnvironment();
    for (const tool of ['tsc', 'tsc-alias']) {
      execFileSync('npx', [tool, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    }
  }, 180_000);

  afterAll(() => {
    for (const pid of started.filter(isRunning)) process.kill(pid, 'SIGKILL');
  });

  async function startSystem(): Promise<{ launcher: ChildProcess; children: number[]; apiPort: number }> {
    const ports = { PORT: String(await freePort()), WORKER_PORT: String(await freePort()) };
    // Under Jest, process.env is this file's copy: passed on, the system uses this worker's database.
    const launcher = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...ports, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(launcher.pid!);
    let errors = '';
    launcher.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await eventually(
      async () => {
        expect(errors).toBe('');
        for (const port of Object.values(ports)) expect((await fetch(`http://127.0.0.1:${port}/health`)).ok).toBe(true);
      },
      60_000,
      250,
    );
    const children = childrenOf(launcher.pid!);
    expect(children).toHaveLength(2);
    started.push(...children);
    return { launcher, children, apiPort: Number(ports.PORT) };
  }

  const exited = (process: ChildProcess) =>
    new Promise<void>((resolve) => (process.exitCode !== null ? resolve() : process.once('exit', () => resolve())));

  it('stops the API and the worker when its terminal closes (SIGHUP)', async () => {
    const { launcher, children } = await startSystem();
    launcher.kill('SIGHUP');
    await exited(launcher);
    expect(launcher.exitCode).toBe(0);
    expect(children.filter(isRunning)).toEqual([]);
  }, 120_000);

  it('stops the API and the worker within seconds when it is killed outright (SIGKILL)', async () => {
    const { launcher, children } = await startSystem();
    launcher.kill('SIGKILL');
    await exited(launcher);
    await eventually(async () => expect(children.filter(isRunning)).toEqual([]), 5_000, 100);
  }, 120_000);

  it('answers the requests in flight before it stops (SIGTERM during a deploy)', async () => {
    const { launcher, children, apiPort } = await startSystem();
    // A query the database answers: a shutdown that closed the pool first would fail it.
    const body = JSON.stringify({ query: '{ verifyCertificate(code: "LPF-2026-000001") { valid } }' });
    const inFlight = request({
      host: '127.0.0.1',
      port: apiPort,
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, 10));
    await new Promise((resolve) => inFlight.once('socket', (socket) => socket.once('connect', resolve)));
    await new Promise((resolve) => setTimeout(resolve, 200)); // for the API to read the request's head

    launcher.kill('SIGTERM');
    // Draining: it takes no new connection while the one in flight is open.
    await eventually(
      async () => await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow(),
      10_000,
      50,
    );
    inFlight.end(body.slice(10));

    expect(await answer).toEqual({
      status: 200,
      body: JSON.stringify({ data: { verifyCertificate: { valid: false } } }) + '\n',
    });
    await exited(launcher);
    expect(launcher.exitCode).toBe(0);
    expect(children.filter(isRunning)).toEqual([]);
  }, 120_000);
});
