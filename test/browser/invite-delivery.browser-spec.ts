/// <reference lib="dom" />
import { Role } from '@lp/organisation';
import { buildEmployee, buildStore, eventually, graphql, SmtpCapture } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

const REFUSAL = 'the mail server refused nia@example.test: 550 5.1.1 No such mailbox';

/** HR reads, on the people pages, an invite the mail server did not take, and sends it again. */
describe('an invite the mail server did not take', () => {
  const smtp = new SmtpCapture();
  // Filled in once the server listens, before the API starts (useWebTest reads it then).
  const env: Record<string, string> = {};
  beforeAll(async () => {
    await smtp.start();
    env.SMTP_URL = smtp.url;
  });
  const web = useWebTest({ env });
  afterAll(() => smtp.stop());

  it('shows on the list and the record why it was not sent, and the refusal of a new one, until one goes', async () => {
    const store = await buildStore(web.app.dataSource);
    const hr = await buildEmployee(web.app.dataSource, { storeId: store.id, role: Role.HR });
    smtp.unknownMailboxes.add('nia@example.test');
    const hired = await graphql(
      web.app.app,
      'mutation ($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
      {
        input: {
          employeeNumber: 'NIA-1',
          email: 'nia@example.test',
          firstName: 'Nia',
          lastName: 'Okafor',
          jobRoleCode: 'CASHIER',
          storeId: store.id,
        },
      },
      web.app.tokenFor(hr),
    );
    expect(hired.errors).toBeUndefined();

    const page = web.page;
    await web.signInAs(hr);
    await web.goto('/people');
    const row = page.getByRole('row', { name: /Nia Okafor/ });
    await row.getByText('Invite not sent').waitFor();
    await row.getByRole('link', { name: 'Nia Okafor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nia Okafor' }).waitFor();
    const invite = page.locator('dt:has-text("Invite") + dd');
    expect(await invite.textContent()).toContain('Not sent');
    expect(await invite.textContent()).toContain(`${REFUSAL}. Check the email address or the mail server`);
    await checkAccessibility(page);

    await page.getByRole('button', { name: 'Send a new invite' }).click();
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`The invite was not sent, and nothing changed: ${REFUSAL}`);

    smtp.unknownMailboxes.clear();
    await page.getByRole('button', { name: 'Send a new invite' }).click();
    await page.getByText('Invite sent to nia@example.test').waitFor();
    await eventually(async () => expect(await invite.textContent()).toMatch(/^Sent .+; the link works until /));
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([['nia@example.test']]);
  });
});
