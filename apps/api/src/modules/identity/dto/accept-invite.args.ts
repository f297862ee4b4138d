import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class AcceptInviteArgs {
  @Field()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  token!: string;

  @Field({ description: '8 to 128 characters' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(128, { message: 'password must be at most 128 characters' })
  password!: string;
}
