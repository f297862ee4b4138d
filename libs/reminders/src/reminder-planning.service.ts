import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock, everyOneSettled, QueueName } from '@lp/core';
import { REMINDER_PLANNING_SCHEDULER_ID, ReminderJob } from './jobs/reminder-jobs';
import { type AssignmentReminderCounts, AssignmentReminderPlanner } from './planners/assignment-reminder.planner';
import {
  type CertificationReminderCounts,
  CertificationReminderPlanner,
} from './planners/certification-reminder.planner';
import { type RefresherCounts, RefresherPlanner } from './planners/refresher.planner';
import { WeeklyDigestPlanner } from './planners/weekly-digest.planner';
import { RemindersConfig } from './reminders.config';

/** What one planning run did: the reminders and digests it planned anew, the refreshers and courses it assigned. */
export interface PlanningResult extends RefresherCounts, AssignmentReminderCounts, CertificationReminderCounts {
  digests: number;
}

/**
 * One planning run: refreshers first (so their due-date reminders are planned in the same
 * run), then the reminders about assignments and certifications and the digests side by
 * side, each on connections of its own: MariaDB then works on two of them at once while
 * this process makes the drafts, which on a large chain takes a fifth off the run. Every
 * step is idempotent — unique keys in the database, not the queue, say what exists — so
 * runs may overlap, repeat after a crash, or run in several workers at once.
 */
@Injectable()
export class ReminderPlanning {
  private readonly logger = new Logger(ReminderPlanning.name);

  constructor(
    private readonly refreshers: RefresherPlanner,
    private readonly assignments: AssignmentReminderPlanner,
    private readonly certifications: CertificationReminderPlanner,
    private readonly digests: WeeklyDigestPlanner,
    @InjectQueue(QueueName.ReminderPlanning) private readonly queue: Queue,
    private readonly config: RemindersConfig,
    private readonly clock: Clock,
  ) {}

  /** Creates or refreshes the repeating planning in BullMQ; idempotent, so every worker calls it. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REMINDER_PLANNING_SCHEDULER_ID,
      { every: this.config.REMINDER_PLANNING_EVERY_MINUTES * 60_000 },
      {
        name: ReminderJob.PlanReminders,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
      },
    );
  }

  /** Asks for a run now (a worker starting), besides the scheduled ones. */
  async runSoon(): Promise<void> {
    await this.queue.add(ReminderJob.PlanReminders, {}, { attempts: 1, removeOnComplete: { count: 100 } });
  }

  async plan(): Promise<PlanningResult> {
    const now = this.clock.now();
    const refreshers = await this.refreshers.plan(now);
    const [assignments, certifications, digests] = await everyOneSettled([
      this.assignments.plan(now),
      this.certifications.plan(now),
      this.digests.plan(now),
    ] as const);
    const result = { ...refreshers, ...assignments, ...certifications, digests };
    this.logger.log(result, 'Reminders planned');
    return result;
  }
}
