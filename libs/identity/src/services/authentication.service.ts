import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnauthenticatedError } from '@lp/core';
import { EmployeeEntity, normaliseEmail } from '@lp/organisation';
import { AccessTokenService } from './access-token.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  employee: EmployeeEntity;
}

@Injectable()
export class AuthenticationService {
  constructor(
    @InjectRepository(EmployeeEntity) private readonly employees: Repository<EmployeeEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Wrong email, wrong password and a deactivated account give the same answer after the
   * same work (a password hash is always verified), so the answer reveals nothing.
   */
  async login(emailTyped: string, password: string): Promise<SignedIn> {
    const email = normaliseEmail(emailTyped);
    await this.throttle.assertNotLocked(email);
    const employee = await this.employees
      .createQueryBuilder('e')
      .addSelect(['e.passwordHash', 'e.tokenVersion'])
      .where('e.email = :email', { email })
      .getOne();
    const passwordMatches = await this.hasher.verify(employee?.passwordHash ?? null, password);
    if (!employee || !passwordMatches || !employee.active) {
      await this.throttle.recordFailure(email);
      throw new UnauthenticatedError('Wrong email or password');
    }
    await this.throttle.clear(email);
    return { ...this.tokens.issue({ employeeId: employee.id, tokenVersion: employee.tokenVersion }), employee };
  }

  /**
   * Ends every session of the person, on every device: tokens carry the token version they
   * were issued under, so raising it refuses them all at no cost per request. A token copied
   * from a shared store terminal stops working once its holder signs out.
   */
  async signOut(employeeId: number): Promise<void> {
    await this.employees.increment({ id: employeeId }, 'tokenVersion', 1);
  }
}
