import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AssignmentReason, AssignmentStatus } from './assignment.enums';

@ObjectType('Assignment', { description: 'One employee must complete one course by a due date' })
export class AssignmentObject {
  @Field(() => ID)
  id!: number;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field()
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => AssignmentReason)
  reason!: AssignmentReason;

  @Field({ description: 'When it was assigned' })
  createdAt!: Date;

  employeeId!: number;
  courseId!: number;
  courseVersionId!: number | null;
}
