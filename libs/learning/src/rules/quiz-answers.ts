import { BadInputError } from '@lp/core';
import { QuestionType } from '../entities/question-type';

export interface SubmittedAnswer {
  questionId: number;
  optionIds: number[];
}

/** A question as drawn for the attempt, with its answer key (server side only). */
export interface AttemptQuestionKey {
  questionId: number;
  type: QuestionType;
  optionIds: number[];
  correctOptionIds: number[];
}

/**
 * Refuses answers that do not fit the attempt, naming the offending entry: questions not
 * drawn for this attempt or answered twice, options of another question, repeated options,
 * an empty option list, or several options for a one-answer question. Questions left out
 * are simply unanswered (and graded wrong); an empty list leaves them all out, as when the
 * time limit ends a quiz nobody answered, and is graded like any other.
 */
export function assertAnswersFit(answers: readonly SubmittedAnswer[], questions: readonly AttemptQuestionKey[]): void {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const answered = new Set<number>();
  answers.forEach((answer, index) => {
    const field = `answers[${index}]`;
    const question = byId.get(answer.questionId);
    if (!question) {
      throw new BadInputError(
        `${field}.questionId: question ${answer.questionId} is not part of this attempt`,
        `${field}.questionId`,
      );
    }
    if (answered.has(answer.questionId)) {
      throw new BadInputError(
        `${field}.questionId: question ${answer.questionId} is answered more than once`,
        `${field}.questionId`,
      );
    }
    answered.add(answer.questionId);
    const optionsField = `${field}.optionIds`;
    if (answer.optionIds.length === 0) {
      throw new BadInputError(`${optionsField}: choose at least one option (or leave the question out)`, optionsField);
    }
    if (new Set(answer.optionIds).size !== answer.optionIds.length) {
      throw new BadInputError(`${optionsField}: an option is listed more than once`, optionsField);
    }
    const foreign = answer.optionIds.find((id) => !question.optionIds.includes(id));
    if (foreign !== undefined) {
      throw new BadInputError(
        `${optionsField}: option ${foreign} is not an option of question ${answer.questionId}`,
        optionsField,
      );
    }
    if (question.type !== QuestionType.MULTIPLE_CHOICE && answer.optionIds.length > 1) {
      throw new BadInputError(`${optionsField}: question ${answer.questionId} takes exactly one option`, optionsField);
    }
  });
}
