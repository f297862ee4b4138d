/// <reference lib="dom" />
import { Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/**
 * HR deletes a store created by mistake from the Stores page, and closes (and reopens) one
 * with history; one with people stays open, and the page says why.
 */
describe('deleting and closing a store from the Stores page', () => {
  const web = useWebTest();
  let home: StoreEntity;
  let mistake: StoreEntity;
  let oldTown: StoreEntity;

  beforeAll(async () => {
    const ds = web.app.dataSource;
    home = await buildStore(ds, { code: 'H001', name: 'Head office' });
    mistake = await buildStore(ds, { code: 'T999', name: 'Typo store', regionId: home.regionId });
    oldTown = await buildStore(ds, { code: 'C100', name: 'Old Town', regionId: home.regionId });
    await buildEmployee(ds, { storeId: oldTown.id, active: false });
    await web.signInAs(await buildEmployee(ds, { storeId: home.id, role: Role.HR }));
  });

  it('refuses a store with people, saying what refers to it, and deletes one created by mistake', async () => {
    const page = web.page;
    await web.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stores' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stores' }).waitFor();

    await page.getByRole('button', { name: 'Delete H001' }).click();
    await page.getByRole('button', { name: 'Yes, delete H001' }).click();
    await page.getByRole('alert').getByText('Store H001 cannot be deleted: 1 active employee refers to it.').waitFor();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.getByLabel('Find a store').fill('Typo');
    await page.getByRole('button', { name: 'Delete T999' }).click();
    await page.getByRole('button', { name: 'Yes, delete T999' }).click();
    await page.getByRole('status').getByText('Deleted T999 · Typo store.').waitFor();
    await page.getByText('No stores match.').waitFor();
    expect(await web.app.dataSource.query('SELECT id FROM stores WHERE id = ?', [mistake.id])).toEqual([]);
  });

  it('refuses to close a store people work in, closes one they have left, and reopens it', async () => {
    const page = web.page;
    await web.goto('/stores');
    await page.getByRole('heading', { level: 1, name: 'Stores' }).waitFor();

    await page.getByRole('button', { name: 'Close H001' }).click();
    await page.getByRole('button', { name: 'Yes, close H001' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'Store H001 cannot be closed: 1 active employee works there. Move them to another store or deactivate them first',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Keep it open' }).click();

    await page.getByLabel('Find a store').fill('Old Town');
    await page.getByRole('button', { name: 'Close C100' }).click();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Yes, close C100' }).click();
    await page
      .getByRole('status')
      .getByText(/^Closed C100 · Old Town on /)
      .waitFor();
    await page.getByRole('cell', { name: /^Closed on / }).waitFor();
    const [{ closed_on }] = await web.app.dataSource.query('SELECT closed_on FROM stores WHERE id = ?', [oldTown.id]);
    expect(closed_on).not.toBeNull();

    await page.getByRole('button', { name: 'Reopen C100' }).click();
    await page.getByRole('status').getByText('Reopened C100 · Old Town.').waitFor();
    await page.getByRole('cell', { name: 'Open', exact: true }).waitFor();
  });
});
