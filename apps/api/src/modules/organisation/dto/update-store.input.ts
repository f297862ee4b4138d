import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { Omittable } from '../../../graphql/omittable';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { OrganisationCode } from './organisation-code';

/** Fields to change; the others keep their value. */
@InputType()
export class UpdateStoreInput {
  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @OrganisationCode()
  code?: string;

  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name?: string;

  @IdField({
    nullable: true,
    description: 'Moves the store, and its people, to another region: audience rules limited to a region apply again',
  })
  @Omittable()
  regionId?: number;

  @Field({
    nullable: true,
    description: "IANA time zone, e.g. Europe/London; what is pending for the store's people moves to its office hours",
  })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(64)
  timezone?: string;
}
