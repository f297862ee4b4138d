import { AssignmentReason, AssignmentStatus, type StoredAssignmentStatus } from '@lp/assignments';
import type { AttemptQuestionKey } from '@lp/learning';

/** Every store employee takes LP Foundations; LP officers also take the LP Officer courses. */
export const FOUNDATION_COURSES = ['LP-BASICS', 'LP-THEFT'];
export const OFFICER_COURSES = ['LP-SURV', 'LP-AUDIT', 'LP-INTERNAL', 'LP-LAW'];

export type TrainingState = 'completed' | 'inProgress' | 'notStarted' | 'overdue';
const STATES: TrainingState[] = ['completed', 'inProgress', 'notStarted', 'overdue'];

/** A published curriculum course, as the demo needs it. */
export interface DemoCourse {
  id: number;
  code: string;
  /** The programme whose audience rule assigns it (LP Foundations or LP Officer), if loaded. */
  programId: number | null;
  versionId: number;
  lessonIds: number[];
  /** The questions a demo attempt shows: the first of the bank, in authored order. */
  paper: AttemptQuestionKey[];
  passingScorePercent: number;
  timeLimitMinutes: number | null;
}

export interface DemoPerson {
  id: number;
  email: string | null;
  jobRole: string;
  /**
   * What each programme's (by id) audience rules gave them at hire said of itself: ONBOARDING
   * when hired within its onboarding period, RULE otherwise (reasonAtHireSql).
   */
  reasonAtHire: Map<number, AssignmentReason>;
}

/** One demo assignment to write, and how far its learner has got. */
export interface TrainingPlan {
  employeeId: number;
  course: DemoCourse;
  state: TrainingState;
  reason: AssignmentReason;
  /** The programme that made it: a rule-made assignment has one, a manager's has none. */
  programId: number | null;
  assignedById: number | null;
  lessonsDone: number;
  /** A failed attempt before the pass. */
  failedFirst: boolean;
  /** Vary passing scores a little: one question wrong. */
  oneWrong: boolean;
}

/** Overdue work is stored as ASSIGNED or IN_PROGRESS (half of it started): OVERDUE is derived. */
export function storedStatus(plan: TrainingPlan, index: number): StoredAssignmentStatus {
  switch (plan.state) {
    case 'completed':
      return AssignmentStatus.COMPLETED;
    case 'inProgress':
      return AssignmentStatus.IN_PROGRESS;
    case 'notStarted':
      return AssignmentStatus.ASSIGNED;
    case 'overdue':
      return plan.lessonsDone > 0 && index % 2 === 0 ? AssignmentStatus.IN_PROGRESS : AssignmentStatus.ASSIGNED;
  }
}

/**
 * Who takes what, and how far they got: states rotate through people and courses so each
 * store and each course has some of every state. employee@example.com gets a fixed
 * showcase: a completed course, a quiz ready to take, and an overdue manual assignment.
 */
export function planTraining(people: DemoPerson[], courses: Map<string, DemoCourse>): TrainingPlan[] {
  const managerId = people.find((p) => p.email === 'manager@example.com')?.id ?? null;
  const plans: TrainingPlan[] = [];
  people.forEach((person, i) => {
    const codes = [...FOUNDATION_COURSES, ...(person.jobRole === 'LP_OFFICER' ? OFFICER_COURSES : [])];
    const own = codes.map((code, j): TrainingPlan => {
      const course = courses.get(code)!;
      return {
        employeeId: person.id,
        course,
        state: STATES[(i + j) % STATES.length],
        reason:
          (course.programId === null ? undefined : person.reasonAtHire.get(course.programId)) ?? AssignmentReason.RULE,
        programId: course.programId,
        assignedById: null,
        lessonsDone: 1 + ((i + j) % (course.lessonIds.length - 1)),
        failedFirst: (i + j) % 3 === 0,
        oneWrong: i % 2 === 0,
      };
    });
    if (person.email === 'employee@example.com') {
      Object.assign(
        own.find((p) => p.course.code === 'LP-BASICS')!,
        { state: 'completed', failedFirst: true },
      );
      const theft = own.find((p) => p.course.code === 'LP-THEFT')!;
      Object.assign(theft, { state: 'inProgress', lessonsDone: theft.course.lessonIds.length });
      own.push({
        employeeId: person.id,
        course: courses.get('LP-LAW')!,
        state: 'overdue',
        reason: AssignmentReason.MANUAL,
        programId: null,
        assignedById: managerId,
        lessonsDone: 0,
        failedFirst: false,
        oneWrong: false,
      });
    }
    plans.push(...own);
  });
  return plans;
}
