/// <reference lib="dom" />
import { Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/** HR deletes a store created by mistake from the Stores page; one with people stays, and the page says why. */
describe('deleting a store from the Stores page', () => {
  const web = useWebTest();
  let home: StoreEntity;
  let mistake: StoreEntity;

  beforeAll(async () => {
    const ds = web.app.dataSource;
    home = await buildStore(ds, { code: 'H001', name: 'Head office' });
    mistake = await buildStore(ds, { code: 'T999', name: 'Typo store', regionId: home.regionId });
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
});
