import { NotificationKind } from '../notification-kind';
import type { NotificationTemplate } from './notification-template';

/**
 * Planned with templateData `{ certificationId, programName, expiresAt }` (expiresAt as an
 * ISO string), to the holder. The one planned with copies goes to the managers of the
 * store the holder works in when it is sent: after a transfer, their new store's.
 */
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
