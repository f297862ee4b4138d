import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '@lp/assignments';
import { AuditModule } from '@lp/audit';
import { CurriculumSeeder } from './curriculum/curriculum-seeder';
import { learningEntities } from './entities';
import { AttemptPapers } from './services/attempt-papers';
import { CourseCatalog } from './services/course-catalog.service';
import { CourseDrafts } from './services/course-drafts';
import { LearnerAssignments } from './services/learner-assignments.service';
import { LearnerProgress } from './services/learner-progress.service';
import { VersionContent } from './services/version-content';
import { CourseAuthoring } from './use-cases/author-course';
import { LessonAuthoring } from './use-cases/author-lessons';
import { QuestionAuthoring } from './use-cases/author-questions';
import { CompleteLesson } from './use-cases/complete-lesson';
import { PublishCourse } from './use-cases/publish-course';
import { ReadQuizResult } from './use-cases/read-quiz-result';
import { StartQuizAttempt } from './use-cases/start-quiz-attempt';
import { SubmitQuizAttempt } from './use-cases/submit-quiz-attempt';

const exported = [
  CourseCatalog,
  LearnerProgress,
  LearnerAssignments,
  CourseAuthoring,
  LessonAuthoring,
  QuestionAuthoring,
  PublishCourse,
  CompleteLesson,
  StartQuizAttempt,
  SubmitQuizAttempt,
  ReadQuizResult,
  CurriculumSeeder,
];

@Module({
  imports: [TypeOrmModule.forFeature(learningEntities), AuditModule, AssignmentsModule],
  providers: [...exported, AttemptPapers, CourseDrafts, VersionContent],
  exports: exported,
})
export class LearningModule {}
