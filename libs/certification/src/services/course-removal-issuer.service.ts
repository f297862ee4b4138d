import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AssignmentStatus } from '@lp/assignments';
import { chunks, retriedTransaction } from '@lp/core';
import { CertificationProgramEntity, CertificationSource } from '../entities';
import { windowOpensAt } from '../rules/certification-status';
import type { IssueAfterCourseRemovalPayload } from './certification-jobs';
import { CertificationWriter } from './certification-writer.service';
import { lockCurrentCycle } from './current-cycle';
import { passedForProgram } from './pass-counts-toward-program';
import { asEvidence, requiredCoursesCompletedSince } from './required-courses-completed';

/**
 * People per transaction. Each issue takes the programme's certificate-number row until its
 * transaction ends (certificate-numbering), and every completion of the programme waits on
 * it: a hundred people, a dozen statements each, hold it for a fraction of a second.
 */
const PEOPLE_PER_TRANSACTION = 100;

interface Candidate {
  id: number;
  store_id: number;
}

/**
 * Certifies, or renews, those for whom a course removed from a programme was all that was
 * left to pass (the rest passed in a way that counts toward the programme, as
 * IssueOnCompletionHook counts), as passing it would have done. The cycle is dated from the
 * edit, when the programme came to recognise their work, and rests on the completions it
 * counted. Those who had passed the removed courses as well gain nothing by their removal and
 * stay as they were (the passes of someone never issued predate the programme: see
 * AudienceAssigner).
 *
 * Runs after the edit has committed, a chunk of people per transaction, so a removal that
 * completes 40,000 people never holds HR's edit or the programme's locks for minutes.
 * Idempotent and resumable: someone certified by a run holds a current cycle whose window has
 * not opened, so the read no longer finds them, and each is checked again under the lock of
 * their current cycle; a rerun, or a retry after a failed chunk, issues only what is missing.
 * Reads the programme's courses as they are when it runs: a course required since is required
 * of them too.
 */
@Injectable()
export class CourseRemovalIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CertificationWriter,
  ) {}

  /** Issues what the removal earned; answers how many certificates were issued or renewed. */
  async issue({ programId, removedCourseIds, changedAt, actorId }: IssueAfterCourseRemovalPayload): Promise<number> {
    const people = await this.completedByRemoval(programId, removedCourseIds);
    let issued = 0;
    for (const chunk of chunks(people, PEOPLE_PER_TRANSACTION)) {
      issued += await retriedTransaction(this.dataSource, async (manager) => {
        const program = await manager.findOneBy(CertificationProgramEntity, { id: programId });
        if (!program) return 0;
        let count = 0;
        for (const person of chunk) {
          if (await this.certify(manager, program, person, new Date(changedAt), actorId)) count++;
        }
        return count;
      });
    }
    return issued;
  }

  /** Active people who have passed every course the programme requires, but not one of those removed. */
  private async completedByRemoval(programId: number, removedCourseIds: number[]): Promise<Candidate[]> {
    const [first] = (await this.dataSource.query(
      'SELECT MIN(course_id) AS course_id FROM program_courses WHERE program_id = ?',
      [programId],
    )) as { course_id: number | null }[];
    if (!first || first.course_id === null) return [];
    // Driven by who passed one remaining course, on its index, rather than by every employee.
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.store_id FROM employees e
         JOIN certification_programs p ON p.id = ?
         LEFT JOIN certifications cur ON cur.employee_id = e.id AND cur.current_key = p.id
        WHERE e.id IN (SELECT pass.employee_id FROM assignments pass WHERE pass.course_id = ? AND pass.status = ?)
          AND e.active = 1
          AND NOT EXISTS (SELECT 1 FROM program_courses rest WHERE rest.program_id = p.id AND NOT ${passedForProgram('rest')})
          AND EXISTS (SELECT 1 FROM (SELECT id AS course_id FROM courses WHERE id IN (?)) removed
                       WHERE NOT ${passedForProgram('removed')})
        ORDER BY e.id`,
      [programId, first.course_id, AssignmentStatus.COMPLETED, removedCourseIds],
    )) as Candidate[];
    return rows.map((row) => ({ id: Number(row.id), store_id: Number(row.store_id) }));
  }

  /** Issues one person's cycle unless, under the lock of their current one, they have earned none. */
  private async certify(
    manager: EntityManager,
    program: CertificationProgramEntity,
    person: Candidate,
    earnedAt: Date,
    actorId: number | null,
  ): Promise<boolean> {
    const current = await lockCurrentCycle(manager, person.id, program.id);
    const since = current ? (current.revokedAt ?? windowOpensAt(current.expiresAt, program.recertifyWindowDays)) : null;
    const courses = await requiredCoursesCompletedSince(manager, program.id, person.id, since);
    if (!courses) return false;
    await this.writer.issue(manager, {
      employeeId: person.id,
      storeId: person.store_id,
      program,
      earnedAt,
      source: CertificationSource.COMPLETION,
      actorId,
      current,
      courses: asEvidence(courses),
    });
    return true;
  }
}
