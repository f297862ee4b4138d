import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InviteStatus } from '@lp/identity';

registerEnumType(InviteStatus, {
  name: 'InviteStatus',
  description: 'Where an invite stands',
  valuesMap: {
    SENT: { description: 'Emailed; the link works until expiresAt' },
    NOT_SENT: {
      description:
        'The mail server did not take its email, or did not answer in time (notSentReason says why); its link ' +
        'does not work: send a new invite',
    },
    EXPIRED: { description: 'Emailed, never used, and past expiresAt' },
    CLOSED: { description: 'Used to set a password, or voided by an email change or leaving' },
  },
});

@ObjectType('Invite', { description: "An employee's invite link to set a password" })
export class InviteObject {
  @Field(() => InviteStatus)
  status!: InviteStatus;

  @Field({ description: 'When it was made; its email was sent then, unless NOT_SENT' })
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: "Why its email was not sent: the mail server's answer in words" })
  notSentReason!: string | null;
}
