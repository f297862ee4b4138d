import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AssignmentService, assignmentRows } from '@lp/assignments';
import { ConflictError, NotFoundError, parseJsonColumn, type RawRow } from '@lp/core';
import { attemptRows } from '../services/quiz-attempt-row';
import type { QuizResult } from './submit-quiz-attempt';

interface ReviewRow {
  question_id: number;
  prompt: string;
  explanation: string;
  selected_option_ids: unknown;
  answered_correctly: number | boolean | null;
}

/**
 * A graded attempt's result read again by its learner, from what the submission stored: for
 * one whose first answer was lost on a dropped connection. The assignment and the attempts
 * left are as they stand now.
 */
@Injectable()
export class ReadQuizResult {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
  ) {}

  /** Someone else's attempt is NOT_FOUND, exactly like one that does not exist. */
  async read(employeeId: number, attemptId: number): Promise<QuizResult> {
    const connection = this.dataSource;
    const [row] = (await connection.query(
      `SELECT ${attemptRows.columns(connection, 'qa')}, ${assignmentRows.columns(connection, 'a')},
              cv.quiz_max_attempts AS max_attempts,
              (SELECT COUNT(*) FROM quiz_attempts used WHERE used.assignment_id = qa.assignment_id) AS attempts_used
         FROM quiz_attempts qa
         JOIN assignments a ON a.id = qa.assignment_id
         JOIN course_versions cv ON cv.id = qa.course_version_id
        WHERE qa.id = ? AND a.employee_id = ?`,
      [attemptId, employeeId],
    )) as RawRow[];
    if (!row) throw new NotFoundError('QuizAttempt', attemptId);
    const attempt = attemptRows.from(connection, row);
    if (attempt.submittedAt === null) {
      throw new ConflictError(`Attempt ${attemptId} has not been submitted yet, so it has no result`);
    }
    const review = await this.review(attemptId);
    return {
      attempt,
      scorePercent: attempt.scorePercent!,
      passed: attempt.passed!,
      correctCount: attempt.correctCount!,
      questionCount: attempt.questionCount,
      attemptsRemaining: Math.max(0, Number(row.max_attempts) - Number(row.attempts_used)),
      assignment: this.assignments.view(assignmentRows.from(connection, row)),
      review,
    };
  }

  private async review(attemptId: number): Promise<QuizResult['review']> {
    const rows = (await this.dataSource.query(
      `SELECT aq.question_id, q.prompt, q.explanation, aq.selected_option_ids, aq.answered_correctly
         FROM quiz_attempt_questions aq
         JOIN questions q ON q.id = aq.question_id
        WHERE aq.attempt_id = ?
        ORDER BY aq.position`,
      [attemptId],
    )) as ReviewRow[];
    return rows.map((r) => ({
      questionId: r.question_id,
      prompt: r.prompt,
      // Null when left unanswered.
      selectedOptionIds: parseJsonColumn<number[]>(r.selected_option_ids) ?? [],
      answeredCorrectly: Boolean(r.answered_correctly),
      explanation: r.explanation,
    }));
  }
}
