import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
// Declares `id` and `log` on IncomingMessage; nestjs-pino, which reads `log`, depends on it.
import type {} from 'pino-http';

/** A request as Express hands it over. */
interface LoggedRequest extends IncomingMessage {
  /** Express's address: it honours TRUST_PROXY_HOPS, where the socket's is the proxy's. */
  ip?: string;
  originalUrl?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Query parameters named like `token`: an invite link (/accept-invite?token=…) sets the
 * password of an account, so its value must not reach log storage, where more people read
 * than those who may sign in as the invited employee.
 */
const TOKEN_PARAMETER = /([?&][^=&#]*token=)[^&#]*/gi;

/**
 * An invite link of the old form (/invite/<token>), as emails sent before links moved to
 * /accept-invite still carry: its token works until the invite expires.
 */
const TOKEN_PATH = /^(\/invite\/)[^?#]*/i;

/** The URL as logged: secrets in its path and query replaced, as pino's redaction does for fields. */
function loggableUrl(url: string): string {
  return url.replace(TOKEN_PATH, '$1[Redacted]').replace(TOKEN_PARAMETER, '$1[Redacted]');
}

/** A client's x-request-id is kept when it is well formed, so a support ticket can quote it. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Gives every request an id (answered in `x-request-id`) and a child logger bound to it
 * (`req.log`, which nestjs-pino hands to the code the request runs), and writes one line
 * when the response is done: who asked for what, how it ended and how long it took.
 *
 * It stands in for pino-http, which on every request built two child loggers, serialised
 * the whole request into them and listened for three events: about a fifth of the CPU of
 * a small GraphQL request (bench/README.md).
 */
export function logRequests(logger: Logger, options: { ignore: (path: string) => boolean }) {
  return (request: LoggedRequest, response: ServerResponse, next: () => void): void => {
    const id = requestIdOf(request);
    request.id = id;
    const log = logger.child({ reqId: id });
    request.log = log;
    response.setHeader('x-request-id', id);
    const url = request.originalUrl ?? request.url ?? '';
    if (options.ignore(url)) return next();
    const startedAt = performance.now();
    // Now: once the client has gone, the socket no longer knows its address.
    const remoteAddress = request.ip ?? request.socket.remoteAddress;
    response.once('close', () => {
      const line = {
        req: { method: request.method, url: loggableUrl(url), remoteAddress, userAgent: request.headers['user-agent'] },
        res: { statusCode: response.statusCode },
        responseTime: Math.round(performance.now() - startedAt),
      };
      if (!response.writableFinished) log.warn(line, 'request aborted');
      else if (response.statusCode >= 500) log.error(line, 'request errored');
      else log.info(line, 'request completed');
    });
    next();
  };
}
