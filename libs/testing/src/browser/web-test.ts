/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { createTestApp, type TestApp } from '../test-app';
import { BrowserErrors } from './browser-errors';
import { launchChromium } from './chromium';

/** Where the web app keeps the signed-in employee's access token (apps/web reads it from here). */
export const TOKEN_STORAGE_KEY = 'lp-academy.token';

/** The web build `npm run build` makes, which the browser tests drive. */
export const WEB_BUILD_DIR = resolve(__dirname, '../../../../dist/web');

/** A same-origin blank page the harness fulfils itself, to touch localStorage without loading the app. */
const BLANK_PATH = '/__lp-test-blank';

export interface WebTestOptions {
  /** Folder of the web app to serve (default: the real build in dist/web). */
  webDistDir?: string;
  /** Extra variables for the API, as for createTestApp. */
  env?: Record<string, string | undefined>;
  /** The browser's IANA time zone (default UTC), e.g. to read the app as someone far from a store does. */
  timezoneId?: string;
}

export interface WebTest {
  /** The API behind the page: dataSource for factories, clock, tokenFor, reset. */
  readonly app: TestApp;
  /** e.g. http://127.0.0.1:41234, also the API's APP_URL. */
  readonly baseUrl: string;
  /** One page for the whole file, reused by every test. */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Opens a path of the app (e.g. '/verify/ABC') and waits for the load event. */
  goto(path: string): Promise<Response | null>;
  /** Signs the page in as this employee (the token the API would give), without the login form. */
  signInAs(employee: { id: number }): Promise<void>;
  /** Forgets the token, as a sign-out would. */
  signOut(): Promise<void>;
  /** Lets console errors matching `pattern` pass for the current test only. */
  allowBrowserErrors(pattern: RegExp): void;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function assertBuilt(folder: string): void {
  if (!existsSync(join(folder, 'index.html'))) {
    throw new Error(
      `The browser tests need the built web app, and ${folder} has no index.html: run \`npm run build\` first.`,
    );
  }
}

/**
 * Registers the hooks of a browser test file and returns its handle: before all tests, the
 * API on a free port serving the web build and one Chromium page; after each test, a failure
 * if the page logged a console error or threw; after all, everything closed. Call it at the
 * top of a `describe`.
 */
export function useWebTest(options: WebTestOptions = {}): WebTest {
  const webDistDir = resolve(options.webDistDir ?? WEB_BUILD_DIR);
  const errors = new BrowserErrors();
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let baseUrl = '';

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useWebTest: ${what} is only available inside tests`);
    return value;
  };
  const atOrigin = async () => {
    if (!ready(page, 'page').url().startsWith(baseUrl)) await page!.goto(`${baseUrl}${BLANK_PATH}`);
  };

  beforeAll(async () => {
    assertBuilt(webDistDir);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = await createTestApp({ env: { APP_URL: baseUrl, ...options.env, WEB_DIST_DIR: webDistDir } });
    // This Jest worker's database may still hold what an earlier test file left.
    await app.reset();
    await app.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'en-GB',
      timezoneId: options.timezoneId ?? 'UTC',
      reducedMotion: 'reduce',
      colorScheme: 'light',
    });
    await context.route(`${baseUrl}${BLANK_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    page = await context.newPage();
    errors.watch(page);
  });

  afterEach(() => {
    const seen = errors.takeAndReset();
    if (seen.length > 0) throw new Error(`The page reported ${seen.length} error(s):\n  ${seen.join('\n  ')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  return {
    get app() {
      return ready(app, 'app');
    },
    get baseUrl() {
      return ready(baseUrl || undefined, 'baseUrl');
    },
    get page() {
      return ready(page, 'page');
    },
    get context() {
      return ready(context, 'context');
    },
    goto: (path) => ready(page, 'page').goto(`${baseUrl}${path}`),
    signInAs: async (employee) => {
      await atOrigin();
      const token = ready(app, 'app').tokenFor(employee);
      await page!.evaluate(([key, value]) => localStorage.setItem(key, value), [TOKEN_STORAGE_KEY, token] as const);
    },
    signOut: async () => {
      await atOrigin();
      await page!.evaluate((key) => localStorage.removeItem(key), TOKEN_STORAGE_KEY);
    },
    allowBrowserErrors: (pattern) => errors.allow(pattern),
  };
}
