import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lp/assignments';
import { LearningApiModule } from '../learning/learning-api.module';
import { AssignmentResolver } from './assignment.resolver';

@Module({
  imports: [AssignmentsModule, LearningApiModule],
  providers: [AssignmentResolver],
})
export class AssignmentsApiModule {}
