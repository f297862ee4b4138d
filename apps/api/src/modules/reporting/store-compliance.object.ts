import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';
import { CertificationProgramObject } from '../certification/certification-program.object';
import { StoreObject } from '../organisation/store.object';

@ObjectType('ProgramCompliance', { description: 'One programme that applies to a store’s people' })
export class ProgramComplianceObject {
  @Field(() => CertificationProgramObject)
  program!: { id: number };

  @Field(() => Int, { description: 'Active employees in the programme’s audience' })
  required!: number;

  @Field(() => Int, { description: 'Of those, current certification ACTIVE or EXPIRING' })
  certified!: number;

  @Field(() => Int, { description: 'Of the certified, inside the recertification window (EXPIRING)' })
  expiringSoon!: number;

  @Field(() => Int, { description: 'Current certification EXPIRED' })
  expired!: number;

  @Field(() => Int, { description: 'No current certification, or a revoked one' })
  missing!: number;

  @Field(() => Float, { description: 'certified / required, one decimal; 100 when nobody is required' })
  compliancePercent!: number;
}

@ObjectType('StoreCompliance')
export class StoreComplianceObject {
  @Field(() => StoreObject)
  store!: StoreObject;

  @Field(() => Int, { description: 'Active employees' })
  headcount!: number;

  @Field(() => Int, { description: 'Summed over the programmes that apply (or the one asked for)' })
  required!: number;

  @Field(() => Int)
  certified!: number;

  @Field(() => Int)
  expiringSoon!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => Float, { description: 'certified / required over those programmes; 100 when nobody is required' })
  compliancePercent!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Completed / all not-cancelled assignments of active employees; null when there are none',
  })
  completionRatePercent!: number | null;

  @Field(() => Int, { description: 'Open assignments past their due date' })
  overdueAssignments!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average score of quiz attempts submitted in the last 90 days; null when there were none',
  })
  averageQuizScorePercent!: number | null;

  @Field(() => [ProgramComplianceObject])
  programs!: ProgramComplianceObject[];
}

@ObjectType()
export class StoreComplianceConnection extends ConnectionType(StoreComplianceObject, 'StoreCompliance') {}
