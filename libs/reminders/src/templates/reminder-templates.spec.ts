import { ManualClock } from '@lp/core';
import { type EmailContext, NotificationKind, NotificationTemplates } from '@lp/notifications';
import { ReminderTemplates } from './reminder-templates';

function context(values: Record<string, unknown>): EmailContext {
  return {
    recipient: { firstName: 'Morgan', lastName: 'Lee' },
    store: { name: 'Manhattan 5th Ave' },
    timezone: 'America/New_York',
    appUrl: 'https://academy.example.com',
    now: new Date('2026-01-15T15:00:00Z'),
    plannedAt: new Date('2026-01-15T15:00:00Z'),
    values,
  };
}

describe('the reminder email templates', () => {
  const templates = new NotificationTemplates();
  new ReminderTemplates(templates, new ManualClock()).onModuleInit();

  it('tells a manager who is overdue with what, since when, with a link', () => {
    const email = templates.render(
      NotificationKind.ESCALATION,
      context({
        assignmentId: 42,
        courseTitle: 'CCTV basics',
        dueAt: '2026-01-08T04:30:00.000Z',
        employeeName: 'Dana Reyes',
        overdueDays: 7,
        employeeId: 31,
        employeeTimezone: 'America/New_York',
      }),
    );
    expect(email.subject).toBe('Dana Reyes is overdue with "CCTV basics"');
    expect(email.text).toContain('Hello Morgan,');
    // 04:30 UTC on the 8th is 23:30 on the 7th in New York.
    expect(email.text).toContain('due on\nWednesday, 7 January 2026 at 23:30 New York time — more than 7 day(s) ago');
    expect(email.html).toContain('href="https://academy.example.com/people/31"');
    expect(email.text).not.toContain('Why you');
  });

  it('tells someone standing in for a store without a manager why they get an escalation', () => {
    const reason = 'No active store manager at Brooklyn to tell, so the regional managers of North East are told';
    const email = templates.render(
      NotificationKind.ESCALATION,
      context({
        assignmentId: 42,
        courseTitle: 'CCTV basics',
        dueAt: '2026-01-08T04:30:00.000Z',
        employeeName: 'Dana Reyes',
        overdueDays: 7,
        employeeId: 31,
        employeeTimezone: 'America/New_York',
        reason,
      }),
    );
    expect(email.text).toContain(`Why you: ${reason}.`);
    expect(email.html).toContain(`<p>Why you: ${reason}.</p>`);
  });

  it('words the expiry notice for the holder and for the people told about it', () => {
    const values = {
      certificationId: 7,
      programName: 'LP Foundations',
      expiresAt: '2026-01-15T14:00:00.000Z',
      holderName: 'Dana Reyes',
      holderId: 31,
      holderStoreName: 'Paris Opéra',
      holderTimezone: 'Europe/Paris',
    };
    const holder = templates.render(
      NotificationKind.CERTIFICATION_EXPIRED,
      context({ ...values, forHolder: true, refresherCount: 1, refresherId: 12 }),
    );
    expect(holder.subject).toBe('Your LP Foundations certificate has expired');
    expect(holder.text).toContain('Your LP Foundations certificate expired on Thursday, 15 January 2026.');
    expect(holder.text).toContain(
      'Complete your refresher to be certified again: https://academy.example.com/training/12\n',
    );
    const holderWithCourses = templates.render(
      NotificationKind.CERTIFICATION_EXPIRED,
      context({ ...values, forHolder: true, refresherCount: 2, refresherId: null }),
    );
    expect(holderWithCourses.text).toContain(
      'Complete your refresher courses to be certified again: https://academy.example.com/training\n',
    );

    const manager = templates.render(NotificationKind.CERTIFICATION_EXPIRED, context({ ...values, forHolder: false }));
    expect(manager.subject).toBe("Dana Reyes's LP Foundations certificate has expired");
    expect(manager.html).toContain('certificate of <strong>Dana Reyes</strong>, Paris Opéra, expired');
    // 04:30 on the 16th in Paris, the holder's store, is still the 15th in New York, where this manager works.
    const earlyInParis = { ...values, expiresAt: '2026-01-16T03:30:00.000Z' };
    expect(
      templates.render(NotificationKind.CERTIFICATION_EXPIRED, context({ ...earlyInParis, forHolder: false })).text,
    ).toContain('Dana Reyes, Paris Opéra, expired on Friday, 16 January 2026 (Paris time).');
    expect(manager.html).toContain('href="https://academy.example.com/people/31"');
  });

  it('reminds about overdue work with the local due date', () => {
    const email = templates.render(
      NotificationKind.ASSIGNMENT_OVERDUE,
      context({
        assignmentId: 3,
        courseTitle: 'Fraud & refunds',
        dueAt: '2026-01-14T17:00:00.000Z',
        overdueReminder: 1,
      }),
    );
    expect(email.subject).toBe('Overdue: "Fraud & refunds" was due on Wednesday, 14 January 2026');
    expect(email.html).toContain('<strong>Fraud &amp; refunds</strong>');
  });
});
