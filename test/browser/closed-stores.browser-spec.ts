/// <reference lib="dom" />
import { type EmployeeEntity, Role, type StoreEntity } from '@lp/organisation';
import { buildEmployee, buildRegion, buildStore } from '@lp/testing';
import { checkAccessibility, useWebTest } from '@lp/testing/browser';

/**
 * A closed store stays where people look back or filter (the store lists, People,
 * Certifications), marked closed; its dashboard and the assign page say it is closed rather
 * than show figures of nobody or a form that would assign to nobody.
 */
describe('closed stores in the web app', () => {
  const web = useWebTest();
  /** Closed on 2 March 2026; sorts before the open store, so nothing picks it for being first. */
  let closed: StoreEntity;
  let open: StoreEntity;
  let hr: EmployeeEntity;

  beforeAll(async () => {
    const region = await buildRegion(web.app.dataSource);
    closed = await buildStore(web.app.dataSource, {
      code: 'A-HARBOUR',
      name: 'Harbour',
      regionId: region.id,
      closedOn: '2026-03-02',
    });
    open = await buildStore(web.app.dataSource, { code: 'B-MARKET', name: 'Market', regionId: region.id });
    hr = await buildEmployee(web.app.dataSource, { storeId: open.id, role: Role.HR });
    await buildEmployee(web.app.dataSource, {
      storeId: closed.id,
      firstName: 'Robin',
      lastName: 'Former',
      active: false,
    });
  });

  /** The store the page shows, under its title. */
  const shownStore = () => web.page.locator('.page-header p');
  const storeOptions = () => web.page.getByLabel('Store', { exact: true }).locator('option').allTextContents();

  it('marks a closed store in the people filter and list, and finds its former staff', async () => {
    await web.signInAs(hr);
    await web.goto('/people');
    const page = web.page;
    await page.getByLabel('Store', { exact: true }).waitFor();
    expect(await storeOptions()).toEqual(['All stores', 'A-HARBOUR · Harbour (closed)', 'B-MARKET · Market']);
    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'A-HARBOUR · Harbour (closed)' });
    await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
    await page.getByRole('link', { name: 'Robin Former' }).waitFor();
    await page.getByRole('cell', { name: 'A-HARBOUR (closed)' }).waitFor();
    await checkAccessibility(page);
  });

  it('marks a closed store in the certification search', async () => {
    await web.signInAs(hr);
    await web.goto('/certifications');
    await web.page.getByLabel('Store', { exact: true }).waitFor();
    expect(await storeOptions()).toContain('A-HARBOUR · Harbour (closed)');
  });

  it('opens an open store first for a manager based elsewhere who runs a closed one too', async () => {
    const quay = await buildStore(web.app.dataSource, { code: 'C-QUAY', name: 'Quay', regionId: open.regionId });
    // Based at Market, which they do not run; of the stores they run, Harbour sorts first and is closed.
    const manager = await buildEmployee(web.app.dataSource, {
      storeId: open.id,
      role: Role.STORE_MANAGER,
      managedStoreIds: [closed.id, quay.id],
    });
    await web.signInAs(manager);
    await web.goto('/store');
    await shownStore().getByText('C-QUAY · Quay').waitFor();
    await web.page.getByRole('link', { name: 'Assign a refresher' }).waitFor();
    expect(await storeOptions()).toEqual(['A-HARBOUR · Harbour (closed)', 'C-QUAY · Quay']);
  });

  it('shows a manager who ran only a closed store that it is closed, with nothing to assign there', async () => {
    const manager = await buildEmployee(web.app.dataSource, {
      storeId: open.id,
      role: Role.STORE_MANAGER,
      managedStoreIds: [closed.id],
    });
    await web.signInAs(manager);
    const page = web.page;
    await web.goto('/store');
    await shownStore().getByText('A-HARBOUR · Harbour').waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Closed on 2 Mar 2026' });
    await notice.getByText(/Nobody works at Harbour any more/).waitFor();
    expect(await page.getByRole('link', { name: 'Assign a refresher' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Store figures' }).count()).toBe(0);
    await checkAccessibility(page);

    await web.goto(`/store/assign?store=${closed.id}`);
    await page.getByText('There is nobody to assign a course to: choose an open store.').waitFor();
    expect(await page.getByLabel('Course').count()).toBe(0);
  });
});
