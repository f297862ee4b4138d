import type { DataSource } from 'typeorm';
import { CertificationProgramEntity, RenewalBasis } from '@lp/certification';
import { nextSequence } from './sequence';

/** A programme row without courses or audience, for certification tests that do not need them. */
export function buildProgram(
  dataSource: DataSource,
  overrides: Partial<CertificationProgramEntity> = {},
): Promise<CertificationProgramEntity> {
  const n = nextSequence();
  const repository = dataSource.getRepository(CertificationProgramEntity);
  return repository.save(
    repository.create({
      code: `P${n}`,
      name: `Programme ${n}`,
      description: null,
      validityMonths: 12,
      recertifyWindowDays: 60,
      refresherCourseId: null,
      reminderOffsetsDays: [30, 14, 7, 1],
      renewalBasis: RenewalBasis.PREVIOUS_EXPIRY,
      fixedExpiryDate: null,
      onboardingDays: 30,
      ...overrides,
    }),
  );
}
