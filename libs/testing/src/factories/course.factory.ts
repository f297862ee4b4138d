import type { DataSource } from 'typeorm';
import {
  CourseEntity,
  CourseVersionEntity,
  CourseVersionStatus,
  LessonEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuestionType,
  type QuizContent,
} from '@lp/learning';
import { nextSequence } from './sequence';

export interface BuiltCourse {
  course: CourseEntity;
  version: CourseVersionEntity;
  lessons: LessonEntity[];
  questions: { id: number; rightOptionId: number; wrongOptionId: number }[];
}

export interface CourseOverrides {
  code?: string;
  category?: string;
  lessons?: number;
  questions?: number;
  quiz?: Partial<QuizContent>;
}

/**
 * A published course (version 1) of single-choice questions, each with one right and one
 * wrong option, so tests can answer right or wrong at will.
 */
export async function buildCourse(dataSource: DataSource, overrides: CourseOverrides = {}): Promise<BuiltCourse> {
  const n = nextSequence();
  return dataSource.transaction(async (manager) => {
    const course = await manager.save(
      manager.create(CourseEntity, {
        code: overrides.code ?? `C-${n}`,
        title: `Course ${n}`,
        summary: `What course ${n} teaches`,
        category: overrides.category ?? 'BASICS',
        estimatedMinutes: 30,
        currentVersionId: null,
        draftVersionId: null,
        curriculumHash: null,
      }),
    );
    const questionCount = overrides.questions ?? 4;
    const version = await manager.save(
      manager.create(CourseVersionEntity, {
        courseId: course.id,
        number: 1,
        status: CourseVersionStatus.PUBLISHED,
        publishedAt: new Date(),
        publishedById: null,
        quiz: {
          passingScorePercent: 75,
          maxAttempts: 3,
          timeLimitMinutes: 20,
          questionsPerAttempt: questionCount,
          shuffle: true,
          ...overrides.quiz,
        },
      }),
    );
    await manager.update(CourseEntity, { id: course.id }, { currentVersionId: version.id });
    course.currentVersionId = version.id;
    const lessons = await manager.save(
      Array.from({ length: overrides.lessons ?? 2 }, (_, i) =>
        manager.create(LessonEntity, {
          courseVersionId: version.id,
          position: i + 1,
          title: `Lesson ${i + 1}`,
          body: `# Lesson ${i + 1}\n\nWhat to know.`,
          mediaUrl: null,
        }),
      ),
    );
    const questions: BuiltCourse['questions'] = [];
    for (let i = 1; i <= questionCount; i++) {
      const question = await manager.save(
        manager.create(QuestionEntity, {
          courseVersionId: version.id,
          position: i,
          type: QuestionType.SINGLE_CHOICE,
          prompt: `Question ${i}?`,
          explanation: `Because of ${i}.`,
        }),
      );
      const [right, wrong] = await manager.save([
        manager.create(QuestionOptionEntity, {
          questionId: question.id,
          position: 1,
          text: `Right ${i}`,
          correct: true,
        }),
        manager.create(QuestionOptionEntity, {
          questionId: question.id,
          position: 2,
          text: `Wrong ${i}`,
          correct: false,
        }),
      ]);
      questions.push({ id: question.id, rightOptionId: right.id, wrongOptionId: wrong.id });
    }
    return { course, version, lessons, questions };
  });
}
