import { Module } from '@nestjs/common';
import { LearningModule } from '@lp/learning';
import { CourseAuthoringResolver } from './course-authoring.resolver';
import { CourseVersionResolver } from './course-version.resolver';
import { CourseResolver } from './course.resolver';
import { LearnerResolver } from './learner.resolver';
import { LearningLoaders } from './learning.loaders';
import { QuestionOptionResolver, QuestionResolver } from './question.resolver';

@Module({
  imports: [LearningModule],
  providers: [
    CourseAuthoringResolver,
    CourseResolver,
    CourseVersionResolver,
    LearnerResolver,
    LearningLoaders,
    QuestionOptionResolver,
    QuestionResolver,
  ],
  exports: [LearningLoaders],
})
export class LearningApiModule {}
