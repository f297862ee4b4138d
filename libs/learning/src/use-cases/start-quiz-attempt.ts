import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentService, AssignmentStatus } from '@lp/assignments';
import { Clock, ConflictError, type RawRow, retriedTransaction } from '@lp/core';
import { type QuestionType, QuizAttemptEntity, type QuizSettings } from '../entities';
import { type BankQuestion, type DrawnQuestion, drawQuestions } from '../rules/quiz-draw';
import { expiryOf, isPastTimeLimit } from '../rules/time-limit';
import { AttemptPapers, type PaperQuestion } from '../services/attempt-papers';
import { attemptRows } from '../services/quiz-attempt-row';
import { versionIdTaken } from '../services/version-taken';

export interface StartedAttempt {
  attempt: QuizAttemptEntity;
  questions: PaperQuestion[];
  attemptsRemaining: number;
}

/** The version's quiz settings, its lesson count and the assignment's progress and attempts, in one row per unsubmitted attempt. */
interface QuizStateRow extends RawRow {
  /** NULL on the one row of an assignment without unsubmitted attempts. */
  qa_id: number | null;
  quiz_passing_score_percent: number;
  quiz_max_attempts: number;
  quiz_time_limit_minutes: number | null;
  quiz_questions_per_attempt: number;
  quiz_shuffle: number | boolean;
  lessons: string | number;
  done: string | number;
  attempts_used: string | number;
}

interface BankRow {
  id: number;
  type: QuestionType;
  prompt: string;
  option_id: number | null;
  text: string | null;
  seen: string | number | null;
}

interface Bank {
  questions: BankQuestion[];
  /** How often each question appeared in the employee's earlier attempts at this version (any assignment). */
  timesSeen: Map<number, number>;
  shown: Map<number, { prompt: string; texts: Map<number, string> }>;
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
    return retriedTransaction(this.dataSource, async (manager) => {
      const assignment = await this.assignments.lockOwn(manager, employeeId, assignmentId);
      this.assignments.assertNotCancelled(assignment);
      if (assignment.status === AssignmentStatus.COMPLETED) {
        throw new ConflictError('This assignment is already completed');
      }
      const versionId = await versionIdTaken(manager, assignment);
      const state = await this.quizState(manager, assignmentId, versionId);
      const lessons = Number(state[0].lessons);
      const done = Number(state[0].done);
      if (done < lessons) {
        throw new ConflictError(`Complete every lesson before the quiz: ${done} of ${lessons} done`);
      }
      const quiz = quizOf(state[0]);
      const used = Number(state[0].attempts_used);
      const remaining = (count: number) => Math.max(0, quiz.maxAttempts - count);
      const now = this.clock.now();
      const open = state
        .filter((row) => row.qa_id !== null)
        .map((row) => attemptRows.from(manager.connection, row))
        .find((attempt) => !isPastTimeLimit(attempt.expiresAt, now));
      if (open) {
        const { questions } = await this.papers.load(manager, open.id);
        return { attempt: open, questions, attemptsRemaining: remaining(used) };
      }
      if (used >= quiz.maxAttempts) {
        throw new ConflictError(`No attempts left: all ${quiz.maxAttempts} attempts at this quiz have been used`);
      }

      const bank = await this.bankOf(manager, assignment.employeeId, versionId);
      const drawn = drawQuestions(bank.questions, bank.timesSeen, quiz);
      const attempt = Object.assign(new QuizAttemptEntity(), {
        assignmentId,
        courseVersionId: versionId,
        number: used + 1,
        startedAt: now,
        expiresAt: expiryOf(now, quiz.timeLimitMinutes),
        submittedAt: null,
        questionCount: drawn.length,
        correctCount: null,
        scorePercent: null,
        passed: null,
      });
      attempt.id = await this.insert(manager, attempt, drawn);
      await this.assignments.start(manager, assignment, versionId);
      return { attempt, questions: paperOf(drawn, bank), attemptsRemaining: remaining(used + 1) };
    });
  }

  /**
   * One statement for what deciding needs: the quiz settings and lesson count of the version,
   * the lessons done and attempts started on the assignment, and its unsubmitted attempts in
   * order (none: one row whose attempt columns are NULL). The caller holds the assignment's
   * lock, so none of it can change before the new attempt is written.
   */
  private async quizState(manager: EntityManager, assignmentId: number, versionId: number): Promise<QuizStateRow[]> {
    const rows = (await manager.query(
      `SELECT cv.quiz_passing_score_percent, cv.quiz_max_attempts, cv.quiz_time_limit_minutes,
              cv.quiz_questions_per_attempt, cv.quiz_shuffle,
              (SELECT COUNT(*) FROM lessons WHERE course_version_id = cv.id) AS lessons,
              (SELECT COUNT(*) FROM lesson_progress WHERE assignment_id = ?) AS done,
              (SELECT COUNT(*) FROM quiz_attempts WHERE assignment_id = ?) AS attempts_used,
              ${attemptRows.columns(manager.connection, 'qa')}
         FROM course_versions cv
    LEFT JOIN quiz_attempts qa ON qa.assignment_id = ? AND qa.submitted_at IS NULL
        WHERE cv.id = ?
        ORDER BY qa.number`,
      [assignmentId, assignmentId, assignmentId, versionId],
    )) as QuizStateRow[];
    if (rows.length === 0) throw new Error(`Course version ${versionId} does not exist`);
    return rows;
  }

  /** The version's question bank in authored order, with what the learner will be shown and how often they saw each. */
  private async bankOf(manager: EntityManager, employeeId: number, versionId: number): Promise<Bank> {
    const rows = (await manager.query(
      `SELECT q.id, q.type, q.prompt, o.id AS option_id, o.text, seen.times AS seen
         FROM questions q
    LEFT JOIN question_options o ON o.question_id = q.id
    LEFT JOIN (SELECT aq.question_id, COUNT(*) AS times
                 FROM quiz_attempt_questions aq
                 JOIN quiz_attempts qa ON qa.id = aq.attempt_id
                 JOIN assignments a ON a.id = qa.assignment_id
                WHERE a.employee_id = ? AND qa.course_version_id = ?
                GROUP BY aq.question_id) seen ON seen.question_id = q.id
        WHERE q.course_version_id = ?
        ORDER BY q.position, o.position`,
      [employeeId, versionId, versionId],
    )) as BankRow[];
    const bank: Bank = { questions: [], timesSeen: new Map(), shown: new Map() };
    const byId = new Map<number, BankQuestion>();
    for (const row of rows) {
      let question = byId.get(row.id);
      if (!question) {
        question = { id: row.id, type: row.type, optionIds: [] };
        byId.set(row.id, question);
        bank.questions.push(question);
        bank.shown.set(row.id, { prompt: row.prompt, texts: new Map() });
        if (row.seen !== null) bank.timesSeen.set(row.id, Number(row.seen));
      }
      if (row.option_id !== null) {
        question.optionIds.push(row.option_id);
        bank.shown.get(row.id)!.texts.set(row.option_id, row.text!);
      }
    }
    return bank;
  }

  /** Writes the attempt and its drawn questions; returns the attempt's id. */
  private async insert(manager: EntityManager, attempt: QuizAttemptEntity, drawn: DrawnQuestion[]): Promise<number> {
    const { insertId } = (await manager.query(
      `INSERT INTO quiz_attempts
              (assignment_id, course_version_id, number, started_at, expires_at, submitted_at,
               question_count, correct_count, score_percent, passed)
       VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL)`,
      [
        attempt.assignmentId,
        attempt.courseVersionId,
        attempt.number,
        attempt.startedAt,
        attempt.expiresAt,
        attempt.questionCount,
      ],
    )) as { insertId: number };
    if (drawn.length > 0) {
      await manager.query(
        `INSERT INTO quiz_attempt_questions
                (attempt_id, position, question_id, option_order, selected_option_ids, answered_correctly)
         VALUES ${drawn.map(() => '(?, ?, ?, ?, NULL, NULL)').join(', ')}`,
        drawn.flatMap((d, index) => [insertId, index + 1, d.questionId, JSON.stringify(d.optionOrder)]),
      );
    }
    return insertId;
  }
}

function quizOf(row: QuizStateRow): QuizSettings {
  return {
    passingScorePercent: row.quiz_passing_score_percent,
    maxAttempts: row.quiz_max_attempts,
    timeLimitMinutes: row.quiz_time_limit_minutes,
    questionsPerAttempt: row.quiz_questions_per_attempt,
    shuffle: Boolean(row.quiz_shuffle),
  };
}

/** The drawn questions as the learner sees them, from the bank just read: no answer key, no explanation. */
function paperOf(drawn: DrawnQuestion[], bank: Bank): PaperQuestion[] {
  const types = new Map(bank.questions.map((q) => [q.id, q.type]));
  return drawn.map((d) => {
    const shown = bank.shown.get(d.questionId)!;
    return {
      id: d.questionId,
      type: types.get(d.questionId)!,
      prompt: shown.prompt,
      options: d.optionOrder.map((id) => ({ id, text: shown.texts.get(id)! })),
    };
  });
}
