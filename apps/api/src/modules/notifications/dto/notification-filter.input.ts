import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';
import { NOTIFICATION_KIND_PATTERN } from '@lp/notifications';
import { IdField } from '../../../graphql/id';
import { NotificationStatus } from '../notification-status.enum';
import { OptionalInput } from '../../../graphql/optional-input';

@InputType()
export class NotificationFilterInput {
  @IdField({ nullable: true, description: 'The recipient' })
  @OptionalInput()
  employeeId?: number;

  @Field({ nullable: true, description: 'e.g. ASSIGNMENT_DUE' })
  @OptionalInput()
  @IsString()
  @Matches(NOTIFICATION_KIND_PATTERN, { message: 'kind must be a notification kind such as ASSIGNMENT_DUE' })
  kind?: string;

  @Field(() => NotificationStatus, { nullable: true })
  @OptionalInput()
  status?: NotificationStatus;
}
