import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import type { HttpConfig, WebConfig } from '@lp/core';
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

/**
 * The web app's policy: everything from this server, plus data: images (QR codes) and blob:
 * URLs (files it builds for download). No upgrade-insecure-requests: a store may reach the
 * API over plain HTTP on its own network. GraphiQL sets a policy of its own.
 */
const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    scriptSrcAttr: ["'none'"],
    upgradeInsecureRequests: null,
  },
  useDefaults: false,
};

/** HTTP settings shared by the real API and the test harness, applied before the app initialises. */
export function configureHttp(app: NestExpressApplication, config: HttpConfig, web: WebConfig): void {
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  // No origin list: browsers may call the API from its own origin only (the served web app).
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, maxAge: 600 });
  // Throttling by address is only as good as the address: behind N proxies, the client is N hops back.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.useBodyParser('json', { limit: `${config.REQUEST_BODY_LIMIT_MB}mb` });
  app.use(answerUnreadableBody(config.REQUEST_BODY_LIMIT_MB));
  serveWebApp(app, web);
}
