import { NotificationKind, type NotificationTemplate } from '@lp/notifications';

/**
 * Sent to the holder (`forHolder`), their store's managers and HR; templateData
 * `{ certificationId, programName, expiresAt, holderName, forHolder }`.
 */
export const certificationExpiredTemplate: NotificationTemplate = {
  kind: NotificationKind.CERTIFICATION_EXPIRED,
  subject:
    "{{#if forHolder}}Your {{programName}} certificate has expired{{else}}{{holderName}}'s {{programName}} certificate has expired{{/if}}",
  text: `Hello {{recipient.firstName}},

{{#if forHolder}}Your {{programName}} certificate expired on {{date expiresAt}}.
Complete the refresher to be certified again: {{appLink "certifications" certificationId}}{{else}}The {{programName}} certificate of {{holderName}} expired on {{date expiresAt}}.
See the certificate: {{appLink "certifications" certificationId}}{{/if}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
{{#if forHolder}}<p>Your <strong>{{programName}}</strong> certificate expired on <strong>{{date expiresAt}}</strong>.</p>
<p><a href="{{appLink "certifications" certificationId}}">Complete the refresher</a> to be certified again.</p>{{else}}<p>The <strong>{{programName}}</strong> certificate of <strong>{{holderName}}</strong> expired on
<strong>{{date expiresAt}}</strong>.</p>
<p><a href="{{appLink "certifications" certificationId}}">See the certificate</a></p>{{/if}}`,
};
