import { AssignmentStatus } from '@lp/assignments';

/**
 * SQL condition over an assignment `done`: the person `e` passed the course
 * `${course}.course_id` in a way that counts toward the programme `p` (see
 * IssueOnCompletionHook), given their current cycle of it `cur` (LEFT JOINed, null when
 * none): any pass while they hold no cycle, and since its revocation, or since its renewal
 * window opened, once they do. One definition for what assigns courses and what reports them.
 */
export function passCountsTowardProgram(course: string): string {
  return `done.employee_id = e.id AND done.course_id = ${course}.course_id
    AND done.status = '${AssignmentStatus.COMPLETED}'
    AND (cur.id IS NULL
         OR done.completed_at >= COALESCE(cur.revoked_at,
                                          DATE_SUB(cur.expires_at, INTERVAL p.recertify_window_days DAY)))`;
}

/** The person `e` has passed the course `${course}.course_id` in a way that counts toward the programme `p`. */
export function passedForProgram(course: string): string {
  return `EXISTS (SELECT 1 FROM assignments done WHERE ${passCountsTowardProgram(course)})`;
}
