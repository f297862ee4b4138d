import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { BadInputError, Clock, ConflictError, NotFoundError, retriedTransaction } from '@lp/core';
import { type AccessScope, EmployeeEntity, restrictToScope, StoreFiguresChanged } from '@lp/organisation';
import { CertificationEntity, CertificationProgramEntity, CertificationSource } from '../entities';
import { windowOpensAt } from '../rules/certification-status';
import { CertificationCycleEnd } from './certification-cycle-end';
import { CertificationWriter } from './certification-writer.service';
import { lockCurrentCycle } from './current-cycle';

/**
 * Refuses a grant that would stack validity on the holder's current cycle, or replace it with
 * an older one: it must be dated after that cycle's issue (and revocation), and renews an
 * unrevoked cycle only when dated inside its renewal window or after its expiry, as a
 * completion does. A double click is the common case: the second grant would otherwise add
 * a second period of validity.
 */
function assertGrantMayIssue(current: CertificationEntity | null, program: CertificationProgramEntity, earnedAt: Date) {
  if (!current) return;
  if (earnedAt <= current.issuedAt) {
    throw new ConflictError(
      `The current certification was issued on ${current.issuedAt.toISOString()}; a grant must be dated after it`,
      { currentIssuedAt: current.issuedAt.toISOString() },
    );
  }
  if (current.revokedAt) {
    if (earnedAt <= current.revokedAt) {
      throw new ConflictError(
        `The current certification was revoked on ${current.revokedAt.toISOString()}; a grant must be dated after it`,
        { revokedAt: current.revokedAt.toISOString() },
      );
    }
    return;
  }
  const renewalOpensAt = windowOpensAt(current.expiresAt, program.recertifyWindowDays);
  if (earnedAt < renewalOpensAt) {
    throw new ConflictError(
      `The current certification is valid until ${current.expiresAt.toISOString()}; a grant renews it only when dated ` +
        `on or after ${renewalOpensAt.toISOString()}, when its renewal window opens`,
      { validUntil: current.expiresAt.toISOString(), renewalOpensAt: renewalOpensAt.toISOString() },
    );
  }
}

/** Manual grants (e.g. certified by a previous employer) and revocations, both audited. */
@Injectable()
export class CertificationAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CertificationWriter,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly figuresChanged: StoreFiguresChanged,
  ) {}

  async grant(
    scope: AccessScope,
    employeeId: number,
    programId: number,
    issuedAt: Date | undefined,
    actorId: number,
  ): Promise<CertificationEntity> {
    const now = this.clock.now();
    const earnedAt = issuedAt ?? now;
    if (earnedAt > now) throw new BadInputError('issuedAt cannot be in the future', 'issuedAt');
    const { granted, storeId } = await retriedTransaction(this.dataSource, async (manager) => {
      // The holder first, then the certificate and the assignments: the order a quiz submission takes.
      const employee = await restrictToScope(
        manager
          .createQueryBuilder(EmployeeEntity, 'e')
          .setLock('pessimistic_write')
          .where('e.id = :employeeId', { employeeId }),
        scope,
        { storeColumn: 'e.store_id' },
      ).getOne();
      if (!employee) throw new NotFoundError('Employee', employeeId);
      if (!employee.active)
        throw new BadInputError('The employee is deactivated; certifications go to active employees', 'employeeId');
      const program = await manager.findOneBy(CertificationProgramEntity, { id: programId });
      if (!program) throw new NotFoundError('Certification programme', programId);
      const current = await lockCurrentCycle(manager, employeeId, program.id);
      assertGrantMayIssue(current, program, earnedAt);
      const issued = await this.writer.issue(manager, {
        employeeId,
        storeId: employee.storeId,
        program,
        earnedAt,
        source: CertificationSource.MANUAL_GRANT,
        actorId,
        current,
      });
      return { granted: issued, storeId: employee.storeId };
    });
    await this.figuresChanged.notify([storeId]);
    return granted;
  }

  async revoke(scope: AccessScope, id: number, reason: string, actorId: number): Promise<CertificationEntity> {
    const { revoked, storeId } = await retriedTransaction(this.dataSource, async (manager) => {
      const visible = await restrictToScope(
        manager
          .createQueryBuilder(CertificationEntity, 'c')
          .innerJoin(EmployeeEntity, 'e', 'e.id = c.employee_id')
          .where('c.id = :id', { id }),
        scope,
        { storeColumn: 'e.store_id' },
      ).getOne();
      if (!visible) throw new NotFoundError('Certification', id);
      // The holder first, then the certificate and the assignments: the order a quiz submission takes.
      const { storeId } = await manager.findOneOrFail(EmployeeEntity, {
        where: { id: visible.employeeId },
        lock: { mode: 'pessimistic_write' },
      });
      const certification = await manager.findOneOrFail(CertificationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (certification.revokedAt) throw new ConflictError('This certification is already revoked');
      const revokedAt = this.clock.now();
      await manager.update(CertificationEntity, { id }, { revokedAt, revokedReason: reason, revokedById: actorId });
      // The cycles it superseded and whose paper has not expired go with it: else that paper
      // would verify, print and count as valid for someone whose certification was revoked.
      // Never a later cycle: revoking an old one leaves the current one as it is.
      await manager.query(
        `UPDATE certifications SET revoked_at = ?, revoked_reason = ?, revoked_by_id = ?
          WHERE employee_id = ? AND program_id = ? AND issued_at < ? AND revoked_at IS NULL AND expires_at > ?`,
        [
          revokedAt,
          reason,
          actorId,
          certification.employeeId,
          certification.programId,
          certification.issuedAt,
          revokedAt,
        ],
      );
      await this.cycleEnd.ended(manager, id, 'REVOKED');
      await this.audit.record(manager, {
        actorId,
        action: 'CERTIFICATION_REVOKED',
        subjectType: 'Certification',
        subjectId: id,
        storeId,
        before: { revokedAt: null },
        after: { revokedAt: revokedAt.toISOString(), reason },
      });
      return { revoked: { ...certification, revokedAt, revokedReason: reason, revokedById: actorId }, storeId };
    });
    await this.figuresChanged.notify([storeId]);
    return revoked;
  }
}
