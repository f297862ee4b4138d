import { QuestionType } from '../entities/question-type';

export interface BankQuestion {
  id: number;
  type: QuestionType;
  /** In authored order. */
  optionIds: number[];
}

export interface DrawnQuestion {
  questionId: number;
  /** Option ids in the order the learner sees them. */
  optionOrder: number[];
}

/** A source of uniform numbers in [0, 1); injectable so tests can draw deterministically. */
export type RandomSource = () => number;

function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * Picks the questions of one attempt. Like Moodle's random questions, a retry prefers
 * questions the learner has seen least (unseen first), breaking ties at random, so a second
 * attempt is not the first one again. With `shuffle`, the drawn questions and their options
 * are put in random order (true/false keeps its authored order, where "True, False" reads
 * naturally); without it, the bank's order is kept.
 */
export function drawQuestions(
  bank: readonly BankQuestion[],
  timesSeen: ReadonlyMap<number, number>,
  settings: { questionsPerAttempt: number; shuffle: boolean },
  random: RandomSource = Math.random,
): DrawnQuestion[] {
  // Shuffling first and then sorting (stably) by times seen breaks ties at random.
  const leastSeenFirst = shuffled(bank, random).sort((a, b) => (timesSeen.get(a.id) ?? 0) - (timesSeen.get(b.id) ?? 0));
  const chosen = leastSeenFirst.slice(0, settings.questionsPerAttempt);
  const ordered = settings.shuffle ? shuffled(chosen, random) : bank.filter((question) => chosen.includes(question));
  return ordered.map((question) => ({
    questionId: question.id,
    optionOrder:
      settings.shuffle && question.type !== QuestionType.TRUE_FALSE
        ? shuffled(question.optionIds, random)
        : [...question.optionIds],
  }));
}
