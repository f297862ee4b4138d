import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CertificationQueries, certificationStatus, CertificationStatus } from '@lp/certification';
import { AppConfig, Clock, HttpConfig, NotFoundError, TooManyRequestsError } from '@lp/core';
import type { Actor } from '@lp/identity';
import { resolveTimezone } from '@lp/organisation';
import { CurrentActor } from '../identity/current-actor.decorator';
import { RedisThrottlerStorage } from '../identity/throttling/redis-throttler.storage';
import { renderCertificatePdf } from './pdf/certificate-pdf';

const PDF_FILE = /^([1-9]\d{0,9})\.pdf$/;

/**
 * The printable certificate, behind the same bearer token as GraphQL. Visible to the holder
 * and to whoever sees the holder's certifications; anyone else gets the same 404 as for a
 * certificate that does not exist. A revoked or expired cycle still downloads (people file
 * their history) but is stamped REVOKED or EXPIRED across the page. Drawing one costs tens
 * of milliseconds, so each account may have RATE_LIMIT_PDF_PER_ACCOUNT per window.
 */
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly queries: CertificationQueries,
    private readonly appConfig: AppConfig,
    private readonly http: HttpConfig,
    private readonly clock: Clock,
    private readonly throttle: RedisThrottlerStorage,
  ) {}

  @Get(':file')
  async download(@Param('file') file: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const id = PDF_FILE.exec(file)?.[1];
    const certification = id ? await this.queries.findVisible(actor.scope, actor.id, Number(id)) : null;
    if (!certification) throw new NotFoundError('Certificate', file);
    await this.countDownload(actor.id, response);
    const { employee, program } = certification;
    const status = certificationStatus(
      {
        expiresAt: certification.expiresAt,
        revokedAt: certification.revokedAt,
        recertifyWindowDays: program!.recertifyWindowDays,
      },
      this.clock.now(),
    );
    const timezone = resolveTimezone(employee!.store!.timezone).timezone;
    const pdf = await renderCertificatePdf({
      holderName: `${employee!.firstName} ${employee!.lastName}`,
      programName: program!.name,
      certificateNumber: certification.certificateNumber,
      verificationCode: certification.verificationCode,
      issuedAt: certification.issuedAt,
      expiresAt: certification.expiresAt,
      timezone,
      invalidBecause:
        status === CertificationStatus.REVOKED || status === CertificationStatus.EXPIRED ? status : undefined,
      verificationUrl: `${this.appConfig.APP_URL.replace(/\/+$/, '')}/verify/${certification.verificationCode}`,
    });
    response
      .status(200)
      .type('application/pdf')
      .attachment(`lp-academy-certificate-${certification.verificationCode}.pdf`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  }

  private async countDownload(accountId: number, response: Response): Promise<void> {
    const retryAfterSeconds = await this.throttle.refusal(
      [{ key: `pdf:account:${accountId}`, limit: this.http.RATE_LIMIT_PDF_PER_ACCOUNT }],
      this.http.RATE_LIMIT_WINDOW_SECONDS * 1000,
    );
    if (retryAfterSeconds === 0) return;
    response.setHeader('Retry-After', String(retryAfterSeconds));
    throw new TooManyRequestsError(retryAfterSeconds, 'certificate downloads from this account');
  }
}
