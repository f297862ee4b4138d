import type { QuestionType } from './entities/question-type';

/** The teachable part of a course version, as authored or loaded from a curriculum file. */
export interface LessonContent {
  title: string;
  body: string;
  mediaUrl: string | null;
}

export interface OptionContent {
  text: string;
  correct: boolean;
}

export interface QuestionContent {
  type: QuestionType;
  prompt: string;
  explanation: string;
  options: OptionContent[];
}

export interface QuizContent {
  passingScorePercent: number;
  maxAttempts: number;
  timeLimitMinutes: number | null;
  questionsPerAttempt: number;
  shuffle: boolean;
}

export interface CourseContent {
  lessons: LessonContent[];
  questions: QuestionContent[];
  quiz: QuizContent;
}

/** Catalogue details, edited in place rather than versioned. */
export interface CourseDetails {
  code: string;
  title: string;
  summary: string;
  category: string;
  estimatedMinutes: number;
}

/**
 * A serialisation with a fixed field order, so two contents compare equal exactly when
 * they teach and test the same thing, wherever they were read from.
 */
export function canonicalContent(content: CourseContent): string {
  const { passingScorePercent, maxAttempts, timeLimitMinutes, questionsPerAttempt, shuffle } = content.quiz;
  return JSON.stringify({
    lessons: content.lessons.map((l) => [l.title, l.body, l.mediaUrl]),
    questions: content.questions.map((q) => [
      q.type,
      q.prompt,
      q.explanation,
      q.options.map((o) => [o.text, o.correct]),
    ]),
    quiz: [passingScorePercent, maxAttempts, timeLimitMinutes, questionsPerAttempt, shuffle],
  });
}

/** The fields a partial update really sets: left-out (undefined) ones dropped, explicit nulls kept. */
export function givenFields<T extends object>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
