/// <reference lib="dom" />
import { PasswordHasher } from '@lp/identity';
import { type EmployeeEntity, Role } from '@lp/organisation';
import { buildEmployee, buildStore } from '@lp/testing';
import { useWebTest } from '@lp/testing/browser';

const PASSWORD = 'a long enough password';

/** Signing in on a shared store device, where people take turns on one browser. */
describe('signing in', () => {
  const web = useWebTest();
  let manager: EmployeeEntity;
  let employee: EmployeeEntity;

  beforeAll(async () => {
    const passwordHash = await web.app.app.get(PasswordHasher, { strict: false }).hash(PASSWORD);
    const store = await buildStore(web.app.dataSource);
    manager = await buildEmployee(web.app.dataSource, { storeId: store.id, role: Role.STORE_MANAGER, passwordHash });
    employee = await buildEmployee(web.app.dataSource, { storeId: store.id, passwordHash });
  });

  async function signInWithTheForm(email: string | null): Promise<void> {
    await web.page.getByLabel('Email').fill(email!);
    await web.page.getByLabel('Password').fill(PASSWORD);
    await web.page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('takes whoever signs in after a sign-out to their own home page', async () => {
    const page = web.page;
    await web.signInAs(manager);
    await web.goto(`/people/${employee.id}`);
    await page.getByRole('heading', { level: 1, name: `${employee.firstName} ${employee.lastName}` }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInWithTheForm(manager.email);
    await page.waitForURL((url) => url.pathname === '/store');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInWithTheForm(employee.email);
    await page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/training');
  });

  it('returns to the page asked for when the session ended, if it is for the role of who signs in', async () => {
    const page = web.page;
    await web.signOut();
    await web.goto(`/people/${employee.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInWithTheForm(manager.email);
    await page.waitForURL(`**/people/${employee.id}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await web.signOut();
    await web.goto(`/people/${employee.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInWithTheForm(employee.email);
    await page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    expect(await page.getByText('Not for your role').count()).toBe(0);
  });

  describe('Sign out', () => {
    const TOKEN_KEY = 'lp-academy.token';

    async function signInAsTheEmployee(): Promise<string> {
      const page = web.page;
      await web.signOut();
      await web.goto('/sign-in');
      await signInWithTheForm(employee.email);
      await page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
      return (await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY))!;
    }

    it('ends the session on the server: a copy of the token taken before is refused after it', async () => {
      const page = web.page;
      // The copied token's refused request is answered 401, which the browser reports on its console.
      web.allowBrowserErrors(/status of 401/);
      const copied = await signInAsTheEmployee();
      const signedOut = page.waitForResponse((response) => response.request().postData()?.includes('signOut') ?? false);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await (await signedOut).json()).toEqual({ data: { signOut: true } });

      const code = await page.evaluate(async (token) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        return body.errors?.[0]?.extensions?.code;
      }, copied);
      expect(code).toBe('UNAUTHENTICATED');
    });

    it('signs out the screen even when the API cannot be reached', async () => {
      const page = web.page;
      web.allowBrowserErrors(/ERR_FAILED/);
      await signInAsTheEmployee();
      await page.route('**/graphql', (route) =>
        route.request().postData()?.includes('signOut') ? route.abort('failed') : route.continue(),
      );
      try {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull();
      } finally {
        await page.unroute('**/graphql');
      }
    });
  });
});
