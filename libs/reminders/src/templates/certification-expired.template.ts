import type { EntityManager } from 'typeorm';
import { NotificationKind, type NotificationTemplate, type NotificationToRender } from '@lp/notifications';

/** The holder of the certification, for the link to their record in the notices to others. */
async function loadHolder(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query('SELECT employee_id FROM certifications WHERE id = ?', [
    notification.subjectId,
  ])) as { employee_id: number }[];
  return rows.length > 0 ? { holderId: Number(rows[0].employee_id) } : null;
}

/**
 * Sent to the holder (`forHolder`), their store's managers and HR; templateData
 * `{ certificationId, programName, expiresAt, holderName, forHolder }`. The holder is sent
 * to their training, where the refresher is; the others to the holder's record.
 */
export const certificationExpiredTemplate: NotificationTemplate = {
  kind: NotificationKind.CERTIFICATION_EXPIRED,
  subject:
    "{{#if forHolder}}Your {{programName}} certificate has expired{{else}}{{holderName}}'s {{programName}} certificate has expired{{/if}}",
  text: `Hello {{recipient.firstName}},

{{#if forHolder}}Your {{programName}} certificate expired on {{date expiresAt}}.
Complete the refresher to be certified again: {{appLink "training"}}{{else}}The {{programName}} certificate of {{holderName}} expired on {{date expiresAt}}.
See their record: {{appLink "people" holderId}}{{/if}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
{{#if forHolder}}<p>Your <strong>{{programName}}</strong> certificate expired on <strong>{{date expiresAt}}</strong>.</p>
<p><a href="{{appLink "training"}}">Complete the refresher</a> to be certified again.</p>{{else}}<p>The <strong>{{programName}}</strong> certificate of <strong>{{holderName}}</strong> expired on
<strong>{{date expiresAt}}</strong>.</p>
<p><a href="{{appLink "people" holderId}}">See their record</a></p>{{/if}}`,
  load: loadHolder,
  notLoadedBecause: 'the certification no longer exists',
};
