import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config';

/** What pino's standard request serializer hands a custom one. */
interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
  headers: Record<string, string | string[] | undefined>;
  /** The request itself: Express's, with `ip` worked out from the trusted proxies. */
  raw: IncomingMessage & { ip?: string };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client's x-request-id is kept when it is well formed, so a support ticket can quote it. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Structured JSON logs with request ids; human-readable lines in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
          genReqId: (request, response) => {
            const id = requestIdOf(request);
            response.setHeader('x-request-id', id);
            return id;
          },
          // A request line says who asked for what and how it ended; whole header sets (a dozen of
          // helmet's on every response) cost more to copy, redact and serialise than the request.
          serializers: {
            req: (req: SerializedRequest) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              // Express's address honours TRUST_PROXY_HOPS; the socket's is the proxy's.
              remoteAddress: req.raw.ip ?? req.remoteAddress,
              userAgent: req.headers['user-agent'],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: ['*.password', '*.token'],
          autoLogging: { ignore: (request) => request.url === '/health' },
          transport: config.isDevelopment
            ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
            : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
