import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificationProgramEntity } from '@lp/certification';
import { everyOneSettled } from '@lp/core';
import {
  type NotificationDraft,
  NotificationKind,
  NotificationPlanner,
  NotificationSubjectType,
} from '@lp/notifications';
import { resolveTimezone } from '@lp/organisation';
import {
  currentOverdueReminder,
  DAY_MS,
  escalationKey,
  normaliseOffsets,
  offsetReminders,
  spansWithOffsetReminders,
  WEEK_MS,
} from '../reminder-schedule';
import { RemindersConfig } from '../reminders.config';
import { escalationRecipientsOf } from '../stand-ins';
import { type OpenAssignmentRow, openAssignmentsDueBetween } from './open-assignments';
import { planFromBatches } from './plan-batches';

/**
 * How long after the moment to escalate a planner that was not running still escalates:
 * a week, so an outage is caught up but a new manager is not sent a store's old history.
 */
const ESCALATION_CATCH_UP_MS = WEEK_MS;

export interface AssignmentReminderCounts {
  due: number;
  overdue: number;
  escalations: number;
}

/**
 * Plans the reminders about open assignments: "due in N days" per the programme's offsets
 * (the defaults outside a programme), weekly overdue reminders up to OVERDUE_REMINDER_LIMIT,
 * and one escalation to each of the store's managers ESCALATE_AFTER_DAYS after the due
 * date — to the regional managers standing in for a store without one, or to HR (see
 * stand-ins.ts), who are told why (templateData.reason). Idempotent: NotificationPlanner writes only what is not planned yet; offset keys
 * carry the due date.
 * The three kinds are planned side by side, each reading and writing on connections of its own.
 */
@Injectable()
export class AssignmentReminderPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationPlanner,
    private readonly config: RemindersConfig,
  ) {}

  async plan(now: Date): Promise<AssignmentReminderCounts> {
    const [due, overdue, escalations] = await everyOneSettled([
      this.planDue(now),
      this.planOverdue(now),
      this.planEscalations(now),
    ] as const);
    return { due, overdue, escalations };
  }

  private async planDue(now: Date): Promise<number> {
    let planned = 0;
    for (const span of spansWithOffsetReminders(await this.everyOffsetDays(), now)) {
      planned += await this.eachBatch(span.from, span.to, (batch) =>
        batch.flatMap((assignment) =>
          offsetReminders(
            assignment.dueAt,
            assignment.offsetsDays ?? [],
            now,
            resolveTimezone(assignment.employeeStore.timezone).timezone,
          ).map((reminder) => ({
            kind: NotificationKind.ASSIGNMENT_DUE,
            recipientId: assignment.employeeId,
            recipientStore: assignment.employeeStore,
            subjectType: NotificationSubjectType.ASSIGNMENT,
            subjectId: assignment.id,
            offsetKey: reminder.offsetKey,
            plannedAt: reminder.plannedAt,
            daysBefore: reminder.days,
            expiresAt: assignment.dueAt,
            templateData: templateData(assignment),
          })),
        ),
      );
    }
    return planned;
  }

  private async planOverdue(now: Date): Promise<number> {
    const limit = this.config.OVERDUE_REMINDER_LIMIT;
    if (limit === 0) return 0;
    const from = new Date(now.getTime() - limit * WEEK_MS);
    return this.eachBatch(from, now, (batch) =>
      batch.flatMap((assignment) => {
        const reminder = currentOverdueReminder(assignment.dueAt, now, limit);
        if (!reminder) return [];
        return [
          {
            kind: NotificationKind.ASSIGNMENT_OVERDUE,
            recipientId: assignment.employeeId,
            recipientStore: assignment.employeeStore,
            subjectType: NotificationSubjectType.ASSIGNMENT,
            subjectId: assignment.id,
            offsetKey: reminder.offsetKey,
            plannedAt: reminder.plannedAt,
            templateData: { ...templateData(assignment), overdueReminder: reminder.number },
          },
        ];
      }),
    );
  }

  private async planEscalations(now: Date): Promise<number> {
    const to = new Date(now.getTime() - this.config.ESCALATE_AFTER_DAYS * DAY_MS);
    const from = new Date(to.getTime() - ESCALATION_CATCH_UP_MS);
    return this.eachBatch(from, to, async (batch) => {
      const recipients = await escalationRecipientsOf(
        this.dataSource.manager,
        batch.map((a) => a.employeeId),
      );
      return batch.flatMap((assignment) => {
        const { recipientIds, reason } = recipients.get(assignment.employeeId) ?? { recipientIds: [], reason: null };
        return recipientIds.map((recipientId) => ({
          kind: NotificationKind.ESCALATION,
          recipientId,
          subjectType: NotificationSubjectType.ASSIGNMENT,
          subjectId: assignment.id,
          offsetKey: escalationKey(assignment.dueAt),
          plannedAt: now,
          // A stand-in's go together the next morning: HR may stand in for hundreds of people.
          atWindowOpening: reason !== null,
          templateData: {
            ...templateData(assignment),
            employeeName: assignment.employeeName,
            overdueDays: this.config.ESCALATE_AFTER_DAYS,
            ...(reason && { reason }),
          },
        }));
      });
    });
  }

  /** Plans the drafts made from each batch of open assignments due in (from, to]; returns how many were planned anew. */
  private eachBatch(
    from: Date,
    to: Date,
    draftsOf: (batch: OpenAssignmentRow[]) => NotificationDraft[] | Promise<NotificationDraft[]>,
  ): Promise<number> {
    const manager = this.dataSource.manager;
    const batches = openAssignmentsDueBetween(manager, from, to, this.config.REMINDER_PLANNING_BATCH_SIZE);
    return planFromBatches(this.notifications, manager, batches, draftsOf);
  }

  /** Every offset an assignment may have: the defaults' and each programme's. */
  private async everyOffsetDays(): Promise<number[]> {
    const programs = await this.dataSource
      .getRepository(CertificationProgramEntity)
      .find({ select: { id: true, reminderOffsetsDays: true } });
    return [...normaliseOffsets(null), ...programs.flatMap((program) => normaliseOffsets(program.reminderOffsetsDays))];
  }
}

function templateData(assignment: OpenAssignmentRow): Record<string, unknown> {
  return { assignmentId: assignment.id, courseTitle: assignment.courseTitle, dueAt: assignment.dueAt.toISOString() };
}
