import { EmployeeChangeKind } from '../../entities/employee-change.entity';
import { Role } from '../../entities/role';
import type { ImportLineError } from '../../csv/csv-import';
import { localIsoDay } from '../../local-time';
import { resolveTimezone } from '../../timezone';
import type { EmployeeCsvRow } from './employee-csv';

/** The columns an import writes, as stored. */
export interface EmployeeRecord {
  employeeNumber: string;
  email: string | null;
  firstName: string;
  lastName: string;
  jobRoleId: number;
  jobRoleCode: string;
  storeId: number;
  role: Role;
  active: boolean;
  hireDate: string;
}

export interface ExistingEmployee extends EmployeeRecord {
  id: number;
}

/** What the database holds that the file refers to, keyed case-insensitively as the unique keys are. */
export interface ImportReference {
  /** By upper-cased store code; the zone as stored; closedOn null while it is open. */
  storesByCode: Map<string, { id: number; regionId: number; timezone: string; closedOn: string | null }>;
  /** By job-role code (stored upper-case). */
  jobRolesByCode: Map<string, { id: number; code: string }>;
  /** By upper-cased employee number: the employees of the file who exist already. */
  existingByNumber: Map<string, ExistingEmployee>;
  /** Emails of the file that someone has already → that someone's upper-cased employee number. */
  emailOwners: Map<string, string>;
}

export interface Importer {
  id: number | null;
  role: Role;
}

export interface PlannedUpdate {
  line: number;
  before: ExistingEmployee;
  after: EmployeeRecord;
}

export interface ImportPlan {
  errors: ImportLineError[];
  hires: (EmployeeRecord & { line: number })[];
  updates: PlannedUpdate[];
  unchanged: number;
}

const COMPARED: (keyof EmployeeRecord)[] = [
  'email',
  'firstName',
  'lastName',
  'jobRoleId',
  'storeId',
  'role',
  'active',
  'hireDate',
];

function differs(before: EmployeeRecord, after: EmployeeRecord): boolean {
  return COMPARED.some((key) => before[key] !== after[key]);
}

function knownCodes(jobRoles: ImportReference['jobRolesByCode']): string {
  const codes = [...jobRoles.keys()].sort();
  return codes.length > 20 ? `${codes.slice(0, 20).join(', ')}…` : codes.join(', ');
}

/**
 * Decides, line by line, what an import does against what the database holds: hire,
 * update (store transfer, job-role or access-role change, reactivation) or leave alone;
 * or why the line cannot be applied. Empty optional columns keep the employee's value
 * (new hires get: no email, EMPLOYEE, hired today, `now`'s day in their store's zone). Pure:
 * the caller loads and writes.
 */
export function planEmployeeImport(
  rows: EmployeeCsvRow[],
  reference: ImportReference,
  importer: Importer,
  now: Date,
): ImportPlan {
  const plan: ImportPlan = { errors: [], hires: [], updates: [], unchanged: 0 };
  for (const row of rows) {
    const number = row.employeeNumber.toUpperCase();
    const problems: string[] = [];
    const store = reference.storesByCode.get(row.storeCode.toUpperCase());
    if (!store) problems.push(`store_code ${row.storeCode} is not a store`);
    // Every line leaves its employee active in the store it names.
    else if (store.closedOn !== null) {
      problems.push(
        `store_code ${row.storeCode} was closed on ${store.closedOn}; nobody can be hired or moved into it`,
      );
    }
    const jobRole = reference.jobRolesByCode.get(row.jobRoleCode);
    if (!jobRole) {
      problems.push(`job_role ${row.jobRoleCode} is not a job role (${knownCodes(reference.jobRolesByCode)})`);
    }
    const owner = row.email ? reference.emailOwners.get(row.email) : undefined;
    if (owner !== undefined && owner !== number) problems.push(`email ${row.email} belongs to employee ${owner}`);

    const before = reference.existingByNumber.get(number);
    const role = row.role ?? before?.role ?? Role.EMPLOYEE;
    if (role === Role.ADMIN && before?.role !== Role.ADMIN && importer.role !== Role.ADMIN) {
      problems.push('only an admin may grant the ADMIN role');
    }
    if (problems.length > 0 || !store || !jobRole) {
      plan.errors.push({ line: row.line, message: problems.join('; ') });
      continue;
    }

    const after: EmployeeRecord = {
      employeeNumber: before?.employeeNumber ?? row.employeeNumber,
      email: row.email ?? before?.email ?? null,
      firstName: row.firstName,
      lastName: row.lastName,
      jobRoleId: jobRole.id,
      jobRoleCode: jobRole.code,
      storeId: store.id,
      role,
      active: true,
      hireDate: row.hireDate ?? before?.hireDate ?? localIsoDay(now, resolveTimezone(store.timezone).timezone),
    };
    if (!before) {
      plan.hires.push({ ...after, line: row.line });
    } else if (!differs(before, after)) {
      plan.unchanged += 1;
    } else if (before.role === Role.ADMIN && importer.role !== Role.ADMIN) {
      plan.errors.push({
        line: row.line,
        message: `employee ${before.employeeNumber} is an admin; only an admin may change an admin`,
      });
    } else {
      plan.updates.push({ line: row.line, before, after });
    }
  }
  return plan;
}

export interface ActiveEmployee {
  id: number;
  employeeNumber: string;
  role: Role;
}

/**
 * Who `deactivateMissing` deactivates: active employees whose number is not in the file —
 * but never an admin (system accounts rarely come from an HR feed) nor the importer.
 */
export function planDeactivations(
  active: ActiveEmployee[],
  rows: EmployeeCsvRow[],
  importer: Importer,
): ActiveEmployee[] {
  const inFile = new Set(rows.map((row) => row.employeeNumber.toUpperCase()));
  return active.filter(
    (employee) =>
      !inFile.has(employee.employeeNumber.toUpperCase()) && employee.role !== Role.ADMIN && employee.id !== importer.id,
  );
}

export interface PlannedChange {
  kind: EmployeeChangeKind;
  fromValue: string;
  toValue: string;
}

/** The history lines an update leaves: transfer, job-role change, access-role change, reactivation. */
export function changesOf({ before, after }: PlannedUpdate): PlannedChange[] {
  const changes: PlannedChange[] = [];
  if (before.storeId !== after.storeId) {
    changes.push({ kind: EmployeeChangeKind.STORE, fromValue: String(before.storeId), toValue: String(after.storeId) });
  }
  if (before.jobRoleCode !== after.jobRoleCode) {
    changes.push({ kind: EmployeeChangeKind.JOB_ROLE, fromValue: before.jobRoleCode, toValue: after.jobRoleCode });
  }
  if (before.role !== after.role)
    changes.push({ kind: EmployeeChangeKind.ROLE, fromValue: before.role, toValue: after.role });
  if (before.active !== after.active) {
    changes.push({ kind: EmployeeChangeKind.ACTIVE, fromValue: String(before.active), toValue: String(after.active) });
  }
  return changes;
}
