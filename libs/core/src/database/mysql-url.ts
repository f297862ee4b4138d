export interface MysqlAddress {
  host: string;
  port: number;
  /** From `?socket=`: the server's Unix socket, used instead of host and port. */
  socketPath?: string;
  user: string;
  password: string;
  database: string;
}

export function parseMysqlUrl(url: string): MysqlAddress {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    socketPath: parsed.searchParams.get('socket') ?? undefined,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.replace(/^\//, ''),
  };
}

/** Where the server is, for messages: the socket's path or host:port. */
export function describeMysqlAddress({ host, port, socketPath }: MysqlAddress): string {
  return socketPath ?? `${host}:${port}`;
}

/** The same URL with another database name, e.g. for a test run's own database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
