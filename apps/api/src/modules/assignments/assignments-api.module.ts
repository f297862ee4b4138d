import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lp/assignments';
import { LearningModule } from '@lp/learning';
import { LearningApiModule } from '../learning/learning-api.module';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { AssignmentManagementResolver } from './assignment-management.resolver';
import { AssignmentResolver } from './assignment.resolver';

@Module({
  imports: [AssignmentsModule, LearningModule, LearningApiModule, OrganisationApiModule],
  providers: [AssignmentManagementResolver, AssignmentResolver],
})
export class AssignmentsApiModule {}
