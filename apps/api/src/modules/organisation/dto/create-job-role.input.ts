import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';

@InputType()
export class CreateJobRoleInput {
  @Field({ description: 'Stable key in capitals, e.g. VISUAL_MERCHANDISER' })
  @Trim()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2-40 capitals, digits or _, starting with a letter' })
  code!: string;

  @Field()
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name!: string;
}
