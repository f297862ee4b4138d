import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AssignmentEntity,
  AssignmentService,
  AssignmentStatus,
  type AssignmentView,
  assignmentRows,
} from '@lp/assignments';
import { Clock, ConflictError, NotFoundError, type RawRow, retriedTransaction } from '@lp/core';
import type { AfterCommit } from '@lp/organisation';
import type { QuizAttemptEntity } from '../entities';
import { assertAnswersFit, type SubmittedAnswer } from '../rules/quiz-answers';
import { type Grade, gradeAttempt } from '../rules/quiz-grading';
import { isPastTimeLimit } from '../rules/time-limit';
import { AttemptPapers } from '../services/attempt-papers';
import { attemptRows } from '../services/quiz-attempt-row';

/** What the learner learns after submitting: their score and, per question, whether they were right. */
export interface QuizResult {
  attempt: QuizAttemptEntity;
  scorePercent: number;
  passed: boolean;
  correctCount: number;
  questionCount: number;
  attemptsRemaining: number;
  assignment: AssignmentView;
  review: {
    questionId: number;
    prompt: string;
    selectedOptionIds: number[];
    answeredCorrectly: boolean;
    explanation: string;
  }[];
}

/**
 * Grades an attempt on the server, once. The grade is written by an UPDATE that matches only
 * while the attempt is unsubmitted, and only a write that changed exactly that one row
 * counts; a second or racing submission gets CONFLICT and writes nothing. Passing completes
 * the assignment (and runs the completion hooks, e.g. certification) in the same
 * transaction as the grade. Those hooks write rows other learners' completions share (the
 * programme's certificate number, reminders the sweep is queueing), and InnoDB may break a
 * race on them as a deadlock, rolling the whole submission back: it is then run again.
 */
@Injectable()
export class SubmitQuizAttempt {
  private readonly logger = new Logger(SubmitQuizAttempt.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly papers: AttemptPapers,
    private readonly clock: Clock,
  ) {}

  async submit(employeeId: number, attemptId: number, answers: SubmittedAnswer[]): Promise<QuizResult> {
    const { result, afterCommit } = await retriedTransaction(this.dataSource, (manager) =>
      this.submission(manager, employeeId, attemptId, answers),
    );
    for (const action of afterCommit) {
      await action().catch((error: unknown) => this.logger.error({ err: error }, 'After-commit action failed'));
    }
    return result;
  }

  /** The submission, in its transaction; what is to run once it has committed comes back with the result. */
  private async submission(
    manager: EntityManager,
    employeeId: number,
    attemptId: number,
    answers: SubmittedAnswer[],
  ): Promise<{ result: QuizResult; afterCommit: AfterCommit[] }> {
    const afterCommit: AfterCommit[] = [];
    const holderStoreId = await this.takeTurn(manager, employeeId);
    const { attempt, assignment } = await this.lockOwnAttempt(manager, employeeId, attemptId);
    if (attempt.submittedAt !== null) throw new ConflictError(`Attempt ${attemptId} has already been submitted`);
    this.assignments.assertNotCancelled(assignment);
    const now = this.clock.now();
    if (isPastTimeLimit(attempt.expiresAt, now)) {
      throw new ConflictError(`The time limit of attempt ${attemptId} ended at ${attempt.expiresAt!.toISOString()}`);
    }

    const paper = await this.papers.loadForGrading(manager, attemptId);
    assertAnswersFit(answers, paper.keys);
    const grade = gradeAttempt(paper.keys, answers, paper.passingScorePercent);
    await this.recordGrade(manager, attempt, grade, now);

    if (grade.passed && assignment.status !== AssignmentStatus.COMPLETED) {
      afterCommit.push(...(await this.assignments.complete(manager, assignment, employeeId, holderStoreId)));
    }
    const result: QuizResult = {
      attempt,
      scorePercent: grade.scorePercent,
      passed: grade.passed,
      correctCount: grade.correctCount,
      questionCount: grade.questionCount,
      attemptsRemaining: Math.max(0, paper.maxAttempts - paper.attemptsUsed),
      assignment: this.assignments.view(assignment),
      review: grade.questions.map((g, index) => ({
        questionId: g.questionId,
        prompt: paper.questions[index].prompt,
        selectedOptionIds: g.selectedOptionIds ?? [],
        answeredCorrectly: g.answeredCorrectly,
        explanation: paper.explanations.get(g.questionId)!,
      })),
    };
    return { result, afterCommit };
  }

  /**
   * One submission of a learner at a time, taken before anything is read: a completion's
   * hooks then see every completion that committed before it. Without it, passing the last
   * two courses of a programme at the same moment issued no certificate, as each
   * transaction's snapshot still showed the other course open. Answers the learner's store,
   * which a completion records.
   */
  private async takeTurn(manager: EntityManager, employeeId: number): Promise<number> {
    const [{ store_id: storeId }] = (await manager.query('SELECT store_id FROM employees WHERE id = ? FOR UPDATE', [
      employeeId,
    ])) as { store_id: number }[];
    return storeId;
  }

  /**
   * Locks the attempt and its assignment in one statement. Someone else's attempt is
   * NOT_FOUND, exactly like one that does not exist. Only submissions lock attempt rows, and
   * they already take turns per learner, so locking the attempt before the assignment cannot
   * deadlock with starting an attempt (which locks the assignment, then inserts).
   */
  private async lockOwnAttempt(
    manager: EntityManager,
    employeeId: number,
    attemptId: number,
  ): Promise<{ attempt: QuizAttemptEntity; assignment: AssignmentEntity }> {
    const [row] = (await manager.query(
      `SELECT ${attemptRows.columns(manager.connection, 'qa')}, ${assignmentRows.columns(manager.connection, 'a')}
         FROM quiz_attempts qa
         JOIN assignments a ON a.id = qa.assignment_id
        WHERE qa.id = ? AND a.employee_id = ?
          FOR UPDATE`,
      [attemptId, employeeId],
    )) as RawRow[];
    if (!row) throw new NotFoundError('QuizAttempt', attemptId);
    return {
      attempt: attemptRows.from(manager.connection, row),
      assignment: assignmentRows.from(manager.connection, row),
    };
  }

  private async recordGrade(
    manager: EntityManager,
    attempt: QuizAttemptEntity,
    grade: Grade,
    now: Date,
  ): Promise<void> {
    const graded = (await manager.query(
      `UPDATE quiz_attempts SET submitted_at = ?, correct_count = ?, score_percent = ?, passed = ?
        WHERE id = ? AND submitted_at IS NULL`,
      [now, grade.correctCount, grade.scorePercent, grade.passed, attempt.id],
    )) as { affectedRows: number };
    if (graded.affectedRows !== 1) throw new ConflictError(`Attempt ${attempt.id} has already been submitted`);
    Object.assign(attempt, {
      submittedAt: now,
      correctCount: grade.correctCount,
      scorePercent: grade.scorePercent,
      passed: grade.passed,
    });
    if (grade.questions.length === 0) return;
    const cases = grade.questions.map(() => 'WHEN ? THEN ?').join(' ');
    await manager.query(
      `UPDATE quiz_attempt_questions
          SET selected_option_ids = CASE question_id ${cases} END,
              answered_correctly = CASE question_id ${cases} END
        WHERE attempt_id = ?`,
      [
        ...grade.questions.flatMap((g) => [
          g.questionId,
          g.selectedOptionIds === null ? null : JSON.stringify(g.selectedOptionIds),
        ]),
        ...grade.questions.flatMap((g) => [g.questionId, g.answeredCorrectly]),
        attempt.id,
      ],
    );
  }
}
