import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProgramService } from '@lp/certification';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { ParseIdPipe } from '../../graphql/id';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CourseObject } from '../learning/course.object';
import { LearningLoaders } from '../learning/learning.loaders';
import { CertificationLoaders } from './certification.loaders';
import { AudienceRuleObject, CertificationProgramObject } from './certification-program.object';
import { CreateCertificationProgramInput } from './dto/create-certification-program.input';
import { UpdateCertificationProgramInput } from './dto/update-certification-program.input';

@Resolver(() => CertificationProgramObject)
export class CertificationProgramResolver {
  constructor(
    private readonly programService: ProgramService,
    private readonly loaders: CertificationLoaders,
    private readonly learningLoaders: LearningLoaders,
  ) {}

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

  @Mutation(() => CertificationProgramObject, {
    description:
      'Changes a programme (its code stays), audited; nothing to change writes nothing. Certificates already ' +
      'issued keep their dates; those a removed course earns follow shortly (see removeCourseIds)',
  })
  @Roles(Role.HR, Role.ADMIN)
  updateCertificationProgram(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args('input') input: UpdateCertificationProgramInput,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationProgramObject> {
    return this.programService.update(id, input, actor.id);
  }

  @ResolveField(() => [CourseObject], {
    description: 'The courses that must all be passed to earn it, in the order they were created',
  })
  async courses(
    @Parent() program: CertificationProgramObject,
    @Context() context: GraphqlContext,
  ): Promise<CourseObject[]> {
    const courseIds = await this.loaders.requiredCourseIds(context).load(program.id);
    const courses = this.learningLoaders.course(context);
    return Promise.all(courseIds.map((id) => courses.load(id)));
  }

  @ResolveField(() => [AudienceRuleObject], { description: 'Who must hold it; empty: nobody in particular' })
  audience(
    @Parent() program: CertificationProgramObject,
    @Context() context: GraphqlContext,
  ): Promise<AudienceRuleObject[]> {
    return this.loaders.audience(context).load(program.id);
  }
}
