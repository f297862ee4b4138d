import { join } from 'node:path';
import { CertificationWriter, ProgramSeeder } from '@lp/certification';
import { DemoCertifications, DemoLearning, DemoSeeder } from '@lp/demo';
import { PasswordHasher } from '@lp/identity';
import { CurriculumSeeder, loadCurriculum } from '@lp/learning';
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
