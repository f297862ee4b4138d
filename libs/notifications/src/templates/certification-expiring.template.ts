import { NotificationKind } from '../notification-kind';
import type { NotificationTemplate } from './notification-template';
import { openRefreshersOf } from './open-refreshers';

/**
 * Planned with templateData `{ certificationId, programName, expiresAt }` (expiresAt as an
 * ISO string), to the holder. The one planned with copies goes to the managers of the
 * store the holder works in when it is sent: after a transfer, their new store's. It sends
 * the holder to their open refresher, and says so when they have none rather than ask them
 * to complete one.
 */
export const certificationExpiringTemplate: NotificationTemplate = {
  kind: NotificationKind.CERTIFICATION_EXPIRING,
  subject: 'Your {{programName}} certificate expires on {{date expiresAt}}',
  text: `Hello {{recipient.firstName}},

Your {{programName}} certificate expires on {{date expiresAt}}, in {{daysUntil expiresAt}} day(s).
{{#if refresherId}}Complete your refresher before then to stay certified: {{appLink "training" refresherId}}{{else if refresherCount}}Complete your refresher courses before then to stay certified: {{appLink "training"}}{{else}}You have no refresher to complete for it at the moment. If you need to stay certified, ask your manager.
Your training: {{appLink "training"}}{{/if}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
<p>Your <strong>{{programName}}</strong> certificate expires on <strong>{{date expiresAt}}</strong>,
in {{daysUntil expiresAt}} day(s).</p>
{{#if refresherId}}<p><a href="{{appLink "training" refresherId}}">Complete your refresher</a> before then to stay certified.</p>{{else if refresherCount}}<p><a href="{{appLink "training"}}">Complete your refresher courses</a> before then to stay certified.</p>{{else}}<p>You have no refresher to complete for it at the moment. If you need to stay certified, ask your manager.</p>
<p><a href="{{appLink "training"}}">Your training</a></p>{{/if}}`,
  load: async (manager, notification) => ({ ...(await openRefreshersOf(manager, notification.subjectId)) }),
  copies: async (manager, notification) => {
    const rows = (await manager.query(
      `SELECT sm.employee_id FROM employees e JOIN store_managers sm ON sm.store_id = e.store_id
        WHERE e.id = ? AND sm.employee_id <> e.id
        ORDER BY sm.employee_id`,
      [notification.recipientId],
    )) as { employee_id: number }[];
    return rows.map((row) => Number(row.employee_id));
  },
};
