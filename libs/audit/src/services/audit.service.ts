import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '@lp/core';
import { AuditEventEntity } from '../entities';

export interface AuditRecord {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  storeId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes audit events through the caller's transaction, so an event exists exactly when its change does. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const occurredAt = this.clock.now();
    await manager.insert(
      AuditEventEntity,
      records.map((r): Partial<AuditEventEntity> => ({
        occurredAt,
        actorId: r.actorId,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: String(r.subjectId),
        storeId: r.storeId ?? null,
        before: r.before ?? null,
        after: r.after ?? null,
      })) as QueryDeepPartialEntity<AuditEventEntity>[], // JSON columns defeat TypeORM's deep-partial type
    );
  }
}
