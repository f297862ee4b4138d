import { Role } from '@lp/organisation';
import {
  buildCourse,
  buildEmployee,
  buildProgram,
  buildStore,
  createTestApp,
  createTestWorker,
  graphql,
  SmtpCapture,
  type TestApp,
} from '@lp/testing';

const CREATE_PROGRAM = `mutation ($input: CreateCertificationProgramInput!) { createCertificationProgram(input: $input) { id } }`;

/** A year's first certificate must not create its numbering row while others wait for it. */
describe("certificate numbering is ready before a year's first certificate", () => {
  const smtp = new SmtpCapture();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await t.reset();
    t.clock.set(new Date('2026-12-31T21:00:00Z'));
  });

  const yearsOf = async (programId: number) =>
    (
      (await t.dataSource.query(
        'SELECT year, last_number FROM certificate_sequences WHERE program_id = ? ORDER BY year',
        [programId],
      )) as { year: number; last_number: number }[]
    ).map((row) => `${row.year}:${row.last_number}`);

  it('for a programme created through the API: this year and the next', async () => {
    const hr = await buildEmployee(t.dataSource, { role: Role.HR, storeId: (await buildStore(t.dataSource)).id });
    const course = await buildCourse(t.dataSource, { code: 'YEARS-1' });

    const created = await graphql(
      t.app,
      CREATE_PROGRAM,
      {
        input: {
          code: 'YRS',
          name: 'Years',
          courseIds: [course.course.id],
          validityMonths: 12,
          recertifyWindowDays: 30,
        },
      },
      t.tokenFor(hr),
    );

    expect(created.errors).toBeUndefined();
    expect(await yearsOf(Number(created.data!.createCertificationProgram.id))).toEqual(['2026:0', '2027:0']);
  });

  it('for every programme once a worker has started, keeping the numbers already handed out', async () => {
    const program = await buildProgram(t.dataSource, { code: 'OLD' });
    await t.dataSource.query('INSERT INTO certificate_sequences (program_id, year, last_number) VALUES (?, 2026, 17)', [
      program.id,
    ]);

    const worker = await createTestWorker({ clock: t.clock, smtpUrl: smtp.url });
    await worker.close();

    expect(await yearsOf(program.id)).toEqual(['2026:17', '2027:0']);
  });
});
