import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { type Page, type PageRequest, paginate } from '@lp/core';
import { AuditEventEntity } from '../entities';

export interface AuditEventFilter {
  subjectType?: string;
  subjectId?: string;
  actorId?: number;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * Narrows a query to the events a reader may see, by the store column of the events.
 * Supplied by the caller (organisation's access scopes), which audit cannot depend on.
 */
export type StoreRestriction = <T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  storeColumn: string,
) => SelectQueryBuilder<T>;

/** Reads the audit trail, newest first. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    filter: AuditEventFilter,
    page: PageRequest,
    restrictToReader: StoreRestriction,
  ): Promise<Page<AuditEventEntity>> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('a');
    restrictToReader(query, 'a.store_id');
    if (filter.subjectType !== undefined) query.andWhere('a.subject_type = :subjectType', filter);
    if (filter.subjectId !== undefined) query.andWhere('a.subject_id = :subjectId', filter);
    if (filter.actorId !== undefined) query.andWhere('a.actor_id = :actorId', filter);
    if (filter.action !== undefined) query.andWhere('a.action = :action', filter);
    if (filter.from !== undefined) query.andWhere('a.occurred_at >= :from', filter);
    if (filter.to !== undefined) query.andWhere('a.occurred_at < :to', filter);
    return paginate(query, 'a.id', page, 'DESC');
  }
}
