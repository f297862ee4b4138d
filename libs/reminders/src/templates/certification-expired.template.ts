import type { EntityManager } from 'typeorm';
import {
  NotificationKind,
  type NotificationTemplate,
  type NotificationToRender,
  openRefreshersOf,
} from '@lp/notifications';
import { Role } from '@lp/organisation';

interface HolderRow {
  employee_id: number;
  first_name: string;
  last_name: string;
  store_name: string;
  timezone: string;
}

/**
 * The holder of a certification that is still current, as they are now: their record's
 * id for the link, their name, and their store, whose calendar day the expiry is told in
 * (the certificate's own). Like the planner, it tells only the holder, the managers of the
 * store the holder works in and HR, as they are when the notice is sent: a manager whose
 * store the holder has left, or someone who left HR, could not open the record.
 */
async function loadHolder(
  manager: EntityManager,
  notification: NotificationToRender,
): Promise<Record<string, unknown> | null> {
  const [holder] = (await manager.query(
    `SELECT c.employee_id, e.first_name, e.last_name, s.name AS store_name, s.timezone
       FROM certifications c
       JOIN employees e ON e.id = c.employee_id AND e.active = 1
       JOIN stores s ON s.id = e.store_id
      WHERE c.id = ? AND c.current_key IS NOT NULL AND c.revoked_at IS NULL
        AND (e.id = ?
          OR EXISTS (SELECT 1 FROM store_managers sm WHERE sm.store_id = e.store_id AND sm.employee_id = ?)
          OR EXISTS (SELECT 1 FROM employees r WHERE r.id = ? AND r.role = ?))`,
    [notification.subjectId, ...Array(3).fill(notification.recipientId), Role.HR],
  )) as HolderRow[];
  if (!holder) return null;
  const forHolder = Number(holder.employee_id) === notification.recipientId;
  return {
    ...(forHolder ? await openRefreshersOf(manager, notification.subjectId) : {}),
    holderId: Number(holder.employee_id),
    holderName: `${holder.first_name} ${holder.last_name}`,
    holderStoreName: holder.store_name,
    holderTimezone: holder.timezone,
  };
}

/**
 * Sent to the holder (`forHolder`), their store's managers and HR; templateData
 * `{ certificationId, programName, expiresAt, holderName, forHolder }`. The holder is sent
 * to their open refresher (told so when they have none); the others to the holder's record. The others
 * may work in another zone (HR at head office): they read the day of the holder's store,
 * which the certificate, the holder's emails and a programme's fixed expiry date go by.
 */
export const certificationExpiredTemplate: NotificationTemplate = {
  kind: NotificationKind.CERTIFICATION_EXPIRED,
  subject:
    "{{#if forHolder}}Your {{programName}} certificate has expired{{else}}{{holderName}}'s {{programName}} certificate has expired{{/if}}",
  text: `Hello {{recipient.firstName}},

{{#if forHolder}}Your {{programName}} certificate expired on {{date expiresAt}}.
{{#if refresherId}}Complete your refresher to be certified again: {{appLink "training" refresherId}}{{else if refresherCount}}Complete your refresher courses to be certified again: {{appLink "training"}}{{else}}You have no refresher to complete for it at the moment. Ask your manager how to be certified again.
Your training: {{appLink "training"}}{{/if}}{{else}}The {{programName}} certificate of {{holderName}}, {{holderStoreName}}, expired on {{date expiresAt zone=holderTimezone}} ({{zoneName holderTimezone}}).
See their record: {{appLink "people" holderId}}{{/if}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
{{#if forHolder}}<p>Your <strong>{{programName}}</strong> certificate expired on <strong>{{date expiresAt}}</strong>.</p>
{{#if refresherId}}<p><a href="{{appLink "training" refresherId}}">Complete your refresher</a> to be certified again.</p>{{else if refresherCount}}<p><a href="{{appLink "training"}}">Complete your refresher courses</a> to be certified again.</p>{{else}}<p>You have no refresher to complete for it at the moment. Ask your manager how to be certified again.</p>
<p><a href="{{appLink "training"}}">Your training</a></p>{{/if}}{{else}}<p>The <strong>{{programName}}</strong> certificate of <strong>{{holderName}}</strong>, {{holderStoreName}}, expired on
<strong>{{date expiresAt zone=holderTimezone}}</strong> ({{zoneName holderTimezone}}).</p>
<p><a href="{{appLink "people" holderId}}">See their record</a></p>{{/if}}`,
  load: loadHolder,
  notLoadedBecause:
    "the certificate is no longer current or its holder has left, or the recipient no longer manages the holder's store nor works in HR",
};
