import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificationWriter, ProgramSeeder } from '@lp/certification';
import { DEMO_HISTORY_DAYS, DEMO_PASSWORD, DemoCertifications, DemoLearning, DemoSeeder } from '@lp/demo';
import { PasswordHasher } from '@lp/identity';
import { CurriculumError, CurriculumSeeder, loadCurriculum } from '@lp/learning';
import { localIsoDay, Role } from '@lp/organisation';
import { SnapshotService } from '@lp/reporting';
import { buildEmployee, createTestApp, graphql, overrideEnvironment, type TestApp } from '@lp/testing';
import { seedCurriculum } from '../../apps/cli/src/commands/seed-curriculum.command';

const SHIPPED = join(__dirname, '..', '..', 'curriculum');

/** A copy of the shipped curriculum whose `file` (LP-BASICS's by default) has `edit` applied to its text. */
function editedCurriculum(edit: (text: string) => string, file = join('courses', 'lp-basics.yaml')): string {
  const directory = mkdtempSync(join(tmpdir(), 'lp-curriculum-'));
  cpSync(SHIPPED, directory, { recursive: true });
  writeFileSync(join(directory, file), edit(readFileSync(join(directory, file), 'utf8')));
  return directory;
}

describe('the built-in curriculum and the demo data', () => {
  let t: TestApp;
  let seeder: CurriculumSeeder;

  beforeAll(async () => {
    t = await createTestApp();
    seeder = t.app.get(CurriculumSeeder, { strict: false });
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM courses) AS courses, (SELECT COUNT(*) FROM course_versions) AS versions,
              (SELECT COUNT(*) FROM lessons) AS lessons, (SELECT COUNT(*) FROM questions) AS questions,
              (SELECT COUNT(*) FROM question_options) AS options, (SELECT COUNT(*) FROM audit_events) AS audits`,
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }

  const outcomes = async (directory: string) =>
    Object.fromEntries((await seeder.seed(await loadCurriculum(directory))).map((o) => [o.code, o.outcome]));

  it('loads every course once; seeding again changes nothing', async () => {
    const first = await seeder.seed(await loadCurriculum(SHIPPED));
    expect(first.map((o) => [o.code, o.outcome, o.versionNumber])).toEqual(
      ['LP-BASICS', 'LP-INTERNAL', 'LP-LAW', 'LP-AUDIT', 'LP-SURV', 'LP-THEFT'].map((code) => [code, 'created', 1]),
    );
    const after = await rowCounts();
    expect(after).toMatchObject({ courses: 6, versions: 6 });
    expect(await outcomes(SHIPPED)).toEqual(Object.fromEntries(first.map((o) => [o.code, 'unchanged'])));
    expect(await rowCounts()).toEqual(after);
  });

  it('loads it once when two processes start at the same moment', async () => {
    const lines: string[] = [];
    await Promise.all([1, 2].map(() => seedCurriculum((line) => lines.push(line), false)));
    expect(lines.filter((line) => line.endsWith(': created and published version 1'))).toHaveLength(6);
    expect(lines.filter((line) => line.endsWith(': created'))).toHaveLength(2);
    expect(await rowCounts()).toMatchObject({ courses: 6, versions: 6 });
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM certification_programs');
    expect(Number(n)).toBe(2);
  });

  it('publishes a new version when a file changes what it teaches, and only updates details otherwise', async () => {
    await seeder.seed(await loadCurriculum(SHIPPED));
    const changedLesson = editedCurriculum((text) => text.replace('## What is shrink?', '## What shrink is'));
    expect(await outcomes(changedLesson)).toMatchObject({ 'LP-BASICS': 'published', 'LP-THEFT': 'unchanged' });
    expect(await outcomes(changedLesson)).toMatchObject({ 'LP-BASICS': 'unchanged' });
    const [basics] = await t.dataSource.query(
      `SELECT v.number, c.title FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.code = 'LP-BASICS'`,
    );
    expect(basics.number).toBe(2);

    const renamed = editedCurriculum((text) =>
      text
        .replace('## What is shrink?', '## What shrink is')
        .replace('title: Loss Prevention Basics', 'title: Loss Prevention Essentials'),
    );
    expect(await outcomes(renamed)).toMatchObject({ 'LP-BASICS': 'updated' });
    const [renamedRow] = await t.dataSource.query(
      `SELECT v.number, c.title FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.code = 'LP-BASICS'`,
    );
    expect(renamedRow).toEqual({ number: 2, title: 'Loss Prevention Essentials' });
  });

  it("keeps an admin's published edits while the file itself is unchanged", async () => {
    await seeder.seed(await loadCurriculum(SHIPPED));
    const admin = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
    const [{ id }] = await t.dataSource.query("SELECT id FROM courses WHERE code = 'LP-LAW'");
    await graphql(
      t.app,
      'mutation ($c: ID!) { configureQuiz(courseId: $c, input: { maxAttempts: 5 }) { maxAttempts } }',
      { c: String(id) },
      admin,
    );
    expect(
      (await graphql(t.app, 'mutation ($c: ID!) { publishCourse(courseId: $c) { number } }', { c: String(id) }, admin))
        .data!.publishCourse,
    ).toEqual({ number: 2 });
    expect(await outcomes(SHIPPED)).toMatchObject({ 'LP-LAW': 'unchanged' });
    const [law] = await t.dataSource.query(
      "SELECT v.number, v.quiz_max_attempts FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.code = 'LP-LAW'",
    );
    expect(law).toEqual({ number: 2, quiz_max_attempts: 5 });
  });

  it("keeps an admin's edits when the file changes too, says so at every start, and replaces them only when told", async () => {
    await seeder.seed(await loadCurriculum(SHIPPED));
    const admin = t.tokenFor(await buildEmployee(t.dataSource, { role: Role.ADMIN }));
    const courseId = async (code: string) =>
      String((await t.dataSource.query('SELECT id FROM courses WHERE code = ?', [code]))[0].id);
    const law = await courseId('LP-LAW');
    const basics = await courseId('LP-BASICS');
    const send = (query: string, c: string) => graphql(t.app, query, { c }, admin);
    // LP-LAW: an admin's version 2 that learners take; LP-BASICS: an admin's draft in progress.
    await send('mutation ($c: ID!) { configureQuiz(courseId: $c, input: { maxAttempts: 5 }) { maxAttempts } }', law);
    await send('mutation ($c: ID!) { publishCourse(courseId: $c) { number } }', law);
    await send(
      'mutation ($c: ID!) { addLesson(courseId: $c, input: { title: "Our store radio codes", body: "Code 3: call the LP officer." }) { id } }',
      basics,
    );
    const courseAudits = async () =>
      Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'Course'"))[0].n);
    const auditsBefore = await courseAudits();

    const shipped = editedCurriculum(
      (text) => text.replace('title: Working with Law Enforcement', 'title: Working with the Police'),
      join('courses', 'lp-law-enforcement.yaml'),
    );
    writeFileSync(
      join(shipped, 'courses', 'lp-basics.yaml'),
      readFileSync(join(shipped, 'courses', 'lp-basics.yaml'), 'utf8').replace(
        '## What is shrink?',
        '## What shrink is',
      ),
    );
    const lines: string[] = [];
    const restoreEnvironment = overrideEnvironment({ CURRICULUM_DIR: shipped });
    try {
      await seedCurriculum((line) => lines.push(line), false);
      await seedCurriculum((line) => lines.push(line), false);
    } finally {
      restoreEnvironment();
    }
    const warning = (code: string, edits: string) =>
      `${code}: its file changed, but an admin has edited the course since it was loaded (${edits}); ` +
      'the file was not applied (npm run cli -- seed-curriculum --overwrite-edits replaces their work with it)';
    const warnings = [
      warning('LP-BASICS', 'a draft, version 2, is open'),
      warning('LP-LAW', 'version 2 was published by an admin'),
    ];
    expect(lines.filter((line) => !line.startsWith('Programme'))).toEqual([...warnings, ...warnings]);

    const [lawNow] = await t.dataSource.query(
      `SELECT c.title, v.number, v.quiz_max_attempts FROM courses c JOIN course_versions v ON v.id = c.current_version_id
        WHERE c.code = 'LP-LAW'`,
    );
    expect(lawNow).toEqual({ title: 'Working with Law Enforcement', number: 2, quiz_max_attempts: 5 });
    const draft = await graphql(
      t.app,
      'query ($c: ID!) { course(id: $c) { currentVersion { number } draftVersion { number lessons { title } } } }',
      { c: basics },
      admin,
    );
    expect(draft.data!.course.currentVersion).toEqual({ number: 1 });
    expect(draft.data!.course.draftVersion.lessons.at(-1)).toEqual({ title: 'Our store radio codes' });
    expect(await courseAudits()).toBe(auditsBefore);

    expect(await seeder.seed(await loadCurriculum(shipped), { overwriteEdits: true })).toEqual(
      expect.arrayContaining([
        { code: 'LP-LAW', outcome: 'published', versionNumber: 3, replacedDraft: false },
        { code: 'LP-BASICS', outcome: 'published', versionNumber: 2, replacedDraft: true },
      ]),
    );
    expect(await outcomes(shipped)).toMatchObject({ 'LP-LAW': 'unchanged', 'LP-BASICS': 'unchanged' });
  });

  it("checks the programmes against HR's rules before seeding any course, and then writes nothing", async () => {
    const broken = editedCurriculum(
      (text) =>
        text
          .replace('recertifyWindowDays: 60', 'recertifyWindowDays: 340')
          .replace('requiredJobRoleCodes: [SALES_ASSOCIATE,', 'requiredJobRoleCodes: [ASTRONAUT, SALES_ASSOCIATE,'),
      'programs.yaml',
    );
    const restoreEnvironment = overrideEnvironment({ CURRICULUM_DIR: broken });
    try {
      const seeding = seedCurriculum(() => undefined, false);
      await expect(seeding).rejects.toBeInstanceOf(CurriculumError);
      await expect(seeding).rejects.toMatchObject({
        problems: [
          'programs.yaml: LPF: requiredJobRoleCodes: no job role ASTRONAUT',
          'programs.yaml: LPF: recertifyWindowDays must be shorter than the validity',
        ],
      });
    } finally {
      restoreEnvironment();
    }
    expect(await rowCounts()).toMatchObject({ courses: 0, versions: 0 });
  });

  it('refuses a built-in programme whose name one of HR’s programmes has taken, and writes nothing', async () => {
    await seedCurriculum(() => undefined, false);
    // HR's own programme carries the name now; the built-in one (its code gone) is to be made again.
    await t.dataSource.query("UPDATE certification_programs SET code = 'HR-LPF' WHERE code = 'LPF'");
    const before = await rowCounts();

    const seeding = seedCurriculum(() => undefined, false);
    await expect(seeding).rejects.toBeInstanceOf(CurriculumError);
    await expect(seeding).rejects.toMatchObject({
      problems: [`programs.yaml: LPF: name "LP Foundations" is programme HR-LPF's already; rename one of them`],
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('says how to load the curriculum first, in a checkout and in the Docker image, and loads no demo data', async () => {
    const demo = new DemoSeeder(
      t.dataSource,
      t.app.get(PasswordHasher, { strict: false }),
      t.clock,
      new DemoLearning(t.clock),
      new DemoCertifications(t.app.get(CertificationWriter, { strict: false }), t.clock),
      t.app.get(SnapshotService, { strict: false }),
    );
    await expect(demo.seed()).rejects.toThrow(
      /^Load the curriculum before the demo data \(missing LP-BASICS, .*\): `node dist\/apps\/cli\/src\/main\.js seed-curriculum` \(with Docker compose: `docker compose -f docker\/compose\.yaml run --rm api node dist\/apps\/cli\/src\/main\.js seed-curriculum`\)$/,
    );
    expect(await demo.isDatabaseEmpty()).toBe(true);
  });

  it('gives the demo chain training in every state and employee@example.com a quiz to take', async () => {
    const curriculum = await loadCurriculum(SHIPPED);
    await seeder.seed(curriculum);
    expect(await t.app.get(ProgramSeeder, { strict: false }).seed(curriculum.programmes)).toEqual([
      { code: 'LPF', outcome: 'created' },
      { code: 'LPO', outcome: 'created' },
    ]);
    const demo = new DemoSeeder(
      t.dataSource,
      t.app.get(PasswordHasher, { strict: false }),
      t.clock,
      new DemoLearning(t.clock),
      new DemoCertifications(t.app.get(CertificationWriter, { strict: false }), t.clock),
      t.app.get(SnapshotService, { strict: false }),
    );
    const summary = await demo.seed();
    expect(summary.assignments).toBeGreaterThan(100);
    expect(summary.certificates).toBeGreaterThan(20);
    const [history] = await t.dataSource.query(
      `SELECT COUNT(DISTINCT day) AS days, (SELECT COUNT(*) FROM compliance_day_closes) AS closed
         FROM store_compliance_snapshots`,
    );
    expect({ days: Number(history.days), closed: Number(history.closed) }).toEqual({
      days: DEMO_HISTORY_DAYS + 1,
      closed: DEMO_HISTORY_DAYS,
    });
    const certificationStates = await t.dataSource.query(
      `SELECT DISTINCT CASE WHEN c.revoked_at IS NOT NULL THEN 'REVOKED'
                            WHEN c.expires_at <= ? THEN 'EXPIRED'
                            WHEN c.expires_at <= DATE_ADD(?, INTERVAL p.recertify_window_days DAY) THEN 'EXPIRING'
                            ELSE 'ACTIVE' END AS state
         FROM certifications c JOIN certification_programs p ON p.id = c.program_id ORDER BY state`,
      [t.clock.now(), t.clock.now()],
    );
    expect(certificationStates.map((s: { state: string }) => s.state)).toEqual([
      'ACTIVE',
      'EXPIRED',
      'EXPIRING',
      'REVOKED',
    ]);

    const states = await t.dataSource.query(
      `SELECT CASE WHEN status IN ('ASSIGNED', 'IN_PROGRESS') AND due_at < ? THEN 'OVERDUE' ELSE status END AS state,
              COUNT(*) AS n
         FROM assignments GROUP BY state ORDER BY state`,
      [t.clock.now()],
    );
    expect(states.map((s: { state: string }) => s.state)).toEqual(['ASSIGNED', 'COMPLETED', 'IN_PROGRESS', 'OVERDUE']);
    const [consistency] = await t.dataSource.query(
      `SELECT
         (SELECT COUNT(*) FROM assignments a WHERE a.status = 'COMPLETED'
            AND NOT EXISTS (SELECT 1 FROM quiz_attempts q WHERE q.assignment_id = a.id AND q.passed = 1)) AS completed_without_pass,
         (SELECT COUNT(*) FROM assignments a WHERE a.status = 'IN_PROGRESS'
            AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.assignment_id = a.id)) AS started_without_progress,
         (SELECT COUNT(*) FROM quiz_attempts WHERE passed = 0) AS failed_attempts,
         (SELECT COUNT(*) FROM assignments a WHERE a.reason <> 'MANUAL'
            AND NOT EXISTS (SELECT 1 FROM program_courses pc
                             WHERE pc.program_id = a.program_id AND pc.course_id = a.course_id)) AS rule_made_outside_a_programme,
         (SELECT COUNT(*) FROM assignments a WHERE a.reason = 'ONBOARDING') AS onboarding,
         (SELECT COUNT(*) FROM assignments a WHERE a.reason = 'RULE') AS rule_made_later`,
    );
    // Rule-made work names the programme that made it, as the audience rules write it: the
    // open-work CSV shows it, and moving someone out of the audience cancels it.
    expect(consistency).toMatchObject({
      completed_without_pass: 0,
      started_without_progress: 0,
      rule_made_outside_a_programme: 0,
    });
    expect(Number(consistency.onboarding)).toBeGreaterThan(0);
    expect(Number(consistency.rule_made_later)).toBeGreaterThan(0);
    // What the rules gave at hire says ONBOARDING for those hired within the programme's
    // onboarding period before today in their store's zone, RULE for longer-serving staff.
    const ruleMade = (await t.dataSource.query(
      `SELECT a.reason, DATE_FORMAT(e.hire_date, '%Y-%m-%d') AS hire_date, s.timezone, p.onboarding_days
         FROM assignments a JOIN employees e ON e.id = a.employee_id JOIN stores s ON s.id = e.store_id
         JOIN certification_programs p ON p.id = a.program_id
        WHERE a.reason IN ('ONBOARDING', 'RULE')`,
    )) as { reason: string; hire_date: string; timezone: string; onboarding_days: number }[];
    const periodStart = (timezone: string, days: number) => {
      const today = new Date(`${localIsoDay(t.clock.now(), timezone)}T00:00:00Z`);
      return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    };
    expect(
      ruleMade.filter(
        (row) =>
          (row.reason === 'ONBOARDING') !== row.hire_date >= periodStart(row.timezone, Number(row.onboarding_days)),
      ),
    ).toEqual([]);
    expect(Number(consistency.failed_attempts)).toBeGreaterThan(0);

    const login = await graphql(
      t.app,
      'mutation ($p: String!) { login(email: "employee@example.com", password: $p) { accessToken } }',
      { p: DEMO_PASSWORD },
    );
    const token = login.data!.login.accessToken;
    const mine = (await graphql(t.app, '{ myAssignments { id status progressPercent course { title } } }', {}, token))
      .data!.myAssignments;
    expect(mine.map((a: { status: string }) => a.status).sort()).toEqual(['COMPLETED', 'IN_PROGRESS', 'OVERDUE']);
    const ready = mine.find((a: { status: string }) => a.status === 'IN_PROGRESS');
    const attempt = await graphql(
      t.app,
      'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { number questions { id } } }',
      { a: ready.id },
      token,
    );
    expect(attempt.data!.startQuizAttempt).toMatchObject({ number: 1 });
    expect(attempt.data!.startQuizAttempt.questions).toHaveLength(10);
  });
});
