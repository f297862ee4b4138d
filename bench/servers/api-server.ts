import type { Server } from 'node:http';
import { createApi } from '../../apps/api/src/create-api';
import { type RunningServer, urlOf } from './running-server';

/** The real API, as main.ts builds it (guards, plugins, request logging), on a free port. */
export async function startApi(options: { logger?: boolean } = {}): Promise<RunningServer> {
  const app = await createApi(options);
  await app.listen(0, '127.0.0.1');
  return { url: urlOf(app.getHttpServer() as Server), pid: process.pid, close: () => app.close() };
}
