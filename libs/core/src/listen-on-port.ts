import type { Server } from 'node:net';

/** The port a process is told to listen on is taken or needs privileges; says which variable sets it. */
export class PortUnavailableError extends Error {
  constructor(variable: string, port: number, code: 'EADDRINUSE' | 'EACCES') {
    super(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use (another LP Academy still running?). Stop it, or set ${variable} to a free port.`
        : `Port ${port} needs privileges this process does not have. Set ${variable} to a port above 1023.`,
    );
    this.name = 'PortUnavailableError';
  }
}

/**
 * Listens on a Nest application's HTTP server (`app.getHttpServer()`) itself, not through
 * `app.listen()`, which initialises the application first (for the worker: starts taking
 * jobs) and logs a failure of its own before rethrowing it.
 */
export function listenOnPort(server: Server, port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      const code = error.code;
      reject(code === 'EADDRINUSE' || code === 'EACCES' ? new PortUnavailableError(variable, port, code) : error);
    };
    server.once('error', fail);
    server.listen(port, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
