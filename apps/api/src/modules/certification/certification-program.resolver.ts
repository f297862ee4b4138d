import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ProgramService } from '@lp/certification';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { CertificationProgramObject } from './certification-program.object';
import { CreateCertificationProgramInput } from './dto/create-certification-program.input';

@Resolver(() => CertificationProgramObject)
export class CertificationProgramResolver {
  constructor(private readonly programService: ProgramService) {}

  @Query(() => [CertificationProgramObject])
  certificationPrograms(): Promise<CertificationProgramObject[]> {
    return this.programService.list();
  }

  @Mutation(() => CertificationProgramObject, {
    description: 'Creates a programme; its audience is assigned the courses at once',
  })
  @Roles(Role.HR, Role.ADMIN)
  createCertificationProgram(
    @Args('input') input: CreateCertificationProgramInput,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationProgramObject> {
    return this.programService.create(input, actor.id);
  }
}
