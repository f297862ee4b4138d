import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where `npm run screenshots` puts the pictures the docs show. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../../docs/screenshots');

export interface ScreenshotOptions {
  /** Write here, always (e.g. a temporary folder), instead of docs/screenshots when SAVE_SCREENSHOTS=1. */
  dir?: string;
  fullPage?: boolean;
}

/**
 * Saves `<name>.png` of the page. Into docs/screenshots only when SAVE_SCREENSHOTS=1
 * (`npm run screenshots`), so an ordinary test run leaves the committed pictures alone.
 * Returns the file written, or undefined when skipped.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot name "${name}": use lower-case words and dashes`);
  const dir = options.dir ?? (process.env.SAVE_SCREENSHOTS === '1' ? SCREENSHOT_DIR : undefined);
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  return file;
}
