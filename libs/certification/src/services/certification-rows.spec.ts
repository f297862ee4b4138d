import { getMetadataArgsStorage } from 'typeorm';
import { SnakeNamingStrategy } from '@lp/core';
import { CertificationEntity, CertificationProgramEntity, CertificationSource } from '../entities';
import { RenewalBasis } from '../rules/renewal-dating';
import {
  type CertificationRow,
  type ProgramRow,
  certificationColumns,
  certificationFromRow,
  programColumns,
  programFromRow,
} from './certification-rows';

// The hand-written reads must follow the entities: a column added to one and not the other would go missing silently.
function columnsOf(entity: object) {
  const naming = new SnakeNamingStrategy();
  return getMetadataArgsStorage()
    .filterColumns(entity as () => unknown)
    .map((c) => ({ property: c.propertyName, column: naming.columnName(c.propertyName, c.options.name, []) }));
}

function selected(sql: string, prefix: string): string[] {
  return [...sql.matchAll(new RegExp(`\\w+\\.(\\w+) AS ${prefix}_(\\w+)`, 'g'))].map(([, column, as]) => {
    expect(as).toBe(column);
    return column;
  });
}

describe('certification rows', () => {
  const at = new Date('2026-01-01T10:00:00.000Z');

  it('select every column of both entities', () => {
    expect(selected(certificationColumns('c'), 'c').sort()).toEqual(
      columnsOf(CertificationEntity)
        .map((c) => c.column)
        .sort(),
    );
    expect(selected(programColumns('p'), 'p').sort()).toEqual(
      columnsOf(CertificationProgramEntity)
        .map((c) => c.column)
        .sort(),
    );
  });

  it('map a certification row to every property', () => {
    const row: CertificationRow = {
      c_id: 1,
      c_employee_id: 2,
      c_program_id: 3,
      c_certificate_number: 'LPF-2026-000001',
      c_verification_code: '01J00000000000000000000000',
      c_issued_at: at,
      c_expires_at: at,
      c_source: CertificationSource.COMPLETION,
      c_previous_certification_id: null,
      c_current_key: 3,
      c_revoked_at: null,
      c_revoked_reason: null,
      c_revoked_by_id: null,
      c_granted_by_id: null,
    };
    const certification = certificationFromRow(row);
    expect(certification).toBeInstanceOf(CertificationEntity);
    expect(Object.keys(certification).sort()).toEqual(
      columnsOf(CertificationEntity)
        .map((c) => c.property)
        .sort(),
    );
    expect(certification).toMatchObject({ id: 1, programId: 3, currentKey: 3, issuedAt: at });
  });

  it('map a programme row to every property, with the reminder offsets as MariaDB (text) or MySQL (parsed) return them', () => {
    const row: ProgramRow = {
      p_id: 3,
      p_code: 'LPF',
      p_name: 'LP Foundations',
      p_description: null,
      p_validity_months: 12,
      p_recertify_window_days: 30,
      p_refresher_course_id: null,
      p_reminder_offsets_days: '[30, 7]',
      p_renewal_basis: RenewalBasis.PREVIOUS_EXPIRY,
      p_fixed_expiry_date: null,
      p_onboarding_days: 30,
      p_created_at: at,
    };
    const program = programFromRow(row);
    expect(program).toBeInstanceOf(CertificationProgramEntity);
    expect(Object.keys(program).sort()).toEqual(
      columnsOf(CertificationProgramEntity)
        .map((c) => c.property)
        .sort(),
    );
    expect(program.reminderOffsetsDays).toEqual([30, 7]);
    expect(programFromRow({ ...row, p_reminder_offsets_days: [14] }).reminderOffsetsDays).toEqual([14]);
  });
});
