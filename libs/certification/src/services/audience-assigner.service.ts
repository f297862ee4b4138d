import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCancellation, AssignmentReason, AssignmentStatus, OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { Clock } from '@lp/core';
import { type ChangedEmployee, EmployeeLifecycle, dueDayEnd, localTime, resolveTimezone } from '@lp/organisation';
import type { CertificationProgramEntity } from '../entities';
import { CertificationCycleEnd, type CycleEndReason } from './certification-cycle-end';
import { passedForProgram } from './pass-counts-toward-program';
import { ProgramService } from './program.service';

/** Employees per statement when many are reconciled at once, to keep statements a sane size. */
const RECONCILE_CHUNK = 5000;

/**
 * Joins people (e), through their store (s), to the programme audiences (pa) they are in.
 * By job role, always: left to choose, MariaDB saw the store and region indexes behind the
 * ORs and ran its range optimizer again for every row ("Range checked for each record"),
 * which made reconciling an import's 5,000 hires 0.5 s instead of 0.2 s.
 */
const JOIN_AUDIENCES = `
  JOIN program_audiences pa FORCE INDEX (idx_program_audiences_job_role)
    ON pa.job_role_id = e.job_role_id
   AND (pa.store_id IS NULL OR pa.store_id = e.store_id)
   AND (pa.region_id IS NULL OR pa.region_id = s.region_id)`;

/** Holding a certification that is still valid: nothing to assign until the refresher comes due. */
const NOT_CERTIFIED = `
  NOT EXISTS (SELECT 1 FROM certifications c
               WHERE c.employee_id = e.id AND c.current_key = pa.program_id
                 AND c.revoked_at IS NULL AND c.expires_at > ?)`;

/**
 * `column IN (ids)` with the ids' range beside it. MariaDB turns an IN list of 1,000 values or
 * more (in_predicate_conversion_threshold) into a derived table it joins against, and then
 * scanned all of assignments (100,000 rows on the medium bench chain) for 5,000 new hires; the
 * BETWEEN gives it a range on the index again.
 */
function inIds(column: string, ids: number[]): [string, unknown[]] {
  let low = ids[0];
  let high = ids[0];
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  return [`${column} BETWEEN ? AND ? AND ${column} IN (?)`, [low, high, ids]];
}

/**
 * Audience rules: the job roles a programme names get its courses assigned — when the
 * programme is created or its rules come to require them (a course added: to those not
 * certified), when someone is hired or imported into the audience, when a
 * job-role or store change moves them in, when their certificate is revoked, and when it
 * lapses with nothing left to renew it (the refresher planner asks). A course already passed
 * in a way that counts toward the programme (for another programme, say) is not assigned
 * again, unless every one of them was: passing one is then how the certificate is earned. Moving out
 * cancels the open assignments the rule or the programme's refresher made, and leaving the
 * company all open ones; a course the programme requires no more, its open work for that
 * course; history and certificates stay. A valid
 * certificate, however issued, cancels the programme's rule-made and refresher ones
 * (closeForHolder). A rule-made assignment another programme still requires is handed over
 * to it instead of cancelled. All set-based; the unique open-assignment key makes repeats no-ops.
 */
@Injectable()
export class AudienceAssigner implements OnModuleInit {
  constructor(
    private readonly programs: ProgramService,
    private readonly lifecycle: EmployeeLifecycle,
    private readonly cancellation: AssignmentCancellation,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.programs.onCreated(async (manager, program) => {
      await this.assignProgram(manager, program);
    });
    this.programs.replaceAudienceWith((manager, programId, replaceRules) =>
      this.replaceAudience(manager, programId, replaceRules),
    );
    this.programs.onEdited(async (manager, before, after, { addedCourseIds, removedCourseIds }) => {
      if (before.refresherCourseId !== null && before.refresherCourseId !== after.refresherCourseId)
        await this.closeReplacedRefreshers(manager, after.id, before.refresherCourseId);
      if (removedCourseIds.length > 0) await this.closeRemovedCourseWork(manager, after, removedCourseIds);
      if (addedCourseIds.length > 0)
        await this.insertRuleAssignments(manager, 'pa.program_id = ? AND pc.course_id IN (?)', [
          after.id,
          addedCourseIds,
        ]);
    });
    this.lifecycle.register({
      onHired: (manager, employee) => this.reconcileEmployee(manager, employee.id),
      onHiredMany: (manager, employees) =>
        this.reconcileEmployees(
          manager,
          employees.map((employee) => employee.id),
        ),
      onChanged: (manager, before, after) => this.onChangedMany(manager, [{ before, after }]),
      onChangedMany: (manager, changes) => this.onChangedMany(manager, changes),
      // A rule may be limited to a region: a store moved out of it or into it moves its people too.
      onStoreMoved: async (manager, move) => {
        if (move.regionChanged) await this.reconcileEmployees(manager, move.employeeIds);
      },
    });
    this.cycleEnd.register({ onCycleEnded: (manager, id, reason) => this.onCycleEnded(manager, id, reason) });
  }

  async assignProgram(manager: EntityManager, program: CertificationProgramEntity): Promise<number> {
    return this.insertRuleAssignments(manager, 'pa.program_id = ?', [program.id]);
  }

  /**
   * Assigns a programme's courses to those of the employees its audience requires who hold no
   * valid certificate of it, as to a newcomer; what they have open already is left as it is.
   */
  async assignProgramTo(manager: EntityManager, programId: number, employeeIds: number[]): Promise<number> {
    const [condition, params] = inIds('e.id', employeeIds);
    return this.insertRuleAssignments(
      manager,
      `pa.program_id = ? AND ${condition}`,
      [programId, ...params],
      'ORDER BY e.id, pc.course_id',
    );
  }

  /**
   * A programme's rules replaced: those they newly require get its courses as newcomers do;
   * those no longer required lose the open work the programme made for them as a rule (and,
   * while it has rules left, as a refresher), handed over where another programme needs it.
   */
  private async replaceAudience(
    manager: EntityManager,
    programId: number,
    replaceRules: () => Promise<void>,
  ): Promise<void> {
    const before = new Set(await this.requiredBy(manager, programId));
    await replaceRules();
    const after = await this.requiredBy(manager, programId);
    const joined = after.filter((id) => !before.has(id));
    const stillRequired = new Set(after);
    const left = [...before].filter((id) => !stillRequired.has(id));
    for (let start = 0; start < left.length; start += RECONCILE_CHUNK) {
      await this.closeUnrequiredWork(manager, left.slice(start, start + RECONCILE_CHUNK), programId);
    }
    for (let start = 0; start < joined.length; start += RECONCILE_CHUNK) {
      await this.assignProgramTo(manager, programId, joined.slice(start, start + RECONCILE_CHUNK));
    }
  }

  /** The active employees a programme's audience rules require, locked against a concurrent move. */
  private async requiredBy(manager: EntityManager, programId: number): Promise<number[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT e.id FROM employees e
         JOIN stores s ON s.id = e.store_id
         ${JOIN_AUDIENCES}
        WHERE pa.program_id = ? AND e.active = 1
        ORDER BY e.id
        FOR UPDATE`,
      [programId],
    )) as { id: number }[];
    return rows.map((row) => Number(row.id));
  }

  /**
   * Only the programme's refresher course renews with one course: open refreshers of the one
   * it replaced would renew nothing, so they go (handed over where another programme needs
   * the course), unless the course is also one the programme requires.
   */
  private async closeReplacedRefreshers(manager: EntityManager, programId: number, courseId: number): Promise<void> {
    const rows = (await manager.query(
      `SELECT a.id FROM assignments a
        WHERE a.program_id = ? AND a.course_id = ? AND a.reason = ? AND a.status IN (?)
          AND NOT EXISTS (SELECT 1 FROM program_courses pc WHERE pc.program_id = a.program_id AND pc.course_id = a.course_id)
        FOR UPDATE`,
      [programId, courseId, AssignmentReason.REFRESHER, OPEN_ASSIGNMENT_STATUSES],
    )) as { id: number }[];
    await this.cancelOrHandOver(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /**
   * Courses a programme requires no more: the open work its audience rules made for them goes,
   * and so do its refreshers of them unless one is its refresher course (which renews alone),
   * handed over where another programme needs the course. A manager's own assignments stay.
   */
  private async closeRemovedCourseWork(
    manager: EntityManager,
    program: CertificationProgramEntity,
    courseIds: number[],
  ): Promise<void> {
    const rows = (await manager.query(
      `SELECT a.id FROM assignments a
        WHERE a.program_id = ? AND a.course_id IN (?) AND a.status IN (?)
          AND (a.reason = ? OR (a.reason = ? AND a.course_id <> COALESCE(?, 0)))
        FOR UPDATE`,
      [
        program.id,
        courseIds,
        OPEN_ASSIGNMENT_STATUSES,
        AssignmentReason.RULE,
        AssignmentReason.REFRESHER,
        program.refresherCourseId,
      ],
    )) as { id: number }[];
    await this.cancelOrHandOver(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /** Brings one employee's open work in line with the audiences they are in now. */
  async reconcileEmployee(manager: EntityManager, employeeId: number): Promise<void> {
    await this.reconcileEmployees(manager, [employeeId]);
  }

  /** reconcileEmployee for many people (an import's hires or moves), RECONCILE_CHUNK of them per statement. */
  async reconcileEmployees(manager: EntityManager, employeeIds: number[]): Promise<void> {
    for (let start = 0; start < employeeIds.length; start += RECONCILE_CHUNK) {
      const ids = employeeIds.slice(start, start + RECONCILE_CHUNK);
      await this.closeUnrequiredWork(manager, ids);
      const [condition, params] = inIds('e.id', ids);
      await this.insertRuleAssignments(manager, condition, params, 'ORDER BY e.id, p.id, pc.course_id');
    }
  }

  /** Reconciles those whose job role, store or activity changed, RECONCILE_CHUNK of them at a time. */
  private async onChangedMany(manager: EntityManager, changes: ChangedEmployee[]): Promise<void> {
    const moved = changes.filter(
      ({ before, after }) =>
        before.jobRoleId !== after.jobRoleId || before.storeId !== after.storeId || before.active !== after.active,
    );
    if (moved.length > 0)
      await this.reconcileEmployees(
        manager,
        moved.map(({ after }) => after.id),
      );
  }

  /**
   * A revoked holder still in the audience has the programme's courses to pass again, as a
   * newcomer does; its refresher can no longer renew anything, so it is cancelled.
   */
  private async onCycleEnded(manager: EntityManager, certificationId: number, reason: CycleEndReason): Promise<void> {
    if (reason !== 'REVOKED') return;
    const [revoked] = (await manager.query(
      'SELECT employee_id, program_id, current_key FROM certifications WHERE id = ?',
      [certificationId],
    )) as { employee_id: number; program_id: number; current_key: number | null }[];
    // An old cycle revoked leaves the holder's current one, and its refresher, as they are.
    if (revoked.current_key === null) return;
    const [employeeId, programId] = [Number(revoked.employee_id), Number(revoked.program_id)];
    await this.closeOpenWork(manager, employeeId, programId, [AssignmentReason.REFRESHER]);
    await this.insertRuleAssignments(manager, 'e.id = ? AND pa.program_id = ?', [employeeId, programId]);
  }

  private async insertRuleAssignments(
    manager: EntityManager,
    condition: string,
    params: unknown[],
    order = '',
  ): Promise<number> {
    const now = this.clock.now();
    const due = await this.ruleDueDates(manager, now);
    const result = (await manager.query(
      `INSERT IGNORE INTO assignments (employee_id, course_id, due_at, status, reason, open_key, program_id, created_at, updated_at)
       SELECT e.id, pc.course_id, ${due.sql}, ?, ?, pc.course_id, p.id, ?, ?
         FROM employees e
         JOIN stores s ON s.id = e.store_id
         ${JOIN_AUDIENCES}
         JOIN certification_programs p ON p.id = pa.program_id
         JOIN program_courses pc ON pc.program_id = p.id
         LEFT JOIN certifications cur ON cur.employee_id = e.id AND cur.current_key = p.id
        WHERE e.active = 1 AND ${condition} AND ${NOT_CERTIFIED}
          AND (NOT ${passedForProgram('pc')}
               OR NOT EXISTS (SELECT 1 FROM program_courses rest
                               WHERE rest.program_id = p.id AND NOT ${passedForProgram('rest')}))
        ${order}`,
      [...due.params, AssignmentStatus.ASSIGNED, AssignmentReason.RULE, now, now, ...params, now],
    )) as { affectedRows: number };
    return result.affectedRows;
  }

  /**
   * The due date of a course a rule assigns now, as SQL over the store (s) and programme (p):
   * the end (23:59, as a due day picked in the web app ends) of the day `onboarding_days`
   * after today in the store's zone, worked out for each zone and programme length there is.
   * A store or programme made since this read gets `onboarding_days` × 24 hours from now.
   */
  private async ruleDueDates(manager: EntityManager, now: Date): Promise<{ sql: string; params: unknown[] }> {
    const zones = (await manager.query('SELECT DISTINCT timezone FROM stores')) as { timezone: string }[];
    const lengths = (
      (await manager.query('SELECT DISTINCT onboarding_days FROM certification_programs')) as {
        onboarding_days: number;
      }[]
    ).map((row) => Number(row.onboarding_days));
    const fallback = { sql: 'DATE_ADD(?, INTERVAL p.onboarding_days DAY)', params: [now] };
    if (zones.length === 0 || lengths.length === 0) return fallback;
    const params: unknown[] = [];
    for (const { timezone } of zones) {
      const zone = resolveTimezone(timezone).timezone;
      const today = localTime(now.getTime(), zone);
      params.push(timezone);
      for (const days of lengths) {
        const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
        const end = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
        params.push(days, dueDayEnd(end, zone));
      }
    }
    const byLength = lengths.map(() => 'WHEN ? THEN ?').join(' ');
    const byZone = zones.map(() => `WHEN ? THEN CASE p.onboarding_days ${byLength} END`).join(' ');
    return {
      sql: `COALESCE(CASE s.timezone ${byZone} END, ${fallback.sql})`,
      params: [...params, ...fallback.params],
    };
  }

  /**
   * A holder of a valid certificate has nothing to do for the programme until its refresher
   * comes due: cancels their open assignments the programme's audience rule or refresher
   * made, so that someone certified elsewhere (a grant) or renewed by one course is not
   * chased for the others.
   */
  async closeForHolder(manager: EntityManager, employeeId: number, programId: number): Promise<void> {
    await this.closeOpenWork(manager, employeeId, programId, [AssignmentReason.RULE, AssignmentReason.REFRESHER]);
  }

  /** closeForHolder for many holders of one programme (an import), RECONCILE_CHUNK of them per statement. */
  async closeForHolders(manager: EntityManager, programId: number, employeeIds: number[]): Promise<void> {
    for (let i = 0; i < employeeIds.length; i += RECONCILE_CHUNK) {
      const [forEmployees, employeeParams] = inIds('a.employee_id', employeeIds.slice(i, i + RECONCILE_CHUNK));
      const rows = (await manager.query(
        `SELECT a.id FROM assignments a
          WHERE ${forEmployees} AND a.program_id = ? AND a.reason IN (?) AND a.status IN (?)
          FOR UPDATE`,
        [...employeeParams, programId, [AssignmentReason.RULE, AssignmentReason.REFRESHER], OPEN_ASSIGNMENT_STATUSES],
      )) as { id: number }[];
      await this.cancelOrHandOver(
        manager,
        rows.map((row) => Number(row.id)),
      );
    }
  }

  /** Closes (cancels or hands over) someone's open assignments a programme made for these reasons. */
  private async closeOpenWork(
    manager: EntityManager,
    employeeId: number,
    programId: number,
    reasons: AssignmentReason[],
  ): Promise<void> {
    const rows = (await manager.query(
      `SELECT a.id FROM assignments a
        WHERE a.employee_id = ? AND a.program_id = ? AND a.reason IN (?) AND a.status IN (?)
        FOR UPDATE`,
      [employeeId, programId, reasons, OPEN_ASSIGNMENT_STATUSES],
    )) as { id: number }[];
    await this.cancelOrHandOver(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /**
   * Closes the open work the employees are no longer required to do: all of a leaver's, and
   * what a programme's audience rule or refresher made for someone now outside its audience.
   * A programme without audience rules requires nobody in particular: its refreshers are every
   * holder's, as the refresher planner makes them. With `programId`, only that programme's work.
   */
  private async closeUnrequiredWork(manager: EntityManager, employeeIds: number[], programId?: number): Promise<void> {
    const [inEmployees, inParams] = inIds('a.employee_id', employeeIds);
    const [forEmployees, employeeParams] =
      programId === undefined
        ? [inEmployees, inParams]
        : [`${inEmployees} AND a.program_id = ?`, [...inParams, programId]];
    const rows = (await manager.query(
      `SELECT a.id FROM assignments a
         JOIN employees holder ON holder.id = a.employee_id
        WHERE ${forEmployees} AND a.status IN (?)
          AND (holder.active = 0
               OR (a.program_id IS NOT NULL
                   AND (a.reason = ?
                        OR (a.reason = ? AND EXISTS (SELECT 1 FROM program_audiences r WHERE r.program_id = a.program_id)))
                   AND NOT EXISTS (
                     SELECT 1 FROM employees e
                       JOIN stores s ON s.id = e.store_id
                       ${JOIN_AUDIENCES}
                      WHERE e.id = a.employee_id AND pa.program_id = a.program_id)))
        FOR UPDATE`,
      [...employeeParams, OPEN_ASSIGNMENT_STATUSES, AssignmentReason.RULE, AssignmentReason.REFRESHER],
    )) as { id: number }[];
    await this.cancelOrHandOver(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /**
   * A course is open once per person, whichever programmes require it: an assignment one
   * programme no longer needs (rule-made, or its refresher) passes, with its progress and
   * attempts, to another programme whose audience rule still requires its course of that
   * person, as that programme's; the others are cancelled.
   */
  private async cancelOrHandOver(manager: EntityManager, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const handovers = (await manager.query(
      `SELECT a.id, MIN(pa.program_id) AS program_id
         FROM assignments a
         JOIN employees e ON e.id = a.employee_id AND e.active = 1
         JOIN stores s ON s.id = e.store_id
         ${JOIN_AUDIENCES}
         JOIN program_courses pc ON pc.program_id = pa.program_id AND pc.course_id = a.course_id
        WHERE a.id IN (?) AND pa.program_id <> a.program_id AND ${NOT_CERTIFIED}
        GROUP BY a.id`,
      [ids, this.clock.now()],
    )) as { id: number; program_id: number }[];
    const toProgram = new Map<number, number[]>();
    for (const { id, program_id } of handovers) {
      const programId = Number(program_id);
      toProgram.set(programId, [...(toProgram.get(programId) ?? []), Number(id)]);
    }
    for (const [programId, handedOver] of toProgram) {
      await manager.query('UPDATE assignments SET program_id = ?, reason = ? WHERE id IN (?)', [
        programId,
        AssignmentReason.RULE,
        handedOver,
      ]);
    }
    const kept = new Set(handovers.map((row) => Number(row.id)));
    await this.cancel(
      manager,
      ids.filter((id) => !kept.has(id)),
    );
  }

  /** Cancels open assignments as the system (nobody's cancellation); their pending reminders go with them. */
  private async cancel(manager: EntityManager, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      'UPDATE assignments SET status = ?, open_key = NULL, cancelled_at = ? WHERE id IN (?) AND status IN (?)',
      [AssignmentStatus.CANCELLED, this.clock.now(), ids, OPEN_ASSIGNMENT_STATUSES],
    );
    await this.cancellation.cancelledMany(manager, ids);
  }
}
