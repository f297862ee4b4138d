import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { OrganisationCode } from './organisation-code';

@InputType()
export class CreateRegionInput {
  @Field()
  @Trim()
  @OrganisationCode()
  code!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name!: string;
}
