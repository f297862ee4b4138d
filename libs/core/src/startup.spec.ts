import { createServer, type Server } from 'node:net';
import { ConfigValidationError } from './config';
import { ServiceUnavailableError } from './database';
import { listenOnPort, PortUnavailableError } from './listen-on-port';
import { describeStartupFailure } from './startup';

describe('why a process could not start', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function takenPort(): Promise<number> {
    const holder = createServer();
    servers.push(holder);
    await listenOnPort(holder, 0, 'PORT');
    return (holder.address() as { port: number }).port;
  }

  it('names the variable of a port in use, and what to do', async () => {
    const port = await takenPort();
    const failure = listenOnPort(createServer(), port, 'WORKER_PORT');
    await expect(failure).rejects.toBeInstanceOf(PortUnavailableError);
    expect(describeStartupFailure(await failure.catch((error: unknown) => error))).toEqual([
      `Port ${port} is in use (another LP Academy still running?). Stop it, or set WORKER_PORT to a free port.`,
    ]);
  });

  it('names the variable of a port that needs privileges', () => {
    expect(describeStartupFailure(new PortUnavailableError('PORT', 80, 'EACCES'))).toEqual([
      'Port 80 needs privileges this process does not have. Set PORT to a port above 1023.',
    ]);
  });

  it('gives one line per wrong variable, and the explained failures as they are', () => {
    expect(describeStartupFailure(new ConfigValidationError(['PORT: too big', 'LOG_LEVEL: unknown']))).toEqual([
      'Configuration: PORT: too big',
      'Configuration: LOG_LEVEL: unknown',
    ]);
    const down = new ServiceUnavailableError('Redis is not reachable at 127.0.0.1:6399 (ECONNREFUSED). Start it.');
    expect(describeStartupFailure(down)).toEqual([down.message]);
  });

  it('turns anything unexpected into one line, without its stack', () => {
    const lines = describeStartupFailure(new TypeError('Cannot read properties of undefined'));
    expect(lines).toEqual([
      'Could not start: Cannot read properties of undefined. Run again with LOG_LEVEL=debug to see where it failed.',
    ]);
  });
});
