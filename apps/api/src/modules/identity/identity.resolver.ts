import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticationService, InviteService, type Actor } from '@lp/identity';
import { EmployeeService } from '@lp/organisation';
import { EmployeeObject } from '../organisation/employee.object';
import { AuthPayloadObject } from './auth-payload.object';
import { CurrentActor } from './current-actor.decorator';
import { AcceptInviteArgs } from './dto/accept-invite.args';
import { LoginArgs } from './dto/login.args';
import { Public } from './public.decorator';
import { SignInThrottlerGuard } from './throttling/sign-in-throttler.guard';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly invites: InviteService,
    private readonly employees: EmployeeService,
  ) {}

  @Mutation(() => AuthPayloadObject, {
    description: 'Wrong email and wrong password give the same answer; throttled per account and per address',
  })
  @Public()
  @UseGuards(SignInThrottlerGuard)
  async login(@Args() { email, password }: LoginArgs): Promise<AuthPayloadObject> {
    const { accessToken, expiresAt, employee } = await this.authentication.login(email, password);
    return { accessToken, expiresAt, user: employee };
  }

  @Mutation(() => AuthPayloadObject, { description: 'Sets the password from an invite link and signs in' })
  @Public()
  @UseGuards(SignInThrottlerGuard)
  async acceptInvite(@Args() { token, password }: AcceptInviteArgs): Promise<AuthPayloadObject> {
    const { accessToken, expiresAt, employee } = await this.invites.accept(token, password);
    return { accessToken, expiresAt, user: employee };
  }

  @Mutation(() => Boolean, {
    description: 'Ends every session of the signed-in employee, on every device: all their access tokens stop working',
  })
  async signOut(@CurrentActor() actor: Actor): Promise<true> {
    await this.authentication.signOut(actor.id);
    return true;
  }

  @Query(() => EmployeeObject, { description: 'The signed-in employee' })
  me(@CurrentActor() actor: Actor): Promise<EmployeeObject> {
    return this.employees.get(actor.scope.kind === 'self' ? actor.scope : { kind: 'chain' }, actor.id);
  }
}
