import { UseGuards } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  CertificationAdminService,
  CertificationQueries,
  certificationStatus,
  VerificationService,
} from '@lp/certification';
import { Clock } from '@lp/core';
import type { Actor } from '@lp/identity';
import { localIsoDay, Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import { HistoryPaginationArgs, idDirectionOf, toConnection, toPageRequest } from '../../graphql/pagination';
import { SingleLine } from '../../graphql/single-line';
import { Trim } from '../../graphql/trim';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Public } from '../identity/public.decorator';
import { Roles } from '../identity/roles.decorator';
import { EmployeeObject } from '../organisation/employee.object';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { CertificationLoaders } from './certification.loaders';
import { CertificationProgramObject } from './certification-program.object';
import { CertificationStatus } from './certification-status.enum';
import {
  CertificateVerificationObject,
  CertificationConnection,
  CertificationCourseObject,
  CertificationObject,
} from './certification.object';
import { CertificationFilterInput } from './dto/certification-filter.input';
import { VerificationThrottlerGuard } from './verification-throttler.guard';

/** Verifications one client address may make per minute: plenty for a person, too few to guess codes. */
const VERIFICATIONS_PER_MINUTE = 60;

@ArgsType()
class RevokeArgs {
  @Field({ description: 'Why; kept in the audit log' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @SingleLine()
  reason!: string;
}

@ArgsType()
class VerifyArgs {
  @Field({ description: 'The code printed on the certificate, with or without dashes' })
  @IsString()
  @MaxLength(64)
  code!: string;
}

@Resolver(() => CertificationObject)
export class CertificationResolver {
  constructor(
    private readonly queries: CertificationQueries,
    private readonly admin: CertificationAdminService,
    private readonly verification: VerificationService,
    private readonly certificationLoaders: CertificationLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly clock: Clock,
  ) {}

  @Query(() => CertificationConnection, { description: 'Certifications of people in the caller’s scope' })
  @Roles(Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN)
  async certifications(
    @Args('filter', { nullable: true }) filter: CertificationFilterInput = {},
    @Args() pagination: HistoryPaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationConnection> {
    return toConnection(
      await this.queries.list(actor.scope, filter, toPageRequest(pagination), idDirectionOf(pagination.order)),
    );
  }

  @Query(() => [CertificationObject], { description: 'The signed-in employee’s current certifications' })
  async myCertifications(
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<CertificationObject[]> {
    const { certifications, timezone } = await this.queries.mine(actor.id);
    // The programmes and the holder's zone came with them: `status`, `program` and the days need no query of their own.
    const programs = this.certificationLoaders.program(context);
    for (const { programId, program } of certifications) if (program) programs.prime(programId, program);
    if (timezone) this.organisationLoaders.timezoneOfEmployee(context).prime(actor.id, timezone);
    return certifications;
  }

  @Mutation(() => CertificationObject, {
    description:
      'Manual grant, e.g. certified by a previous employer. A holder with no certification of the programme, or ' +
      'one that has expired or been revoked, gets a new one; a valid one is renewed, dated as a completion would ' +
      'be, only from its renewal window on. CONFLICT, with nothing written, for a grant before that window opens ' +
      '(extensions validUntil and renewalOpensAt say when) or dated on or before the current certification was ' +
      "issued or revoked. A certificate valid now cancels the holder's open assignments that the programme's " +
      'audience rule or refresher made.',
  })
  @Roles(Role.HR, Role.ADMIN)
  grantCertification(
    @Args('employeeId', { type: () => ID }, new ParseIdPipe('employeeId')) employeeId: number,
    @Args('programId', { type: () => ID }, new ParseIdPipe('programId')) programId: number,
    @Args('issuedAt', { type: () => Date, nullable: true, description: 'Default: now' }) issuedAt: Date | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationObject> {
    return this.admin.grant(actor.scope, employeeId, programId, issuedAt, actor.id);
  }

  @Mutation(() => CertificationObject)
  @Roles(Role.HR, Role.ADMIN)
  revokeCertification(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args() { reason }: RevokeArgs,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationObject> {
    return this.admin.revoke(actor.scope, id, reason, actor.id);
  }

  @Query(() => CertificateVerificationObject, { description: 'Public: is this certificate valid?' })
  @Public()
  @UseGuards(VerificationThrottlerGuard)
  @Throttle({ default: { limit: VERIFICATIONS_PER_MINUTE, ttl: 60_000 } })
  verifyCertificate(@Args() { code }: VerifyArgs): Promise<CertificateVerificationObject> {
    return this.verification.verify(code);
  }

  @ResolveField(() => CertificationStatus)
  async status(@Parent() certification: CertificationObject, @Context() context: GraphqlContext) {
    const program = await this.certificationLoaders.program(context).load(certification.programId);
    return certificationStatus(
      {
        expiresAt: certification.expiresAt,
        revokedAt: certification.revokedAt,
        recertifyWindowDays: program.recertifyWindowDays,
      },
      this.clock.now(),
    );
  }

  @ResolveField(() => String, {
    description: "The day it was issued in the holder's store's time zone, YYYY-MM-DD: the day the certificate prints",
  })
  async issuedOn(@Parent() certification: CertificationObject, @Context() context: GraphqlContext): Promise<string> {
    return localIsoDay(
      certification.issuedAt,
      await this.organisationLoaders.timezoneOfEmployee(context).load(certification.employeeId),
    );
  }

  @ResolveField(() => String, {
    description: "The day it expires in the holder's store's time zone, YYYY-MM-DD: the day the certificate prints",
  })
  async expiresOn(@Parent() certification: CertificationObject, @Context() context: GraphqlContext): Promise<string> {
    return localIsoDay(
      certification.expiresAt,
      await this.organisationLoaders.timezoneOfEmployee(context).load(certification.employeeId),
    );
  }

  @ResolveField(() => CertificationProgramObject)
  program(@Parent() certification: CertificationObject, @Context() context: GraphqlContext) {
    return this.certificationLoaders.program(context).load(certification.programId);
  }

  @ResolveField(() => EmployeeObject)
  employee(@Parent() certification: CertificationObject, @Context() context: GraphqlContext) {
    return this.organisationLoaders.employee(context).load(certification.employeeId);
  }

  @ResolveField(() => [CertificationCourseObject], {
    description: 'The courses and versions this cycle was earned on (empty for a manual grant)',
  })
  earnedOn(@Parent() certification: CertificationObject, @Context() context: GraphqlContext) {
    return this.certificationLoaders.earnedOn(context).load(certification.id);
  }
}
