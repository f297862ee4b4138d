/// <reference lib="dom" />
import type { ParsedMail } from 'mailparser';
import { CertificationSource, CertificationWriter, type CertificationProgramEntity } from '@lp/certification';
import { MailService, type MailMessage, ManualClock } from '@lp/core';
import { Actor, ResendInviteService } from '@lp/identity';
import { NotificationEntity, NotificationStatus, NotificationSweep } from '@lp/notifications';
import { type EmployeeEntity, Role } from '@lp/organisation';
import { ReminderPlanning } from '@lp/reminders';
import {
  buildAssignment,
  buildCourse,
  buildEmployee,
  buildProgram,
  buildStore,
  createTestWorker,
  deleteQueueKeys,
  eventually,
  SmtpCapture,
  type TestWorker,
} from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';
import { In } from 'typeorm';
import { ReminderPlanningProcessor } from '../../apps/worker/src/processors/reminder-planning.processor';

const DAY = 86_400_000;
/** Thursday 15 January 2026, 10:00 in New York: inside the store's office hours. */
const THURSDAY_MORNING = new Date('2026-01-15T15:00:00Z');

/**
 * Every link in the emails, opened in the web app by the person the email is addressed to,
 * lands on the page the email promises: the worker renders them from APP_URL, which is the
 * address this browser opens.
 */
describe('links in the emails', () => {
  const web = useWebTest();
  const smtp = new SmtpCapture();
  const clock = new ManualClock(THURSDAY_MORNING);
  let worker: TestWorker;

  beforeAll(async () => {
    await smtp.start();
    // Jobs an earlier file left under this Jest worker's prefix would hold the ids of the new rows.
    await deleteQueueKeys();
    // Started after the API, so it reads the same APP_URL: the address of the web app here.
    worker = await createTestWorker({ clock, smtpUrl: smtp.url });
    // The test plans at the clock's moment itself.
    await worker.app.get(ReminderPlanningProcessor).worker.pause();
  });

  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
  });

  /** The links of an email's text part, but the footer's link to the app's home page. */
  function linksIn(text: string | undefined): string[] {
    const links = (text ?? '').match(new RegExp(`${web.baseUrl}[^\\s]*`, 'g')) ?? [];
    return links.filter((link) => link !== web.baseUrl);
  }

  /** The main heading of the page at `link` once it has loaded, opened as `reader`. */
  async function headingAt(link: string, reader: EmployeeEntity | null, expected: string): Promise<string> {
    if (reader) await web.signInAs(reader);
    else await web.signOut();
    await web.page.goto(link);
    const heading = web.page.getByRole('heading', { level: 1 });
    try {
      await eventually(async () => expect(await heading.first().textContent({ timeout: 1000 })).toBe(expected), 5000);
    } catch {
      // The assertion below names the page it reached instead.
    }
    return (await heading.first().textContent()) ?? '';
  }

  async function certify(
    program: CertificationProgramEntity,
    holder: EmployeeEntity,
    expiresAt: Date,
  ): Promise<number> {
    const certification = await web.app.dataSource.transaction((manager) =>
      worker.app.get(CertificationWriter).issue(manager, {
        employeeId: holder.id,
        storeId: holder.storeId,
        program,
        earnedAt: new Date(THURSDAY_MORNING.getTime() - 300 * DAY),
        source: CertificationSource.COMPLETION,
        actorId: null,
      }),
    );
    await web.app.dataSource.query('UPDATE certifications SET expires_at = ? WHERE id = ?', [
      expiresAt,
      certification.id,
    ]);
    return certification.id;
  }

  it('open the page each reminder, escalation, expiry notice and digest is about', async () => {
    const dataSource = web.app.dataSource;
    const store = await buildStore(dataSource, { name: 'Manhattan 5th Ave', timezone: 'America/New_York' });
    const person = (firstName: string, lastName: string, role = Role.EMPLOYEE) =>
      buildEmployee(dataSource, {
        storeId: store.id,
        firstName,
        lastName,
        role,
        email: `${firstName.toLowerCase()}@example.test`,
      });
    const dana = await person('Dana', 'Reyes');
    const sam = await person('Sam', 'Okafor');
    const morgan = await person('Morgan', 'Lee', Role.STORE_MANAGER);
    const harper = await person('Harper', 'Quinn', Role.HR);
    const readers = new Map([dana, sam, morgan, harper].map((employee) => [employee.email, employee]));

    const { course } = await buildCourse(dataSource);
    await buildAssignment(dataSource, {
      employeeId: dana.id,
      courseId: course.id,
      dueAt: new Date(THURSDAY_MORNING.getTime() - 8 * DAY),
    });
    const program = await buildProgram(dataSource, { name: 'LP Foundations' });
    await certify(program, dana, new Date(THURSDAY_MORNING.getTime() + DAY - 3_600_000));
    await certify(program, sam, new Date(THURSDAY_MORNING.getTime() - 3_600_000));

    await worker.app.get(ReminderPlanning).plan();
    await worker.app.get(NotificationSweep).sweep();
    await eventually(async () => {
      const unsettled = await dataSource.getRepository(NotificationEntity).countBy({
        status: In([NotificationStatus.PENDING, NotificationStatus.SENDING]),
      });
      expect(unsettled).toBe(0);
    });

    const expected: Record<string, string> = {
      [`Overdue: "${course.title}" was due on Wednesday, 7 January 2026`]: course.title,
      [`Dana Reyes is overdue with "${course.title}"`]: 'Dana Reyes',
      'Your LP Foundations certificate expires on Friday, 16 January 2026': 'My training',
      'Your LP Foundations certificate has expired': 'My training',
      "Sam Okafor's LP Foundations certificate has expired": 'Sam Okafor',
      'Your LP Academy week 2026-W03: 1 overdue, 1 certificate(s) expiring': 'Store dashboard',
    };
    const landings: string[] = [];
    const wanted: string[] = [];
    for (const email of smtp.messages as ParsedMail[]) {
      const to = Array.isArray(email.to) ? '' : (email.to?.text ?? '');
      const subject = email.subject ?? '';
      const links = linksIn(email.text);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const heading = await headingAt(link, readers.get(to)!, expected[subject]);
        landings.push(`${to}: ${subject} → ${heading}`);
        wanted.push(`${to}: ${subject} → ${expected[subject]}`);
      }
    }
    expect(landings.sort()).toEqual(wanted.sort());
    // Dana's overdue reminder and expiring notice, Sam's and the two others' expiry notices, Morgan's escalation and digest.
    expect(smtp.messages).toHaveLength(7);
  });

  it('lets an invited employee set their password from the invite email', async () => {
    const store = await buildStore(web.app.dataSource);
    const hr = await buildEmployee(web.app.dataSource, { storeId: store.id, role: Role.HR });
    const nia = await buildEmployee(web.app.dataSource, { storeId: store.id, firstName: 'Nia' });
    const sent: MailMessage[] = [];
    const mail = web.app.app.get(MailService, { strict: false });
    jest.spyOn(mail, 'send').mockImplementation((message) => {
      sent.push(message);
      return Promise.resolve({ messageId: 'invite', refused: [] });
    });

    await web.app.app
      .get(ResendInviteService, { strict: false })
      .resend(new Actor(hr.id, Role.HR, store.id, [], []), nia.id);

    const [link] = linksIn(sent[0]?.text);
    expect(await headingAt(link, null, 'Set your password')).toBe('Set your password');
    // A password the server refuses: the reason is the field's, read with it, and focus goes there
    const password = web.page.getByLabel('New password');
    await password.fill('password');
    await web.page.getByLabel('Repeat the password').fill('password');
    await web.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await web.page.getByText('password is one of the most common passwords; choose another').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(
      await password.evaluate((input) => [
        input === document.activeElement,
        document.getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent,
      ]),
    ).toEqual([true, 'password is one of the most common passwords; choose another']);
    await checkAccessibility(web.page);
    await password.fill('a long enough password');
    await web.page.getByLabel('Repeat the password').fill('a long enough password');
    await web.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await web.page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
  });
});
