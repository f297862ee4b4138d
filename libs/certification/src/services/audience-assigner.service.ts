import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCancellation, AssignmentReason, AssignmentStatus, OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { chunks, Clock } from '@lp/core';
import { type ChangedEmployee, EmployeeLifecycle, dueDayEnd, localTime, resolveTimezone } from '@lp/organisation';
import type { CertificationProgramEntity } from '../entities';
import { reasonAtHireSql } from '../rules/reason-at-hire';
import { CertificationCycleEnd, type CycleEndReason } from './certification-cycle-end';
import { passedForProgram } from './pass-counts-toward-program';
import { ProgramService } from './program.service';

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
 * The active people (e) in a programme's (p) audience, with its courses (pc): what a rule
 * assigns, before what they hold or have passed is taken into account.
 */
const AUDIENCE_COURSES = `
  FROM employees e
  JOIN stores s ON s.id = e.store_id
  ${JOIN_AUDIENCES}
  JOIN certification_programs p ON p.id = pa.program_id
  JOIN program_courses pc ON pc.program_id = p.id`;

/** What a rule made at someone's hire says of itself, and what it made later: both are the rules' work. */
const RULE_MADE = [AssignmentReason.ONBOARDING, AssignmentReason.RULE];

/** Whether the rules give work at someone's hire (createEmployee, a new import line; see reasonAtHireSql) or later. */
type GivenWhen = 'AT_HIRE' | 'LATER';

/** The store zones and programme lengths a rule-made insert meets. */
type ZoneLength = { timezone: string; onboarding_days: number };

/** The end of the day `days` after today in a store's zone, as stored (an unknown zone falls back). */
function dueDayAfter(now: Date, timezone: string, days: number): Date {
  const zone = resolveTimezone(timezone).timezone;
  const today = localTime(now.getTime(), zone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return dueDayEnd({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, zone);
}

/**
 * The due date of a course a rule assigns now, as SQL over the store (s) and programme (p):
 * the end (23:59, as a due day picked in the web app ends) of the day `onboarding_days`
 * after today in the store's zone, worked out for each zone and programme length the
 * assignment meets. A store or programme changed since they were read gets
 * `onboarding_days` × 24 hours from now.
 */
function ruleDueDates(now: Date, met: ZoneLength[]): { sql: string; params: unknown[] } {
  const fallback = { sql: 'DATE_ADD(?, INTERVAL p.onboarding_days DAY)', params: [now] };
  if (met.length === 0) return fallback;
  const lengthsByZone = new Map<string, number[]>();
  for (const row of met) {
    lengthsByZone.set(row.timezone, [...(lengthsByZone.get(row.timezone) ?? []), Number(row.onboarding_days)]);
  }
  const byZone: string[] = [];
  const dueParams: unknown[] = [];
  for (const [timezone, lengths] of lengthsByZone) {
    byZone.push(`WHEN ? THEN CASE p.onboarding_days ${lengths.map(() => 'WHEN ? THEN ?').join(' ')} END`);
    dueParams.push(timezone, ...lengths.flatMap((days) => [days, dueDayAfter(now, timezone, days)]));
  }
  return {
    sql: `COALESCE(CASE s.timezone ${byZone.join(' ')} END, ${fallback.sql})`,
    params: [...dueParams, ...fallback.params],
  };
}

/**
 * Audience rules: the job roles a programme names get its courses assigned — when the
 * programme is created or its rules come to require them (a course added: to those not
 * certified), when someone is hired into the audience, by createEmployee or an import
 * (reason ONBOARDING when hired within the programme's onboarding period, what HR expects
 * to read there; RULE for long-serving staff and all the rest), when a
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
      onHired: (manager, employee) => this.reconcileEmployees(manager, [employee.id], 'AT_HIRE'),
      onHiredMany: (manager, employees) =>
        this.reconcileEmployees(
          manager,
          employees.map((employee) => employee.id),
          'AT_HIRE',
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
    let assigned = 0;
    for (const ids of chunks(employeeIds)) {
      assigned += await this.insertRuleAssignments(
        manager,
        'pa.program_id = ? AND e.id IN (?)',
        [programId, ids],
        'ORDER BY e.id, pc.course_id',
      );
    }
    return assigned;
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
    for (const ids of chunks(left)) await this.closeUnrequiredWork(manager, ids, programId);
    await this.assignProgramTo(manager, programId, joined);
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
          AND (a.reason IN (?) OR (a.reason = ? AND a.course_id <> COALESCE(?, 0)))
        FOR UPDATE`,
      [
        program.id,
        courseIds,
        OPEN_ASSIGNMENT_STATUSES,
        RULE_MADE,
        AssignmentReason.REFRESHER,
        program.refresherCourseId,
      ],
    )) as { id: number }[];
    await this.cancelOrHandOver(
      manager,
      rows.map((row) => Number(row.id)),
    );
  }

  /**
   * Brings people's open work in line with the audiences they are in now (a hire, an import's
   * hires or moves), a chunk of them per statement; what it assigns `AT_HIRE` says ONBOARDING
   * or RULE by their hire date (reasonAtHireSql), what it assigns later RULE.
   */
  async reconcileEmployees(manager: EntityManager, employeeIds: number[], given: GivenWhen = 'LATER'): Promise<void> {
    for (const ids of chunks(employeeIds)) {
      await this.closeUnrequiredWork(manager, ids);
      await this.insertRuleAssignments(manager, 'e.id IN (?)', [ids], 'ORDER BY e.id, p.id, pc.course_id', given);
    }
  }

  /** Reconciles those whose job role, store or activity changed. */
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
    given: GivenWhen = 'LATER',
  ): Promise<number> {
    const now = this.clock.now();
    const met = (await manager.query(
      `SELECT DISTINCT s.timezone, p.onboarding_days ${AUDIENCE_COURSES} WHERE e.active = 1 AND ${condition}`,
      params,
    )) as ZoneLength[];
    const due = ruleDueDates(now, met);
    const reason =
      given === 'AT_HIRE'
        ? reasonAtHireSql(
            now,
            met.map((row) => row.timezone),
          )
        : { sql: '?', params: [AssignmentReason.RULE] };
    const result = (await manager.query(
      `INSERT IGNORE INTO assignments (employee_id, course_id, due_at, status, reason, open_key, program_id, created_at, updated_at)
       SELECT e.id, pc.course_id, ${due.sql}, ?, ${reason.sql}, pc.course_id, p.id, ?, ?
         ${AUDIENCE_COURSES}
         LEFT JOIN certifications cur ON cur.employee_id = e.id AND cur.current_key = p.id
        WHERE e.active = 1 AND ${condition} AND ${NOT_CERTIFIED}
          AND (NOT ${passedForProgram('pc')}
               OR NOT EXISTS (SELECT 1 FROM program_courses rest
                               WHERE rest.program_id = p.id AND NOT ${passedForProgram('rest')}))
        ${order}`,
      [...due.params, AssignmentStatus.ASSIGNED, ...reason.params, now, now, ...params, now],
    )) as { affectedRows: number };
    return result.affectedRows;
  }

  /**
   * A holder of a valid certificate has nothing to do for the programme until its refresher
   * comes due: cancels their open assignments the programme's audience rule or refresher
   * made, so that someone certified elsewhere (a grant) or renewed by one course is not
   * chased for the others.
   */
  async closeForHolder(manager: EntityManager, employeeId: number, programId: number): Promise<void> {
    await this.closeOpenWork(manager, employeeId, programId, [...RULE_MADE, AssignmentReason.REFRESHER]);
  }

  /** closeForHolder for many holders of one programme (an import), a chunk of them per statement. */
  async closeForHolders(manager: EntityManager, programId: number, employeeIds: number[]): Promise<void> {
    for (const ids of chunks(employeeIds)) {
      const rows = (await manager.query(
        `SELECT a.id FROM assignments a
          WHERE a.employee_id IN (?) AND a.program_id = ? AND a.reason IN (?) AND a.status IN (?)
          FOR UPDATE`,
        [ids, programId, [...RULE_MADE, AssignmentReason.REFRESHER], OPEN_ASSIGNMENT_STATUSES],
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
    const [forEmployees, employeeParams] =
      programId === undefined
        ? ['a.employee_id IN (?)', [employeeIds]]
        : ['a.employee_id IN (?) AND a.program_id = ?', [employeeIds, programId]];
    const rows = (await manager.query(
      `SELECT a.id FROM assignments a
         JOIN employees holder ON holder.id = a.employee_id
        WHERE ${forEmployees} AND a.status IN (?)
          AND (holder.active = 0
               OR (a.program_id IS NOT NULL
                   AND (a.reason IN (?)
                        OR (a.reason = ? AND EXISTS (SELECT 1 FROM program_audiences r WHERE r.program_id = a.program_id)))
                   AND NOT EXISTS (
                     SELECT 1 FROM employees e
                       JOIN stores s ON s.id = e.store_id
                       ${JOIN_AUDIENCES}
                      WHERE e.id = a.employee_id AND pa.program_id = a.program_id)))
        FOR UPDATE`,
      [...employeeParams, OPEN_ASSIGNMENT_STATUSES, RULE_MADE, AssignmentReason.REFRESHER],
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
   * person, as that programme's (a refresher becoming rule-made work, onboarding work staying
   * onboarding); the others are cancelled.
   */
  private async cancelOrHandOver(manager: EntityManager, ids: number[]): Promise<void> {
    for (const chunk of chunks(ids)) await this.cancelOrHandOverChunk(manager, chunk);
  }

  private async cancelOrHandOverChunk(manager: EntityManager, ids: number[]): Promise<void> {
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
      await manager.query('UPDATE assignments SET program_id = ?, reason = IF(reason = ?, ?, reason) WHERE id IN (?)', [
        programId,
        AssignmentReason.REFRESHER,
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
