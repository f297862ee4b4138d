import Handlebars from 'handlebars';
import type { MailMessage } from '@lp/core';
import { localDateTimeText, resolveTimezone } from '@lp/organisation';

const text = Handlebars.compile(
  `Hello {{firstName}},

You have been enrolled in LP Academy, your store's loss-prevention training.
Choose your password here to sign in: {{link}}

The link works once and expires on {{expires}}.
If you did not expect this email, you can ignore it.`,
  { noEscape: true },
);

const html = Handlebars.compile(
  `<p>Hello {{firstName}},</p>
<p>You have been enrolled in <strong>LP Academy</strong>, your store's loss-prevention training.</p>
<p><a href="{{link}}">Choose your password</a> to sign in.</p>
<p>The link works once and expires on {{expires}}. If you did not expect this email, you can ignore it.</p>`,
);

export interface InviteEmailInput {
  to: string;
  firstName: string;
  appUrl: string;
  token: string;
  expiresAt: Date;
  /** The invitee's store's zone, in whose time the link's expiry is given (UTC for an unknown one). */
  timezone: string;
}

export function inviteEmail(input: InviteEmailInput): MailMessage {
  const values = {
    firstName: input.firstName,
    link: `${input.appUrl.replace(/\/$/, '')}/accept-invite?token=${encodeURIComponent(input.token)}`,
    expires: localDateTimeText(input.expiresAt, resolveTimezone(input.timezone).timezone),
  };
  return { to: input.to, subject: 'Your LP Academy account', text: text(values), html: html(values) };
}
