import type { AttemptQuestionKey, SubmittedAnswer } from './quiz-answers';

export interface GradedQuestion {
  questionId: number;
  /** Null when the question was left unanswered. */
  selectedOptionIds: number[] | null;
  answeredCorrectly: boolean;
}

export interface Grade {
  questions: GradedQuestion[];
  correctCount: number;
  questionCount: number;
  /** Rounded to two decimals, for display and reports. */
  scorePercent: number;
  passed: boolean;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * Grades an attempt on the server. A question counts only when the chosen options are
 * exactly the correct ones: for multiple choice, all of them and nothing else (no partial
 * credit, so ticking every box never pays). The pass mark is compared in integers, so
 * 8 of 10 against 80 % passes without floating-point doubt.
 */
export function gradeAttempt(
  questions: readonly AttemptQuestionKey[],
  answers: readonly SubmittedAnswer[],
  passingScorePercent: number,
): Grade {
  const chosen = new Map(answers.map((a) => [a.questionId, a.optionIds]));
  const graded = questions.map((question): GradedQuestion => {
    const selected = chosen.get(question.questionId) ?? null;
    return {
      questionId: question.questionId,
      selectedOptionIds: selected,
      answeredCorrectly: selected !== null && sameSet(selected, question.correctOptionIds),
    };
  });
  const correctCount = graded.filter((g) => g.answeredCorrectly).length;
  const questionCount = questions.length;
  return {
    questions: graded,
    correctCount,
    questionCount,
    scorePercent: questionCount === 0 ? 0 : Math.round((correctCount * 10_000) / questionCount) / 100,
    passed: questionCount > 0 && correctCount * 100 >= passingScorePercent * questionCount,
  };
}
