import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QuestionType } from '../entities';
import type { AttemptQuestionKey } from '../rules/quiz-answers';

/** A drawn question as the learner sees it: no answer key, no explanation. */
export interface PaperQuestion {
  id: number;
  type: QuestionType;
  prompt: string;
  options: { id: number; text: string }[];
}

/** The questions drawn for an attempt, read back in the order they were shown. */
export interface AttemptPaper {
  questions: PaperQuestion[];
  keys: AttemptQuestionKey[];
  explanations: Map<number, string>;
}

interface PaperRow {
  question_id: number | null;
  option_order: number[] | string;
  type: QuestionType;
  prompt: string;
  explanation: string;
  option_id: number | null;
  text: string;
  correct: number | boolean;
}

/** What grading needs besides the paper: the version's quiz settings and the attempts used on the assignment. */
export interface GradingPaper extends AttemptPaper {
  passingScorePercent: number;
  maxAttempts: number;
  attemptsUsed: number;
}

interface GradingRow extends PaperRow {
  passing_score_percent: number;
  max_attempts: number;
  attempts_used: string | number;
}

/** Reads an attempt's paper in one query: a row per option of each drawn question, in the order shown. */
@Injectable()
export class AttemptPapers {
  async load(manager: EntityManager, attemptId: number): Promise<AttemptPaper> {
    const rows = (await manager.query(
      `SELECT aq.question_id, aq.option_order, q.type, q.prompt, q.explanation,
              o.id AS option_id, o.text, o.correct
         FROM quiz_attempt_questions aq
         JOIN questions q ON q.id = aq.question_id
    LEFT JOIN question_options o ON o.question_id = aq.question_id
        WHERE aq.attempt_id = ?
        ORDER BY aq.position`,
      [attemptId],
    )) as PaperRow[];
    return paperOf(rows);
  }

  /**
   * The paper with what grading it needs, in the same one query. The attempts are counted
   * here rather than after the grade is written: the caller holds the assignment's lock, so
   * no attempt can be started in between. Rows start from the attempt, so one without
   * questions still yields its settings.
   */
  async loadForGrading(manager: EntityManager, attemptId: number): Promise<GradingPaper> {
    const rows = (await manager.query(
      `SELECT cv.quiz_passing_score_percent AS passing_score_percent, cv.quiz_max_attempts AS max_attempts,
              (SELECT COUNT(*) FROM quiz_attempts used WHERE used.assignment_id = qa.assignment_id) AS attempts_used,
              aq.question_id, aq.option_order, q.type, q.prompt, q.explanation,
              o.id AS option_id, o.text, o.correct
         FROM quiz_attempts qa
         JOIN course_versions cv ON cv.id = qa.course_version_id
    LEFT JOIN quiz_attempt_questions aq ON aq.attempt_id = qa.id
    LEFT JOIN questions q ON q.id = aq.question_id
    LEFT JOIN question_options o ON o.question_id = aq.question_id
        WHERE qa.id = ?
        ORDER BY aq.position`,
      [attemptId],
    )) as GradingRow[];
    if (rows.length === 0) throw new Error(`Quiz attempt ${attemptId} does not exist`);
    return {
      ...paperOf(rows),
      passingScorePercent: rows[0].passing_score_percent,
      maxAttempts: rows[0].max_attempts,
      attemptsUsed: Number(rows[0].attempts_used),
    };
  }
}

function paperOf(rows: PaperRow[]): AttemptPaper {
  const drawn = new Map<
    number,
    { row: PaperRow; options: Map<number, { id: number; text: string; correct: boolean }> }
  >();
  for (const row of rows) {
    if (row.question_id === null) continue;
    let question = drawn.get(row.question_id);
    if (!question) {
      question = { row, options: new Map() };
      drawn.set(row.question_id, question);
    }
    if (row.option_id !== null)
      question.options.set(row.option_id, { id: row.option_id, text: row.text, correct: Boolean(row.correct) });
  }
  const paper: AttemptPaper = { questions: [], keys: [], explanations: new Map() };
  for (const [questionId, { row, options }] of drawn) {
    // MySQL returns JSON columns parsed, MariaDB as text.
    const optionOrder =
      typeof row.option_order === 'string' ? (JSON.parse(row.option_order) as number[]) : row.option_order;
    const shown = optionOrder.map((id) => options.get(id)!);
    paper.questions.push({
      id: questionId,
      type: row.type,
      prompt: row.prompt,
      options: shown.map((o) => ({ id: o.id, text: o.text })),
    });
    paper.keys.push({
      questionId,
      type: row.type,
      optionIds: optionOrder,
      correctOptionIds: shown.filter((o) => o.correct).map((o) => o.id),
    });
    paper.explanations.set(questionId, row.explanation);
  }
  return paper;
}
