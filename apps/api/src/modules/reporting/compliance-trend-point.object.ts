import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CertificationFiguresObject } from './certification-figures.object';

@ObjectType('ComplianceTrendPoint', {
  description:
    'One UTC day of a programme’s compliance (the day’s last snapshot). Assignment figures are the stores’, whatever the programme',
})
export class ComplianceTrendPointObject extends CertificationFiguresObject {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD' })
  day!: string;

  @Field(() => Int, { description: 'ASSIGNED or IN_PROGRESS' })
  openAssignments!: number;

  @Field(() => Int)
  completedAssignments!: number;

  @Field(() => Int)
  overdueAssignments!: number;
}
