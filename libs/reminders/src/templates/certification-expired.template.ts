import type { EntityManager } from 'typeorm';
import { NotificationKind, type NotificationTemplate, type NotificationToRender } from '@lp/notifications';
import { Role } from '@lp/organisation';

/**
 * The holder of a certification that is still current, for the link to their record in
 * the notices to others. Like the planner, it tells only the holder, the managers of the
 * store the holder works in and HR, as they are when the notice is sent: a manager whose
 * store the holder has left, or someone who left HR, could not open the record.
 */
async function loadHolder(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const rows = (await manager.query(
    `SELECT c.employee_id FROM certifications c
       JOIN employees e ON e.id = c.employee_id AND e.active = 1
      WHERE c.id = ? AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
        AND (e.id = ?
          OR EXISTS (SELECT 1 FROM store_managers sm WHERE sm.store_id = e.store_id AND sm.employee_id = ?)
          OR EXISTS (SELECT 1 FROM employees r WHERE r.id = ? AND r.role = ?))`,
    [notification.subjectId, ...Array(3).fill(notification.recipientId), Role.HR],
  )) as { employee_id: number }[];
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
  notLoadedBecause:
    "the certificate is no longer current or its holder has left, or the recipient no longer manages the holder's store nor works in HR",
};
