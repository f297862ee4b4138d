import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificationProgramEntity } from '@lp/certification';
import {
  type NotificationDraft,
  NotificationKind,
  NotificationPlanner,
  NotificationSubjectType,
} from '@lp/notifications';
import { resolveTimezone, Role } from '@lp/organisation';
import { DAY_MS, normaliseOffsets, offsetReminders, spansWithOffsetReminders } from '../reminder-schedule';
import { RemindersConfig } from '../reminders.config';
import { type CurrentCertificationRow, currentCertificationsExpiringBetween } from './current-certifications';
import { expiryNoticeRecipients, newsTo } from './expiry-notice-recipients';
import { planFromBatches } from './plan-batches';
import { storeManagersOf } from './store-managers';

/**
 * How long after an expiry a planner that was not running still sends the expiry notice:
 * a month, so an outage is caught up (and a fresh install tells about recent expiries)
 * without reporting cycles that ran out long ago.
 */
const EXPIRY_NOTICE_CATCH_UP_MS = 30 * DAY_MS;

/** The one expiry notice per recipient of a cycle; the cycle's expiry never moves. */
export const EXPIRED_OFFSET_KEY = 'EXPIRED';

export interface CertificationReminderCounts {
  expiring: number;
  expired: number;
}

/**
 * Plans the reminders about certifications: "expires in N days" per the programme's
 * offsets, with the holder's store managers copied from the last offset on, and once a
 * cycle has expired (still current, not revoked) one notice each to the holder, their
 * store's managers and every active HR employee; a store whose managers have not heard of
 * it (the holder moved there) is told on a later run, someone new to HR or to managing the
 * store is not. Status is derived from the dates, so nothing is flipped here.
 */
@Injectable()
export class CertificationReminderPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationPlanner,
    private readonly config: RemindersConfig,
  ) {}

  async plan(now: Date): Promise<CertificationReminderCounts> {
    const programs = await this.dataSource.getRepository(CertificationProgramEntity).find({ order: { id: 'ASC' } });
    const hr = await this.activeHr();
    const counts: CertificationReminderCounts = { expiring: 0, expired: 0 };
    for (const program of programs) {
      counts.expiring += await this.planExpiring(program, now);
      counts.expired += await this.planExpired(program, hr, now);
    }
    return counts;
  }

  private async planExpiring(program: CertificationProgramEntity, now: Date): Promise<number> {
    const offsets = normaliseOffsets(program.reminderOffsetsDays);
    let planned = 0;
    for (const span of spansWithOffsetReminders(offsets, now)) {
      planned += await this.eachBatch(program.id, span.from, span.to, async (batch) => {
        const managers = await storeManagersOf(
          this.dataSource.manager,
          batch.map((c) => c.employeeId),
        );
        return batch.flatMap((certification) =>
          offsetReminders(
            certification.expiresAt,
            offsets,
            now,
            resolveTimezone(certification.holderStore.timezone).timezone,
          ).map((reminder) => ({
            kind: NotificationKind.CERTIFICATION_EXPIRING,
            recipientId: certification.employeeId,
            recipientStore: certification.holderStore,
            // Copied even with no manager today: the template reads who manages the store when it is sent.
            ccEmployeeIds: reminder.last ? (managers.get(certification.employeeId) ?? []) : undefined,
            subjectType: NotificationSubjectType.CERTIFICATION,
            subjectId: certification.id,
            offsetKey: reminder.offsetKey,
            plannedAt: reminder.plannedAt,
            daysBefore: reminder.days,
            expiresAt: certification.expiresAt,
            templateData: templateData(program, certification),
          })),
        );
      });
    }
    return planned;
  }

  private async planExpired(program: CertificationProgramEntity, hr: number[], now: Date): Promise<number> {
    const from = new Date(now.getTime() - EXPIRY_NOTICE_CATCH_UP_MS);
    return this.eachBatch(program.id, from, now, async (batch) => {
      const managers = await storeManagersOf(
        this.dataSource.manager,
        batch.map((c) => c.employeeId),
      );
      const planned = await expiryNoticeRecipients(
        this.dataSource.manager,
        batch.map((c) => c.id),
      );
      return batch.flatMap((certification) => {
        const told = planned.get(certification.id) ?? new Set<number>();
        const others = [
          ...newsTo(managers.get(certification.employeeId) ?? [], told),
          ...newsTo(
            hr.filter((id) => id !== certification.employeeId),
            told,
          ),
        ];
        const recipients = [certification.employeeId, ...new Set(others)];
        return recipients.map((recipientId) => ({
          kind: NotificationKind.CERTIFICATION_EXPIRED,
          recipientId,
          recipientStore: recipientId === certification.employeeId ? certification.holderStore : undefined,
          subjectType: NotificationSubjectType.CERTIFICATION,
          subjectId: certification.id,
          offsetKey: EXPIRED_OFFSET_KEY,
          plannedAt: now,
          templateData: {
            ...templateData(program, certification),
            forHolder: recipientId === certification.employeeId,
          },
        }));
      });
    });
  }

  /**
   * Plans the drafts made from each batch of the programme's certifications expiring in
   * (from, to]; returns how many were planned anew.
   */
  private eachBatch(
    programId: number,
    from: Date,
    to: Date,
    draftsOf: (batch: CurrentCertificationRow[]) => Promise<NotificationDraft[]>,
  ): Promise<number> {
    const manager = this.dataSource.manager;
    const batches = currentCertificationsExpiringBetween(
      manager,
      programId,
      from,
      to,
      this.config.REMINDER_PLANNING_BATCH_SIZE,
    );
    return planFromBatches(this.notifications, manager, batches, draftsOf);
  }

  private async activeHr(): Promise<number[]> {
    const rows = (await this.dataSource.query('SELECT id FROM employees WHERE role = ? AND active = 1 ORDER BY id', [
      Role.HR,
    ])) as { id: number }[];
    return rows.map((row) => Number(row.id));
  }
}

function templateData(
  program: CertificationProgramEntity,
  certification: CurrentCertificationRow,
): Record<string, unknown> {
  return {
    certificationId: certification.id,
    programName: program.name,
    expiresAt: certification.expiresAt.toISOString(),
    holderName: certification.holderName,
  };
}
