import { registerEnumType } from '@nestjs/graphql';
import { AssignmentReason, AssignmentStatus } from '@lp/assignments';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'OVERDUE: assigned or in progress, and past its due date',
});
registerEnumType(AssignmentReason, { name: 'AssignmentReason' });

export { AssignmentReason, AssignmentStatus };
