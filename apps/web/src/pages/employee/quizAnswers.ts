/** The options a learner has chosen, by question id. */
export type Answers = Record<string, string[]>;

const keyOf = (attemptId: string) => `lp-academy.quiz-answers.${attemptId}`;

/**
 * The answers chosen so far in an attempt, kept in this tab until it is graded: the server
 * resumes an attempt in progress, so after a reload, a phone that dropped the tab, or signing
 * in again when the session ended, the learner gets back what they had chosen too. Only
 * questions and options of the attempt are read back.
 */
export function restoreAnswers(attempt: {
  id: string;
  questions: { id: string; options: { id: string }[] }[];
}): Answers {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(keyOf(attempt.id)) ?? '{}');
  } catch {
    return {};
  }
  const answers: Answers = {};
  for (const question of attempt.questions) {
    const chosen = (stored as Record<string, unknown> | null)?.[question.id];
    if (!Array.isArray(chosen)) continue;
    answers[question.id] = question.options.map((o) => o.id).filter((id) => chosen.includes(id));
  }
  return answers;
}

export function keepAnswers(attemptId: string, answers: Answers): void {
  sessionStorage.setItem(keyOf(attemptId), JSON.stringify(answers));
}

export function forgetAnswers(attemptId: string): void {
  sessionStorage.removeItem(keyOf(attemptId));
}
