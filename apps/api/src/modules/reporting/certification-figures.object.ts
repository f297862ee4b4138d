import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** The certification figures every compliance report shares, defined once (see libs/reporting). */
@ObjectType({ isAbstract: true })
export abstract class CertificationFiguresObject {
  @Field(() => Int, { description: 'Active employees in the audience of the programme(s)' })
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
