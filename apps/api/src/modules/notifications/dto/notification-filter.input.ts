import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches } from 'class-validator';
import { NOTIFICATION_KIND_PATTERN } from '@lp/notifications';
import { IdField } from '../../../graphql/id';
import { NotificationStatus } from '../notification-status.enum';

@InputType()
export class NotificationFilterInput {
  @IdField({ nullable: true, description: 'The recipient' })
  @IsOptional()
  employeeId?: number;

  @Field({ nullable: true, description: 'e.g. ASSIGNMENT_DUE' })
  @IsOptional()
  @IsString()
  @Matches(NOTIFICATION_KIND_PATTERN, { message: 'kind must be a notification kind such as ASSIGNMENT_DUE' })
  kind?: string;

  @Field(() => NotificationStatus, { nullable: true })
  @IsOptional()
  status?: NotificationStatus;
}
