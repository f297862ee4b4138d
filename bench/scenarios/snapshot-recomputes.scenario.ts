import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, QueueEvents } from 'bullmq';
import { AssignmentService } from '@lp/assignments';
import { CertificationModule } from '@lp/certification';
import { ClockModule, ConfigModule, DatabaseModule, QueueModule, QueueName, RedisConfig, readConfig } from '@lp/core';
import { queueConnection } from '@lp/core';
import { lpSchema } from '@lp/migrations/schema';
import { ReminderCancellationModule } from '@lp/reminders';
import { SnapshotTrigger, SnapshotTriggerModule } from '@lp/reporting';
import { DataSource } from 'typeorm';
import { API_CONFIG } from '../../apps/api/src/app.module';
import type { Scenario } from '../lib/context';
import type { BenchRow } from '../lib/results';

/** How often the snapshot queue's counts are read. */
const SAMPLE_EVERY_MS = 250;
/** Completions running at once at most; beyond it the driver falls behind and says so. */
const MAX_IN_FLIGHT = 50;
/** How long the queue may take to empty after the last completion. */
const DRAIN_LIMIT_MS = 30_000;

/** The API's side of a completion: the assignment service with every completion hook the API registers. */
@Module({})
class CompletionModule {
  static forRoot(): DynamicModule {
    return {
      module: CompletionModule,
      imports: [
        ConfigModule.forRoot(API_CONFIG),
        ClockModule,
        DatabaseModule.forRoot(lpSchema),
        QueueModule.forRoot(),
        CertificationModule,
        ReminderCancellationModule,
        SnapshotTriggerModule,
      ],
    };
  }
}

/** An assignment to complete, or (id 0) a store event alone. */
interface Target {
  id: number;
  employeeId: number;
  storeId: number;
}

/**
 * Open assignments of active employees, one each (a completion that issues a certificate
 * closes its holder's other open work of the programme), in an order that spreads them
 * over the stores.
 */
async function openAssignments(dataSource: DataSource, count: number): Promise<Target[]> {
  const rows = (await dataSource.query(
    `SELECT MIN(a.id) AS id, a.employee_id, e.store_id
       FROM assignments a JOIN employees e ON e.id = a.employee_id AND e.active = 1
      WHERE a.status IN ('ASSIGNED', 'IN_PROGRESS')
      GROUP BY a.employee_id, e.store_id
      ORDER BY (MIN(a.id) * 7919) % 100003 LIMIT ?`,
    [count],
  )) as { id: number; employee_id: number; store_id: number }[];
  return rows.map((r) => ({ id: Number(r.id), employeeId: Number(r.employee_id), storeId: Number(r.store_id) }));
}

/** `count` store ids taken in turn from every store, in an order that spreads them out. */
async function storeEvents(dataSource: DataSource, count: number): Promise<Target[]> {
  const stores = (await dataSource.query('SELECT id FROM stores ORDER BY (id * 7919) % 100003')) as { id: number }[];
  return Array.from({ length: count }, (_, i) => ({
    id: 0,
    employeeId: 0,
    storeId: Number(stores[i % stores.length].id),
  }));
}

interface Depth {
  at: number;
  waiting: number;
}

/**
 * 8 (issue 12): event-driven snapshot recomputes under a steady stream of completions. The
 * bench completes open assignments at `completionRate` per second for `completionSeconds`
 * through AssignmentService.complete with the API's completion hooks (certificates,
 * reminder cancellation, SnapshotTrigger), after commit as the API does, while the
 * worker's snapshot processor runs in a process of its own; it samples the queue's
 * waiting + delayed + active jobs. Kept up: the depth stays within one job per store
 * touched (the per-store coalescing) plus the processor's concurrency, and the queue is
 * empty within DRAIN_LIMIT_MS of the last completion. Ratio: completions/s achieved vs
 * the rate asked. Spends open assignments, like scenario 2. With `storeEventsOnly` it sends
 * only the store events (SnapshotTrigger.recompute of the store) instead, spread over every
 * store: the recompute side at rates this machine cannot complete assignments at.
 */
export const snapshotRecomputesScenario: Scenario = {
  name: '8 snapshot recomputes under completions/s',
  target: 0.95,
  nextStep: 'run npm run bench:data first (the scenario completes open assignments)',
  async run(context) {
    const { completionRate, completionSeconds, storeEventsOnly } = context.settings;
    const total = Math.round(completionRate * completionSeconds);
    const targets = storeEventsOnly
      ? await storeEvents(context.dataSource, total)
      : await openAssignments(context.dataSource, total);
    if (targets.length < total) throw new Error(`only ${targets.length} open assignments left, ${total} needed`);
    const what = storeEventsOnly ? 'store events' : 'completions';
    await context.servers.get('snapshot-worker');
    const app: INestApplicationContext = await NestFactory.createApplicationContext(CompletionModule.forRoot(), {
      logger: ['error'],
    });
    const queue = app.get<Queue>(getQueueToken(QueueName.ComplianceSnapshots), { strict: false });
    const events = new QueueEvents(QueueName.ComplianceSnapshots, queueConnection(readConfig(RedisConfig)));
    let recomputes = 0;
    events.on('completed', () => {
      recomputes += 1;
    });
    // The nightly close's scheduler always keeps its next run as a delayed job: not a recompute.
    const schedulers = await queue.getJobSchedulersCount();
    const depth = async () => {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      return Object.values(counts).reduce((sum, n) => sum + n, 0) - schedulers;
    };
    const depths: Depth[] = [];
    const started = performance.now();
    const sampler = setInterval(() => {
      void depth().then((waiting) => depths.push({ at: performance.now() - started, waiting }));
    }, SAMPLE_EVERY_MS);
    try {
      await events.waitUntilReady();
      const dataSource = app.get(DataSource);
      const assignments = app.get(AssignmentService);
      const trigger = app.get(SnapshotTrigger);
      const complete = async ({ id, employeeId, storeId }: Target) => {
        if (storeEventsOnly) return trigger.recompute([storeId]);
        const after = await dataSource.transaction(async (manager) => {
          // As the API takes the assignment before completing it: the learner's own, locked.
          const assignment = await assignments.lockOwn(manager, employeeId, id);
          return assignments.complete(manager, assignment, employeeId, storeId);
        });
        for (const action of after) await action();
      };

      let next = 0;
      let inFlight = 0;
      let failures = 0;
      let firstFailure = '';
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * completionRate));
          while (next < due && inFlight < MAX_IN_FLIGHT) {
            inFlight += 1;
            void complete(targets[next++])
              .catch((error: unknown) => {
                failures += 1;
                firstFailure ||= error instanceof Error ? error.message : String(error);
              })
              .finally(() => {
                inFlight -= 1;
                if (next === total && inFlight === 0) {
                  clearInterval(tick);
                  resolve();
                }
              });
          }
        }, 5);
      });
      const driveSeconds = (performance.now() - started) / 1000;
      await trigger.flushed();
      const drainStarted = performance.now();
      let drained = false;
      while (performance.now() - drainStarted < DRAIN_LIMIT_MS) {
        if ((await depth()) <= 0) {
          drained = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      }
      const drainSeconds = (performance.now() - drainStarted) / 1000;
      const stores = new Set(targets.map((t) => t.storeId)).size;
      const maxDepth = Math.max(0, ...depths.map((d) => d.waiting));
      const bound = stores + 4;
      const achieved = (total - failures) / driveSeconds;
      const ratio = achieved / completionRate;
      const row: BenchRow = {
        scenario: this.name,
        unit: `${what}/s`,
        ours: achieved,
        baseline: completionRate,
        ratio,
        target: this.target,
        pass: ratio >= this.target! && failures === 0 && drained && maxDepth <= bound,
        note:
          `${total - failures} ${what} over ${stores} stores in ${driveSeconds.toFixed(1)} s` +
          (failures ? ` (${failures} failed, e.g. "${firstFailure}")` : '') +
          `; ${recomputes} recomputes; queue depth max ${maxDepth} (bound ${bound}), ` +
          (drained
            ? `empty ${drainSeconds.toFixed(1)} s after the last`
            : `not empty ${DRAIN_LIMIT_MS / 1000} s after`),
      };
      return [row];
    } finally {
      clearInterval(sampler);
      await events.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await app.close();
    }
  },
};
