import 'reflect-metadata';
import { startApi } from './api-server';
import { startBareApollo } from './bare-apollo';

/**
 * Entry of a server child process: starts the server named by argv[2] and tells the
 * parent its URL over IPC; exits when the parent disconnects.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  const server = kind === 'api' ? await startApi() : kind === 'bare-apollo' ? await startBareApollo() : undefined;
  if (!server) throw new Error(`unknown server ${kind}`);
  process.send!({ url: server.url });
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
