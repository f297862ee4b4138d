import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CertificationLoaders } from '../certification/certification.loaders';
import { CertificationProgramObject } from '../certification/certification-program.object';
import { ProgramComplianceObject } from './store-compliance.object';

@Resolver(() => ProgramComplianceObject)
export class ProgramComplianceResolver {
  constructor(private readonly loaders: CertificationLoaders) {}

  @ResolveField(() => CertificationProgramObject)
  program(@Parent() row: ProgramComplianceObject, @Context() context: GraphqlContext) {
    return this.loaders.program(context).load(row.program.id);
  }
}
