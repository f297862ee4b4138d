import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';
import { OrganisationCode } from './organisation-code';

@InputType()
export class CreateStoreInput {
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

  @IdField()
  regionId!: number;

  @Field({ description: 'IANA time zone, e.g. Europe/London' })
  @Trim()
  @IsNotEmpty()
  @MaxLength(64)
  timezone!: string;
}
