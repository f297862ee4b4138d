import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';

@InputType()
export class CreateRegionInput {
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
}
