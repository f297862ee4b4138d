/**
 * What a client sees. OVERDUE is never stored: it is an open assignment whose due date has
 * passed, derived at read time so no sweep has to flip rows (and none can forget to).
 */
export enum AssignmentStatus {
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  OVERDUE = 'OVERDUE',
  CANCELLED = 'CANCELLED',
}

/** The statuses a row can hold. */
export type StoredAssignmentStatus = Exclude<AssignmentStatus, AssignmentStatus.OVERDUE>;

export const STORED_ASSIGNMENT_STATUSES: StoredAssignmentStatus[] = [
  AssignmentStatus.ASSIGNED,
  AssignmentStatus.IN_PROGRESS,
  AssignmentStatus.COMPLETED,
  AssignmentStatus.CANCELLED,
];

/** Statuses in which the learner still has work to do. */
export const OPEN_ASSIGNMENT_STATUSES: StoredAssignmentStatus[] = [
  AssignmentStatus.ASSIGNED,
  AssignmentStatus.IN_PROGRESS,
];

export enum AssignmentReason {
  MANUAL = 'MANUAL',
  ONBOARDING = 'ONBOARDING',
  RULE = 'RULE',
  REFRESHER = 'REFRESHER',
}

export function isOpen(status: StoredAssignmentStatus): boolean {
  return OPEN_ASSIGNMENT_STATUSES.includes(status);
}

export function presentedStatus(
  assignment: { status: StoredAssignmentStatus; dueAt: Date },
  now: Date,
): AssignmentStatus {
  return isOpen(assignment.status) && assignment.dueAt.getTime() < now.getTime()
    ? AssignmentStatus.OVERDUE
    : assignment.status;
}

/**
 * The condition on assignments (alias `a`) for a status as clients see it, with TypeORM's
 * named parameters: OVERDUE is open and past due; ASSIGNED and IN_PROGRESS are not past due.
 */
export function presentedStatusCondition(status: AssignmentStatus, now: Date): [string, Record<string, unknown>] {
  if (status === AssignmentStatus.OVERDUE)
    return ['a.status IN (:...open) AND a.due_at < :now', { open: OPEN_ASSIGNMENT_STATUSES, now }];
  if (status === AssignmentStatus.ASSIGNED || status === AssignmentStatus.IN_PROGRESS)
    return ['a.status = :status AND a.due_at >= :now', { status, now }];
  return ['a.status = :status', { status }];
}

/** The value of `open_key` for a status: the course id while open, otherwise NULL. */
export function openKeyFor(status: StoredAssignmentStatus, courseId: number): number | null {
  return isOpen(status) ? courseId : null;
}
