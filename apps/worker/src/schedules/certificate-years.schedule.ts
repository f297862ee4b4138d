import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { openCertificateYears } from '@lp/certification';
import { Clock } from '@lp/core';

const EVERY_MS = 60 * 60_000;

/**
 * Keeps every programme's certificate numbering rows of this year and the next in place,
 * at start-up and every hour, so that the year's first certificates do not create their
 * row inside an issuing transaction, where one rolling back fails the issuances waiting
 * behind it as deadlocks. Idempotent, so every worker runs it; should none run, issuing
 * still creates the row itself.
 */
@Injectable()
export class CertificateYearsSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CertificateYearsSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.open();
    this.timer = setInterval(() => void this.open(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async open(): Promise<void> {
    try {
      await openCertificateYears(this.dataSource.manager, this.clock.now());
    } catch (error) {
      this.logger.error({ err: error }, 'Could not open the certificate numbering of this year and the next');
    }
  }
}
