import request from 'supertest';
import {
  NotificationEntity,
  NotificationKind,
  NotificationPlanner,
  NotificationStatus,
  NotificationSubjectType,
} from '@lp/notifications';
import { type EmployeeEntity, OrganisationDirectory, Role } from '@lp/organisation';
import { buildEmployee, buildStore, createTestApp, errorCode, graphql, type TestApp } from '@lp/testing';

const NOTIFICATIONS = `
  query ($filter: NotificationFilterInput, $first: Int, $after: String) {
    notifications(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind status plannedAt sendAfter sentAt attempts lastError subjectType subjectId offsetKey reason
                     recipient { id firstName store { code } } } }
    }
  }`;

describe('notifications in the API', () => {
  let t: TestApp;
  let hr: EmployeeEntity;
  let admin: EmployeeEntity;
  let dana: EmployeeEntity;
  let lee: EmployeeEntity;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-01-15T15:00:00Z'));
    const store = await buildStore(t.dataSource, { code: 'S001', timezone: 'America/New_York' });
    hr = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.HR });
    admin = await buildEmployee(t.dataSource, { storeId: store.id, role: Role.ADMIN });
    dana = await buildEmployee(t.dataSource, { storeId: store.id, firstName: 'Dana' });
    lee = await buildEmployee(t.dataSource, { storeId: store.id, firstName: 'Lee' });
    const planner = t.app.get(NotificationPlanner);
    await planner.plan(t.dataSource.manager, [
      reminder(dana.id, NotificationKind.ASSIGNMENT_DUE, 'D7'),
      reminder(dana.id, NotificationKind.ASSIGNMENT_DUE, 'D1'),
      reminder(lee.id, NotificationKind.ASSIGNMENT_DUE, 'D7'),
      reminder(lee.id, NotificationKind.CERTIFICATION_EXPIRING, 'D30'),
    ]);
    const rows = t.dataSource.getRepository(NotificationEntity);
    await rows.update({ id: 1 }, { status: NotificationStatus.SENT, sentAt: t.clock.now(), attempts: 1 });
    await rows.update({ id: 2 }, { status: NotificationStatus.SENDING, attempts: 1 });
    await rows.update(
      { id: 3 },
      { status: NotificationStatus.FAILED, attempts: 1, lastError: 'Not sent: the employee has no email address' },
    );
  });

  function reminder(recipientId: number, kind: string, offsetKey: string) {
    return {
      kind,
      recipientId,
      subjectType: NotificationSubjectType.ASSIGNMENT,
      subjectId: 501,
      offsetKey,
      plannedAt: new Date('2026-01-16T07:00:00Z'),
    };
  }

  describe('notifications', () => {
    it('lists them for HR with their recipient, as the contract says', async () => {
      const response = await graphql(t.app, NOTIFICATIONS, {}, t.tokenFor(hr));

      expect(response.errors).toBeUndefined();
      const list = response.data!.notifications;
      expect(list.totalCount).toBe(4);
      expect(list.edges[0].node).toEqual({
        id: '1',
        kind: 'ASSIGNMENT_DUE',
        status: 'SENT',
        plannedAt: '2026-01-16T07:00:00.000Z',
        sendAfter: '2026-01-16T14:00:00.000Z',
        sentAt: '2026-01-15T15:00:00.000Z',
        attempts: 1,
        lastError: null,
        subjectType: 'ASSIGNMENT',
        subjectId: '501',
        offsetKey: 'D7',
        reason: null,
        recipient: { id: String(dana.id), firstName: 'Dana', store: { code: 'S001' } },
      });
      expect(list.edges.map((e: any) => e.node.status)).toEqual(['SENT', 'PENDING', 'FAILED', 'PENDING']);
    });

    it('says why an escalation went to someone standing in for a store without a manager', async () => {
      const reason = 'No active store manager at S001 to tell, so the regional managers of North are told';
      await t.app
        .get(NotificationPlanner)
        .plan(t.dataSource.manager, [
          { ...reminder(hr.id, NotificationKind.ESCALATION, 'ESCALATE@2026-01-08'), templateData: { reason } },
        ]);

      const response = await graphql(t.app, NOTIFICATIONS, { filter: { kind: 'ESCALATION' } }, t.tokenFor(hr));

      expect(response.errors).toBeUndefined();
      expect(response.data!.notifications.edges.map((e: any) => [e.node.recipient.id, e.node.reason])).toEqual([
        [String(hr.id), reason],
      ]);
    });

    it('loads the recipients of a page in one batch', async () => {
      const lookups = jest.spyOn(t.app.get(OrganisationDirectory), 'employeesByIds');

      await graphql(t.app, NOTIFICATIONS, {}, t.tokenFor(admin));

      expect(lookups).toHaveBeenCalledTimes(1);
      expect([...lookups.mock.calls[0][0]].sort()).toEqual([dana.id, lee.id].sort());
      lookups.mockRestore();
    });

    it('filters by recipient, kind and status; PENDING includes one being sent right now', async () => {
      const ids = async (filter: Record<string, unknown>) => {
        const response = await graphql(t.app, NOTIFICATIONS, { filter }, t.tokenFor(hr));
        expect(response.errors).toBeUndefined();
        return response.data!.notifications.edges.map((e: any) => e.node.id);
      };

      expect(await ids({ employeeId: String(dana.id) })).toEqual(['1', '2']);
      expect(await ids({ kind: 'CERTIFICATION_EXPIRING' })).toEqual(['4']);
      expect(await ids({ status: 'PENDING' })).toEqual(['2', '4']);
      expect(await ids({ status: 'FAILED', employeeId: String(lee.id) })).toEqual(['3']);
      expect(await ids({ kind: 'WEEKLY_DIGEST' })).toEqual([]);
    });

    it('pages through them', async () => {
      const first = await graphql(t.app, NOTIFICATIONS, { first: 3 }, t.tokenFor(hr));
      expect(first.data!.notifications.pageInfo.hasNextPage).toBe(true);
      const second = await graphql(
        t.app,
        NOTIFICATIONS,
        { first: 3, after: first.data!.notifications.pageInfo.endCursor },
        t.tokenFor(hr),
      );
      expect(second.data!.notifications.edges.map((e: any) => e.node.id)).toEqual(['4']);
      expect(second.data!.notifications.pageInfo.hasNextPage).toBe(false);
    });

    it('is for HR and ADMIN only', async () => {
      const manager = await buildEmployee(t.dataSource, { storeId: dana.storeId, role: Role.STORE_MANAGER });

      expect(errorCode(await graphql(t.app, NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await graphql(t.app, NOTIFICATIONS, {}, t.tokenFor(dana)))).toBe('FORBIDDEN');
      const forManager = await graphql(t.app, NOTIFICATIONS, {}, t.tokenFor(manager));
      expect(errorCode(forManager)).toBe('FORBIDDEN');
      expect(forManager.data).toBeNull();
    });

    it('answers a malformed filter with BAD_USER_INPUT naming the field', async () => {
      const badId = await graphql(t.app, NOTIFICATIONS, { filter: { employeeId: 'abc' } }, t.tokenFor(hr));
      expect(errorCode(badId)).toBe('BAD_USER_INPUT');
      expect(badId.errors![0].extensions!.field).toBe('employeeId');

      const badKind = await graphql(t.app, NOTIFICATIONS, { filter: { kind: 'due soon' } }, t.tokenFor(hr));
      expect(errorCode(badKind)).toBe('BAD_USER_INPUT');
      expect(badKind.errors![0].extensions!.field).toBe('kind');

      expect(errorCode(await graphql(t.app, NOTIFICATIONS, { filter: { status: 'SENDING' } }, t.tokenFor(hr)))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await graphql(t.app, NOTIFICATIONS, { first: 0 }, t.tokenFor(hr)))).toBe('BAD_USER_INPUT');
      expect(errorCode(await graphql(t.app, NOTIFICATIONS, { after: 'nonsense' }, t.tokenFor(hr)))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('the queue dashboard at /admin/queues', () => {
    const server = () => t.app.getHttpServer();

    it('asks for a token', async () => {
      const response = await request(server()).get('/admin/queues');
      expect(response.status).toBe(401);
      expect(response.text).toMatch(/^UNAUTHENTICATED/);
      expect((await request(server()).get('/admin/queues/api/queues')).status).toBe(401);
      expect(
        (await request(server()).get('/admin/queues').set('authorization', 'Bearer forged.token.here')).status,
      ).toBe(401);
    });

    it('refuses anyone but an administrator', async () => {
      for (const person of [dana, hr]) {
        const response = await request(server())
          .get('/admin/queues')
          .set('authorization', `Bearer ${t.tokenFor(person)}`);
        expect(response.status).toBe(403);
        expect(response.text).toMatch(/^FORBIDDEN/);
      }
      const retry = await request(server())
        .put('/admin/queues/api/queues/mail/retry/failed')
        .set('authorization', `Bearer ${t.tokenFor(hr)}`);
      expect(retry.status).toBe(403);
    });

    it('shows every queue to an administrator', async () => {
      const token = `Bearer ${t.tokenFor(admin)}`;
      const page = await request(server()).get('/admin/queues').set('authorization', token);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      // Its page takes its typeface from Google Fonts; the web app's policy does not allow them.
      expect(page.headers['content-security-policy']).toContain('https://fonts.googleapis.com');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");

      const api = await request(server()).get('/admin/queues/api/queues').set('authorization', token);
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
        [
          'certification-issuing',
          'compliance-snapshots',
          'mail',
          'notifications-sweep',
          'reminder-planning',
          'system',
        ].sort(),
      );
    });

    it('shuts a deactivated administrator out at once', async () => {
      const token = t.tokenFor(admin);
      await t.dataSource.getRepository('EmployeeEntity').update({ id: admin.id }, { active: false });
      expect((await request(server()).get('/admin/queues').set('authorization', `Bearer ${token}`)).status).toBe(401);
    });
  });
});
