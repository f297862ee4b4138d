import type { CourseContent, QuestionContent } from '../course-content';
import { QuestionType } from '../entities/question-type';
import { publishProblems } from './publish-rules';

const quiz = { passingScorePercent: 80, maxAttempts: 3, timeLimitMinutes: null, questionsPerAttempt: 1, shuffle: true };
const lesson = { title: 'Shrink', body: 'What shrink is.', mediaUrl: null };

function question(type: QuestionType, correct: boolean[]): QuestionContent {
  return {
    type,
    prompt: 'Which?',
    explanation: 'Because.',
    options: correct.map((c, i) => ({ text: `Option ${i}`, correct: c })),
  };
}

function content(overrides: Partial<CourseContent>): CourseContent {
  return { lessons: [lesson], questions: [question(QuestionType.SINGLE_CHOICE, [true, false])], quiz, ...overrides };
}

describe('publishProblems', () => {
  it('finds nothing wrong with a complete course', () => {
    expect(
      publishProblems(
        content({
          questions: [
            question(QuestionType.SINGLE_CHOICE, [false, true, false]),
            question(QuestionType.MULTIPLE_CHOICE, [true, true, false]),
            question(QuestionType.TRUE_FALSE, [false, true]),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('needs a lesson', () => {
    expect(publishProblems(content({ lessons: [] }))).toEqual([
      { path: 'lessons', message: 'a course needs at least one lesson' },
    ]);
  });

  it('needs at least as many questions as an attempt draws', () => {
    expect(publishProblems(content({ quiz: { ...quiz, questionsPerAttempt: 3 } }))).toEqual([
      {
        path: 'quiz.questionsPerAttempt',
        message: 'the quiz draws 3 questions per attempt but the bank has 1',
      },
    ]);
  });

  it.each([
    [QuestionType.SINGLE_CHOICE, [false, false], 'no option is marked correct'],
    [QuestionType.MULTIPLE_CHOICE, [false, false, false], 'no option is marked correct'],
    [
      QuestionType.SINGLE_CHOICE,
      [true, true, false],
      'a single-choice question needs exactly one correct option; it has 2',
    ],
    [QuestionType.TRUE_FALSE, [true, true], 'a true/false question needs exactly one correct option; it has 2'],
    [QuestionType.TRUE_FALSE, [true, false, false], 'a true/false question needs exactly 2 options; it has 3'],
    [QuestionType.MULTIPLE_CHOICE, [true], 'a question needs at least 2 options; it has 1'],
    [
      QuestionType.MULTIPLE_CHOICE,
      [true, true, true],
      'every option is marked correct, so ticking every box answers it; mark at least one option wrong',
    ],
  ])('refuses a %s question answered %j: %s', (type, correct, message) => {
    const problems = publishProblems(content({ questions: [question(type, correct)] }));
    expect(problems).toContainEqual({ path: 'questions[0].options', message });
  });

  it('refuses two options with the same text', () => {
    const duplicated = question(QuestionType.SINGLE_CHOICE, [true, false]);
    duplicated.options[1].text = ' option 0 ';
    expect(publishProblems(content({ questions: [duplicated] }))).toEqual([
      { path: 'questions[0].options', message: 'two options have the same text' },
    ]);
  });
});
