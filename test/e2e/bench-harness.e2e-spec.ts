import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useTestDatabase } from '@lp/testing';
import { seedCurriculum } from '../../apps/cli/src/commands/seed-curriculum.command';
import { ChainGenerator } from '../../bench/data/chain-generator';
import { runBench } from '../../bench/lib/harness';
import { SCENARIOS } from '../../bench/scenarios';
import { ChildProcessLauncher, InProcessLauncher } from '../../bench/servers/launchers';

/**
 * Keeps `npm run bench` from rotting: generates a tiny chain in this worker's database and
 * runs every scenario for a fraction of a second with servers in this process. Figures
 * this small mean nothing; only that each scenario measures both sides without failing.
 * Then it starts each server as `npm run bench` does: compiled, in a process of its own.
 */
describe('bench harness (smoke)', () => {
  const suite = useTestDatabase();

  beforeAll(() => seedCurriculum(() => undefined, false));

  it('generates a chain and runs every scenario against its baseline', async () => {
    const counts = await new ChainGenerator({ stores: 2, employees: 40 }, () => undefined).generate(suite.dataSource);
    expect(counts).toMatchObject({ stores: 2, employees: 40 });
    expect(counts.assignments).toBeGreaterThan(40);
    expect(counts.certifications).toBeGreaterThan(0);

    const report = await runBench({
      dataSource: suite.dataSource,
      servers: new InProcessLauncher(),
      scenarios: SCENARIOS,
      settings: {
        // The warm-up's first answers take the cold requests; a timed warm-up adds nothing here.
        // A measurement this short must still outlast a stall of a loaded machine's database.
        durationSeconds: 0.8,
        warmupSeconds: 0,
        connections: 2,
        rounds: 1,
        emails: 5,
        importRows: 20,
        singleRowSample: 5,
        completionRate: 20,
        completionSeconds: 0.5,
        storeEventsOnly: false,
      },
    });

    expect(report.rows.filter((row) => row.note?.startsWith('failed:'))).toEqual([]);
    for (const row of report.rows.filter((r) => r.target !== null)) {
      expect({ scenario: row.scenario, ours: row.ours! > 0, baseline: row.baseline! > 0 }).toEqual({
        scenario: row.scenario,
        ours: true,
        baseline: true,
      });
    }
    expect(report.rows.map((row) => row.scenario.split(' ')[0])).toEqual(
      expect.arrayContaining(['0', '1', '2', '3', '4', '5', '6a', '6b', '6c', '6d', '7', '8', '9']),
    );
  });

  it('starts each server compiled, in a process of its own, as npm run bench does', async () => {
    // tsc's errors, if any, go to the test's output.
    execFileSync('npm', ['run', 'build:bench', '--silent'], {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Under Jest, process.env is this file's copy: passed on, the servers use this worker's database.
    const servers = new ChildProcessLauncher({ env: process.env });
    try {
      for (const kind of ['api', 'bare-apollo'] as const) {
        const server = await servers.get(kind);
        expect(server.pid).not.toBe(process.pid);
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      }
      expect((await servers.get('snapshot-worker')).pid).not.toBe(process.pid);
    } finally {
      await servers.closeAll();
    }
  }, 180_000);
});
