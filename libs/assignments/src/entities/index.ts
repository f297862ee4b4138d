import { AssignmentEntity } from './assignment.entity';

export * from './assignment.entity';

export const assignmentEntities = [AssignmentEntity];
