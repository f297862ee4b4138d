import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@lp/organisation';
import { Actor } from '../actor';
import type { TokenHolder } from './access-token.service';

interface ActorRow {
  id: number;
  role: Role;
  store_id: number;
  active: number;
  token_version: number;
  managed_store_ids: string | null;
  managed_region_ids: string | null;
}

function ids(list: string | null): number[] {
  return list ? list.split(',').map(Number) : [];
}

/**
 * Loads who is behind a token on every request, so a role change, a deactivation or a new
 * password (which raises the token version) applies at once.
 */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load({ employeeId, tokenVersion }: TokenHolder): Promise<Actor | null> {
    const [row] = (await this.dataSource.query(
      `SELECT e.id, e.role, e.store_id, e.active, e.token_version,
              (SELECT GROUP_CONCAT(sm.store_id) FROM store_managers sm WHERE sm.employee_id = e.id) AS managed_store_ids,
              (SELECT GROUP_CONCAT(rm.region_id) FROM region_managers rm WHERE rm.employee_id = e.id) AS managed_region_ids
         FROM employees e WHERE e.id = ?`,
      [employeeId],
    )) as ActorRow[];
    if (!row || !row.active || row.token_version !== tokenVersion) return null;
    return new Actor(row.id, row.role, row.store_id, ids(row.managed_store_ids), ids(row.managed_region_ids));
  }
}
