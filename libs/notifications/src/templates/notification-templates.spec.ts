import { NotificationKind } from '../notification-kind';
import { type EmailContext, NotificationTemplates } from './notification-templates.service';

function context(values: Record<string, unknown>, overrides: Partial<EmailContext> = {}): EmailContext {
  return {
    recipient: { firstName: 'Dana', lastName: 'Reyes' },
    store: { name: 'Store S001' },
    timezone: 'America/New_York',
    appUrl: 'https://academy.example.com/',
    now: new Date('2026-03-02T15:00:00Z'),
    plannedAt: new Date('2026-03-02T14:00:00Z'),
    values,
    ...overrides,
  };
}

describe('notification email templates', () => {
  const templates = new NotificationTemplates();

  it('renders an assignment reminder with the name, the course, the local due date and a link', () => {
    // Due at 04:30 UTC on 9 March is 23:30 on 8 March in New York (EDT from that day).
    const email = templates.render(
      NotificationKind.ASSIGNMENT_DUE,
      context({ assignmentId: 42, courseTitle: 'CCTV basics', dueAt: '2026-03-09T03:30:00.000Z' }),
    );
    expect(email.subject).toBe('Reminder: "CCTV basics" is due on Sunday, 8 March 2026');
    expect(email.text).toContain('Hello Dana,');
    expect(email.text).toContain('is due on Sunday, 8 March 2026 at 23:30 New York time (6 day(s) from now)');
    expect(email.text).toContain('https://academy.example.com/training/42');
    expect(email.html).toContain('<strong>CCTV basics</strong>');
    expect(email.html).toContain('href="https://academy.example.com/training/42"');
    expect(email.html).toMatch(/^<!doctype html>/);
  });

  it('shows the same moment as the local date of another store', () => {
    const email = templates.render(
      NotificationKind.CERTIFICATION_EXPIRING,
      context(
        {
          certificationId: 7,
          programName: 'LP Officer',
          expiresAt: '2026-03-09T03:30:00.000Z',
          refresherCount: 2,
          refresherId: null,
        },
        { timezone: 'Europe/Paris' },
      ),
    );
    expect(email.subject).toBe('Your LP Officer certificate expires on Monday, 9 March 2026');
    expect(email.text).toContain('in 7 day(s)');
    expect(email.text).toContain(
      'Complete your refresher courses before then to stay certified: https://academy.example.com/training\n',
    );
  });

  it('escapes values in HTML but not in the text part', () => {
    const email = templates.render(
      NotificationKind.ASSIGNMENT_DUE,
      context({ assignmentId: 1, courseTitle: 'Fraud & <b>collusion</b>', dueAt: '2026-03-09T03:30:00.000Z' }),
    );
    expect(email.html).toContain('Fraud &amp; &lt;b&gt;collusion&lt;/b&gt;');
    expect(email.text).toContain('"Fraud & <b>collusion</b>"');
  });

  it('refuses to render with a variable missing rather than send a hole', () => {
    expect(() =>
      templates.render(NotificationKind.ASSIGNMENT_DUE, context({ assignmentId: 1, dueAt: '2026-03-09T03:30:00Z' })),
    ).toThrow(/courseTitle/);
    expect(() =>
      templates.render(NotificationKind.ASSIGNMENT_DUE, context({ assignmentId: 1, courseTitle: 'x', dueAt: 'soon' })),
    ).toThrow(/not a date/);
  });

  it('knows only the kinds registered, once each', () => {
    expect(() => templates.render('NO_SUCH_KIND', context({}))).toThrow('No email template for NO_SUCH_KIND');
    const own = new NotificationTemplates();
    own.register({ kind: 'WELCOME', subject: 'Welcome {{recipient.firstName}}', text: 'Hi', html: '<p>Hi</p>' });
    expect(own.render('WELCOME', context({})).subject).toBe('Welcome Dana');
    expect(() => own.register({ kind: 'WELCOME', subject: '', text: '', html: '' })).toThrow(/already registered/);
  });

  it('renders several notifications of a kind in its one email, each reason once', () => {
    const own = new NotificationTemplates();
    own.register({
      kind: 'NUDGE',
      subject: 'Nudge about {{name}}',
      text: '{{name}}',
      html: '<p>{{name}}</p>',
      together: {
        subject: '{{count}} nudges',
        text: '{{#each items}}- {{name}}\n{{/each}}{{#each reasons}}Why: {{this}}\n{{/each}}',
        html: '<ul>{{#each items}}<li>{{name}}</li>{{/each}}</ul>',
      },
    });
    const { subject, text, html } = own.renderTogether('NUDGE', context({}), [
      { name: 'Dana & Sam', reason: 'No manager at Queens' },
      { name: 'Lee', reason: 'No manager at Queens' },
      { name: 'Kim', reason: null },
    ]);
    expect(subject).toBe('3 nudges');
    expect(text).toMatch(/^- Dana & Sam\n- Lee\n- Kim\nWhy: No manager at Queens\n\n--/);
    expect(html).toContain('<li>Dana &amp; Sam</li><li>Lee</li><li>Kim</li>');
    expect(() => templates.renderTogether(NotificationKind.ASSIGNMENT_DUE, context({}), [])).toThrow(
      /No email template for several ASSIGNMENT_DUE/,
    );
  });
});
