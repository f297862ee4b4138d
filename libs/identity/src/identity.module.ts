import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lp/audit';
import { MailModule } from '@lp/core';
import { EmployeeEntity, OrganisationModule } from '@lp/organisation';
import { identityEntities } from './entities';
import { AccessTokenService } from './services/access-token.service';
import { ActorLoader } from './services/actor-loader.service';
import { AuthenticationService } from './services/authentication.service';
import { InviteMailer } from './services/invite-mailer';
import { InviteOnHireHook } from './services/invite-on-hire.hook';
import { InviteService } from './services/invite.service';
import { LoginThrottle } from './services/login-throttle.service';
import { PasswordHasher } from './services/password-hasher';
import { ResendInviteService } from './services/resend-invite.service';
import { RevokeAccessHook } from './services/revoke-access.hook';

const services = [
  AccessTokenService,
  ActorLoader,
  AuthenticationService,
  InviteService,
  LoginThrottle,
  PasswordHasher,
  ResendInviteService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([...identityEntities, EmployeeEntity]),
    OrganisationModule,
    AuditModule,
    MailModule,
  ],
  providers: [...services, InviteMailer, InviteOnHireHook, RevokeAccessHook],
  exports: services,
})
export class IdentityModule {}
