import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentReason, AssignmentStatus, OPEN_ASSIGNMENT_STATUSES } from '@lp/assignments';
import { AudienceAssigner, CertificationProgramEntity } from '@lp/certification';
import { chunks, everyOneSettled, retriedTransaction } from '@lp/core';
import { DAY_MS } from '../reminder-schedule';

/** A holder in their programme's recertification window, with the refresher course to assign. */
interface DueRefresher {
  employee_id: number;
  course_id: number;
  expires_at: Date;
  program_id: number;
}

/** What one run assigned. */
export interface RefresherCounts {
  refreshers: number;
  /** The programme's courses, given again to holders whose certificate lapsed with nothing open to renew it. */
  lapsedCourses: number;
}

/**
 * The employee `e` is in the audience of the programme whose id is the parameter: one of its
 * rules names their job role and place.
 */
const IN_PROGRAM_AUDIENCE = `EXISTS (
  SELECT 1 FROM stores s
    JOIN program_audiences pa ON pa.program_id = ? AND pa.job_role_id = e.job_role_id
     AND (pa.store_id IS NULL OR pa.store_id = s.id)
     AND (pa.region_id IS NULL OR pa.region_id = s.region_id)
   WHERE s.id = e.store_id)`;

/**
 * Gives each holder whose current certification has entered its programme's
 * recertification window one refresher assignment, due at the expiry: the programme's
 * refresher course, or without one each required course.
 *
 * A programme with audience rules renews the holders it requires: someone who has left its
 * audience keeps their certificate until it expires, with no refresher (AudienceAssigner
 * cancels an open one when they leave). A programme without rules renews every holder.
 *
 * Set-based: one read per programme over the (current_key, expires_at) index, then
 * multi-row inserts of what it found, usually nothing. Once:
 * the unique open-assignment key refuses a second open one, and a refresher made since
 * the window opened — completed, cancelled by a manager, still open — keeps the planner
 * from making another for the same cycle. One the system cancelled when its holder left the
 * audience does not: back in it inside the window, they get a new one.
 *
 * A manager's cancellation stands while the certificate is valid, not after: a holder the
 * programme's audience requires whose certificate has lapsed with no work of the programme
 * open (no refresher left to renew it) gets its courses again, as a newcomer does (see
 * lapsedHolders), once per lapse.
 *
 * What it assigns goes only to people still active when it is written (see forActive): the
 * plain read may be older than someone's leaving.
 */
@Injectable()
export class RefresherPlanner {
  private readonly logger = new Logger(RefresherPlanner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audience: AudienceAssigner,
  ) {}

  async plan(now: Date): Promise<RefresherCounts> {
    const programs = await this.dataSource.getRepository(CertificationProgramEntity).find({ order: { id: 'ASC' } });
    const withAudience = new Set(
      (
        (await this.dataSource.query('SELECT DISTINCT program_id FROM program_audiences')) as { program_id: number }[]
      ).map((row) => Number(row.program_id)),
    );
    // A programme's two reads side by side: a planning run makes its refreshers before anything
    // else, and one read at a time left one of MariaDB's cores idle. One programme after
    // another, so a chain with many programmes does not take the whole pool.
    const counts: RefresherCounts = { refreshers: 0, lapsedCourses: 0 };
    for (const program of programs) {
      const hasAudience = withAudience.has(program.id);
      // A programme without rules requires nobody: a lapsed holder of it has nothing to make up.
      const [due, lapsed] = await everyOneSettled([
        this.dueRefreshers(program, hasAudience, now),
        hasAudience ? this.lapsedHolders(program, now) : Promise.resolve([]),
      ] as const);
      counts.refreshers += await this.assignRefreshers(due, now);
      counts.lapsedCourses += await this.assignLapsed(program, lapsed);
    }
    if (counts.refreshers > 0 || counts.lapsedCourses > 0) this.logger.log(counts, 'Refresher assignments created');
    return counts;
  }

  /** The holders in the programme's window who need a refresher, with the course each gets. */
  private async dueRefreshers(
    program: CertificationProgramEntity,
    hasAudience: boolean,
    now: Date,
  ): Promise<DueRefresher[]> {
    const windowEnd = new Date(now.getTime() + program.recertifyWindowDays * DAY_MS);
    const courses =
      program.refresherCourseId !== null
        ? { join: 'JOIN courses co ON co.id = ?', params: [program.refresherCourseId] }
        : {
            join: 'JOIN program_courses pc ON pc.program_id = c.program_id JOIN courses co ON co.id = pc.course_id',
            params: [],
          };
    // A plain read first: run as INSERT … SELECT, it took shared locks on every row it read
    // (60,000 on a 100,000-employee chain, 0.8 s) at every run, to insert nothing. It reads the
    // (current_key, expires_at) index's range and names the audience rules by the programme's
    // id: by program_id, MariaDB read the open-assignment key's whole index into a temporary
    // table at every run (0.13–0.2 s per programme on the full chain, against 0.03 s).
    // The open-assignment test comes first: MariaDB tries them in order, and most holders in
    // their window have their refresher open, which the unique key answers from the index
    // alone; the refresher test reads the assignment's row (0.4 → 0.15 s per programme there).
    return (await this.dataSource.query(
      `SELECT c.employee_id, co.id AS course_id, c.expires_at, c.program_id
         FROM certifications c
         JOIN employees e ON e.id = c.employee_id AND e.active = 1
         ${courses.join}
        WHERE c.current_key = ? AND c.expires_at > ? AND c.expires_at <= ? AND c.revoked_at IS NULL
          AND co.current_version_id IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM assignments o WHERE o.employee_id = c.employee_id AND o.open_key = co.id)
          AND NOT EXISTS (
            SELECT 1 FROM assignments a
             WHERE a.employee_id = c.employee_id AND a.course_id = co.id
               AND a.reason = ? AND a.program_id = c.program_id
               AND a.created_at >= DATE_SUB(c.expires_at, INTERVAL ? DAY)
               AND (a.status <> ? OR a.cancelled_by_id IS NOT NULL))
          ${hasAudience ? `AND ${IN_PROGRAM_AUDIENCE}` : ''}`,
      [
        ...courses.params,
        program.id,
        now,
        windowEnd,
        AssignmentReason.REFRESHER,
        program.recertifyWindowDays,
        AssignmentStatus.CANCELLED,
        ...(hasAudience ? [program.id] : []),
      ],
    )) as DueRefresher[];
  }

  /** Assigns each refresher, due at the expiry; returns how many it made. */
  private async assignRefreshers(due: DueRefresher[], now: Date): Promise<number> {
    let created = 0;
    for (const chunk of chunks(due)) {
      created += await this.forActive(
        chunk.map((row) => Number(row.employee_id)),
        async (manager, active) => {
          const rows = chunk.filter((row) => active.has(Number(row.employee_id)));
          if (rows.length === 0) return 0;
          // IGNORE: the open-assignment key still refuses one made since the read (another run, a manager).
          const result = (await manager.query(
            `INSERT IGNORE INTO assignments
               (employee_id, course_id, due_at, status, reason, open_key, program_id, created_at, updated_at)
             VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
            rows.flatMap((row) => [
              row.employee_id,
              row.course_id,
              row.expires_at,
              AssignmentStatus.ASSIGNED,
              AssignmentReason.REFRESHER,
              row.course_id,
              row.program_id,
              now,
              now,
            ]),
          )) as { affectedRows: number };
          return result.affectedRows;
        },
      );
    }
    return created;
  }

  /**
   * The holders the programme's audience requires whose current certificate has lapsed with
   * none of the programme's work open — no refresher left to renew it (a manager cancelled
   * it, or none was ever made): they get its courses again (assignLapsed). Once per lapse:
   * any of the programme's work made since the expiry, done or cancelled by a person, stands
   * in for it; what the system cancelled when they left the audience does not. An open
   * assignment of the refresher course, however made, may still renew, so it counts as open work.
   */
  private async lapsedHolders(program: CertificationProgramEntity, now: Date): Promise<number[]> {
    const refresherOpen =
      program.refresherCourseId === null
        ? { sql: '', params: [] }
        : {
            sql: `AND NOT EXISTS (SELECT 1 FROM assignments o WHERE o.employee_id = c.employee_id AND o.open_key = ?)`,
            params: [program.refresherCourseId],
          };
    // A plain read, of the (current_key, expires_at) index's range. The audience rules are
    // named by the programme's id, not joined on the cycle's: joined, MariaDB read every cycle
    // of the programme once per rule (430,000 rows, 1–2 s on the full chain, against 0.1 s).
    const lapsed = (await this.dataSource.query(
      `SELECT c.employee_id
         FROM certifications c
         JOIN employees e ON e.id = c.employee_id AND e.active = 1
        WHERE c.current_key = ? AND c.expires_at <= ? AND c.revoked_at IS NULL
          ${refresherOpen.sql}
          AND NOT EXISTS (
            SELECT 1 FROM assignments a
             WHERE a.employee_id = c.employee_id AND a.program_id = c.program_id
               AND (a.status IN (?)
                    OR (a.created_at >= c.expires_at AND (a.status <> ? OR a.cancelled_by_id IS NOT NULL))))
          AND ${IN_PROGRAM_AUDIENCE}
        ORDER BY c.employee_id`,
      [program.id, now, ...refresherOpen.params, OPEN_ASSIGNMENT_STATUSES, AssignmentStatus.CANCELLED, program.id],
    )) as { employee_id: number }[];
    return lapsed.map((row) => Number(row.employee_id));
  }

  /** Gives the lapsed holders the programme's courses again; returns how many assignments it made. */
  private async assignLapsed(program: CertificationProgramEntity, lapsed: number[]): Promise<number> {
    let created = 0;
    for (const employeeIds of chunks(lapsed)) {
      created += await this.forActive(employeeIds, (manager, active) =>
        this.audience.assignProgramTo(manager, program.id, [...active]),
      );
    }
    return created;
  }

  /**
   * Runs `assign` for those of the employees still active, in a transaction that holds their
   * rows with a shared lock until it commits. Leaving the company locks the leaver's row, then
   * cancels their open work: a leaving that commits first is seen here, and one that comes
   * after finds what was assigned, and cancels it. Without the lock, a leaving that committed
   * between the plain read and the insert left the leaver with an open refresher.
   */
  private forActive(
    employeeIds: number[],
    assign: (manager: EntityManager, active: ReadonlySet<number>) => Promise<number>,
  ): Promise<number> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const rows = (await manager.query(
        'SELECT id FROM employees WHERE id IN (?) AND active = 1 ORDER BY id LOCK IN SHARE MODE',
        [[...new Set(employeeIds)]],
      )) as { id: number }[];
      return rows.length === 0 ? 0 : assign(manager, new Set(rows.map((row) => Number(row.id))));
    });
  }
}
