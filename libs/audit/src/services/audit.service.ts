import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@lp/core';

export interface AuditRecord {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  storeId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Rows per INSERT: an import records one event per employee, and a snapshot is a few hundred bytes of JSON. */
const RECORDS_PER_STATEMENT = 1000;

/**
 * Writes audit events through the caller's transaction, so an event exists exactly when its
 * change does. Plain multi-row INSERTs: TypeORM's insert builder spent ~35 µs of CPU per row
 * on parameter bookkeeping, a third of a second for a 10,000-employee import.
 */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    const occurredAt = this.clock.now();
    for (let start = 0; start < records.length; start += RECORDS_PER_STATEMENT) {
      await manager.query(
        'INSERT INTO audit_events (occurred_at, actor_id, action, subject_type, subject_id, store_id, `before`, `after`) VALUES ?',
        [
          records
            .slice(start, start + RECORDS_PER_STATEMENT)
            .map((r) => [
              occurredAt,
              r.actorId,
              r.action,
              r.subjectType,
              String(r.subjectId),
              r.storeId ?? null,
              r.before ? JSON.stringify(r.before) : null,
              r.after ? JSON.stringify(r.after) : null,
            ]),
        ],
      );
    }
  }
}
