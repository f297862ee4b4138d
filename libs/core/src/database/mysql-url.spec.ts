import { describeMysqlAddress, parseMysqlUrl, withDatabase } from './mysql-url';

describe('MySQL URLs', () => {
  it('reads host, port, credentials and database, with MySQL defaults', () => {
    expect(parseMysqlUrl('mysql://lp:p%40ss@db.internal/lp_academy')).toEqual({
      host: 'db.internal',
      port: 3306,
      socketPath: undefined,
      user: 'lp',
      password: 'p@ss',
      database: 'lp_academy',
    });
    expect(describeMysqlAddress(parseMysqlUrl('mysql://root@127.0.0.1:3307/x'))).toBe('127.0.0.1:3307');
  });

  it('reads a Unix socket from ?socket=, and keeps it when the database changes', () => {
    const url = withDatabase('mysql://root@localhost/lp_academy?socket=/run/mysqld/mysqld.sock', 'lp_bench');
    const address = parseMysqlUrl(url);
    expect(address).toMatchObject({ socketPath: '/run/mysqld/mysqld.sock', database: 'lp_bench', user: 'root' });
    expect(describeMysqlAddress(address)).toBe('/run/mysqld/mysqld.sock');
  });
});
