import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationPlanner, NotificationSubjectType } from '@lp/notifications';
import { resolveTimezone, Role } from '@lp/organisation';
import { digestWeek } from '../reminder-schedule';
import { RemindersConfig } from '../reminders.config';
import { activeRegionalManagerOf, type StandIn, standInReason, storeWithoutManager } from '../stand-ins';

interface RecipientRow {
  id: number;
  store_id: number;
  timezone: string;
}

interface StoreWithoutManagerRow {
  name: string;
  region_id: number;
  region_name: string;
  region_managed: number | string;
}

/**
 * Plans one weekly digest per active manager of an open store (subject: the manager; offset key: the
 * ISO week of their store's calendar, see digestWeek) on the first planning run of the week
 * there, or when a new install or manager first appears (not on a Sunday). A store where
 * people work but no active manager does has its digest go to those standing in (see
 * stand-ins.ts): its region's regional managers, or HR, each sent one digest of all the
 * stores they stand in for, which says why (templateData.reason). A manager who leaves
 * before their digest goes out is not sent it, and the next run plans the stand-ins' of
 * that week. The sending window holds it until Monday morning in the recipient's store.
 * What it lists is read when it is sent (see the digest template), so it is current.
 */
@Injectable()
export class WeeklyDigestPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationPlanner,
    private readonly config: RemindersConfig,
  ) {}

  async plan(now: Date): Promise<number> {
    let planned = 0;
    let afterId = 0;
    for (;;) {
      // store_managers' primary key starts with employee_id: the keyset walks the index.
      const rows = (await this.dataSource.query(
        `SELECT DISTINCT sm.employee_id AS id, m.store_id, s.timezone
           FROM store_managers sm
           JOIN stores managed ON managed.id = sm.store_id AND managed.closed_on IS NULL
           JOIN employees m ON m.id = sm.employee_id AND m.active = 1
           JOIN stores s ON s.id = m.store_id
          WHERE sm.employee_id > ?
          ORDER BY sm.employee_id
          LIMIT ?`,
        [afterId, this.config.REMINDER_PLANNING_BATCH_SIZE],
      )) as RecipientRow[];
      if (rows.length === 0) break;
      planned += await this.planDigests(now, rows, () => null);
      if (rows.length < this.config.REMINDER_PLANNING_BATCH_SIZE) break;
      afterId = Number(rows[rows.length - 1].id);
    }
    return planned + (await this.planStandIns(now));
  }

  /** The digests of the stores without an active manager, to those standing in for it. */
  private async planStandIns(now: Date): Promise<number> {
    const stores = (await this.dataSource.query(
      `SELECT s.name, s.region_id, r.name AS region_name, ${activeRegionalManagerOf('s.region_id')} AS region_managed
         FROM stores s JOIN regions r ON r.id = s.region_id
        WHERE ${storeWithoutManager('s.id')}
        ORDER BY s.name`,
    )) as StoreWithoutManagerRow[];
    const byRegionalManagers = stores.filter((store) => Number(store.region_managed) === 1);
    const byHr = stores.filter((store) => Number(store.region_managed) !== 1);
    let planned = 0;
    if (byRegionalManagers.length > 0) {
      const managers = (await this.dataSource.query(
        `SELECT rm.employee_id AS id, rm.region_id, m.store_id, s.timezone
           FROM region_managers rm
           JOIN employees m ON m.id = rm.employee_id AND m.active = 1
           JOIN stores s ON s.id = m.store_id
          WHERE rm.region_id IN (?)
          ORDER BY rm.employee_id`,
        [[...new Set(byRegionalManagers.map((store) => Number(store.region_id)))]],
      )) as (RecipientRow & { region_id: number })[];
      const regionsOf = new Map<number, Set<number>>();
      for (const row of managers)
        regionsOf.set(Number(row.id), (regionsOf.get(Number(row.id)) ?? new Set()).add(Number(row.region_id)));
      const recipients = [...new Map(managers.map((row) => [Number(row.id), row])).values()];
      planned += await this.planDigests(now, recipients, (recipient) =>
        reasonFor(
          'REGIONAL_MANAGER',
          byRegionalManagers.filter((store) => regionsOf.get(Number(recipient.id))!.has(Number(store.region_id))),
        ),
      );
    }
    if (byHr.length > 0) {
      const hr = (await this.dataSource.query(
        `SELECT e.id, e.store_id, s.timezone FROM employees e JOIN stores s ON s.id = e.store_id
          WHERE e.role = ? AND e.active = 1 ORDER BY e.id`,
        [Role.HR],
      )) as RecipientRow[];
      planned += await this.planDigests(now, hr, () => reasonFor('HR', byHr));
    }
    return planned;
  }

  /** Each recipient's digest of the week of their store's calendar (none on its Sunday). */
  private planDigests(
    now: Date,
    recipients: RecipientRow[],
    reasonOf: (recipient: RecipientRow) => string | null,
  ): Promise<number> {
    return this.notifications.plan(
      this.dataSource.manager,
      recipients.flatMap((row) => {
        const week = digestWeek(now, resolveTimezone(row.timezone).timezone);
        if (!week) return [];
        const reason = reasonOf(row);
        return [
          {
            kind: NotificationKind.WEEKLY_DIGEST,
            recipientId: Number(row.id),
            // As stored: the planner resolves (and reports) an unknown zone.
            recipientStore: { storeId: Number(row.store_id), timezone: row.timezone },
            subjectType: NotificationSubjectType.EMPLOYEE,
            subjectId: Number(row.id),
            offsetKey: week.key,
            plannedAt: now,
            templateData: { week: week.key, ...(reason && { reason }) },
          },
        ];
      }),
    );
  }
}

function reasonFor(standIn: StandIn, stores: StoreWithoutManagerRow[]): string {
  return standInReason(
    standIn,
    stores.map((store) => store.name),
    stores.map((store) => store.region_name),
  );
}
