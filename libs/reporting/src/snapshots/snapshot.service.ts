import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputError, Clock } from '@lp/core';
import { ComplianceDayCloseEntity } from '../entities';
import { StoreComplianceQuery } from '../queries/store-compliance.query';
import { addUtcDays, endOfUtcDay, isUtcDay, type UtcDay, utcDayOf } from './utc-day';

/** Stores recomputed per statement when a day is closed for the whole chain. */
export const CLOSE_BATCH_STORES = 200;

/** A day never fills in further back than this on its own (the backfill command goes further). */
export const MAX_CATCH_UP_DAYS = 400;

export interface CloseProgress {
  day: UtcDay;
  stores: number;
}

const COLUMNS = [
  'store_id',
  'program_id',
  'day',
  'required',
  'certified',
  'expiring_soon',
  'expired',
  'missing',
  'compliance_percent',
  'open_assignments',
  'completed_assignments',
  'overdue_assignments',
  'computed_at',
];
const UPDATED = COLUMNS.slice(3)
  .map((column) => `${column} = VALUES(${column})`)
  .join(', ');

/**
 * Writes store_compliance_snapshots from StoreComplianceQuery.programActivityOf — built
 * from the SQL fragments the live reports read — so a snapshot can never define a figure
 * differently. Every write is an upsert on (store, programme, day) plus the removal of
 * programmes that no longer apply to the store that day, in one transaction: running it
 * twice changes no figure.
 */
@Injectable()
export class SnapshotService {
  private readonly logger = new Logger(SnapshotService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: StoreComplianceQuery,
    private readonly clock: Clock,
  ) {}

  /**
   * The rows of these stores for `day`: as of now for today, as of the day's last moment
   * for a past day (see the README for what a past day can and cannot reconstruct). A closed
   * store's past days are left as they are: they are its history, which recomputing from a
   * store nobody works in any more could only erase. Today it has no figures (closing it
   * recomputes today's rows, to none).
   */
  async recomputeStores(storeIds: number[], day: UtcDay): Promise<void> {
    if (storeIds.length === 0) return;
    const computedAt = this.clock.now();
    if (day >= utcDayOf(computedAt)) return this.write(storeIds, day, computedAt, computedAt);
    const open = (await this.dataSource.query('SELECT id FROM stores WHERE id IN (?) AND closed_on IS NULL', [
      storeIds,
    ])) as { id: number }[];
    if (open.length > 0)
      await this.write(
        open.map((row) => Number(row.id)),
        day,
        endOfUtcDay(day),
        computedAt,
      );
  }

  /** Upserts the stores' rows of `day`, figured as of `now`, and removes the programmes that no longer apply. */
  private async write(storeIds: number[], day: UtcDay, now: Date, computedAt: Date): Promise<void> {
    const figures = await this.query.programActivityOf({ scope: { kind: 'chain' }, storeIds }, { now });
    const rows = figures.map((f) => [
      f.storeId,
      f.programId,
      day,
      f.required,
      f.certified,
      f.expiringSoon,
      f.expired,
      f.missing,
      f.compliancePercent,
      f.openAssignments,
      f.completedAssignments,
      f.overdueAssignments,
      computedAt,
    ]);
    await this.dataSource.transaction(async (manager) => {
      if (rows.length > 0) {
        await manager.query(
          `INSERT INTO store_compliance_snapshots (${COLUMNS.join(', ')}) VALUES ${rows
            .map(() => `(${COLUMNS.map(() => '?').join(', ')})`)
            .join(', ')}
           ON DUPLICATE KEY UPDATE ${UPDATED}`,
          rows.flat(),
        );
      }
      const kept = rows.map((row) => `${row[0]}:${row[1]}`);
      await manager.query(
        `DELETE FROM store_compliance_snapshots
          WHERE store_id IN (?) AND day = ?${kept.length ? " AND CONCAT(store_id, ':', program_id) NOT IN (?)" : ''}`,
        kept.length ? [storeIds, day, kept] : [storeIds, day],
      );
    });
  }

  /** Writes the day's rows for every open store, CLOSE_BATCH_STORES at a time, then marks it closed. */
  async closeDay(day: UtcDay, progress?: (p: CloseProgress) => void): Promise<number> {
    const stores = await this.everyStoreInBatches(day, progress);
    await this.dataSource.query(
      `INSERT INTO compliance_day_closes (day, stores, closed_at) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE stores = VALUES(stores), closed_at = VALUES(closed_at)`,
      [day, stores, this.clock.now()],
    );
    return stores;
  }

  /**
   * The nightly run: closes every day after the last closed one up to yesterday (all the
   * days missed while the worker was down, at most MAX_CATCH_UP_DAYS), then refreshes
   * today's rows so stores without events have one. Returns the days closed.
   */
  async closeMissingDays(): Promise<UtcDay[]> {
    const today = utcDayOf(this.clock.now());
    const yesterday = addUtcDays(today, -1);
    const last = await this.lastClosedDay();
    const earliest = addUtcDays(today, -MAX_CATCH_UP_DAYS);
    let day = last === null ? yesterday : addUtcDays(last, 1);
    if (day < earliest) day = earliest;
    const closed: UtcDay[] = [];
    for (; day <= yesterday; day = addUtcDays(day, 1)) {
      await this.closeDay(day);
      closed.push(day);
    }
    await this.everyStoreInBatches(today);
    if (closed.length > 0) this.logger.log({ days: closed.length, from: closed[0] }, 'Compliance days closed');
    return closed;
  }

  /**
   * Rebuilds every day from `from` to yesterday (and today's rows) from what the database
   * keeps, each day computed as of its last moment. Returns the days closed.
   */
  async backfill(from: string, progress?: (p: CloseProgress) => void): Promise<number> {
    if (!isUtcDay(from)) throw new BadInputError('from must be a date, YYYY-MM-DD', 'from');
    const today = utcDayOf(this.clock.now());
    if (from > today) throw new BadInputError('from must not be in the future', 'from');
    let days = 0;
    for (let day = from; day < today; day = addUtcDays(day, 1)) {
      await this.closeDay(day, progress);
      days += 1;
    }
    await this.everyStoreInBatches(today, progress);
    return days;
  }

  async lastClosedDay(): Promise<UtcDay | null> {
    const [row] = (await this.dataSource
      .getRepository(ComplianceDayCloseEntity)
      .createQueryBuilder('c')
      .select('MAX(c.day)', 'day')
      .getRawMany()) as { day: string | Date | null }[];
    if (!row?.day) return null;
    return typeof row.day === 'string' ? row.day.slice(0, 10) : utcDayOf(row.day);
  }

  /** Recomputes the day for every open store, in keyset batches of store ids; returns how many. */
  private async everyStoreInBatches(day: UtcDay, progress?: (p: CloseProgress) => void): Promise<number> {
    let done = 0;
    let afterId = 0;
    for (;;) {
      const batch = (
        (await this.dataSource.query('SELECT id FROM stores WHERE id > ? AND closed_on IS NULL ORDER BY id LIMIT ?', [
          afterId,
          CLOSE_BATCH_STORES,
        ])) as { id: number }[]
      ).map((r) => Number(r.id));
      if (batch.length === 0) return done;
      await this.recomputeStores(batch, day);
      done += batch.length;
      afterId = batch[batch.length - 1];
      progress?.({ day, stores: done });
    }
  }
}
