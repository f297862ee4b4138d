import { BadInputError } from '@lp/core';
import { QuestionType } from '../entities/question-type';
import { assertAnswersFit, type AttemptQuestionKey, type SubmittedAnswer } from './quiz-answers';

const questions: AttemptQuestionKey[] = [
  { questionId: 1, type: QuestionType.SINGLE_CHOICE, optionIds: [10, 11], correctOptionIds: [11] },
  { questionId: 2, type: QuestionType.MULTIPLE_CHOICE, optionIds: [20, 21, 22], correctOptionIds: [20, 21] },
];

function problem(answers: SubmittedAnswer[]): { message: string; field: unknown } {
  try {
    assertAnswersFit(answers, questions);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return { message: (error as BadInputError).message, field: (error as BadInputError).details.field };
  }
  throw new Error('expected the answers to be refused');
}

describe('assertAnswersFit', () => {
  it('accepts answers to none, some or all of the drawn questions', () => {
    expect(() => assertAnswersFit([], questions)).not.toThrow();
    expect(() => assertAnswersFit([{ questionId: 2, optionIds: [20, 21] }], questions)).not.toThrow();
    expect(() =>
      assertAnswersFit(
        [
          { questionId: 1, optionIds: [10] },
          { questionId: 2, optionIds: [22] },
        ],
        questions,
      ),
    ).not.toThrow();
  });

  it('refuses a question that was not drawn for the attempt', () => {
    expect(problem([{ questionId: 9, optionIds: [10] }]).field).toBe('answers[0].questionId');
  });

  it('refuses a question answered twice', () => {
    const refused = problem([
      { questionId: 1, optionIds: [10] },
      { questionId: 1, optionIds: [11] },
    ]);
    expect(refused).toEqual({
      message: 'answers[1].questionId: question 1 is answered more than once',
      field: 'answers[1].questionId',
    });
  });

  it('refuses an option of another question', () => {
    expect(problem([{ questionId: 1, optionIds: [20] }]).message).toBe(
      'answers[0].optionIds: option 20 is not an option of question 1',
    );
  });

  it('refuses repeated options, empty option lists and two options for a one-answer question', () => {
    expect(problem([{ questionId: 2, optionIds: [20, 20] }]).field).toBe('answers[0].optionIds');
    expect(problem([{ questionId: 2, optionIds: [] }]).field).toBe('answers[0].optionIds');
    expect(problem([{ questionId: 1, optionIds: [10, 11] }]).message).toBe(
      'answers[0].optionIds: question 1 takes exactly one option',
    );
  });
});
