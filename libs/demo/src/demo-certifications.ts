import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CertificationProgramEntity, CertificationSource, CertificationWriter } from '@lp/certification';
import { Clock } from '@lp/core';
import { EmployeeEntity } from '@lp/organisation';

const DAY_MS = 86_400_000;

/**
 * How long ago each demo holder earned LP Foundations (12-month validity, 60-day window),
 * so that every status shows up: active, expiring soon, expired, revoked.
 */
const CYCLES = [
  { daysAgo: 40, revoked: false },
  { daysAgo: 120, revoked: false },
  { daysAgo: 200, revoked: false },
  { daysAgo: 320, revoked: false }, // expiring in 45 days
  { daysAgo: 350, revoked: false }, // expiring in 15 days
  { daysAgo: 380, revoked: false }, // expired
  { daysAgo: 90, revoked: true },
];

/** Certificates for the demo chain in every state, written like real ones (numbers, codes, audit). */
@Injectable()
export class DemoCertifications {
  constructor(
    private readonly writer: CertificationWriter,
    private readonly clock: Clock,
  ) {}

  async seed(manager: EntityManager): Promise<number> {
    const program = await manager.findOneBy(CertificationProgramEntity, { code: 'LPF' });
    if (!program) return 0;
    const holders = await manager
      .createQueryBuilder(EmployeeEntity, 'e')
      .where("e.email = 'employee@example.com' OR e.employee_number LIKE 'E%'")
      .orderBy('e.id', 'ASC')
      .getMany();
    const now = this.clock.now().getTime();
    let issued = 0;
    for (const [index, holder] of holders.entries()) {
      const cycle = holder.email === 'employee@example.com' ? CYCLES[4] : CYCLES[index % CYCLES.length];
      if (index % 4 === 3 && holder.email !== 'employee@example.com') continue; // some never certified: "missing"
      const certification = await this.writer.issue(manager, {
        employeeId: holder.id,
        storeId: holder.storeId,
        program,
        earnedAt: new Date(now - cycle.daysAgo * DAY_MS),
        source: CertificationSource.COMPLETION,
        actorId: null,
      });
      if (cycle.revoked) {
        await manager.update(
          'certifications',
          { id: certification.id },
          { revokedAt: new Date(now - 10 * DAY_MS), revokedReason: 'Demo: revoked after an internal review' },
        );
      }
      issued++;
    }
    return issued;
  }
}
