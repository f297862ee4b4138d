import type { DataSource, QueryRunner } from 'typeorm';
import { formatCertificateNumber, newVerificationCode } from '@lp/certification';
import { insertRows, type Row } from './bulk-insert';
import { type Catalogue, type CatalogueCourse, readCatalogue } from './chain-catalogue';
import { Random } from './random';

export interface ChainSize {
  stores: number;
  employees: number;
  /** Certification cycles per holder and programme; by default 1 to 3 at random. */
  certificationCycles?: number;
}

export interface ChainCounts {
  regions: number;
  stores: number;
  employees: number;
  assignments: number;
  lessonProgress: number;
  quizAttempts: number;
  certifications: number;
  certificationCourses: number;
}

const DAY = 86_400_000;
const STORES_PER_REGION = 25;
/** Employees generated and inserted together, so memory stays flat at 100k employees. */
const EMPLOYEE_BLOCK = 5000;
const TIMEZONES = [
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Ema', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena'];
const LAST_NAMES = ['Smith', 'Okafor', 'Nowak', 'Garcia', 'Chen', 'Murphy', 'Rossi', 'Khan', 'Silva', 'Brown'];

const EMPLOYEE_COLUMNS = [
  'id',
  'employee_number',
  'email',
  'first_name',
  'last_name',
  'job_role_id',
  'store_id',
  'role',
  'active',
  'hire_date',
  'terminated_at',
];
const ASSIGNMENT_COLUMNS = [
  'id',
  'employee_id',
  'course_id',
  'course_version_id',
  'due_at',
  'status',
  'reason',
  'open_key',
  'completed_at',
  'cancelled_at',
  'program_id',
  'created_at',
];
const ATTEMPT_COLUMNS = [
  'id',
  'assignment_id',
  'course_version_id',
  'number',
  'started_at',
  'expires_at',
  'submitted_at',
  'question_count',
  'correct_count',
  'score_percent',
  'passed',
];
const CERTIFICATION_COLUMNS = [
  'id',
  'employee_id',
  'program_id',
  'certificate_number',
  'verification_code',
  'issued_at',
  'expires_at',
  'source',
  'previous_certification_id',
  'current_key',
  'revoked_at',
  'revoked_reason',
];

interface Employee {
  id: number;
  storeId: number;
  jobRoleId: number;
  hiredAt: Date;
  /** Whole days from the hire to now: at least MIN_DAYS_EMPLOYED. */
  daysEmployed: number;
}

/** Hired at least this long ago, so that a finished assignment or a leaving fits between the hire and yesterday. */
const MIN_DAYS_EMPLOYED = 20;

interface Block {
  employees: Row[];
  assignments: Row[];
  lessonProgress: Row[];
  attempts: Row[];
  certifications: Row[];
  certificationCourses: Row[];
}

/**
 * Fills a migrated database that holds the curriculum (and nothing else) with a chain:
 * regions, stores in several timezones, employees with a realistic job-role mix,
 * assignments in every status with their lessons and quiz attempts, and certifications
 * whose expiries spread from lapsed to a year ahead, with earlier cycles behind them.
 * Ids are chosen here, so related rows are built without reading anything back; every
 * table is written with multi-row INSERTs.
 */
export class ChainGenerator {
  private readonly random: Random;
  private readonly now: Date;
  private readonly counts: ChainCounts = {
    regions: 0,
    stores: 0,
    employees: 0,
    assignments: 0,
    lessonProgress: 0,
    quizAttempts: 0,
    certifications: 0,
    certificationCourses: 0,
  };
  private nextAssignmentId = 1;
  private nextAttemptId = 1;
  private nextCertificationId = 1;
  private readonly certificateSequences = new Map<string, number>();

  constructor(
    private readonly size: ChainSize,
    private readonly log: (line: string) => void,
    options: { seed?: number; now?: Date } = {},
  ) {
    this.random = new Random(options.seed ?? 20_261_127);
    this.now = options.now ?? new Date();
  }

  async generate(dataSource: DataSource): Promise<ChainCounts> {
    const runner = dataSource.createQueryRunner();
    try {
      const catalogue = await readCatalogue(runner);
      if (catalogue.courses.length === 0 || catalogue.programmes.length === 0) {
        throw new Error('The database has no curriculum: seed it first (bench:data does, via seed-curriculum).');
      }
      await runner.query('SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0');
      const storeIds = await this.insertOrganisation(runner);
      await this.insertPeople(runner, catalogue, storeIds);
      await this.insertCertificateSequences(runner, catalogue);
      await runner.query('SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1');
      return this.counts;
    } finally {
      await runner.release();
    }
  }

  private async insertOrganisation(runner: QueryRunner): Promise<number[]> {
    const regionCount = this.regionCount();
    const regions: Row[] = [];
    for (let r = 1; r <= regionCount; r++) regions.push([r, `R${String(r).padStart(3, '0')}`, `Region ${r}`]);
    await insertRows(runner, 'regions', ['id', 'code', 'name'], regions);
    const stores: Row[] = [];
    for (let s = 1; s <= this.size.stores; s++) {
      const regionId = ((s - 1) % regionCount) + 1;
      stores.push([s, `S${String(s).padStart(5, '0')}`, `Store ${s}`, regionId, TIMEZONES[s % TIMEZONES.length]]);
    }
    await insertRows(runner, 'stores', ['id', 'code', 'name', 'region_id', 'timezone'], stores);
    this.counts.regions = regionCount;
    this.counts.stores = this.size.stores;
    this.log(`regions: ${regionCount}, stores: ${this.size.stores} in ${TIMEZONES.length} timezones`);
    return stores.map((s) => s[0] as number);
  }

  private async insertPeople(runner: QueryRunner, catalogue: Catalogue, storeIds: number[]): Promise<void> {
    const managers: { store: Row[]; region: Row[] } = { store: [], region: [] };
    let block = emptyBlock();
    for (let index = 0; index < this.size.employees; index++) {
      const id = index + 1;
      const storeId = storeIds[index % storeIds.length];
      const position = Math.floor(index / storeIds.length);
      const regionCount = this.regionCount();
      const { jobRole, role } = this.roleOf(position, storeId, id, regionCount);
      if (role === 'STORE_MANAGER') managers.store.push([id, storeId]);
      if (role === 'REGIONAL_MANAGER') managers.region.push([id, ((storeId - 1) % regionCount) + 1]);
      const daysEmployed = this.random.int(MIN_DAYS_EMPLOYED, 5 * 365);
      const employee: Employee = {
        id,
        storeId,
        jobRoleId: catalogue.jobRoleIds.get(jobRole)!,
        hiredAt: this.daysAgo(daysEmployed),
        daysEmployed,
      };
      block.employees.push(this.employeeRow(employee, role));
      this.addLearning(block, employee, catalogue);
      if (block.employees.length === EMPLOYEE_BLOCK) {
        await this.flush(runner, block);
        block = emptyBlock();
      }
    }
    await this.flush(runner, block);
    await insertRows(runner, 'store_managers', ['employee_id', 'store_id'], managers.store);
    await insertRows(runner, 'region_managers', ['employee_id', 'region_id'], managers.region);
  }

  /** One store manager and (from the fifth employee of a store) one LP officer per store, then the floor. */
  private roleOf(
    position: number,
    storeId: number,
    id: number,
    regionCount: number,
  ): { jobRole: string; role: string } {
    if (id === this.size.employees) return { jobRole: 'SUPERVISOR', role: 'ADMIN' };
    if (id === this.size.employees - 1) return { jobRole: 'SUPERVISOR', role: 'HR' };
    if (position === 0) return { jobRole: 'STORE_MANAGER', role: 'STORE_MANAGER' };
    if (position === 1 && storeId <= regionCount) return { jobRole: 'SUPERVISOR', role: 'REGIONAL_MANAGER' };
    if (position === 4) return { jobRole: 'LP_OFFICER', role: 'EMPLOYEE' };
    const draw = this.random.next();
    if (draw < 0.1) return { jobRole: 'SUPERVISOR', role: 'EMPLOYEE' };
    if (draw < 0.5) return { jobRole: 'CASHIER', role: 'EMPLOYEE' };
    return { jobRole: 'SALES_ASSOCIATE', role: 'EMPLOYEE' };
  }

  private employeeRow(employee: Employee, role: string): Row {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const active = this.random.next() < 0.97;
    return [
      employee.id,
      `B${String(employee.id).padStart(7, '0')}`,
      `${first}.${last}.${employee.id}@bench.lp-academy.test`.toLowerCase(),
      first,
      last,
      employee.jobRoleId,
      employee.storeId,
      role,
      active ? 1 : 0,
      employee.hiredAt.toISOString().slice(0, 10),
      active ? null : this.daysAgo(this.random.int(1, Math.min(200, employee.daysEmployed - 1))),
    ];
  }

  /**
   * Every programme course the employee's job role requires, plus two elective ones: past
   * yearly cycles completed since the hire, and the current one in any status. Certifications
   * follow the programmes of the job role. Nothing is dated before the hire or, but for due
   * dates, after now.
   */
  private addLearning(block: Block, employee: Employee, catalogue: Catalogue): void {
    const { daysEmployed } = employee;
    const required = catalogue.programmes.filter((p) => p.jobRoleIds.includes(employee.jobRoleId));
    const courseIds = new Set(required.flatMap((p) => p.courseIds));
    const electives = catalogue.courses.filter((c) => !courseIds.has(c.id));
    for (let i = 0; i < 2 && electives.length > 0; i++)
      courseIds.add(electives.splice(this.random.int(0, electives.length - 1), 1)[0].id);
    for (const course of catalogue.courses.filter((c) => courseIds.has(c.id))) {
      const programme = required.find((p) => p.courseIds.includes(course.id));
      const history = this.random.int(0, 3);
      for (let cycle = history; cycle >= 1; cycle--) {
        const completedAt = this.daysAgo(cycle * 365 + this.random.int(0, 60));
        if (completedAt <= employee.hiredAt) continue;
        this.addAssignment(block, employee, course, programme?.id ?? null, 'COMPLETED', completedAt, 'REFRESHER');
      }
      const draw = this.random.next();
      const status = draw < 0.45 ? 'COMPLETED' : draw < 0.67 ? 'IN_PROGRESS' : draw < 0.9 ? 'ASSIGNED' : 'CANCELLED';
      const when =
        status === 'COMPLETED' || status === 'CANCELLED'
          ? this.daysAgo(this.random.int(1, Math.min(300, daysEmployed - 1)))
          : this.daysAgo(this.random.int(-60, 10));
      this.addAssignment(block, employee, course, programme?.id ?? null, status, when, programme ? 'RULE' : 'MANUAL');
    }
    for (const programme of required) this.addCertifications(block, employee, programme);
  }

  private addAssignment(
    block: Block,
    employee: Employee,
    course: CatalogueCourse,
    programId: number | null,
    status: string,
    when: Date,
    reason: string,
  ): void {
    const id = this.nextAssignmentId++;
    const open = status === 'ASSIGNED' || status === 'IN_PROGRESS';
    const started = status === 'COMPLETED' || status === 'IN_PROGRESS';
    const dueAt = open ? when : new Date(when.getTime() + this.random.int(0, 20) * DAY);
    // Assigned a month before the due date, but not before the hire nor later than yesterday.
    const createdAt = new Date(
      Math.max(employee.hiredAt.getTime(), Math.min(dueAt.getTime() - 30 * DAY, this.now.getTime() - DAY)),
    );
    block.assignments.push([
      id,
      employee.id,
      course.id,
      started ? course.versionId : null,
      dueAt,
      status,
      reason,
      open ? course.id : null,
      status === 'COMPLETED' ? when : null,
      status === 'CANCELLED' ? when : null,
      programId,
      createdAt,
    ]);
    const current = reason !== 'REFRESHER';
    if (started && current) {
      // Most learners in progress have read every lesson and face the quiz; the rest are mid-course.
      const read = status === 'COMPLETED' || this.random.next() < 0.7 ? course.lessonIds : course.lessonIds.slice(0, 1);
      for (const lessonId of read) block.lessonProgress.push([id, lessonId, course.versionId, createdAt]);
      this.counts.lessonProgress += read.length;
    }
    if (status === 'COMPLETED') this.addAttempts(block, id, course, this.random.int(1, 3), true, when);
    if (status === 'IN_PROGRESS' && this.random.next() < 0.5) {
      const lastAttemptEnd = new Date(Math.min(when.getTime(), this.now.getTime() - 3_600_000));
      this.addAttempts(block, id, course, this.random.int(1, course.maxAttempts - 1), false, lastAttemptEnd);
    }
  }

  private addAttempts(
    block: Block,
    assignmentId: number,
    course: CatalogueCourse,
    count: number,
    lastPassed: boolean,
    end: Date,
  ): void {
    for (let number = 1; number <= count; number++) {
      const passed = lastPassed && number === count;
      const questions = course.questionsPerAttempt;
      const correct = passed
        ? this.random.int(Math.ceil(questions * 0.8), questions)
        : this.random.int(0, Math.ceil(questions * 0.8) - 1);
      const startedAt = new Date(end.getTime() - (count - number + 1) * 3_600_000);
      block.attempts.push([
        this.nextAttemptId++,
        assignmentId,
        course.versionId,
        number,
        startedAt,
        null,
        new Date(startedAt.getTime() + 600_000),
        questions,
        correct,
        ((correct * 100) / questions).toFixed(2),
        passed ? 1 : 0,
      ]);
    }
  }

  /**
   * Most holders have a current cycle, issued up to 14 months ago (so some lapsed) and not
   * before the hire, with up to two before it since the hire (or `certificationCycles` in all,
   * a year apart, however long the holder has been employed).
   */
  private addCertifications(block: Block, employee: Employee, programme: Catalogue['programmes'][number]): void {
    if (this.random.next() > 0.85) return;
    const issuedDaysAgo = this.random.int(0, Math.min(420, employee.daysEmployed));
    const latestIssuedAt = this.daysAgo(issuedDaysAgo);
    const cyclesSinceHire = 1 + Math.floor((employee.daysEmployed - issuedDaysAgo) / 365);
    const cycles = this.size.certificationCycles ?? Math.min(this.random.int(1, 3), cyclesSinceHire);
    let previousId: number | null = null;
    for (let cycle = cycles - 1; cycle >= 0; cycle--) {
      const id = this.nextCertificationId++;
      const issuedAt = new Date(latestIssuedAt.getTime() - cycle * 365 * DAY);
      const expiresAt = new Date(issuedAt);
      expiresAt.setUTCMonth(expiresAt.getUTCMonth() + programme.validityMonths);
      const current = cycle === 0;
      const revoked = current && this.random.next() < 0.01;
      block.certifications.push([
        id,
        employee.id,
        programme.id,
        this.certificateNumber(programme.code, issuedAt.getUTCFullYear()),
        newVerificationCode(),
        issuedAt,
        expiresAt,
        'COMPLETION',
        previousId,
        current ? programme.id : null,
        revoked ? issuedAt : null,
        revoked ? 'Issued in error (generated)' : null,
      ]);
      for (const courseId of programme.courseIds) block.certificationCourses.push([id, courseId, issuedAt]);
      previousId = id;
    }
  }

  private certificateNumber(programmeCode: string, year: number): string {
    const key = `${programmeCode}:${year}`;
    const sequence = (this.certificateSequences.get(key) ?? 0) + 1;
    this.certificateSequences.set(key, sequence);
    return formatCertificateNumber(programmeCode, year, sequence);
  }

  private async flush(runner: QueryRunner, block: Block): Promise<void> {
    await insertRows(runner, 'employees', EMPLOYEE_COLUMNS, block.employees);
    await insertRows(runner, 'assignments', ASSIGNMENT_COLUMNS, block.assignments);
    await insertRows(
      runner,
      'lesson_progress',
      ['assignment_id', 'lesson_id', 'course_version_id', 'completed_at'],
      block.lessonProgress,
    );
    await insertRows(runner, 'quiz_attempts', ATTEMPT_COLUMNS, block.attempts);
    await insertRows(runner, 'certifications', CERTIFICATION_COLUMNS, block.certifications);
    await insertRows(
      runner,
      'certification_courses',
      ['certification_id', 'course_id', 'completed_at'],
      block.certificationCourses,
    );
    this.counts.employees += block.employees.length;
    this.counts.assignments += block.assignments.length;
    this.counts.quizAttempts += block.attempts.length;
    this.counts.certifications += block.certifications.length;
    this.counts.certificationCourses += block.certificationCourses.length;
    this.log(`employees: ${this.counts.employees} of ${this.size.employees}`);
  }

  /**
   * So the next certificate issued in the app continues each programme's yearly sequence.
   * Creating a programme already opened this year's and next year's rows at 0.
   */
  private async insertCertificateSequences(runner: QueryRunner, catalogue: Catalogue): Promise<void> {
    const rows = [...this.certificateSequences].map(([key, last]) => {
      const [code, year] = key.split(':');
      return [catalogue.programmes.find((p) => p.code === code)!.id, Number(year), last];
    });
    if (rows.length === 0) return;
    await runner.query(
      `INSERT INTO certificate_sequences (program_id, year, last_number) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE last_number = VALUES(last_number)`,
      rows.flat(),
    );
  }

  /** About 25 stores a region, and at least a few regions even for a small chain. */
  private regionCount(): number {
    return Math.max(Math.min(this.size.stores, 4), Math.ceil(this.size.stores / STORES_PER_REGION));
  }

  private daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }
}

function emptyBlock(): Block {
  return {
    employees: [],
    assignments: [],
    lessonProgress: [],
    attempts: [],
    certifications: [],
    certificationCourses: [],
  };
}
