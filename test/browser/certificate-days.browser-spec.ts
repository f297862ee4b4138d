/// <reference lib="dom" />
import { type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee, buildProgram, buildStore, graphql } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

/**
 * HR in Paris reads certificates of stores in Tokyo and Los Angeles: every page shows the
 * days the certificates print, in each holder's store's zone, not the reader's.
 */
describe("certificate dates in the signed-in app, read far from the holders' stores", () => {
  const web = useWebTest({ timezoneId: 'Europe/Paris' });
  let hr: EmployeeEntity;
  let stores: Record<'tokyo' | 'losAngeles', StoreEntity>;
  let holders: Record<'tokyo' | 'losAngeles', EmployeeEntity>;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    // The renewal windows are open: both certificates are on the stores' "expiring soon" lists.
    web.app.clock.set(new Date('2027-01-20T12:00:00Z'));
    const dataSource = web.app.dataSource;
    stores = {
      tokyo: await buildStore(dataSource, { code: 'TYO', timezone: 'Asia/Tokyo' }),
      losAngeles: await buildStore(dataSource, { code: 'LAX', timezone: 'America/Los_Angeles' }),
    };
    hr = await buildEmployee(dataSource, { role: Role.HR, storeId: stores.tokyo.id });
    holders = {
      tokyo: await buildEmployee(dataSource, { storeId: stores.tokyo.id, firstName: 'Aiko', lastName: 'Tanaka' }),
      losAngeles: await buildEmployee(dataSource, {
        storeId: stores.losAngeles.id,
        firstName: 'Lee',
        lastName: 'Rivera',
      }),
    };
    const program = await buildProgram(dataSource, { name: 'LP Foundations', recertifyWindowDays: 60 });
    // 16:30 UTC on 9 February is 01:30 on the 10th in Tokyo and 17:30 on the 9th in Paris;
    // 03:00 UTC on 10 February is 19:00 on the 9th in Los Angeles and 04:00 on the 10th in Paris.
    for (const [key, issuedAt] of [
      ['tokyo', '2026-02-09T16:30:00Z'],
      ['losAngeles', '2026-02-10T03:00:00Z'],
    ] as const) {
      const granted = await graphql(
        web.app.app,
        `
          mutation ($e: ID!, $p: ID!, $at: DateTime!) {
            grantCertification(employeeId: $e, programId: $p, issuedAt: $at) {
              certificateNumber
            }
          }
        `,
        { e: holders[key].id, p: program.id, at: issuedAt },
        web.app.tokenFor(hr),
      );
      expect(granted.errors).toBeUndefined();
      numbers[key] = granted.data!.grantCertification.certificateNumber;
    }
  });

  const rowOf = (table: string, text: string) =>
    web.page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(text) });

  it("shows HR's certification search the holders' days", async () => {
    await web.signInAs(hr);
    await web.goto('/certifications');
    await expectRow('Certifications', numbers.tokyo, /10 Feb 2026\s+10 Feb 2027/);
    await expectRow('Certifications', numbers.losAngeles, /9 Feb 2026\s+9 Feb 2027/);
  });

  it("shows the person's page their store's days", async () => {
    await web.signInAs(hr);
    await web.goto(`/people/${holders.tokyo.id}`);
    await expectRow('Certifications', numbers.tokyo, /10 Feb 2026\s+10 Feb 2027/);
    await web.goto(`/people/${holders.losAngeles.id}`);
    await expectRow('Certifications', numbers.losAngeles, /9 Feb 2026\s+9 Feb 2027/);
  });

  it("shows the store dashboard's expiring certificates on the store's day", async () => {
    await web.signInAs(hr);
    await web.goto(`/store?store=${stores.tokyo.id}`);
    await expectRow('Certificates expiring soon', 'Aiko Tanaka', /10 Feb 2027/);
    await web.goto(`/store?store=${stores.losAngeles.id}`);
    await expectRow('Certificates expiring soon', 'Lee Rivera', /9 Feb 2027/);
  });

  it('shows holders travelling far from their store the days their certificate prints', async () => {
    for (const [key, days] of [
      ['tokyo', /Issued\s+10 Feb 2026\s+Valid until\s+10 Feb 2027/],
      ['losAngeles', /Issued\s+9 Feb 2026\s+Valid until\s+9 Feb 2027/],
    ] as const) {
      await web.signInAs(holders[key]);
      await web.goto('/my-certificates');
      const card = web.page.locator('.certificate', { hasText: numbers[key] });
      await card.waitFor();
      expect(await card.locator('dl').innerText()).toMatch(days);
    }
  });

  async function expectRow(table: string, text: string, days: RegExp): Promise<void> {
    const row = rowOf(table, text);
    await row.waitFor();
    expect(await row.innerText()).toMatch(days);
  }
});

/** West of Greenwich a day the API gives as YYYY-MM-DD must not turn into the day before. */
describe('calendar days read west of UTC', () => {
  const web = useWebTest({ timezoneId: 'America/Los_Angeles' });

  it("shows a person's hire date as the day it is", async () => {
    const dataSource = web.app.dataSource;
    const hr = await buildEmployee(dataSource, { role: Role.HR });
    const hire = await buildEmployee(dataSource, { firstName: 'Noa', lastName: 'Hart', hireDate: '2026-01-06' });
    await web.signInAs(hr);
    await web.goto(`/people/${hire.id}`);
    const details = web.page.locator('dl.details');
    await details.waitFor();
    expect(await details.innerText()).toMatch(/Hired\s+6 Jan 2026/);
  });
});
