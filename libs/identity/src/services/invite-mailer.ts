import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, describeFailure, MailService } from '@lp/core';
import { type InviteEmailInput, inviteEmail } from '../invite-email.template';

/** An invite email to send: what the template needs but the app's address. */
export type InviteToSend = Omit<InviteEmailInput, 'appUrl'>;

/** Emails invite links, and says in words why the mail server did not take one. */
@Injectable()
export class InviteMailer {
  private readonly logger = new Logger(InviteMailer.name);

  constructor(
    private readonly mail: MailService,
    private readonly appConfig: AppConfig,
  ) {}

  /**
   * Null once the mail server has taken the email; otherwise why not, as describeFailure
   * words it (the address refused, the server down or silent): HR reads it and acts.
   */
  async send(invite: InviteToSend): Promise<string | null> {
    try {
      await this.mail.send(inviteEmail({ ...invite, appUrl: this.appConfig.APP_URL }));
      return null;
    } catch (error) {
      const reason = describeFailure(error);
      this.logger.warn({ err: error, to: invite.to, reason }, 'Invite email not sent');
      return reason;
    }
  }
}
