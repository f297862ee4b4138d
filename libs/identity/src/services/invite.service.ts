import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { BadInputError, Clock, retriedTransaction } from '@lp/core';
import { EmployeeEntity } from '@lp/organisation';
import { InviteEntity } from '../entities';
import { IdentityConfig } from '../identity.config';
import { assertAcceptablePassword } from '../password-policy';
import { AccessTokenService } from './access-token.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import type { SignedIn } from './authentication.service';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Single-use, expiring links that let a new employee choose their password. */
@Injectable()
export class InviteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Creates an invite inside the caller's transaction and returns the raw token (never stored). */
  async issue(manager: EntityManager, employeeId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.INVITE_TTL_HOURS * 3_600_000);
    await this.voidOpen(manager, [employeeId]);
    await manager.insert(InviteEntity, {
      employeeId,
      tokenHash: hashToken(token),
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    return { token, expiresAt };
  }

  /** Stops the links of these people's unused invites from working, inside the caller's transaction. */
  async voidOpen(manager: EntityManager, employeeIds: number[]): Promise<void> {
    await manager.update(InviteEntity, { employeeId: In(employeeIds), usedAt: IsNull() }, { usedAt: this.clock.now() });
  }

  async accept(token: string, password: string): Promise<SignedIn> {
    assertAcceptablePassword(password);
    const hash = await this.hasher.hash(password);
    // An email change voids the invite while holding the employee's row: one of the two may be a deadlock's victim.
    const employee = await retriedTransaction(this.dataSource, async (manager) => {
      const invite = await manager
        .createQueryBuilder(InviteEntity, 'i')
        .setLock('pessimistic_write')
        .where('i.tokenHash = :hash', { hash: hashToken(token) })
        .getOne();
      const now = this.clock.now();
      if (!invite || invite.usedAt || invite.expiresAt <= now) {
        throw new BadInputError(
          'This invite link is invalid, used or expired; ask your manager for a new one',
          'token',
        );
      }
      const person = await manager
        .createQueryBuilder(EmployeeEntity, 'e')
        .setLock('pessimistic_write')
        .addSelect('e.tokenVersion')
        .where('e.id = :id', { id: invite.employeeId })
        .getOne();
      if (!person || !person.active) {
        throw new BadInputError(
          'This invite link is invalid, used or expired; ask your manager for a new one',
          'token',
        );
      }
      // A new password signs out the sessions of the old one: whoever took it keeps no token.
      person.tokenVersion += 1;
      await manager.update(InviteEntity, { id: invite.id }, { usedAt: now });
      await manager.update(
        EmployeeEntity,
        { id: person.id },
        { passwordHash: hash, tokenVersion: person.tokenVersion },
      );
      return person;
    });
    // A new password ends a lock-out earned by guessing at the old one.
    if (employee.email) await this.throttle.clear(employee.email);
    return { ...this.tokens.issue({ employeeId: employee.id, tokenVersion: employee.tokenVersion }), employee };
  }
}
