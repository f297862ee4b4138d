import { NotificationKind, type NotificationTemplate } from '@lp/notifications';
import { loadOpenAssignment } from './open-assignment.loader';

/**
 * Planned with templateData `{ assignmentId, courseTitle, dueAt, overdueReminder }`; the
 * course is named as it is when the email goes out (loadOpenAssignment).
 */
export const assignmentOverdueTemplate: NotificationTemplate = {
  kind: NotificationKind.ASSIGNMENT_OVERDUE,
  subject: 'Overdue: "{{courseTitle}}" was due on {{date dueAt}}',
  text: `Hello {{recipient.firstName}},

Your LP Academy course "{{courseTitle}}" was due on {{dateTime dueAt}} and is not finished yet.
Please complete it as soon as you can: {{appLink "training" assignmentId}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
<p>Your LP Academy course <strong>{{courseTitle}}</strong> was due on <strong>{{dateTime dueAt}}</strong>
and is not finished yet.</p>
<p><a href="{{appLink "training" assignmentId}}">Please complete it as soon as you can</a></p>`,
  load: loadOpenAssignment,
  notLoadedBecause: 'the assignment is closed, or its due date was moved',
};
