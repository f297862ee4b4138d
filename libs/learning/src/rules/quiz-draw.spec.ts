import fc from 'fast-check';
import { QuestionType } from '../entities/question-type';
import { type BankQuestion, drawQuestions } from './quiz-draw';

function bankOf(size: number): BankQuestion[] {
  return Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    type: i % 3 === 2 ? QuestionType.TRUE_FALSE : QuestionType.SINGLE_CHOICE,
    optionIds: i % 3 === 2 ? [100 * (i + 1), 100 * (i + 1) + 1] : [0, 1, 2, 3].map((o) => 100 * (i + 1) + o),
  }));
}

/** A deterministic generator, so property failures replay. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('drawQuestions', () => {
  it('draws the requested number of distinct bank questions, each with a permutation of its options', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.integer(),
        (size, n, shuffle, seed) => {
          const bank = bankOf(size);
          const drawn = drawQuestions(bank, new Map(), { questionsPerAttempt: n, shuffle }, seeded(seed));
          expect(drawn).toHaveLength(Math.min(n, size));
          expect(new Set(drawn.map((d) => d.questionId)).size).toBe(drawn.length);
          for (const d of drawn) {
            const question = bank.find((q) => q.id === d.questionId)!;
            expect([...d.optionOrder].sort((a, b) => a - b)).toEqual(question.optionIds);
          }
        },
      ),
    );
  });

  it('prefers questions seen least: with enough unseen questions, a retry draws only unseen ones', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const bank = bankOf(15);
        const first = drawQuestions(bank, new Map(), { questionsPerAttempt: 5, shuffle: true }, seeded(seed));
        const seen = new Map(first.map((d) => [d.questionId, 1]));
        const second = drawQuestions(bank, seen, { questionsPerAttempt: 5, shuffle: true }, seeded(seed + 1));
        expect(second.some((d) => seen.has(d.questionId))).toBe(false);
      }),
    );
  });

  it('tops up with the least-seen questions once every question has been seen', () => {
    const bank = bankOf(6);
    const seen = new Map([
      [1, 2],
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
    const drawn = drawQuestions(bank, seen, { questionsPerAttempt: 3, shuffle: true }, seeded(7));
    const ids = drawn.map((d) => d.questionId);
    expect(ids).toEqual(expect.arrayContaining([3, 4]));
    expect(ids).not.toContain(6);
  });

  it('keeps the bank order of questions and options when shuffle is off', () => {
    const bank = bankOf(8);
    const drawn = drawQuestions(bank, new Map([[2, 1]]), { questionsPerAttempt: 7, shuffle: false }, seeded(3));
    expect(drawn.map((d) => d.questionId)).toEqual([1, 3, 4, 5, 6, 7, 8]);
    for (const d of drawn) expect(d.optionOrder).toEqual(bank[d.questionId - 1].optionIds);
  });

  it('shuffles question order and options when asked, but leaves true/false as authored', () => {
    const bank = bankOf(30);
    const drawn = drawQuestions(bank, new Map(), { questionsPerAttempt: 30, shuffle: true }, seeded(11));
    expect(drawn.map((d) => d.questionId)).not.toEqual(bank.map((q) => q.id));
    const choice = drawn.filter((d) => bank[d.questionId - 1].type === QuestionType.SINGLE_CHOICE);
    expect(choice.some((d) => d.optionOrder.join() !== bank[d.questionId - 1].optionIds.join())).toBe(true);
    for (const d of drawn.filter((x) => bank[x.questionId - 1].type === QuestionType.TRUE_FALSE)) {
      expect(d.optionOrder).toEqual(bank[d.questionId - 1].optionIds);
    }
  });
});
