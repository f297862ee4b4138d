import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCompletion, type AssignmentCompletionHook, type AssignmentEntity } from '@lp/assignments';
import type { RawRow } from '@lp/core';
import { type CertificationEntity, type CertificationProgramEntity, CertificationSource } from '../entities';
import { windowOpensAt } from '../rules/certification-status';
import { programRows } from './certification-rows';
import { CertificationWriter } from './certification-writer.service';
import { lockCurrentCycle } from './current-cycle';
import { type CompletedCourse, asEvidence, requiredCoursesCompletedSince } from './required-courses-completed';

/**
 * Issues or renews certifications in the transaction that completes an assignment:
 * - every required course of a programme completed: a first certification, a new one once
 *   the held one has expired (counting completions since its window opened) or been revoked
 *   (since the revocation), or a renewal inside the recertification window;
 * - the programme's refresher course completed: a renewal inside the window, or after the
 *   expiry when it was assigned inside the window (see renewsWithRefresher).
 * Before the window opens, a holder's completions earn nothing, as a grant is refused then.
 */
@Injectable()
export class IssueOnCompletionHook implements AssignmentCompletionHook, OnModuleInit {
  constructor(
    private readonly completion: AssignmentCompletion,
    private readonly writer: CertificationWriter,
  ) {}

  onModuleInit(): void {
    this.completion.register(this);
  }

  async onCompleted(
    manager: EntityManager,
    assignment: AssignmentEntity,
    actorId: number | null,
    holderStoreId: number,
  ): Promise<void> {
    // Hand-written, as every completion asks it (bench/README.md, eighth pass).
    const dataSource = manager.connection;
    const rows = (await manager.query(
      `SELECT ${programRows.columns(dataSource, 'p')} FROM certification_programs p
        WHERE p.refresher_course_id = ? OR p.id IN (SELECT pc.program_id FROM program_courses pc WHERE pc.course_id = ?)`,
      [assignment.courseId, assignment.courseId],
    )) as RawRow[];
    const programs = rows.map((row) => programRows.from(dataSource, row));
    for (const program of programs) await this.consider(manager, program, { assignment, actorId, holderStoreId });
  }

  private async consider(
    manager: EntityManager,
    program: CertificationProgramEntity,
    {
      assignment,
      actorId,
      holderStoreId,
    }: { assignment: AssignmentEntity; actorId: number | null; holderStoreId: number },
  ): Promise<void> {
    const current = await lockCurrentCycle(manager, assignment.employeeId, program.id);
    const courses = await this.coursesEarned(manager, program, assignment, current);
    if (!courses) return;

    await this.writer.issue(manager, {
      employeeId: assignment.employeeId,
      storeId: holderStoreId,
      program,
      earnedAt: assignment.completedAt!,
      source: CertificationSource.COMPLETION,
      actorId,
      current,
      courses: asEvidence(courses),
    });
  }

  /** The completed courses a new cycle rests on, or null when this completion earns none. */
  private async coursesEarned(
    manager: EntityManager,
    program: CertificationProgramEntity,
    assignment: AssignmentEntity,
    current: CertificationEntity | null,
  ): Promise<CompletedCourse[] | null> {
    const { employeeId } = assignment;
    if (!current) return requiredCoursesCompletedSince(manager, program.id, employeeId, null);
    if (current.revokedAt) return requiredCoursesCompletedSince(manager, program.id, employeeId, current.revokedAt);

    const renewalOpensAt = windowOpensAt(current.expiresAt, program.recertifyWindowDays);
    if (assignment.completedAt! < renewalOpensAt) return null;
    if (
      assignment.courseId === program.refresherCourseId &&
      this.renewsWithRefresher(assignment, current, renewalOpensAt)
    ) {
      return [this.asCompleted(assignment)];
    }
    return requiredCoursesCompletedSince(manager, program.id, employeeId, renewalOpensAt);
  }

  /**
   * The refresher renews a cycle while it is valid; once it has expired, only the refresher
   * assigned inside its window (overdue, then finished) still does. Taken up after expiry it
   * renews nothing: a lapsed holder passes the required courses again.
   */
  private renewsWithRefresher(
    refresher: AssignmentEntity,
    current: CertificationEntity,
    renewalOpensAt: Date,
  ): boolean {
    if (refresher.completedAt! < current.expiresAt) return true;
    return refresher.createdAt >= renewalOpensAt && refresher.createdAt < current.expiresAt;
  }

  private asCompleted(assignment: AssignmentEntity): CompletedCourse {
    return {
      course_id: assignment.courseId,
      course_version_id: assignment.courseVersionId,
      completed_at: assignment.completedAt!,
      assignment_id: assignment.id,
    };
  }
}
