import { NotificationKind, type NotificationTemplate } from '@lp/notifications';
import { loadEscalatedAssignment } from './open-assignment.loader';

/**
 * Sent to a store manager, or to those standing in for a store without one, told why
 * (`reason`); templateData `{ assignmentId, courseTitle, dueAt, employeeName, overdueDays }`,
 * the names in it replaced by the current ones when it is sent (loadEscalatedAssignment).
 * A stand-in's of a day are held for the next morning and go `together`, as one list.
 * The due date is told in the employee's store's zone, as their emails and the manager's pages
 * give it: the manager may be based in another zone (head office).
 */
export const escalationTemplate: NotificationTemplate = {
  kind: NotificationKind.ESCALATION,
  subject: '{{employeeName}} is overdue with "{{courseTitle}}"',
  text: `Hello {{recipient.firstName}},

{{employeeName}} has not completed the LP Academy course "{{courseTitle}}", which was due on
{{dateTime dueAt zone=employeeTimezone}} — more than {{overdueDays}} day(s) ago.
Please follow up with them: {{appLink "people" employeeId}}
{{#if reason}}
Why you: {{reason}}.{{/if}}`,
  html: `<p>Hello {{recipient.firstName}},</p>
<p><strong>{{employeeName}}</strong> has not completed the LP Academy course <strong>{{courseTitle}}</strong>,
which was due on <strong>{{dateTime dueAt zone=employeeTimezone}}</strong> — more than {{overdueDays}} day(s) ago.</p>
<p><a href="{{appLink "people" employeeId}}">Please follow up with them</a></p>
{{#if reason}}<p>Why you: {{reason}}.</p>{{/if}}`,
  together: {
    subject: '{{count}} overdue LP Academy courses to follow up',
    text: `Hello {{recipient.firstName}},

These LP Academy courses are more than {{items.0.overdueDays}} day(s) overdue:
{{#each items}}- {{employeeName}} ({{storeName}}): "{{courseTitle}}", due {{dateTime dueAt zone=employeeTimezone}}
{{/each}}
Please follow up with them: {{appLink "people"}}
{{#each reasons}}
Why you: {{this}}.{{/each}}`,
    html: `<p>Hello {{recipient.firstName}},</p>
<p>These LP Academy courses are more than {{items.0.overdueDays}} day(s) overdue:</p>
<ul>{{#each items}}<li><a href="{{appLink "people" employeeId}}">{{employeeName}}</a> ({{storeName}}): <strong>{{courseTitle}}</strong>, due {{dateTime dueAt zone=employeeTimezone}}</li>{{/each}}</ul>
<p>Please follow up with them.</p>
{{#each reasons}}<p>Why you: {{this}}.</p>{{/each}}`,
  },
  load: loadEscalatedAssignment,
  notLoadedBecause:
    "the assignment is closed or its due date was moved, or the recipient no longer manages the employee's store or is no longer the one to tell in its place (a store with an active manager tells them; one without, its regional managers, or HR when its region has none)",
};
