import type { Page } from 'playwright-core';

/**
 * Records what a page reports as broken — console errors (including CSP violations and
 * failed loads) and uncaught exceptions — so a test can fail on them.
 */
export class BrowserErrors {
  private readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.record(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.record(`uncaught ${error.name}: ${error.message}`));
  }

  /** Tolerates errors matching `pattern` until the next `takeAndReset()`, for tests that provoke them. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** The errors seen since the last call; forgets them and any allowances. */
  takeAndReset(): string[] {
    const seen = this.errors.splice(0);
    this.allowed = [];
    return seen;
  }

  private record(error: string): void {
    if (!this.allowed.some((pattern) => pattern.test(error))) this.errors.push(error);
  }
}
