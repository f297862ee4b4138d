import type { Scenario } from '../lib/context';
import { processMemory } from '../lib/process-memory';
import type { BenchRow } from '../lib/results';

/** How often the API's resident memory is read while the export runs. */
const SAMPLE_EVERY_MS = 10;

/**
 * 6d: the chain-wide `GET /reports/certifications.csv?includeHistory=true` (every cycle) as HR: time, and the API process's
 * highest resident memory sampled during the download against its resident memory just
 * before (VmHWM would include earlier scenarios' peaks). The ratio is idle / peak, so the
 * target "peak under 2× idle" reads ≥ 0.5.
 */
export const certificationsExportScenario: Scenario = {
  name: '6d certifications.csv export (chain-wide, HR)',
  target: 0.5,
  nextStep: 'run npm run bench:data first (the export needs certifications and an HR employee)',
  async run(context) {
    const api = await context.servers.get('api');
    const [hr] = (await context.dataSource.query(
      "SELECT id FROM employees WHERE role = 'HR' AND active = 1 LIMIT 1",
    )) as { id: number }[];
    if (!hr) throw new Error('the database has no HR employee');
    const idleMb = processMemory(api.pid).rssMb;
    let peakMb = idleMb;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, processMemory(api.pid).rssMb);
    }, SAMPLE_EVERY_MS);
    const started = performance.now();
    let body: string;
    let status: number;
    try {
      const response = await fetch(`${api.url}/reports/certifications.csv?includeHistory=true`, {
        headers: { authorization: `Bearer ${context.tokenFor(hr.id)}` },
      });
      status = response.status;
      body = await response.text();
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peakMb = Math.max(peakMb, processMemory(api.pid).rssMb);
    if (status !== 200) throw new Error(`the export answered HTTP ${status}: ${body.slice(0, 200)}`);
    const rows = body.split('\n').filter((line) => line.length > 0).length - 1;
    const row: BenchRow = {
      scenario: this.name,
      unit: 'MB',
      ours: peakMb,
      baseline: idleMb,
      ratio: idleMb / peakMb,
      target: this.target,
      pass: idleMb / peakMb >= this.target!,
      note: `${rows} certification cycles, ${(body.length / 1e6).toFixed(1)} MB of CSV in ${seconds.toFixed(2)} s; ours = peak RSS, baseline = idle RSS`,
    };
    return [row];
  },
};
