import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '@lp/audit';
import { chunks, Clock, ConflictError, isDuplicateKeyError, retriedTransaction } from '@lp/core';
import {
  endOfLocalDay,
  type ImportLineError,
  localIsoDay,
  localTime,
  resolveTimezone,
  startOfLocalDay,
  StoreFiguresChanged,
} from '@lp/organisation';
import { CertificationSource } from '../../entities';
import { newVerificationCode } from '../../rules/certificate-codes';
import { initialExpiry, type RenewalBasis } from '../../rules/renewal-dating';
import { AudienceAssigner } from '../audience-assigner.service';
import { reserveCertificateNumbers } from '../certificate-numbering';
import { CertificationCycleEnd } from '../certification-cycle-end';
import { type CertificationCsvRow, parseCertificationCsv } from './certification-csv';

/** The first errors are enough to fix a file; a garbage file would otherwise answer with megabytes. */
const MAX_REPORTED_ERRORS = 100;

export interface CertificationImportResult {
  /** Certificates written. */
  imported: number;
  /** Of those, already expired: history, counted as lapsed. */
  lapsed: number;
  /** At most MAX_REPORTED_ERRORS, in line order; when any, nothing was written. */
  errors: ImportLineError[];
  errorCount: number;
}

interface Holder {
  id: number;
  employeeNumber: string;
  active: boolean;
  storeId: number;
  timezone: string;
}

interface Program {
  id: number;
  code: string;
  validityMonths: number;
  renewalBasis: RenewalBasis;
  fixedExpiryDate: string | null;
}

interface CurrentCycle {
  id: number;
  employeeId: number;
  programId: number;
  certificateNumber: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface PlannedCertificate {
  line: number;
  holder: Holder;
  program: Program;
  issuedAt: Date;
  expiresAt: Date;
  certificateNumber: string | null;
  /** The holder's current cycle it supersedes: expired or revoked, and issued before it. */
  previous: CurrentCycle | null;
}

function refused(errors: ImportLineError[]): CertificationImportResult {
  return { imported: 0, lapsed: 0, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length };
}

function dayParts(isoDay: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDay.split('-').map(Number);
  return { year, month, day };
}

function knownCodes(programs: Map<string, Program>): string {
  return [...programs.keys()].sort().join(', ') || 'none yet';
}

/**
 * Brings the certificates people already hold from an old LMS or paper records, all or
 * nothing: every line is checked against the database first, and only a file without
 * errors is written, in one transaction, with set-based SQL. Each line becomes a
 * certification cycle of source IMPORT, issued at the start of `issued_on` in the
 * holder's store's zone and valid to the end of `expires_on` (default: the programme's
 * validity, dated as a first issue), with a verification code and the old number or a new
 * one. A certificate still valid closes the holder's open rule-made and refresher work for
 * the programme, as a grant does; an expired one is history, and counts as lapsed.
 */
@Injectable()
export class CertificationImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audience: AudienceAssigner,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly figuresChanged: StoreFiguresChanged,
  ) {}

  async run(csv: string, importerId: number): Promise<CertificationImportResult> {
    const { rows, errors } = parseCertificationCsv(csv);
    if (errors.length > 0) return refused(errors);
    let outcome: { result: CertificationImportResult; storeIds: number[] };
    try {
      outcome = await retriedTransaction(this.dataSource, async (manager) => {
        if (!(await this.tryLock(manager))) {
          throw new ConflictError('Another certification import is running; try again once it has finished');
        }
        try {
          return await this.apply(manager, rows, importerId);
        } finally {
          await this.unlock(manager);
        }
      });
    } catch (error) {
      // A completion or a grant issued a certificate of the file's people since we checked.
      if (isDuplicateKeyError(error)) {
        throw new ConflictError('A certificate of the file’s people was issued meanwhile; import again');
      }
      throw error;
    }
    await this.figuresChanged.notify(outcome.storeIds);
    return outcome.result;
  }

  private async tryLock(manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query("SELECT GET_LOCK(CONCAT('lp-certification-import:', DATABASE()), 0) AS acquired");
    return Number(row.acquired) === 1;
  }

  private async unlock(manager: EntityManager): Promise<void> {
    await manager.query("SELECT RELEASE_LOCK(CONCAT('lp-certification-import:', DATABASE()))");
  }

  private async apply(
    manager: EntityManager,
    rows: CertificationCsvRow[],
    importerId: number,
  ): Promise<{ result: CertificationImportResult; storeIds: number[] }> {
    const now = this.clock.now();
    // The holders first, then their certificates and assignments: the order a quiz submission takes.
    const holders = await this.holders(manager, rows);
    const programs = await this.programs(manager);
    const current = await this.currentCycles(
      manager,
      [...holders.values()].map((h) => h.id),
    );
    const takenNumbers = await this.takenNumbers(manager, rows);

    const errors: ImportLineError[] = [];
    const planned: PlannedCertificate[] = [];
    for (const row of rows) {
      const problems: string[] = [];
      const holder = holders.get(row.employeeNumber.toUpperCase());
      if (!holder) problems.push(`employee_number ${row.employeeNumber} is not an employee`);
      else if (!holder.active) {
        problems.push(`employee ${holder.employeeNumber} is deactivated; certifications go to active employees`);
      }
      const program = programs.get(row.programCode);
      if (!program) problems.push(`program_code ${row.programCode} is not a programme (${knownCodes(programs)})`);
      if (row.certificateNumber && takenNumbers.has(row.certificateNumber.toUpperCase())) {
        problems.push(`certificate_number ${row.certificateNumber} is already a certificate's number`);
      }
      if (!holder || !program) {
        errors.push({ line: row.line, message: problems.join('; ') });
        continue;
      }
      const issuedAt = startOfLocalDay(dayParts(row.issuedOn), holder.timezone);
      const expiresAt = row.expiresOn
        ? endOfLocalDay(dayParts(row.expiresOn), holder.timezone)
        : initialExpiry(program, issuedAt, holder.timezone);
      if (issuedAt > now) {
        problems.push(`issued_on ${row.issuedOn} is in the future (today is ${localIsoDay(now, holder.timezone)})`);
      }
      const previous = current.get(`${holder.id} ${program.id}`) ?? null;
      const held = previous && localIsoDay(previous.issuedAt, holder.timezone);
      if (previous && !previous.revokedAt && previous.expiresAt > now) {
        problems.push(
          `employee ${holder.employeeNumber} already holds a valid ${program.code} certificate ` +
            `(${previous.certificateNumber}, issued ${held}, valid until ${localIsoDay(previous.expiresAt, holder.timezone)}): ` +
            'leave this line out',
        );
      } else if (previous?.revokedAt && issuedAt <= previous.revokedAt) {
        problems.push(
          `employee ${holder.employeeNumber}'s ${program.code} certificate ${previous.certificateNumber} was revoked ` +
            `on ${localIsoDay(previous.revokedAt, holder.timezone)}: the file may only bring one issued after that`,
        );
      } else if (previous && issuedAt <= previous.issuedAt) {
        problems.push(
          `employee ${holder.employeeNumber}'s ${program.code} certificate ${previous.certificateNumber} ` +
            `(issued ${held}) is newer: the file may only bring a later one`,
        );
      }
      if (problems.length > 0) errors.push({ line: row.line, message: problems.join('; ') });
      else {
        planned.push({
          line: row.line,
          holder,
          program,
          issuedAt,
          expiresAt,
          certificateNumber: row.certificateNumber,
          previous,
        });
      }
    }
    if (errors.length > 0) return { result: refused(errors), storeIds: [] };

    await this.supersede(
      manager,
      planned.flatMap((p) => (p.previous ? [p.previous] : [])),
    );
    const numbers = await this.numbersFor(manager, planned);
    const written = await this.insert(manager, planned, numbers);
    const valid = planned.filter((p) => p.expiresAt > now);
    for (const program of programs.values()) {
      const holderIds = valid.filter((p) => p.program.id === program.id).map((p) => p.holder.id);
      if (holderIds.length > 0) await this.audience.closeForHolders(manager, program.id, holderIds);
    }
    const summary = { imported: planned.length, lapsed: planned.length - valid.length };
    await this.recordAudit(manager, importerId, planned, written, summary);
    return {
      result: { ...summary, errors: [], errorCount: 0 },
      storeIds: [...new Set(planned.map((p) => p.holder.storeId))],
    };
  }

  /** The file's employees by upper-cased number, locked, with their store's zone. */
  private async holders(manager: EntityManager, rows: CertificationCsvRow[]): Promise<Map<string, Holder>> {
    const result = new Map<string, Holder>();
    const numbers = [...new Set(rows.map((row) => row.employeeNumber.toUpperCase()))];
    for (const chunk of chunks(numbers)) {
      const found = (await manager.query(
        `SELECT e.id, e.employee_number, e.active, e.store_id, s.timezone
           FROM employees e JOIN stores s ON s.id = e.store_id
          WHERE e.employee_number IN (?) FOR UPDATE`,
        [chunk],
      )) as { id: number; employee_number: string; active: number; store_id: number; timezone: string | null }[];
      for (const row of found) {
        result.set(row.employee_number.toUpperCase(), {
          id: Number(row.id),
          employeeNumber: row.employee_number,
          active: Boolean(row.active),
          storeId: Number(row.store_id),
          timezone: resolveTimezone(row.timezone).timezone,
        });
      }
    }
    return result;
  }

  private async programs(manager: EntityManager): Promise<Map<string, Program>> {
    const rows = (await manager.query(
      'SELECT id, code, validity_months, renewal_basis, fixed_expiry_date FROM certification_programs',
    )) as {
      id: number;
      code: string;
      validity_months: number;
      renewal_basis: RenewalBasis;
      fixed_expiry_date: string | null;
    }[];
    return new Map(
      rows.map((row) => [
        row.code.toUpperCase(),
        {
          id: Number(row.id),
          code: row.code,
          validityMonths: Number(row.validity_months),
          renewalBasis: row.renewal_basis,
          fixedExpiryDate: row.fixed_expiry_date,
        },
      ]),
    );
  }

  /** The current cycles of these employees, locked, by "employeeId programId". */
  private async currentCycles(manager: EntityManager, employeeIds: number[]): Promise<Map<string, CurrentCycle>> {
    const result = new Map<string, CurrentCycle>();
    for (const chunk of chunks(employeeIds)) {
      const rows = (await manager.query(
        `SELECT id, employee_id, program_id, certificate_number, issued_at, expires_at, revoked_at
           FROM certifications WHERE employee_id IN (?) AND current_key IS NOT NULL FOR UPDATE`,
        [chunk],
      )) as {
        id: number;
        employee_id: number;
        program_id: number;
        certificate_number: string;
        issued_at: Date;
        expires_at: Date;
        revoked_at: Date | null;
      }[];
      for (const row of rows) {
        result.set(`${row.employee_id} ${row.program_id}`, {
          id: Number(row.id),
          employeeId: Number(row.employee_id),
          programId: Number(row.program_id),
          certificateNumber: row.certificate_number,
          issuedAt: row.issued_at,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
        });
      }
    }
    return result;
  }

  /** The file's certificate numbers that certificates already have, upper-cased. */
  private async takenNumbers(manager: EntityManager, rows: CertificationCsvRow[]): Promise<Set<string>> {
    const taken = new Set<string>();
    const numbers = rows.flatMap((row) => (row.certificateNumber ? [row.certificateNumber] : []));
    for (const chunk of chunks(numbers)) {
      const found = (await manager.query(
        'SELECT certificate_number FROM certifications WHERE certificate_number IN (?)',
        [chunk],
      )) as { certificate_number: string }[];
      for (const row of found) taken.add(row.certificate_number.toUpperCase());
    }
    return taken;
  }

  /**
   * The holders' lapsed or revoked current cycles stop being current: the imported ones
   * follow them in the chain. Pending reminders about an expired one go, as after a renewal.
   */
  private async supersede(manager: EntityManager, previous: CurrentCycle[]): Promise<void> {
    for (const chunk of chunks(previous)) {
      await manager.query('UPDATE certifications SET current_key = NULL WHERE id IN (?)', [chunk.map((c) => c.id)]);
    }
    for (const cycle of previous) {
      if (!cycle.revokedAt) await this.cycleEnd.ended(manager, cycle.id, 'RENEWED');
    }
  }

  /**
   * New numbers for the lines without one: one reservation per programme and year, the year
   * of the issue day on the holder's calendar, as a certificate issued in the app is numbered.
   */
  private async numbersFor(manager: EntityManager, planned: PlannedCertificate[]): Promise<Map<number, string>> {
    const groups = new Map<string, { year: number; lines: PlannedCertificate[] }>();
    for (const p of planned) {
      if (p.certificateNumber) continue;
      const { year } = localTime(p.issuedAt.getTime(), p.holder.timezone);
      const key = `${p.program.id} ${year}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { year, lines: [] }));
      group.lines.push(p);
    }
    const numbers = new Map<number, string>();
    for (const { year, lines } of groups.values()) {
      const reserved = await reserveCertificateNumbers(manager, lines[0].program, year, lines.length);
      lines.forEach((p, index) => numbers.set(p.line, reserved[index]));
    }
    return numbers;
  }

  /** Inserts the certificates; returns their ids and numbers by line. */
  private async insert(
    manager: EntityManager,
    planned: PlannedCertificate[],
    numbers: Map<number, string>,
  ): Promise<Map<number, { id: number; certificateNumber: string }>> {
    const written = new Map<number, { id: number; certificateNumber: string }>();
    for (const chunk of chunks(planned)) {
      const numbered = chunk.map((p) => ({ p, number: p.certificateNumber ?? numbers.get(p.line)! }));
      await manager.query(
        `INSERT INTO certifications (employee_id, program_id, certificate_number, verification_code, issued_at,
                                     expires_at, source, previous_certification_id, current_key)
         VALUES ?`,
        [
          numbered.map(({ p, number }) => [
            p.holder.id,
            p.program.id,
            number,
            newVerificationCode(),
            p.issuedAt,
            p.expiresAt,
            CertificationSource.IMPORT,
            p.previous?.id ?? null,
            p.program.id,
          ]),
        ],
      );
      const ids = (await manager.query(
        'SELECT id, certificate_number FROM certifications WHERE certificate_number IN (?)',
        [numbered.map(({ number }) => number)],
      )) as { id: number; certificate_number: string }[];
      const idOf = new Map(ids.map((row) => [row.certificate_number.toUpperCase(), Number(row.id)]));
      for (const { p, number } of numbered) {
        written.set(p.line, { id: idOf.get(number.toUpperCase())!, certificateNumber: number });
      }
    }
    return written;
  }

  private async recordAudit(
    manager: EntityManager,
    actorId: number,
    planned: PlannedCertificate[],
    written: Map<number, { id: number; certificateNumber: string }>,
    summary: { imported: number; lapsed: number },
  ): Promise<void> {
    const records: AuditRecord[] = [
      ...planned.map((p) => ({
        actorId,
        action: 'CERTIFICATION_ISSUED',
        subjectType: 'Certification',
        subjectId: written.get(p.line)!.id,
        storeId: p.holder.storeId,
        before: p.previous ? { id: p.previous.id, expiresAt: p.previous.expiresAt.toISOString() } : null,
        after: {
          employeeId: p.holder.id,
          programCode: p.program.code,
          certificateNumber: written.get(p.line)!.certificateNumber,
          issuedAt: p.issuedAt.toISOString(),
          expiresAt: p.expiresAt.toISOString(),
          source: CertificationSource.IMPORT,
        },
      })),
      {
        actorId,
        action: 'CERTIFICATIONS_IMPORTED',
        subjectType: 'CertificationImport',
        subjectId: this.clock.now().toISOString(),
        after: summary,
      },
    ];
    for (const chunk of chunks(records)) await this.audit.record(manager, ...chunk);
  }
}
