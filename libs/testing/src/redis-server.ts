import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Socket } from 'node:net';
import { freePort } from './free-port';

async function answers(port: number): Promise<boolean> {
  const socket = new Socket();
  try {
    socket.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/**
 * A `redis-server` of a test's own, without persistence, that the test can kill and bring
 * back (empty, as after a crash) on the same port.
 */
export class TestRedisServer {
  private process?: ChildProcess;
  private port?: number;

  /** @param options.password when set, clients must authenticate with it (`requirepass`). */
  constructor(private readonly options: { password?: string } = {}) {}

  get url(): string {
    if (this.port === undefined) throw new Error('Start the Redis server first');
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ??= await freePort();
    const password = this.options.password ? ['--requirepass', this.options.password] : [];
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--save', '', '--appendonly', 'no', ...password],
      {
        stdio: 'ignore',
      },
    );
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await answers(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
