import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';
import { CertificationProgramObject } from '../certification/certification-program.object';
import { StoreObject } from '../organisation/store.object';
import { CertificationFiguresObject } from './certification-figures.object';

@ObjectType('ProgramCompliance', { description: 'One programme that applies to a store’s people' })
export class ProgramComplianceObject extends CertificationFiguresObject {
  /** What the figures' row holds; ProgramComplianceResolver reads the rest when asked. */
  @Field(() => CertificationProgramObject)
  program!: { id: number; code: string; name: string };

  storeId!: number;
}

/** Certification figures summed over the programmes that apply (or the one asked for). */
@ObjectType('StoreCompliance')
export class StoreComplianceObject extends CertificationFiguresObject {
  @Field(() => StoreObject)
  store!: StoreObject;

  @Field(() => Int, { description: 'Active employees' })
  headcount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Completed / all not-cancelled assignments of active employees; null when there are none',
  })
  completionRatePercent!: number | null;

  @Field(() => Int, { description: 'Open assignments past their due date' })
  overdueAssignments!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average quiz score of active employees over the last 90 days, one score per assignment (its best attempt); ' +
      'null when nobody submitted one',
  })
  averageQuizScorePercent!: number | null;

  @Field(() => [ProgramComplianceObject])
  programs!: ProgramComplianceObject[];
}

@ObjectType()
export class StoreComplianceConnection extends ConnectionType(StoreComplianceObject, 'StoreCompliance') {}
