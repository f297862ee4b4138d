import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCompletion, type AssignmentCompletionHook, type AssignmentEntity } from '@lp/assignments';
import type { RawRow } from '@lp/core';
import { type CertificationProgramEntity, CertificationSource } from '../entities';
import { windowOpensAt } from '../rules/certification-status';
import { programRows } from './certification-rows';
import { CertificationWriter } from './certification-writer.service';
import { lockCurrentCycle } from './current-cycle';

interface CompletedCourse {
  course_id: number;
  course_version_id: number | null;
  completed_at: Date;
  assignment_id: number;
}

/**
 * Issues or renews certifications in the transaction that completes an assignment:
 * - a first certification (or one after a revocation) once every required course of a
 *   programme has been completed;
 * - a renewal when the programme's refresher course (or, without one, the last required
 *   course again) is completed inside the recertification window or after expiry.
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
    const completedAt = assignment.completedAt!;
    const current = await lockCurrentCycle(manager, assignment.employeeId, program.id);
    const held = current && !current.revokedAt ? current : null;

    let courses: CompletedCourse[] | null;
    if (held) {
      if (completedAt < windowOpensAt(held.expiresAt, program.recertifyWindowDays)) return;
      const renewsWith = program.refresherCourseId ?? null;
      if (renewsWith !== null) {
        if (assignment.courseId !== renewsWith) return;
        courses = [this.asCompleted(assignment)];
      } else {
        courses = await this.requiredCoursesCompletedSince(
          manager,
          program.id,
          assignment.employeeId,
          windowOpensAt(held.expiresAt, program.recertifyWindowDays),
        );
      }
    } else {
      courses = await this.requiredCoursesCompletedSince(
        manager,
        program.id,
        assignment.employeeId,
        current?.revokedAt ?? null,
      );
    }
    if (!courses) return;

    await this.writer.issue(manager, {
      employeeId: assignment.employeeId,
      storeId: holderStoreId,
      program,
      earnedAt: completedAt,
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

  private asCompleted(assignment: AssignmentEntity): CompletedCourse {
    return {
      course_id: assignment.courseId,
      course_version_id: assignment.courseVersionId,
      completed_at: assignment.completedAt!,
      assignment_id: assignment.id,
    };
  }

  /** The latest completion of each required course since `since`, or null while one is missing. */
  private async requiredCoursesCompletedSince(
    manager: EntityManager,
    programId: number,
    employeeId: number,
    since: Date | null,
  ): Promise<CompletedCourse[] | null> {
    const rows = (await manager.query(
      `SELECT pc.course_id,
              (SELECT a.id FROM assignments a
                WHERE a.employee_id = ? AND a.course_id = pc.course_id AND a.status = 'COMPLETED'
                  AND (? IS NULL OR a.completed_at >= ?)
                ORDER BY a.completed_at DESC LIMIT 1) AS assignment_id
         FROM program_courses pc
        WHERE pc.program_id = ?`,
      [employeeId, since, since, programId],
    )) as { course_id: number; assignment_id: number | null }[];
    if (rows.length === 0 || rows.some((r) => r.assignment_id === null)) return null;
    return (await manager.query(
      `SELECT id AS assignment_id, course_id, course_version_id, completed_at FROM assignments WHERE id IN (?)`,
      [rows.map((r) => r.assignment_id)],
    )) as CompletedCourse[];
  }
}
