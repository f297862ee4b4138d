import 'reflect-metadata';
import { startApi } from './api-server';
import { startBareApollo } from './bare-apollo';
import type { RunningServer } from './running-server';
import { startSnapshotWorker } from './snapshot-worker';

const STARTERS: Record<string, () => Promise<RunningServer>> = {
  api: () => startApi(),
  'bare-apollo': () => startBareApollo(),
  'snapshot-worker': () => startSnapshotWorker(),
};

/**
 * Entry of a server child process: starts the server (or worker) named by argv[2] and
 * tells the parent its URL over IPC; exits when the parent disconnects.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  const start = STARTERS[kind];
  if (!start) throw new Error(`unknown server ${kind}`);
  const server = await start();
  process.send!({ url: server.url });
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
