/** One line of the bench table; `ours / baseline` is compared with the target. */
export interface BenchRow {
  scenario: string;
  /** What the figures count, e.g. "req/s", "jobs/s", "ms". */
  unit: string;
  ours: number | null;
  baseline: number | null;
  ratio: number | null;
  /** The least acceptable ratio; null when the row is informative only. */
  target: number | null;
  pass: boolean | null;
  note?: string;
}

/** A row comparing a rate (higher is better) with its baseline. */
export function rateRow(
  scenario: string,
  unit: string,
  ours: number,
  baseline: number,
  target: number,
  note?: string,
): BenchRow {
  const ratio = baseline > 0 ? ours / baseline : null;
  return { scenario, unit, ours, baseline, ratio, target, pass: ratio !== null && ratio >= target, note };
}

export function failedRow(scenario: string, target: number | null, error: unknown, nextStep: string): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    scenario,
    unit: '',
    ours: null,
    baseline: null,
    ratio: null,
    target,
    pass: false,
    note: `failed: ${message.split('\n')[0]} — ${nextStep}`,
  };
}

function figure(value: number | null): string {
  if (value === null) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** The one table `npm run bench` prints. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['scenario', 'ours', 'baseline', 'ratio', 'target', 'result', 'note'];
  const lines = rows.map((row) => [
    row.scenario,
    row.ours === null ? '—' : `${figure(row.ours)} ${row.unit}`,
    row.baseline === null ? '—' : `${figure(row.baseline)} ${row.unit}`,
    row.ratio === null ? '—' : figure(row.ratio),
    row.target === null ? '—' : `≥ ${row.target}`,
    row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL',
    row.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)].join('\n');
}
