import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationPlanner, NotificationSubjectType } from '@lp/notifications';
import { resolveTimezone } from '@lp/organisation';
import { isoWeek, weeklyDigestMoment } from '../reminder-schedule';
import { RemindersConfig } from '../reminders.config';

/**
 * Plans one weekly digest per active store manager (subject: the manager; offset key: the
 * UTC ISO week, the same for every store) on the first planning run of the week, or when a
 * new install or manager first appears. It goes out no earlier than Monday morning in the
 * manager's store (weeklyDigestMoment). What it lists is read when it is sent (see the
 * digest template), so it is current.
 */
@Injectable()
export class WeeklyDigestPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationPlanner,
    private readonly config: RemindersConfig,
  ) {}

  async plan(now: Date): Promise<number> {
    const week = isoWeek(now);
    let planned = 0;
    let afterId = 0;
    for (;;) {
      // store_managers' primary key starts with employee_id: the keyset walks the index.
      const rows = (await this.dataSource.query(
        `SELECT DISTINCT sm.employee_id AS id, m.store_id, s.timezone
           FROM store_managers sm
           JOIN employees m ON m.id = sm.employee_id AND m.active = 1
           JOIN stores s ON s.id = m.store_id
          WHERE sm.employee_id > ?
          ORDER BY sm.employee_id
          LIMIT ?`,
        [afterId, this.config.REMINDER_PLANNING_BATCH_SIZE],
      )) as { id: number; store_id: number; timezone: string }[];
      if (rows.length === 0) break;
      planned += await this.notifications.plan(
        this.dataSource.manager,
        rows.map((row) => ({
          kind: NotificationKind.WEEKLY_DIGEST,
          recipientId: Number(row.id),
          // As stored: the planner resolves (and reports) an unknown zone.
          recipientStore: { storeId: Number(row.store_id), timezone: row.timezone },
          subjectType: NotificationSubjectType.EMPLOYEE,
          subjectId: Number(row.id),
          offsetKey: week.key,
          plannedAt: weeklyDigestMoment(week, resolveTimezone(row.timezone).timezone, now),
          templateData: { week: week.key },
        })),
      );
      if (rows.length < this.config.REMINDER_PLANNING_BATCH_SIZE) break;
      afterId = Number(rows[rows.length - 1].id);
    }
    return planned;
  }
}
