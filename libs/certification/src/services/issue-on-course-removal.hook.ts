import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentStatus } from '@lp/assignments';
import { Clock } from '@lp/core';
import { type CertificationProgramEntity, CertificationSource } from '../entities';
import { windowOpensAt } from '../rules/certification-status';
import { CertificationWriter } from './certification-writer.service';
import { lockCurrentCycle } from './current-cycle';
import { passedForProgram } from './pass-counts-toward-program';
import { ProgramService } from './program.service';
import { requiredCoursesCompletedSince } from './required-courses-completed';

/**
 * A course removed from a programme no longer stands between its people and the certificate:
 * those for whom one it removed was all that was left to pass (the rest passed in a way that
 * counts toward the programme, as IssueOnCompletionHook counts) are certified, or renewed, in
 * the editing transaction, as passing it would have done. The cycle is dated from the edit,
 * when the programme came to recognise their work, and rests on the completions it counted.
 * Those who had passed the removed courses as well gain nothing by their removal and stay as
 * they were (the passes of someone never issued predate the programme: see AudienceAssigner).
 */
@Injectable()
export class IssueOnCourseRemovalHook implements OnModuleInit {
  constructor(
    private readonly programs: ProgramService,
    private readonly writer: CertificationWriter,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.programs.onEdited(async (manager, _before, after, { removedCourseIds, actorId }) => {
      if (removedCourseIds.length > 0) await this.certifyCompleted(manager, after, removedCourseIds, actorId);
    });
  }

  private async certifyCompleted(
    manager: EntityManager,
    program: CertificationProgramEntity,
    removedCourseIds: number[],
    actorId: number | null,
  ): Promise<void> {
    const [first] = (await manager.query(
      'SELECT MIN(course_id) AS course_id FROM program_courses WHERE program_id = ?',
      [program.id],
    )) as { course_id: number }[];
    // Driven by who passed one remaining course, on its index, rather than by every employee.
    const people = (await manager.query(
      `SELECT e.id, e.store_id FROM employees e
         JOIN certification_programs p ON p.id = ?
         LEFT JOIN certifications cur ON cur.employee_id = e.id AND cur.current_key = p.id
        WHERE e.id IN (SELECT pass.employee_id FROM assignments pass WHERE pass.course_id = ? AND pass.status = ?)
          AND e.active = 1
          AND NOT EXISTS (SELECT 1 FROM program_courses rest WHERE rest.program_id = p.id AND NOT ${passedForProgram('rest')})
          AND EXISTS (SELECT 1 FROM (SELECT id AS course_id FROM courses WHERE id IN (?)) removed
                       WHERE NOT ${passedForProgram('removed')})
        ORDER BY e.id`,
      [program.id, first.course_id, AssignmentStatus.COMPLETED, removedCourseIds],
    )) as { id: number; store_id: number }[];
    const now = this.clock.now();
    for (const person of people) {
      const employeeId = Number(person.id);
      const current = await lockCurrentCycle(manager, employeeId, program.id);
      const since = current
        ? (current.revokedAt ?? windowOpensAt(current.expiresAt, program.recertifyWindowDays))
        : null;
      const courses = await requiredCoursesCompletedSince(manager, program.id, employeeId, since);
      if (!courses) continue;
      await this.writer.issue(manager, {
        employeeId,
        storeId: Number(person.store_id),
        program,
        earnedAt: now,
        source: CertificationSource.COMPLETION,
        actorId,
        current,
        courses: courses.map((c) => ({
          courseId: c.course_id,
          courseVersionId: c.course_version_id,
          completedAt: c.completed_at,
          assignmentId: c.assignment_id,
        })),
      });
    }
  }
}
