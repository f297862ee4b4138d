import { NotificationKind } from '../notification-kind';
import type { NotificationTemplate } from './notification-template';

/** Planned with templateData `{ certificationId, programName, expiresAt }` (expiresAt as an ISO string). */
export const certificationExpiringTemplate: NotificationTemplate = {
  kind: NotificationKind.CERTIFICATION_EXPIRING,
  subject: 'Your {{programName}} certificate expires on {{date expiresAt}}',
  text: `Hello {{recipient.firstName}},

Your {{programName}} certificate expires on {{date expiresAt}}, in {{daysUntil expiresAt}} day(s).
Complete your refresher before then to stay certified: {{appLink "training"}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
<p>Your <strong>{{programName}}</strong> certificate expires on <strong>{{date expiresAt}}</strong>,
in {{daysUntil expiresAt}} day(s).</p>
<p><a href="{{appLink "training"}}">Complete your refresher</a> before then to stay certified.</p>`,
};
