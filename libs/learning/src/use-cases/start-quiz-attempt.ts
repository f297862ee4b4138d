import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AssignmentEntity, AssignmentService, AssignmentStatus } from '@lp/assignments';
import { Clock, ConflictError } from '@lp/core';
import { type CourseVersionEntity, type QuestionType, QuizAttemptEntity, QuizAttemptQuestionEntity } from '../entities';
import { type BankQuestion, drawQuestions } from '../rules/quiz-draw';
import { expiryOf, isPastTimeLimit } from '../rules/time-limit';
import { AttemptPapers, type PaperQuestion } from '../services/attempt-papers';
import { versionTaken } from '../services/version-taken';

export interface StartedAttempt {
  attempt: QuizAttemptEntity;
  questions: PaperQuestion[];
  attemptsRemaining: number;
}

/**
 * Starts a quiz attempt on the learner's own assignment, or returns the attempt still in
 * progress (a reloaded page resumes rather than burning an attempt). Every lesson of the
 * version taken must be completed first: the quiz tests what the lessons teach. Refused on
 * a cancelled or completed assignment and once maxAttempts attempts have been started
 * (an attempt left to expire counts as used).
 */
@Injectable()
export class StartQuizAttempt {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly papers: AttemptPapers,
    private readonly clock: Clock,
  ) {}

  async start(employeeId: number, assignmentId: number): Promise<StartedAttempt> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.assignments.lockOwn(manager, employeeId, assignmentId);
      this.assignments.assertNotCancelled(assignment);
      if (assignment.status === AssignmentStatus.COMPLETED) {
        throw new ConflictError(`Assignment ${assignmentId} is already completed`);
      }
      const version = await versionTaken(manager, assignment);
      await this.assertLessonsDone(manager, assignment, version);

      const attempts = await manager.find(QuizAttemptEntity, { where: { assignmentId }, order: { number: 'ASC' } });
      const remaining = (used: number) => Math.max(0, version.quiz.maxAttempts - used);
      const now = this.clock.now();
      const open = attempts.find((a) => a.submittedAt === null && !isPastTimeLimit(a.expiresAt, now));
      if (open) {
        const { questions } = await this.papers.load(manager, open.id);
        return { attempt: open, questions, attemptsRemaining: remaining(attempts.length) };
      }
      if (attempts.length >= version.quiz.maxAttempts) {
        throw new ConflictError(
          `No attempts left: all ${version.quiz.maxAttempts} attempts at this quiz have been used`,
        );
      }

      const drawn = drawQuestions(
        await this.bankOf(manager, version.id),
        await this.timesSeen(manager, assignment.employeeId, version.id),
        version.quiz,
      );
      const attempt = await manager.save(
        manager.create(QuizAttemptEntity, {
          assignmentId,
          courseVersionId: version.id,
          number: attempts.length + 1,
          startedAt: now,
          expiresAt: expiryOf(now, version.quiz.timeLimitMinutes),
          submittedAt: null,
          questionCount: drawn.length,
          correctCount: null,
          scorePercent: null,
          passed: null,
        }),
      );
      await manager
        .createQueryBuilder()
        .insert()
        .into(QuizAttemptQuestionEntity)
        .values(
          drawn.map((d, index) => ({
            attemptId: attempt.id,
            position: index + 1,
            questionId: d.questionId,
            optionOrder: d.optionOrder,
            selectedOptionIds: null,
            answeredCorrectly: null,
          })),
        )
        .updateEntity(false)
        .execute();
      await this.assignments.start(manager, assignment, version.id);
      const { questions } = await this.papers.load(manager, attempt.id);
      return { attempt, questions, attemptsRemaining: remaining(attempts.length + 1) };
    });
  }

  private async assertLessonsDone(
    manager: EntityManager,
    assignment: AssignmentEntity,
    version: CourseVersionEntity,
  ): Promise<void> {
    const [counts] = (await manager.query(
      `SELECT (SELECT COUNT(*) FROM lessons WHERE course_version_id = ?) AS lessons,
              (SELECT COUNT(*) FROM lesson_progress WHERE assignment_id = ?) AS done`,
      [version.id, assignment.id],
    )) as { lessons: string | number; done: string | number }[];
    const lessons = Number(counts.lessons);
    const done = Number(counts.done);
    if (done < lessons) {
      throw new ConflictError(`Complete every lesson before the quiz: ${done} of ${lessons} done`);
    }
  }

  private async bankOf(manager: EntityManager, versionId: number): Promise<BankQuestion[]> {
    const rows = (await manager.query(
      `SELECT q.id, q.type, o.id AS option_id
         FROM questions q
    LEFT JOIN question_options o ON o.question_id = q.id
        WHERE q.course_version_id = ?
        ORDER BY q.position, o.position`,
      [versionId],
    )) as { id: number; type: QuestionType; option_id: number | null }[];
    const bank = new Map<number, BankQuestion>();
    for (const row of rows) {
      let question = bank.get(row.id);
      if (!question) {
        question = { id: row.id, type: row.type, optionIds: [] };
        bank.set(row.id, question);
      }
      if (row.option_id !== null) question.optionIds.push(row.option_id);
    }
    return [...bank.values()];
  }

  /** How often each question of the version appeared in the employee's earlier attempts (any assignment). */
  private async timesSeen(manager: EntityManager, employeeId: number, versionId: number): Promise<Map<number, number>> {
    const rows = (await manager.query(
      `SELECT aq.question_id AS id, COUNT(*) AS seen
         FROM quiz_attempt_questions aq
         JOIN quiz_attempts qa ON qa.id = aq.attempt_id
         JOIN assignments a ON a.id = qa.assignment_id
        WHERE a.employee_id = ? AND qa.course_version_id = ?
        GROUP BY aq.question_id`,
      [employeeId, versionId],
    )) as { id: number; seen: string | number }[];
    return new Map(rows.map((r) => [r.id, Number(r.seen)]));
  }
}
