import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, TooManyRequestsError } from '@lp/core';
import { IdentityConfig } from '../identity.config';

/**
 * Locks an account (by the email typed, known or not) for LOGIN_LOCK_MINUTES after
 * LOGIN_MAX_FAILURES failures within that many minutes. Kept in MySQL so every API
 * process shares it.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    private readonly clock: Clock,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT locked_until FROM login_failures WHERE email = ?', [email])) as {
      locked_until: Date | null;
    }[];
    const now = this.clock.now();
    if (row?.locked_until && row.locked_until > now) {
      throw new TooManyRequestsError(Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000));
    }
  }

  async recordFailure(email: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.LOGIN_LOCK_MINUTES * 60_000);
    const lockedUntil = new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    const max = this.config.LOGIN_MAX_FAILURES;
    // Assignments run left to right, so locked_until sees the failures just counted.
    await this.dataSource.query(
      `INSERT INTO login_failures (email, failures, window_started_at, locked_until) VALUES (?, 1, ?, IF(1 >= ?, ?, NULL))
       ON DUPLICATE KEY UPDATE
         failures = IF(window_started_at < ?, 1, failures + 1),
         window_started_at = IF(window_started_at < ?, VALUES(window_started_at), window_started_at),
         locked_until = IF(failures >= ?, ?, NULL)`,
      [email, now, max, lockedUntil, windowStart, windowStart, max, lockedUntil],
    );
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE email = ?', [email]);
  }
}
