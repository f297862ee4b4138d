import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { prepareTestEnvironment } from '@lp/testing';
import { buildDataSourceOptions } from './data-source-options';
import { ServiceUnavailableError, ensureDatabaseExists } from './service-check';

/** How the server sees this connection: `host:port` over TCP, the bare host over a Unix socket. */
async function clientAddress(url: string): Promise<string> {
  const dataSource = await new DataSource(
    buildDataSourceOptions({ url, poolSize: 1 }, { entities: [], migrations: [] }),
  ).initialize();
  try {
    const [{ host }] = (await dataSource.query(
      'SELECT host FROM information_schema.processlist WHERE id = CONNECTION_ID()',
    )) as { host: string }[];
    return host;
  } finally {
    await dataSource.destroy();
  }
}

function throughSocket(url: string, socketPath: string): string {
  const parsed = new URL(url);
  parsed.hostname = 'localhost';
  parsed.port = '';
  parsed.searchParams.set('socket', socketPath);
  return parsed.toString();
}

describe('a database URL with ?socket=', () => {
  let tcpUrl: string;
  let socketPath: string;

  beforeAll(async () => {
    tcpUrl = (await prepareTestEnvironment()).databaseUrl;
    const dataSource = await new DataSource(
      buildDataSourceOptions({ url: tcpUrl, poolSize: 1 }, { entities: [], migrations: [] }),
    ).initialize();
    [{ socketPath }] = (await dataSource.query('SELECT @@socket AS socketPath')) as { socketPath: string }[];
    await dataSource.destroy();
    if (!existsSync(socketPath)) {
      throw new Error(
        `The test database's server runs elsewhere (its socket ${socketPath} is not on this host): run the tests against a MariaDB/MySQL on this machine`,
      );
    }
  });

  it('reaches the server through its Unix socket instead of TCP', async () => {
    expect(await clientAddress(tcpUrl)).toMatch(/:\d+$/);

    const socketUrl = throughSocket(tcpUrl, socketPath);
    await ensureDatabaseExists(socketUrl);
    expect(await clientAddress(socketUrl)).toBe('localhost');
  });

  it('names the socket when nothing answers there', async () => {
    const missing = throughSocket(tcpUrl, '/nonexistent/mysqld.sock');
    const failure = ensureDatabaseExists(missing);
    await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failure).rejects.toThrow(/^MySQL\/MariaDB is not reachable at \/nonexistent\/mysqld.sock \(.*ENOENT/);
  });
});
