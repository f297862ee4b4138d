import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EmployeeChangeKind } from '../entities';

/** The most recent changes shown per employee; a career has far fewer. */
export const HISTORY_LIMIT = 100;

export interface EmployeeChangeView {
  id: number;
  employeeId: number;
  kind: EmployeeChangeKind;
  /** Store code for transfers; job-role code, access role or active flag otherwise. */
  from: string | null;
  to: string | null;
  changedAt: Date;
  changedById: number | null;
}

interface ChangeRow {
  id: number;
  employee_id: number;
  kind: EmployeeChangeKind;
  from_value: string | null;
  to_value: string | null;
  changed_at: Date;
  changed_by_id: number | null;
}

/** Transfers, job-role and access-role changes and (de)activations of employees, newest first. */
@Injectable()
export class EmployeeHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For several employees in one query (a DataLoader batch); at most HISTORY_LIMIT each. */
  async changesOf(employeeIds: readonly number[]): Promise<Map<number, EmployeeChangeView[]>> {
    const rows = (await this.dataSource.query(
      `SELECT id, employee_id, kind, from_value, to_value, changed_at, changed_by_id FROM (
         SELECT c.id, c.employee_id, c.kind, c.changed_at, c.changed_by_id,
                IF(c.kind = 'STORE', from_store.code, c.from_value) AS from_value,
                IF(c.kind = 'STORE', to_store.code, c.to_value) AS to_value,
                ROW_NUMBER() OVER (PARTITION BY c.employee_id ORDER BY c.changed_at DESC, c.id DESC) AS position
           FROM employee_changes c
           LEFT JOIN stores from_store ON c.kind = 'STORE' AND from_store.id = c.from_value
           LEFT JOIN stores to_store ON c.kind = 'STORE' AND to_store.id = c.to_value
          WHERE c.employee_id IN (?)
       ) ranked
       WHERE position <= ?
       ORDER BY changed_at DESC, id DESC`,
      [[...employeeIds], HISTORY_LIMIT],
    )) as ChangeRow[];
    const history = new Map<number, EmployeeChangeView[]>(employeeIds.map((id) => [id, []]));
    for (const row of rows) {
      history.get(row.employee_id)?.push({
        id: Number(row.id),
        employeeId: row.employee_id,
        kind: row.kind,
        from: row.from_value,
        to: row.to_value,
        changedAt: row.changed_at,
        changedById: row.changed_by_id,
      });
    }
    return history;
  }
}
