import { Clock } from '@lp/core';
import { NotificationKind, type NotificationTemplate } from '@lp/notifications';
import { weeklyDigestContent } from './weekly-digest.content';

/**
 * A store manager's week in one email, or that of the stores someone stands in for; its
 * content is read when it is sent (see weeklyDigestContent).
 */
export function weeklyDigestTemplate(clock: Clock): NotificationTemplate {
  return {
    kind: NotificationKind.WEEKLY_DIGEST,
    subject: 'Your LP Academy week {{week}}: {{overdueTotal}} overdue, {{expiringTotal}} certificate(s) expiring',
    text: `Hello {{recipient.firstName}},

Here is this week's LP Academy summary for {{storeNames}}.
{{#if reason}}Why you: {{reason}}.
{{/if}}
Overdue training ({{overdueTotal}}):
{{#each overdue}}- {{employeeName}} ({{storeName}}): "{{courseTitle}}", due {{date dueAt zone=storeTimezone}}
{{else}}- none
{{/each}}
Certificates expiring within {{expiringWithinDays}} days ({{expiringTotal}}):
{{#each expiring}}- {{employeeName}} ({{storeName}}): {{programName}}, expires {{date expiresAt zone=storeTimezone}}
{{else}}- none
{{/each}}
Certified per programme:
{{#each compliance}}- {{programName}}: {{certified}} of {{required}}
{{else}}- no programme names your staff
{{/each}}
Lists show at most {{listLimit}} names. The full picture: {{appLink "store"}}`,
    html: `<p>Hello {{recipient.firstName}},</p>
<p>Here is this week's LP Academy summary for <strong>{{storeNames}}</strong>.</p>
{{#if reason}}<p>Why you: {{reason}}.</p>{{/if}}
<h3>Overdue training ({{overdueTotal}})</h3>
<ul>{{#each overdue}}<li>{{employeeName}} ({{storeName}}): <strong>{{courseTitle}}</strong>, due {{date dueAt zone=storeTimezone}}</li>{{else}}<li>None</li>{{/each}}</ul>
<h3>Certificates expiring within {{expiringWithinDays}} days ({{expiringTotal}})</h3>
<ul>{{#each expiring}}<li>{{employeeName}} ({{storeName}}): <strong>{{programName}}</strong>, expires {{date expiresAt zone=storeTimezone}}</li>{{else}}<li>None</li>{{/each}}</ul>
<h3>Certified per programme</h3>
<ul>{{#each compliance}}<li>{{programName}}: {{certified}} of {{required}}</li>{{else}}<li>No programme names your staff</li>{{/each}}</ul>
<p>Lists show at most {{listLimit}} names. <a href="{{appLink "store"}}">See the full picture</a></p>`,
    load: async (manager, notification) => {
      const content = await weeklyDigestContent(manager, notification.subjectId, clock.now());
      return content ? { ...content } : null;
    },
  };
}
