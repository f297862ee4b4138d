import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationPlanner, NotificationSubjectType } from '@lp/notifications';
import { isoWeek } from '../reminder-schedule';
import { RemindersConfig } from '../reminders.config';

/**
 * Plans one weekly digest per active store manager (subject: the manager; offset key: the
 * ISO week) on the first planning run of the week, so it goes out on Monday morning local
 * time, or when a new install or manager first appears. What it lists is read when it is
 * sent (see the digest template), so it is current.
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
        `SELECT DISTINCT sm.employee_id AS id
           FROM store_managers sm
           JOIN employees m ON m.id = sm.employee_id AND m.active = 1
          WHERE sm.employee_id > ?
          ORDER BY sm.employee_id
          LIMIT ?`,
        [afterId, this.config.REMINDER_PLANNING_BATCH_SIZE],
      )) as { id: number }[];
      if (rows.length === 0) break;
      planned += await this.notifications.plan(
        this.dataSource.manager,
        rows.map((row) => ({
          kind: NotificationKind.WEEKLY_DIGEST,
          recipientId: Number(row.id),
          subjectType: NotificationSubjectType.EMPLOYEE,
          subjectId: Number(row.id),
          offsetKey: week.key,
          plannedAt: now,
          templateData: { week: week.key },
        })),
      );
      if (rows.length < this.config.REMINDER_PLANNING_BATCH_SIZE) break;
      afterId = Number(rows[rows.length - 1].id);
    }
    return planned;
  }
}
