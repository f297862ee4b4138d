import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ComplianceTrendPoint', {
  description:
    'One UTC day of a programme’s compliance (the day’s last snapshot). Assignment figures are the stores’, whatever the programme',
})
export class ComplianceTrendPointObject {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  certified!: number;

  @Field(() => Int)
  expiringSoon!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => Float, { description: 'certified / required, one decimal; 100 when nobody is required' })
  compliancePercent!: number;

  @Field(() => Int, { description: 'ASSIGNED or IN_PROGRESS' })
  openAssignments!: number;

  @Field(() => Int)
  completedAssignments!: number;

  @Field(() => Int)
  overdueAssignments!: number;
}
