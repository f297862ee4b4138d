import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { WebConfig } from '@lp/core';

/**
 * Paths the API answers itself; the web app's fallback never shadows them. Downloads are
 * matched by their file name only, so the app may have pages at /reports or /certificates/12.
 */
const API_PATHS = /^\/((graphql|graphiql|health|admin\/queues)(\/|$)|(reports|certificates)\/[^/]+\.(csv|pdf)$)/;

/** Vite names built assets after their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = (folder: string) =>
  `LP Academy: the web app is not built (no index.html in ${folder}).\n` +
  'Build it with `npm run build`, or point WEB_DIST_DIR at a built copy, then restart the API.\n' +
  'The GraphQL API is available at /graphql.\n';

/** A browser navigating (it names text/html, not just any type) to a path that is neither the API nor a built file. */
function wantsPage(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (request.headers.accept ?? '').includes('text/html') &&
    !API_PATHS.test(request.path) &&
    !request.path.startsWith('/assets/')
  );
}

/**
 * Serves the built single-page app from WEB_DIST_DIR: its files as they are, and index.html
 * for any other page a browser asks for (client-side routes such as /verify/ABC), so a deep
 * link or a reload works. Without a build the API still runs and `/` says how to make one.
 */
export function serveWebApp(app: NestExpressApplication, config: WebConfig): void {
  const folder = resolve(config.WEB_DIST_DIR);
  const assets = join(folder, 'assets') + sep;
  const indexHtml = join(folder, 'index.html');
  app.useStaticAssets(folder, {
    index: false,
    redirect: false,
    setHeaders: (response, path) => {
      response.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!wantsPage(request)) return next();
    if (!existsSync(indexHtml)) {
      response.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT(config.WEB_DIST_DIR));
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml, (error) => {
      if (error) next(error);
    });
  });
}
