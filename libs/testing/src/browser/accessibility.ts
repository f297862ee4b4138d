/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface AccessibilityOptions {
  /** CSS selector of the part of the page to check (default: the whole document). */
  include?: string;
  /** axe rule ids to skip, each with a reason in the calling test. */
  disableRules?: string[];
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const FAILING_IMPACTS = new Set(['serious', 'critical']);

let axeSource: string | undefined;

function describe(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    …and ${violation.nodes.length - 5} more` : '';
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}${more}`;
}

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now and throws a
 * readable list of serious and critical violations. axe is evaluated through the DevTools
 * protocol rather than a <script> tag, so the app's Content-Security-Policy stays on.
 */
export async function checkAccessibility(page: Page, options: AccessibilityOptions = {}): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    async ({ include, disableRules }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const rules = Object.fromEntries((disableRules ?? []).map((id) => [id, { enabled: false }]));
      const result = (await axe.run(include ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        rules,
        resultTypes: ['violations'],
      })) as { violations: unknown[] };
      return result.violations;
    },
    { include: options.include, disableRules: options.disableRules },
  )) as Violation[];
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  if (failing.length > 0) {
    throw new Error(
      `Accessibility: ${failing.length} serious or critical axe violation(s) on ${page.url()}\n` +
        failing.map(describe).join('\n'),
    );
  }
}
