import Handlebars from 'handlebars';
import type { MailMessage } from '@lp/core';

const text = Handlebars.compile(
  `Hello {{firstName}},

You have been enrolled in LP Academy, your store's loss-prevention training.
Choose your password here to sign in: {{link}}

The link works once and expires on {{expires}} (UTC).
If you did not expect this email, you can ignore it.`,
  { noEscape: true },
);

const html = Handlebars.compile(
  `<p>Hello {{firstName}},</p>
<p>You have been enrolled in <strong>LP Academy</strong>, your store's loss-prevention training.</p>
<p><a href="{{link}}">Choose your password</a> to sign in.</p>
<p>The link works once and expires on {{expires}} (UTC). If you did not expect this email, you can ignore it.</p>`,
);

export function inviteEmail(
  to: string,
  firstName: string,
  appUrl: string,
  token: string,
  expiresAt: Date,
): MailMessage {
  const values = {
    firstName,
    link: `${appUrl.replace(/\/$/, '')}/accept-invite?token=${encodeURIComponent(token)}`,
    expires: expiresAt.toISOString().slice(0, 16).replace('T', ' '),
  };
  return { to, subject: 'Your LP Academy account', text: text(values), html: html(values) };
}
