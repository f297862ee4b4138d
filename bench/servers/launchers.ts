import { fork } from 'node:child_process';
import { join } from 'node:path';
import { startApi } from './api-server';
import { startBareApollo } from './bare-apollo';
import type { RunningServer } from './running-server';
import { startSnapshotWorker } from './snapshot-worker';

export type ServerKind = 'api' | 'bare-apollo' | 'snapshot-worker';

/** Starts the servers a scenario drives; each kind once, closed together at the end. */
export abstract class ServerLauncher {
  private readonly running = new Map<ServerKind, Promise<RunningServer>>();

  get(kind: ServerKind): Promise<RunningServer> {
    let server = this.running.get(kind);
    if (!server) {
      server = this.start(kind);
      this.running.set(kind, server);
    }
    return server;
  }

  async closeAll(): Promise<void> {
    const servers = [...this.running.values()];
    this.running.clear();
    await Promise.all(servers.map(async (s) => (await s.catch(() => undefined))?.close()));
  }

  protected abstract start(kind: ServerKind): Promise<RunningServer>;
}

/**
 * Each server in a process of its own, as in production, so the load generator in this
 * process does not share its event loop. The environment (DATABASE_URL…) is inherited.
 */
export class ChildProcessLauncher extends ServerLauncher {
  /** @param profileDir where each server writes a V8 CPU profile when it stops (`--cpu-prof`). */
  constructor(private readonly profileDir?: string) {
    super();
  }

  protected start(kind: ServerKind): Promise<RunningServer> {
    const profile = this.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`] : [];
    const child = fork(join(__dirname, 'server-process.ts'), [kind], {
      execArgv: [...profile, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited with code ${code} before listening`)));
      child.once('message', (message: { url?: string; error?: string }) => {
        if (!message.url) return reject(new Error(`the ${kind} server did not start: ${message.error}`));
        child.removeAllListeners('exit');
        resolve({
          url: message.url,
          pid: child.pid!,
          close: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.disconnect();
            }),
        });
      });
    });
  }
}

/** Servers inside this process: for the smoke test, where start-up time matters more than isolation. */
export class InProcessLauncher extends ServerLauncher {
  protected start(kind: ServerKind): Promise<RunningServer> {
    if (kind === 'api') return startApi({ logger: false });
    if (kind === 'snapshot-worker') return startSnapshotWorker({ logger: false });
    return startBareApollo();
  }
}
