import type { DataSource } from 'typeorm';
import { AssignmentEntity, AssignmentReason, AssignmentStatus, openKeyFor } from '@lp/assignments';
import { buildCourse } from './course.factory';
import { buildProgram } from './program.factory';

export interface AssignmentOverrides extends Partial<AssignmentEntity> {
  employeeId: number;
  courseId: number;
}

/** An assignment as assigning would make it: ASSIGNED, due in 30 days (from `dueFrom`, default now). */
export async function buildAssignment(
  dataSource: DataSource,
  overrides: AssignmentOverrides,
  dueFrom: Date = new Date(),
): Promise<AssignmentEntity> {
  const status = overrides.status ?? AssignmentStatus.ASSIGNED;
  const repository = dataSource.getRepository(AssignmentEntity);
  return repository.save(
    repository.create({
      dueAt: new Date(dueFrom.getTime() + 30 * 86_400_000),
      reason: AssignmentReason.MANUAL,
      courseVersionId: null,
      completedAt: status === AssignmentStatus.COMPLETED ? dueFrom : null,
      cancelledAt: status === AssignmentStatus.CANCELLED ? dueFrom : null,
      assignedById: null,
      ...overrides,
      status,
      openKey: openKeyFor(status, overrides.courseId),
    }),
  );
}

/** An open assignment an audience rule made: a course of a programme of its own. */
export async function buildProgramAssignment(dataSource: DataSource, employeeId: number): Promise<AssignmentEntity> {
  const { course } = await buildCourse(dataSource);
  const program = await buildProgram(dataSource);
  return buildAssignment(dataSource, {
    employeeId,
    courseId: course.id,
    reason: AssignmentReason.RULE,
    programId: program.id,
  });
}
