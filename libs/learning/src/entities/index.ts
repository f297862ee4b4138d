import { CourseVersionEntity } from './course-version.entity';
import { CourseEntity } from './course.entity';
import { LessonProgressEntity } from './lesson-progress.entity';
import { LessonEntity } from './lesson.entity';
import { QuestionOptionEntity } from './question-option.entity';
import { QuestionEntity } from './question.entity';
import { QuizAttemptQuestionEntity } from './quiz-attempt-question.entity';
import { QuizAttemptEntity } from './quiz-attempt.entity';

export * from './course-version-status';
export * from './course-version.entity';
export * from './course.entity';
export * from './lesson-progress.entity';
export * from './lesson.entity';
export * from './question-option.entity';
export * from './question-type';
export * from './question.entity';
export * from './quiz-attempt-question.entity';
export * from './quiz-attempt.entity';
export * from './quiz-settings';

export const learningEntities = [
  CourseEntity,
  CourseVersionEntity,
  LessonEntity,
  QuestionEntity,
  QuestionOptionEntity,
  LessonProgressEntity,
  QuizAttemptEntity,
  QuizAttemptQuestionEntity,
];
