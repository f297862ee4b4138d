import { SnapshotService, addUtcDays, endOfUtcDay, utcDayOf } from '@lp/reporting';
import type { Scenario } from '../lib/context';
import { rateRow } from '../lib/results';
import { createWorkerContext } from '../lib/worker-context';
import { assignmentFigures, openPool, programFigures } from './reports.scenario';

/** The same aggregation as SnapshotService.recomputeStores, for every open store in one statement. */
const CLOSE_SQL = `INSERT INTO store_compliance_snapshots (store_id, program_id, day, required, certified,
    expiring_soon, expired, missing, compliance_percent, open_assignments, completed_assignments,
    overdue_assignments, computed_at)
  SELECT f.store_id, f.program_id, :day, f.required, f.certified, f.expiring_soon, f.expired, f.missing,
    ROUND(COALESCE(100 * f.certified / NULLIF(f.required, 0), 100), 1),
    COALESCE(asg.open, 0), COALESCE(asg.completed, 0), COALESCE(asg.overdue, 0), :computedAt
  FROM (${programFigures('s.closed_on IS NULL')}) f
  LEFT JOIN (${assignmentFigures('s.closed_on IS NULL')}) asg ON asg.store_id = f.store_id
  ON DUPLICATE KEY UPDATE required = VALUES(required), certified = VALUES(certified),
    expiring_soon = VALUES(expiring_soon), expired = VALUES(expired), missing = VALUES(missing),
    compliance_percent = VALUES(compliance_percent), open_assignments = VALUES(open_assignments),
    completed_assignments = VALUES(completed_assignments), overdue_assignments = VALUES(overdue_assignments),
    computed_at = VALUES(computed_at)`;

/**
 * 7 (issue 12): the nightly close of a past day for every store through the worker's
 * SnapshotService.closeDay, against one INSERT … SELECT writing the same figures (as of the
 * same moment) under the day before, which is checked. Both days' rows are removed afterwards. Ratio: SQL time / closeDay time.
 */
export const dayCloseScenario: Scenario = {
  name: '7 nightly close: closeDay vs INSERT … SELECT',
  target: 0.5,
  nextStep: 'run npm run bench:data first (the close needs stores and certifications)',
  async run(context) {
    const today = utcDayOf(new Date());
    const closedDay = addUtcDays(today, -1);
    const sqlDay = addUtcDays(today, -2);
    const worker = await createWorkerContext();
    const pool = openPool(context);
    try {
      const closeStarted = performance.now();
      const stores = await worker.get(SnapshotService).closeDay(closedDay);
      const closeSeconds = (performance.now() - closeStarted) / 1000;
      const sqlStarted = performance.now();
      await pool.query(CLOSE_SQL, { day: sqlDay, now: endOfUtcDay(closedDay), computedAt: new Date() });
      const sqlSeconds = (performance.now() - sqlStarted) / 1000;
      // The SQL's rows are computed as of the closed day's last moment too, so the figures must agree.
      const [totals] = (await pool.query(
        `SELECT day, COUNT(*) AS rows_written, SUM(required) AS required, SUM(certified) AS certified,
            SUM(missing) AS missing, SUM(open_assignments) AS open
          FROM store_compliance_snapshots WHERE day IN (:closedDay, :sqlDay) GROUP BY day ORDER BY day DESC`,
        { closedDay, sqlDay },
      )) as unknown as [Record<string, unknown>[]];
      const [byCloseDay, bySql] = totals.map(({ day: _day, ...figures }) => JSON.stringify(figures));
      if (byCloseDay !== bySql) throw new Error(`closeDay wrote ${byCloseDay} but the SQL wrote ${bySql}`);
      return [
        rateRow(
          this.name,
          'stores/s',
          stores / closeSeconds,
          stores / sqlSeconds,
          this.target!,
          `${stores} stores: ${closeSeconds.toFixed(2)} s vs ${sqlSeconds.toFixed(2)} s; the same ${String(totals[0].rows_written)} snapshot rows and totals`,
        ),
      ];
    } finally {
      await pool.query('DELETE FROM store_compliance_snapshots WHERE day IN (:closedDay, :sqlDay)', {
        closedDay,
        sqlDay,
      });
      await pool.query('DELETE FROM compliance_day_closes WHERE day = :closedDay', { closedDay });
      await pool.end();
      await worker.close();
    }
  },
};
