/// <reference lib="dom" />
import { Role } from '@lp/organisation';
import { buildEmployee, buildProgram, buildStore, graphql } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

describe('the public verification page', () => {
  // An auditor in Auckland, where 03:00 UTC is already the afternoon of that day.
  const web = useWebTest({ timezoneId: 'Pacific/Auckland' });

  it("shows the days the certificate prints, in the holder's store's zone, wherever the reader is", async () => {
    web.app.clock.set(new Date('2026-03-01T12:00:00Z'));
    const store = await buildStore(web.app.dataSource, { timezone: 'America/Los_Angeles' });
    const holder = await buildEmployee(web.app.dataSource, { storeId: store.id });
    const hr = await buildEmployee(web.app.dataSource, { storeId: store.id, role: Role.HR });
    const program = await buildProgram(web.app.dataSource, { name: 'LP Foundations' });
    // 03:00 UTC on 10 February is 19:00 on the 9th in Los Angeles: the PDF prints 9 February 2026 and 2027.
    const granted = await graphql(
      web.app.app,
      `
        mutation ($e: ID!, $p: ID!) {
          grantCertification(employeeId: $e, programId: $p, issuedAt: "2026-02-10T03:00:00Z") {
            verificationCode
          }
        }
      `,
      { e: holder.id, p: program.id },
      web.app.tokenFor(hr),
    );
    expect(granted.errors).toBeUndefined();

    await web.goto(`/verify/${granted.data!.grantCertification.verificationCode}`);
    await web.page.getByText('Valid certificate').waitFor();
    const details = await web.page.locator('dl.details').innerText();
    expect(details).toMatch(/Issued\s+9 Feb 2026\s+Expires\s+9 Feb 2027/);
  });
});
