import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssignmentReason, AssignmentStatus } from '@lp/assignments';
import { CertificationProgramEntity } from '@lp/certification';
import { DAY_MS } from '../reminder-schedule';

/**
 * Gives each holder whose current certification has entered its programme's
 * recertification window one refresher assignment, due at the expiry: the programme's
 * refresher course, or without one each required course.
 *
 * Set-based, one statement per programme over the (program_id, expires_at) index. Once:
 * the unique open-assignment key refuses a second open one, and a refresher made since
 * the window opened — completed, cancelled by a manager, still open — keeps the planner
 * from making another for the same cycle.
 */
@Injectable()
export class RefresherPlanner {
  private readonly logger = new Logger(RefresherPlanner.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the number of refresher assignments created. */
  async plan(now: Date): Promise<number> {
    const programs = await this.dataSource.getRepository(CertificationProgramEntity).find({ order: { id: 'ASC' } });
    let created = 0;
    for (const program of programs) created += await this.planProgram(program, now);
    if (created > 0) this.logger.log({ created }, 'Refresher assignments created');
    return created;
  }

  private async planProgram(program: CertificationProgramEntity, now: Date): Promise<number> {
    const windowEnd = new Date(now.getTime() + program.recertifyWindowDays * DAY_MS);
    const courses =
      program.refresherCourseId !== null
        ? { join: 'JOIN courses co ON co.id = ?', params: [program.refresherCourseId] }
        : {
            join: 'JOIN program_courses pc ON pc.program_id = c.program_id JOIN courses co ON co.id = pc.course_id',
            params: [],
          };
    const result = (await this.dataSource.query(
      `INSERT IGNORE INTO assignments
         (employee_id, course_id, due_at, status, reason, open_key, program_id, created_at, updated_at)
       SELECT c.employee_id, co.id, c.expires_at, ?, ?, co.id, c.program_id, ?, ?
         FROM certifications c
         JOIN employees e ON e.id = c.employee_id AND e.active = 1
         ${courses.join}
        WHERE c.program_id = ? AND c.expires_at > ? AND c.expires_at <= ?
          AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
          AND co.current_version_id IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM assignments a
             WHERE a.employee_id = c.employee_id AND a.course_id = co.id
               AND a.reason = ? AND a.program_id = c.program_id
               AND a.created_at >= DATE_SUB(c.expires_at, INTERVAL ? DAY))`,
      [
        AssignmentStatus.ASSIGNED,
        AssignmentReason.REFRESHER,
        now,
        now,
        ...courses.params,
        program.id,
        now,
        windowEnd,
        AssignmentReason.REFRESHER,
        program.recertifyWindowDays,
      ],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
