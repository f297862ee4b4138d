import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Omittable } from '../../../graphql/omittable';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { OrganisationCode } from './organisation-code';

/** Fields to change; the others keep their value. */
@InputType()
export class UpdateRegionInput {
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
}
