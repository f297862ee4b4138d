import { NotificationKind } from '../notification-kind';
import { type NotificationTemplate, stillDueAsPlanned } from './notification-template';

/**
 * Planned with templateData `{ assignmentId, courseTitle, dueAt }` (dueAt as an ISO string).
 * The course is named as it is when the email goes out (an admin may have renamed it since),
 * as planned only if the assignment cannot be found; one due at another moment since is not sent.
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
    const [assignment] = (await manager.query(
      'SELECT co.title, a.due_at FROM assignments a JOIN courses co ON co.id = a.course_id WHERE a.id = ?',
      [notification.subjectId],
    )) as { title: string; due_at: Date }[];
    if (!assignment) return {};
    return stillDueAsPlanned(notification, assignment.due_at) ? { courseTitle: assignment.title } : null;
  },
  notLoadedBecause: 'the due date of the assignment was moved',
};
