import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import { AppLogger, type HttpConfig, logRequests, type WebConfig } from '@lp/core';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { serveWebApp } from './serve-web-app';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Answers a body the parser refused (too large, not JSON) as a GraphQL client expects it —
 * an `errors` list with a code — instead of Express's generic reply.
 */
function answerUnreadableBody(limitMb: number) {
  return (error: BodyParserError, _request: Request, response: Response, next: NextFunction): void => {
    const message =
      error?.type === 'entity.too.large'
        ? `The request is larger than ${limitMb} MB; split it (e.g. import the CSV in several files)`
        : error?.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : undefined;
    if (!message) return next(error);
    response
      .status(error.status ?? 400)
      .json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason: error.type } }] });
  };
}

/** HTTP settings shared by the real API and the test harness, applied before the app initialises. */
export function configureHttp(app: NestExpressApplication, config: HttpConfig, web: WebConfig): void {
  app.disable('x-powered-by');
  // First, so that even a request the body parser refuses has an id and a log line. Not logged: load
  // balancers polling /health, and the web app's assets, which every page load fetches by the dozen.
  app.use(
    logRequests(app.get(AppLogger).pino, {
      ignore: (path) => path === '/health' || path.startsWith('/assets/'),
    }),
  );
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  // No origin list: browsers may call the API from its own origin only (the served web app).
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, maxAge: 600 });
  // Throttling by address is only as good as the address: behind N proxies, the client is N hops back.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.useBodyParser('json', { limit: `${config.REQUEST_BODY_LIMIT_MB}mb` });
  app.use(answerUnreadableBody(config.REQUEST_BODY_LIMIT_MB));
  serveWebApp(app, web);
}
