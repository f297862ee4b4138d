import { QuestionType } from '../entities/question-type';
import { gradeAttempt } from './quiz-grading';
import type { AttemptQuestionKey } from './quiz-answers';

const single: AttemptQuestionKey = {
  questionId: 1,
  type: QuestionType.SINGLE_CHOICE,
  optionIds: [10, 11, 12],
  correctOptionIds: [11],
};
const multiple: AttemptQuestionKey = {
  questionId: 2,
  type: QuestionType.MULTIPLE_CHOICE,
  optionIds: [20, 21, 22, 23],
  correctOptionIds: [20, 22],
};
const trueFalse: AttemptQuestionKey = {
  questionId: 3,
  type: QuestionType.TRUE_FALSE,
  optionIds: [30, 31],
  correctOptionIds: [31],
};

describe('gradeAttempt', () => {
  it('counts a single-choice question right only with its correct option', () => {
    expect(gradeAttempt([single], [{ questionId: 1, optionIds: [11] }], 50).correctCount).toBe(1);
    expect(gradeAttempt([single], [{ questionId: 1, optionIds: [10] }], 50).correctCount).toBe(0);
  });

  it('counts multiple choice right only with all and only the correct options, in any order', () => {
    const grade = (optionIds: number[]) =>
      gradeAttempt([multiple], [{ questionId: 2, optionIds }], 50).questions[0].answeredCorrectly;
    expect(grade([22, 20])).toBe(true);
    expect(grade([20])).toBe(false);
    expect(grade([20, 22, 23])).toBe(false);
    expect(grade([20, 21, 22, 23])).toBe(false);
  });

  it('grades unanswered questions wrong and records them as unanswered', () => {
    const grade = gradeAttempt([single, multiple, trueFalse], [{ questionId: 3, optionIds: [31] }], 50);
    expect(grade.questions).toEqual([
      { questionId: 1, selectedOptionIds: null, answeredCorrectly: false },
      { questionId: 2, selectedOptionIds: null, answeredCorrectly: false },
      { questionId: 3, selectedOptionIds: [31], answeredCorrectly: true },
    ]);
    expect(grade).toMatchObject({ correctCount: 1, questionCount: 3, scorePercent: 33.33, passed: false });
  });

  it('passes at exactly the pass mark and fails just below it', () => {
    const questions = Array.from({ length: 10 }, (_, i) => ({ ...single, questionId: i + 1 }));
    const answers = (right: number) =>
      questions.map((q, i) => ({ questionId: q.questionId, optionIds: [i < right ? 11 : 10] }));
    expect(gradeAttempt(questions, answers(8), 80)).toMatchObject({ scorePercent: 80, passed: true });
    expect(gradeAttempt(questions, answers(7), 80)).toMatchObject({ scorePercent: 70, passed: false });
  });

  it('does not pass on floating-point rounding (2 of 3 is below 67 %)', () => {
    const questions = [1, 2, 3].map((questionId) => ({ ...single, questionId }));
    const grade = gradeAttempt(
      questions,
      [
        { questionId: 1, optionIds: [11] },
        { questionId: 2, optionIds: [11] },
      ],
      67,
    );
    expect(grade).toMatchObject({ scorePercent: 66.67, passed: false });
  });
});
