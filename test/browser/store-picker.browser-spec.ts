/// <reference lib="dom" />
import { Role, StoreEntity } from '@lp/organisation';
import { buildEmployee, buildRegion } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/** More than the API's largest page (100), as in a chain of 2,000 stores. */
const STORE_COUNT = 130;

describe('choosing a store in a large chain', () => {
  const web = useWebTest();
  const storeIds = new Map<string, number>();

  beforeAll(async () => {
    const region = await buildRegion(web.app.dataSource);
    const stores = Array.from({ length: STORE_COUNT }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return { code: `B${n}`, name: `Branch ${n}`, timezone: 'Europe/London', regionId: region.id };
    });
    await web.app.dataSource.getRepository(StoreEntity).insert(stores);
    for (const store of await web.app.dataSource.getRepository(StoreEntity).find()) storeIds.set(store.code, store.id);
    const hr = await buildEmployee(web.app.dataSource, { storeId: storeIds.get('B001'), role: Role.HR });
    await buildEmployee(web.app.dataSource, { storeId: storeIds.get('B125'), firstName: 'Robin', lastName: 'Farther' });
    await web.signInAs(hr);
  });

  /** The store the page shows, under its title. */
  const shownStore = () => web.page.locator('.page-header p');

  it('opens the store in the address, however far down the list it is', async () => {
    await web.goto(`/store?store=${storeIds.get('B120')}`);
    await shownStore().getByText('B120 · Branch 120').waitFor();
    await web.page.getByRole('heading', { name: /^Overdue work/ }).waitFor();

    await web.goto(`/store/assign?store=${storeIds.get('B120')}`);
    await web.page.getByRole('heading', { level: 1, name: 'Assign a refresher' }).waitFor();
    await shownStore().getByText('B120 · Branch 120').waitFor();
    await web.page.getByLabel('Course').waitFor();
  });

  it('says so, rather than show another store, when the store is not one the user can see', async () => {
    await web.goto('/store?store=999999');
    await web.page.getByRole('status').getByText('Store not found').waitFor();
    expect(await web.page.getByRole('link', { name: 'Assign a refresher' }).count()).toBe(0);
    await web.goto('/store/assign?store=999999');
    await web.page.getByRole('status').getByText('Store not found').waitFor();
    expect(await web.page.getByLabel('Course').count()).toBe(0);
  });

  it('reaches any store by searching for it', async () => {
    const page = web.page;
    await web.goto('/store');
    await shownStore().getByText('B001 · Branch 001').waitFor();
    await page.getByLabel('Find a store').fill('Branch 12');
    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'B127 · Branch 127' });
    await page.waitForURL((url) => url.searchParams.get('store') === String(storeIds.get('B127')));
    await shownStore().getByText('B127 · Branch 127').waitFor();
    await checkAccessibility(page);
  });

  it('filters people by any store', async () => {
    const page = web.page;
    await web.goto('/people');
    await page.getByLabel('Find a store').fill('B125');
    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'B125 · Branch 125' });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByRole('link', { name: 'Robin Farther' }).waitFor();
  });

  it('opens the first store a manager runs when their own is not one of them', async () => {
    const manager = await buildEmployee(web.app.dataSource, {
      storeId: storeIds.get('B001'),
      role: Role.STORE_MANAGER,
    });
    await web.app.dataSource.query('DELETE FROM store_managers WHERE employee_id = ?', [manager.id]);
    await web.app.dataSource.query('INSERT INTO store_managers (employee_id, store_id) VALUES (?, ?)', [
      manager.id,
      storeIds.get('B042'),
    ]);
    await web.signInAs(manager);
    await web.goto('/store');
    await shownStore().getByText('B042 · Branch 042').waitFor();
    expect(await web.page.getByText('Store not found').count()).toBe(0);
  });
});
