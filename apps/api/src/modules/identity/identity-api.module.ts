import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '@lp/identity';
import { OrganisationModule } from '@lp/organisation';
import { AuthenticationGuard } from './authentication.guard';
import { EmployeeInviteResolver } from './employee-invite.resolver';
import { IdentityResolver } from './identity.resolver';
import { InviteResolver } from './invite.resolver';
import { SignInThrottlingModule } from './throttling/sign-in-throttling.module';

@Module({
  imports: [IdentityModule, OrganisationModule, SignInThrottlingModule],
  providers: [
    IdentityResolver,
    InviteResolver,
    EmployeeInviteResolver,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
})
export class IdentityApiModule {}
