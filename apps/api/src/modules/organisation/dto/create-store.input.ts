import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';

@InputType()
export class CreateStoreInput {
  @Field()
  @Trim()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1-20 letters, digits, _ or -' })
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
