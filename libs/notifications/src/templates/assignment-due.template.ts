import { NotificationKind } from '../notification-kind';
import type { NotificationTemplate } from './notification-template';

/**
 * Planned with templateData `{ assignmentId, courseTitle, dueAt }` (dueAt as an ISO string).
 * The course is named as it is when the email goes out (an admin may have renamed it since),
 * as planned only if the assignment cannot be found.
 */
export const assignmentDueTemplate: NotificationTemplate = {
  kind: NotificationKind.ASSIGNMENT_DUE,
  subject: 'Reminder: "{{courseTitle}}" is due on {{date dueAt}}',
  text: `Hello {{recipient.firstName}},

Your LP Academy course "{{courseTitle}}" is due on {{dateTime dueAt}} ({{daysUntil dueAt}} day(s) from now).

Continue where you left off: {{appLink "training" assignmentId}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
<p>Your LP Academy course <strong>{{courseTitle}}</strong> is due on <strong>{{dateTime dueAt}}</strong>
({{daysUntil dueAt}} day(s) from now).</p>
<p><a href="{{appLink "training" assignmentId}}">Continue where you left off</a></p>`,
  load: async (manager, notification) => {
    const [course] = (await manager.query(
      'SELECT co.title FROM assignments a JOIN courses co ON co.id = a.course_id WHERE a.id = ?',
      [notification.subjectId],
    )) as { title: string }[];
    return course ? { courseTitle: course.title } : {};
  },
};
