import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { OrganisationModule } from '@lp/organisation';
import { assignmentEntities } from './entities';
import { AssignmentCancellation } from './services/assignment-cancellation';
import { AssignmentCompletion } from './services/assignment-completion';
import { AssignmentRescheduling } from './services/assignment-rescheduling';
import { AssignmentService } from './services/assignment.service';
import { AssignCourse } from './use-cases/assign-course';
import { CancelAssignment } from './use-cases/cancel-assignment';
import { ChangeAssignmentDueDate } from './use-cases/change-assignment-due-date';
import { ListAssignments } from './use-cases/list-assignments';

const services = [
  AssignCourse,
  AssignmentCancellation,
  AssignmentCompletion,
  AssignmentRescheduling,
  AssignmentService,
  CancelAssignment,
  ChangeAssignmentDueDate,
  ListAssignments,
];

@Module({
  imports: [TypeOrmModule.forFeature(assignmentEntities), AuditModule, OrganisationModule],
  providers: services,
  exports: services,
})
export class AssignmentsModule {}
