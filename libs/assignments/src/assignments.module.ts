import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { assignmentEntities } from './entities';
import { AssignmentCompletion } from './services/assignment-completion';
import { AssignmentService } from './services/assignment.service';

const services = [AssignmentCompletion, AssignmentService];

@Module({
  imports: [TypeOrmModule.forFeature(assignmentEntities), AuditModule],
  providers: services,
  exports: services,
})
export class AssignmentsModule {}
