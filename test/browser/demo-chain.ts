import { join } from 'node:path';
import { CertificationWriter, ProgramSeeder } from '@lp/certification';
import { DemoCertifications, DemoLearning, DemoSeeder } from '@lp/demo';
import { PasswordHasher } from '@lp/identity';
import { CurriculumSeeder, loadCurriculum } from '@lp/learning';
import {
  NotificationEntity,
  NotificationKind,
  NotificationPlanner,
  NotificationStatus,
  NotificationSubjectType,
} from '@lp/notifications';
import { SnapshotService } from '@lp/reporting';
import type { TestApp } from '@lp/testing';

const CURRICULUM = join(__dirname, '..', '..', 'curriculum');

/** What `npm start` loads into an empty database: the shipped curriculum, its programmes and the demo chain. */
export async function seedDemoChain(t: TestApp): Promise<void> {
  const curriculum = await loadCurriculum(CURRICULUM);
  await t.app.get(CurriculumSeeder, { strict: false }).seed(curriculum);
  await t.app.get(ProgramSeeder, { strict: false }).seed(curriculum.programmes);
  await new DemoSeeder(
    t.dataSource,
    t.app.get(PasswordHasher, { strict: false }),
    t.clock,
    new DemoLearning(t.clock),
    new DemoCertifications(t.app.get(CertificationWriter, { strict: false }), t.clock),
    t.app.get(SnapshotService, { strict: false }),
  ).seed();
}

export async function employeeByEmail(t: TestApp, email: string): Promise<{ id: number }> {
  const [row] = await t.dataSource.query('SELECT id FROM employees WHERE email = ?', [email]);
  if (!row) throw new Error(`No demo employee ${email}`);
  return { id: Number(row.id) };
}

/**
 * The first person, by name, of the manager's own store who must hold a programme and has
 * no valid current certificate of it: read straight from the tables, not through the API.
 */
export async function firstMissingPersonOf(t: TestApp, managerEmail: string): Promise<string> {
  const [row] = await t.dataSource.query(
    `SELECT e.first_name, e.last_name
      FROM employees manager
      JOIN stores s ON s.id = manager.store_id
      JOIN employees e ON e.store_id = s.id AND e.active = 1
      JOIN program_audiences pa ON pa.job_role_id = e.job_role_id
       AND (pa.store_id IS NULL OR pa.store_id = s.id) AND (pa.region_id IS NULL OR pa.region_id = s.region_id)
     WHERE manager.email = ?
       AND NOT EXISTS (SELECT 1 FROM certifications c
         WHERE c.employee_id = e.id AND c.current_key = pa.program_id AND c.revoked_at IS NULL)
     ORDER BY e.last_name, e.first_name, e.id LIMIT 1`,
    [managerEmail],
  );
  if (!row) throw new Error(`Nobody in the store of ${managerEmail} is missing a certificate`);
  return `${row.first_name} ${row.last_name}`;
}

/** The answer key, which the browser never sees: ids of every correct option. */
export async function correctOptionIds(t: TestApp): Promise<string[]> {
  const rows: { id: number }[] = await t.dataSource.query('SELECT id FROM question_options WHERE correct = 1');
  return rows.map((row) => String(row.id));
}

/** A current certificate's public code, for the verification page. */
export async function validVerificationCode(t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(
    'SELECT verification_code AS code FROM certifications WHERE revoked_at IS NULL AND expires_at > ? ORDER BY id LIMIT 1',
    [t.clock.now()],
  );
  return row.code;
}

/**
 * Overdue reminders for the demo's late work, some already sent: what the worker would have
 * planned and mailed by now (the browser tests run the API only).
 */
export async function planOverdueReminders(t: TestApp): Promise<void> {
  const overdue: { id: number; employee_id: number; due_at: Date }[] = await t.dataSource.query(
    `SELECT id, employee_id, due_at FROM assignments
      WHERE completed_at IS NULL AND cancelled_at IS NULL AND due_at < ? ORDER BY due_at LIMIT 12`,
    [t.clock.now()],
  );
  await t.app.get(NotificationPlanner, { strict: false }).plan(
    t.dataSource.manager,
    overdue.map((assignment) => ({
      kind: NotificationKind.ASSIGNMENT_OVERDUE,
      recipientId: Number(assignment.employee_id),
      subjectType: NotificationSubjectType.ASSIGNMENT,
      subjectId: Number(assignment.id),
      offsetKey: 'OVERDUE-1',
      plannedAt: new Date(assignment.due_at),
    })),
  );
  const sent = await t.dataSource.getRepository(NotificationEntity).find({ order: { id: 'ASC' }, take: 8 });
  await t.dataSource.getRepository(NotificationEntity).update(
    sent.map((n) => n.id),
    { status: NotificationStatus.SENT, sentAt: t.clock.now(), attempts: 1 },
  );
}
