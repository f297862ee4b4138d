import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AssignmentEntity, type AssignmentReason, AssignmentStatus, openKeyFor } from '@lp/assignments';
import { CertificationProgramEntity, reasonAtHireSql } from '@lp/certification';
import { Clock, cliCommand } from '@lp/core';
import {
  type AttemptQuestionKey,
  CourseEntity,
  CourseVersionEntity,
  gradeAttempt,
  LessonEntity,
  LessonProgressEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizAttemptEntity,
  QuizAttemptQuestionEntity,
} from '@lp/learning';
import { EmployeeEntity, JobRoleEntity } from '@lp/organisation';
import {
  type DemoCourse,
  type DemoPerson,
  FOUNDATION_COURSES,
  OFFICER_COURSES,
  planTraining,
  storedStatus,
  type TrainingPlan,
} from './demo-training-plan';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Gives the demo chain's people the curriculum in every state — not started, in progress,
 * completed (with a passed attempt, sometimes after a failed one) and overdue — so every
 * screen and report has something to show. employee@example.com always has a quiz ready to
 * take. Rows are planned in memory and written with one multi-row insert per table.
 */
@Injectable()
export class DemoLearning {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<number> {
    const courses = await this.courses(manager);
    const rows = await manager
      .createQueryBuilder(EmployeeEntity, 'e')
      .innerJoin(JobRoleEntity, 'j', 'j.id = e.job_role_id')
      .select(['e.id AS id', 'e.email AS email', 'j.code AS jobRole'])
      .orderBy('e.id')
      .getRawMany<Omit<DemoPerson, 'reasonAtHire'>>();
    const reasons = await this.reasonsAtHire(manager);
    const people = rows.map((row) => ({ ...row, reasonAtHire: reasons.get(Number(row.id)) ?? new Map() }));
    const plans = planTraining(people, courses);
    await this.write(manager, plans);
    return plans.length;
  }

  /**
   * The demo's programme work is what the audience rules gave each person at hire: what that
   * said of itself, by the rule the live hires follow, per person and programme.
   */
  private async reasonsAtHire(manager: EntityManager): Promise<Map<number, Map<number, AssignmentReason>>> {
    const zones = (await manager.query('SELECT DISTINCT timezone FROM stores')) as { timezone: string }[];
    const reason = reasonAtHireSql(
      this.clock.now(),
      zones.map((row) => row.timezone),
    );
    const rows = (await manager.query(
      `SELECT e.id AS employee_id, p.id AS program_id, ${reason.sql} AS reason
         FROM employees e JOIN stores s ON s.id = e.store_id CROSS JOIN certification_programs p`,
      reason.params,
    )) as { employee_id: number; program_id: number; reason: AssignmentReason }[];
    const byPerson = new Map<number, Map<number, AssignmentReason>>();
    for (const row of rows) {
      const person = byPerson.get(Number(row.employee_id)) ?? new Map<number, AssignmentReason>();
      person.set(Number(row.program_id), row.reason);
      byPerson.set(Number(row.employee_id), person);
    }
    return byPerson;
  }

  private async courses(manager: EntityManager): Promise<Map<string, DemoCourse>> {
    const codes = [...FOUNDATION_COURSES, ...OFFICER_COURSES];
    const rows = await manager.findBy(CourseEntity, { code: In(codes) });
    const missing = codes.filter((code) => !rows.some((c) => c.code === code && c.currentVersionId !== null));
    if (missing.length > 0) {
      throw new Error(
        `Load the curriculum before the demo data (missing ${missing.join(', ')}): ${cliCommand('seed-curriculum')}`,
      );
    }
    const versionIds = rows.map((c) => c.currentVersionId!);
    const versions = await manager.findBy(CourseVersionEntity, { id: In(versionIds) });
    const lessons = await manager.find(LessonEntity, {
      where: { courseVersionId: In(versionIds) },
      order: { position: 'ASC' },
    });
    const questions = await manager.find(QuestionEntity, {
      where: { courseVersionId: In(versionIds) },
      order: { position: 'ASC' },
    });
    const programs = await manager.findBy(CertificationProgramEntity, { code: In(['LPF', 'LPO']) });
    const programOf = (code: string) =>
      programs.find((p) => p.code === (OFFICER_COURSES.includes(code) ? 'LPO' : 'LPF'))?.id ?? null;
    const options = await manager.find(QuestionOptionEntity, {
      where: { questionId: In(questions.map((q) => q.id)) },
      order: { position: 'ASC' },
    });
    return new Map(
      rows.map((course) => {
        const version = versions.find((v) => v.id === course.currentVersionId)!;
        const paper = questions
          .filter((q) => q.courseVersionId === version.id)
          .slice(0, version.quiz.questionsPerAttempt)
          .map((q): AttemptQuestionKey => {
            const own = options.filter((o) => o.questionId === q.id);
            return {
              questionId: q.id,
              type: q.type,
              optionIds: own.map((o) => o.id),
              correctOptionIds: own.filter((o) => o.correct).map((o) => o.id),
            };
          });
        return [
          course.code,
          {
            id: course.id,
            code: course.code,
            programId: programOf(course.code),
            versionId: version.id,
            lessonIds: lessons.filter((l) => l.courseVersionId === version.id).map((l) => l.id),
            paper,
            passingScorePercent: version.quiz.passingScorePercent,
            timeLimitMinutes: version.quiz.timeLimitMinutes,
          },
        ];
      }),
    );
  }

  private async write(manager: EntityManager, plans: TrainingPlan[]): Promise<void> {
    const now = this.clock.now().getTime();
    const at = (offset: number) => new Date(now + offset);
    await manager
      .createQueryBuilder()
      .insert()
      .into(AssignmentEntity)
      .values(
        plans.map((plan, index) => {
          const status = storedStatus(plan, index);
          const spread = (index % 10) * DAY;
          return {
            employeeId: plan.employeeId,
            courseId: plan.course.id,
            courseVersionId: status === AssignmentStatus.ASSIGNED ? null : plan.course.versionId,
            status,
            openKey: openKeyFor(status, plan.course.id),
            reason: plan.reason,
            programId: plan.programId,
            assignedById: plan.assignedById,
            createdAt: at(plan.state === 'notStarted' ? -2 * DAY : -60 * DAY + spread),
            // Open work falls due in 1, 3, 5 … 19 days, so the reminder planning finds a
            // "due tomorrow" or "due in 7 days" reminder to send on the demo's first day.
            dueAt: at(
              plan.state === 'overdue' ? -5 * DAY - spread : plan.state === 'completed' ? -20 * DAY : DAY + 2 * spread,
            ),
            completedAt: plan.state === 'completed' ? at(-30 * DAY + spread) : null,
            cancelledAt: null,
          };
        }),
      )
      .updateEntity(false)
      .execute();
    const stored = await manager.find(AssignmentEntity, {
      select: { id: true, employeeId: true, courseId: true, status: true },
    });
    const idOf = new Map(stored.map((a) => [`${a.employeeId}:${a.courseId}`, a]));

    const progress: Partial<LessonProgressEntity>[] = [];
    const attempts: { plan: TrainingPlan; assignmentId: number; number: number; passed: boolean; startedAt: Date }[] =
      [];
    for (const plan of plans) {
      const assignment = idOf.get(`${plan.employeeId}:${plan.course.id}`)!;
      if (assignment.status === AssignmentStatus.ASSIGNED) continue;
      const done = plan.state === 'completed' ? plan.course.lessonIds.length : plan.lessonsDone;
      const finished = plan.state === 'completed' ? -30 * DAY + (assignment.id % 10) * DAY : -DAY;
      plan.course.lessonIds.slice(0, done).forEach((lessonId, i) =>
        progress.push({
          assignmentId: assignment.id,
          lessonId,
          courseVersionId: plan.course.versionId,
          completedAt: at(finished - (done - i) * 30 * MINUTE),
        }),
      );
      if (plan.state !== 'completed') continue;
      if (plan.failedFirst) {
        attempts.push({ plan, assignmentId: assignment.id, number: 1, passed: false, startedAt: at(finished - DAY) });
      }
      attempts.push({
        plan,
        assignmentId: assignment.id,
        number: plan.failedFirst ? 2 : 1,
        passed: true,
        startedAt: at(finished - 20 * MINUTE),
      });
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(LessonProgressEntity)
      .values(progress)
      .updateEntity(false)
      .execute();
    await this.writeAttempts(manager, attempts);
  }

  private async writeAttempts(
    manager: EntityManager,
    attempts: { plan: TrainingPlan; assignmentId: number; number: number; passed: boolean; startedAt: Date }[],
  ): Promise<void> {
    const graded = attempts.map((attempt) => {
      const { paper, passingScorePercent } = attempt.plan.course;
      const wrongFrom = attempt.passed ? (attempt.plan.oneWrong ? paper.length - 1 : paper.length) : paper.length / 2;
      const answers = paper.map((q, i) => ({
        questionId: q.questionId,
        optionIds: i < wrongFrom ? q.correctOptionIds : [q.optionIds.find((id) => !q.correctOptionIds.includes(id))!],
      }));
      return { ...attempt, answers, grade: gradeAttempt(paper, answers, passingScorePercent) };
    });
    await manager
      .createQueryBuilder()
      .insert()
      .into(QuizAttemptEntity)
      .values(
        graded.map(({ plan, assignmentId, number, startedAt, grade }) => ({
          assignmentId,
          courseVersionId: plan.course.versionId,
          number,
          startedAt,
          expiresAt:
            plan.course.timeLimitMinutes === null
              ? null
              : new Date(startedAt.getTime() + plan.course.timeLimitMinutes * MINUTE),
          submittedAt: new Date(startedAt.getTime() + 12 * MINUTE),
          questionCount: grade.questionCount,
          correctCount: grade.correctCount,
          scorePercent: grade.scorePercent,
          passed: grade.passed,
        })),
      )
      .updateEntity(false)
      .execute();
    const stored = await manager.find(QuizAttemptEntity, { select: { id: true, assignmentId: true, number: true } });
    const attemptId = new Map(stored.map((a) => [`${a.assignmentId}:${a.number}`, a.id]));
    await manager
      .createQueryBuilder()
      .insert()
      .into(QuizAttemptQuestionEntity)
      .values(
        graded.flatMap(({ plan, assignmentId, number, grade }) =>
          grade.questions.map((g, i) => ({
            attemptId: attemptId.get(`${assignmentId}:${number}`)!,
            position: i + 1,
            questionId: g.questionId,
            optionOrder: plan.course.paper[i].optionIds,
            selectedOptionIds: g.selectedOptionIds,
            answeredCorrectly: g.answeredCorrectly,
          })),
        ),
      )
      .updateEntity(false)
      .execute();
  }
}
