import type { EntityManager } from 'typeorm';
import { OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { expiringWithinEnd } from '@lp/certification';
import { resolveTimezone, Role } from '@lp/organisation';
import { activeRegionalManagerOf, type StandIn, standInReason, storeWithoutManager } from '../stand-ins';

/** Rows listed by name in one digest; the totals still count every one. */
export const DIGEST_LIST_LIMIT = 25;

/** How far ahead the digest looks for expiring certificates: calendar days in each store's zone, as HR's search counts them. */
export const DIGEST_EXPIRING_WITHIN_DAYS = 30;

export interface WeeklyDigestContent {
  storeNames: string;
  /** Why someone standing in for the stores' managers is sent it; null for their manager. */
  reason: string | null;
  /** Each line with its store's zone: a date reads as the day that store (and its emails) give it. */
  overdue: { employeeName: string; storeName: string; storeTimezone: string; courseTitle: string; dueAt: string }[];
  overdueTotal: number;
  expiring: {
    employeeName: string;
    storeName: string;
    storeTimezone: string;
    programName: string;
    expiresAt: string;
  }[];
  expiringTotal: number;
  compliance: { programName: string; certified: number; required: number }[];
  /** How many are listed by name when a total is larger. */
  listLimit: number;
  expiringWithinDays: number;
}

/**
 * What a store manager's digest shows, read at sending time with aggregate queries over
 * their open stores (a closed one has nothing to report; its manager link is its history): overdue assignments, certificates expiring within 30 days, and per
 * programme how many of the people its audience names hold a valid certificate. For a
 * regional manager or HR, the same of the stores they stand in for now (storesStoodInFor),
 * with why (`reason`).
 * Null when the recipient answers for no store any more (the digest is then cancelled).
 */
export async function weeklyDigestContent(
  manager: EntityManager,
  recipientId: number,
  now: Date,
): Promise<WeeklyDigestContent | null> {
  const managed = (await manager.query(
    `SELECT s.id, s.name, s.timezone FROM store_managers sm JOIN stores s ON s.id = sm.store_id
      WHERE sm.employee_id = ? AND s.closed_on IS NULL ORDER BY s.name`,
    [recipientId],
  )) as DigestStore[];
  const standingIn = managed.length > 0 ? null : await storesStoodInFor(manager, recipientId);
  const stores = standingIn?.stores ?? managed;
  if (stores.length === 0) return null;
  const storeIds = stores.map((s) => s.id);
  // Through the 30th day from today in each store: the day its certificates and emails give.
  const expiringEnds = stores.map((s) =>
    expiringWithinEnd(now, DIGEST_EXPIRING_WITHIN_DAYS, resolveTimezone(s.timezone).timezone),
  );

  const overdue = (await manager.query(
    `SELECT e.first_name, e.last_name, s.name AS store_name, s.timezone, co.title, a.due_at, COUNT(*) OVER () AS total
       FROM assignments a
       JOIN employees e ON e.id = a.employee_id AND e.active = 1
       JOIN stores s ON s.id = e.store_id
       JOIN courses co ON co.id = a.course_id
      WHERE e.store_id IN (?) AND a.status IN (?) AND a.due_at < ?
      ORDER BY a.due_at, a.id
      LIMIT ?`,
    [storeIds, OPEN_ASSIGNMENT_STATUSES, now, DIGEST_LIST_LIMIT],
  )) as {
    first_name: string;
    last_name: string;
    store_name: string;
    timezone: string;
    title: string;
    due_at: Date;
    total: number;
  }[];

  const expiring = (await manager.query(
    `SELECT e.first_name, e.last_name, s.name AS store_name, s.timezone, p.name AS program_name, c.expires_at,
            COUNT(*) OVER () AS total
       FROM certifications c
       JOIN employees e ON e.id = c.employee_id AND e.active = 1
       JOIN stores s ON s.id = e.store_id
       JOIN certification_programs p ON p.id = c.program_id
      WHERE e.store_id IN (?) AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
        AND c.expires_at > ? AND c.expires_at < CASE e.store_id ${stores.map(() => 'WHEN ? THEN ?').join(' ')} END
      ORDER BY c.expires_at, c.id
      LIMIT ?`,
    [storeIds, now, ...stores.flatMap((s, i) => [s.id, expiringEnds[i]]), DIGEST_LIST_LIMIT],
  )) as {
    first_name: string;
    last_name: string;
    store_name: string;
    timezone: string;
    program_name: string;
    expires_at: Date;
    total: number;
  }[];

  const compliance = (await manager.query(
    `SELECT p.name, COUNT(DISTINCT e.id) AS required, COUNT(DISTINCT c.employee_id) AS certified
       FROM employees e
       JOIN stores s ON s.id = e.store_id
       JOIN program_audiences pa ON pa.job_role_id = e.job_role_id
        AND (pa.store_id IS NULL OR pa.store_id = e.store_id)
        AND (pa.region_id IS NULL OR pa.region_id = s.region_id)
       JOIN certification_programs p ON p.id = pa.program_id
       LEFT JOIN certifications c ON c.employee_id = e.id AND c.current_key = p.id
        AND c.revoked_at IS NULL AND c.expires_at > ?
      WHERE e.active = 1 AND e.store_id IN (?)
      GROUP BY p.id, p.name
      ORDER BY p.name`,
    [now, storeIds],
  )) as { name: string; required: number | string; certified: number | string }[];

  return {
    storeNames: stores.map((s) => s.name).join(', '),
    reason: standingIn?.reason ?? null,
    overdue: overdue.map((row) => ({
      employeeName: `${row.first_name} ${row.last_name}`,
      storeName: row.store_name,
      storeTimezone: row.timezone,
      courseTitle: row.title,
      dueAt: row.due_at.toISOString(),
    })),
    overdueTotal: Number(overdue[0]?.total ?? 0),
    expiring: expiring.map((row) => ({
      employeeName: `${row.first_name} ${row.last_name}`,
      storeName: row.store_name,
      storeTimezone: row.timezone,
      programName: row.program_name,
      expiresAt: row.expires_at.toISOString(),
    })),
    expiringTotal: Number(expiring[0]?.total ?? 0),
    compliance: compliance.map((row) => ({
      programName: row.name,
      certified: Number(row.certified),
      required: Number(row.required),
    })),
    listLimit: DIGEST_LIST_LIMIT,
    expiringWithinDays: DIGEST_EXPIRING_WITHIN_DAYS,
  };
}

interface DigestStore {
  id: number;
  name: string;
  timezone: string;
}

/**
 * The stores without an active manager that a regional manager or someone in HR stands in
 * for now (see stand-ins.ts), and why; none for anyone else.
 */
async function storesStoodInFor(
  manager: EntityManager,
  recipientId: number,
): Promise<{ stores: DigestStore[]; reason: string } | null> {
  const [recipient] = (await manager.query('SELECT role FROM employees WHERE id = ?', [recipientId])) as {
    role: Role;
  }[];
  const standIn: StandIn | null =
    recipient?.role === Role.REGIONAL_MANAGER ? 'REGIONAL_MANAGER' : recipient?.role === Role.HR ? 'HR' : null;
  if (!standIn) return null;
  const stores = (
    standIn === 'REGIONAL_MANAGER'
      ? await manager.query(
          `SELECT s.id, s.name, s.timezone, r.name AS region_name
             FROM region_managers rm JOIN stores s ON s.region_id = rm.region_id JOIN regions r ON r.id = s.region_id
            WHERE rm.employee_id = ? AND ${storeWithoutManager('s.id')}
            ORDER BY s.name`,
          [recipientId],
        )
      : await manager.query(
          `SELECT s.id, s.name, s.timezone, r.name AS region_name
             FROM stores s JOIN regions r ON r.id = s.region_id
            WHERE ${storeWithoutManager('s.id')} AND NOT ${activeRegionalManagerOf('s.region_id')}
            ORDER BY s.name`,
        )
  ) as (DigestStore & { region_name: string })[];
  if (stores.length === 0) return null;
  return {
    stores,
    reason: standInReason(
      standIn,
      stores.map((s) => s.name),
      stores.map((s) => s.region_name),
    ),
  };
}
