import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../../graphql/omittable';
import { SingleLine } from '../../../graphql/single-line';
import { Trim } from '../../../graphql/trim';

/** Fields to change; the others keep their value. */
@InputType()
export class UpdateRegionInput {
  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1-20 letters, digits, _ or -' })
  code?: string;

  @Field({ nullable: true })
  @Omittable()
  @Trim()
  @IsNotEmpty()
  @MaxLength(120)
  @SingleLine()
  name?: string;
}
