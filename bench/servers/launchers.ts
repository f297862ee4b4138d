import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@lp/core';
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

/** Where `npm run build:bench` compiles the bench with the API and worker it starts. */
export const BENCH_BUILD = join(__dirname, '../../dist/bench-build');
const COMPILED_SERVER_PROCESS = join(BENCH_BUILD, 'bench/servers/server-process.js');

/**
 * Each server in a process of its own, as in production, so the load generator in this
 * process does not share its event loop. The environment (DATABASE_URL…) is this
 * process's, unless `env` is given.
 *
 * The servers run compiled, as `npm start` does, so the figures are production's code path:
 * ts-node would also load its REPL (and with it the `domain` module) into them.
 */
export class ChildProcessLauncher extends ServerLauncher {
  /**
   * @param options.profileDir where each server writes a V8 CPU profile when it stops (`--cpu-prof`).
   * @param options.env the servers' environment, when not this process's own.
   */
  constructor(private readonly options: { profileDir?: string; env?: NodeJS.ProcessEnv } = {}) {
    super();
  }

  protected start(kind: ServerKind): Promise<RunningServer> {
    if (!existsSync(COMPILED_SERVER_PROCESS))
      return Promise.reject(new Error('the bench servers are not compiled: run npm run build:bench'));
    const { profileDir, env } = this.options;
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const child = fork(COMPILED_SERVER_PROCESS, [kind], {
      execArgv: [...SERVICE_NODE_FLAGS, ...profile],
      env,
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
