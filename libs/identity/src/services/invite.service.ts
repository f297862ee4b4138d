import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { BadInputError, Clock, retriedTransaction } from '@lp/core';
import { EmployeeEntity } from '@lp/organisation';
import { INVITE_NOT_SENT_REASON_LENGTH, InviteEntity } from '../entities';
import { IdentityConfig } from '../identity.config';
import { assertAcceptablePassword } from '../password-policy';
import { AccessTokenService } from './access-token.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import type { SignedIn } from './authentication.service';

export interface InviteLink {
  /** The raw token of the link: emailed, never stored. */
  token: string;
  expiresAt: Date;
}

export interface IssuedInvite extends InviteLink {
  id: number;
}

/** Where someone's latest invite stands, as HR reads it. */
export enum InviteStatus {
  /** Emailed; the link works until it expires. */
  SENT = 'SENT',
  /** The mail server did not take its email: nobody has the link. */
  NOT_SENT = 'NOT_SENT',
  /** Emailed, never used, and past its expiry. */
  EXPIRED = 'EXPIRED',
  /** Used to set a password, or voided by an email change or leaving. */
  CLOSED = 'CLOSED',
}

export interface InviteView {
  status: InviteStatus;
  createdAt: Date;
  expiresAt: Date;
  notSentReason: string | null;
}

function statusOf(invite: Pick<InviteEntity, 'notSentReason' | 'usedAt' | 'expiresAt'>, now: Date): InviteStatus {
  if (invite.notSentReason !== null) return InviteStatus.NOT_SENT;
  if (invite.usedAt) return InviteStatus.CLOSED;
  return invite.expiresAt <= now ? InviteStatus.EXPIRED : InviteStatus.SENT;
}

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

  /** A new link: its raw token (never stored) and when it will expire. */
  newLink(): InviteLink {
    const expiresAt = new Date(this.clock.now().getTime() + this.config.INVITE_TTL_HOURS * 3_600_000);
    return { token: randomBytes(32).toString('base64url'), expiresAt };
  }

  /**
   * Stores a link (a new one unless given) inside the caller's transaction, voiding the
   * earlier ones; from its commit on, the link works.
   */
  async issue(manager: EntityManager, employeeId: number, link = this.newLink()): Promise<IssuedInvite> {
    await this.voidOpen(manager, [employeeId]);
    const { identifiers } = await manager.insert(InviteEntity, {
      employeeId,
      tokenHash: hashToken(link.token),
      expiresAt: link.expiresAt,
      usedAt: null,
      createdAt: this.clock.now(),
      notSentReason: null,
    });
    return { ...link, id: Number(identifiers[0].id) };
  }

  /** Notes that an invite's email was not sent, and why: HR reads it on the person's record. */
  async markNotSent(manager: EntityManager, inviteId: number, reason: string): Promise<void> {
    await manager.update(
      InviteEntity,
      { id: inviteId },
      { notSentReason: reason.slice(0, INVITE_NOT_SENT_REASON_LENGTH) },
    );
  }

  /** Stops the links of these people's unused invites from working, inside the caller's transaction. */
  async voidOpen(manager: EntityManager, employeeIds: number[]): Promise<void> {
    await manager.update(InviteEntity, { employeeId: In(employeeIds), usedAt: IsNull() }, { usedAt: this.clock.now() });
  }

  /** The latest invite of each of these employees, by employee id; none for someone never invited. */
  async latestOf(employeeIds: readonly number[]): Promise<Map<number, InviteView>> {
    if (employeeIds.length === 0) return new Map();
    const invites = await this.dataSource
      .getRepository(InviteEntity)
      .createQueryBuilder('i')
      .where(
        'i.id IN (SELECT MAX(l.id) FROM invites l WHERE l.employee_id IN (:...employeeIds) GROUP BY l.employee_id)',
        {
          employeeIds,
        },
      )
      .getMany();
    const now = this.clock.now();
    return new Map(
      invites.map(({ employeeId, createdAt, expiresAt, notSentReason, usedAt }) => [
        employeeId,
        { status: statusOf({ notSentReason, usedAt, expiresAt }, now), createdAt, expiresAt, notSentReason },
      ]),
    );
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
      // HR was told a NOT_SENT invite did not go, and sends another: its link must not work,
      // though a server that answered too late may still deliver it.
      if (!invite || invite.usedAt || invite.notSentReason !== null || invite.expiresAt <= now) {
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
