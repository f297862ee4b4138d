import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@lp/audit';
import { Clock } from '@lp/core';
import { resolveTimezone, StoreEntity } from '@lp/organisation';
import {
  CertificationCourseEntity,
  CertificationEntity,
  type CertificationProgramEntity,
  CertificationSource,
} from '../entities';
import { newVerificationCode } from '../rules/certificate-codes';
import { initialExpiry, renewedExpiry } from '../rules/renewal-dating';
import { AudienceAssigner } from './audience-assigner.service';
import { nextCertificateNumber } from './certificate-numbering';
import { CertificationCycleEnd } from './certification-cycle-end';
import { lockCurrentCycle } from './current-cycle';

export interface IssueRequest {
  employeeId: number;
  storeId: number;
  program: CertificationProgramEntity;
  /** When the work that earned it was done: the last completion, or the grant date. */
  earnedAt: Date;
  source: CertificationSource;
  actorId: number | null;
  courses?: { courseId: number; courseVersionId: number | null; completedAt: Date; assignmentId: number | null }[];
  /**
   * The holder's current cycle of the programme (null when there is none), for a caller
   * that has already read it with a write lock in this transaction; read here otherwise.
   */
  current?: CertificationEntity | null;
}

/**
 * Writes a new certification cycle inside the caller's transaction: a first issue, or a
 * renewal that supersedes the holder's current cycle (the old row is kept as history).
 * A cycle valid now closes the holder's open rule-made and refresher work for the programme.
 */
@Injectable()
export class CertificationWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly cycleEnd: CertificationCycleEnd,
    private readonly audience: AudienceAssigner,
    private readonly clock: Clock,
  ) {}

  async issue(manager: EntityManager, request: IssueRequest): Promise<CertificationEntity> {
    const { employeeId, program, earnedAt } = request;
    const current =
      request.current !== undefined ? request.current : await lockCurrentCycle(manager, employeeId, program.id);

    const renewing = current && !current.revokedAt;
    const zone = await this.holderZone(manager, request.storeId);
    const expiresAt = renewing
      ? renewedExpiry(program, current.expiresAt, earnedAt, zone)
      : initialExpiry(program, earnedAt, zone);
    if (current) {
      await manager.update(CertificationEntity, { id: current.id }, { currentKey: null });
      if (renewing) await this.cycleEnd.ended(manager, current.id, 'RENEWED');
    }

    const certification = manager.create(CertificationEntity, {
      employeeId,
      programId: program.id,
      certificateNumber: await nextCertificateNumber(manager, program, earnedAt, zone),
      verificationCode: newVerificationCode(),
      issuedAt: earnedAt,
      expiresAt,
      source: request.source,
      previousCertificationId: current?.id ?? null,
      currentKey: program.id,
      revokedAt: null,
      revokedReason: null,
      revokedById: null,
      grantedById: request.source === CertificationSource.MANUAL_GRANT ? request.actorId : null,
    });
    await manager.insert(CertificationEntity, certification);
    if (request.courses?.length) {
      await manager.insert(
        CertificationCourseEntity,
        request.courses.map((c) => ({ certificationId: certification.id, ...c })),
      );
    }
    if (expiresAt > this.clock.now()) await this.audience.closeForHolder(manager, employeeId, program.id);
    await this.audit.record(manager, {
      actorId: request.actorId,
      action: renewing ? 'CERTIFICATION_RENEWED' : 'CERTIFICATION_ISSUED',
      subjectType: 'Certification',
      subjectId: certification.id,
      storeId: request.storeId,
      before: current ? { id: current.id, expiresAt: current.expiresAt.toISOString() } : null,
      after: {
        employeeId,
        programCode: program.code,
        certificateNumber: certification.certificateNumber,
        expiresAt: expiresAt.toISOString(),
        source: request.source,
      },
    });
    return certification;
  }

  /** The holder's store's zone, whose calendar dates the certificate: its year, its months, a fixed expiry day. */
  private async holderZone(manager: EntityManager, storeId: number): Promise<string> {
    const store = await manager.findOne(StoreEntity, { where: { id: storeId }, select: { timezone: true } });
    return resolveTimezone(store?.timezone).timezone;
  }
}
