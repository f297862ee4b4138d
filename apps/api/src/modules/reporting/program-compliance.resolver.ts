import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { CertificationLoaders } from '../certification/certification.loaders';
import { CertificationProgramObject } from '../certification/certification-program.object';
import { selectsOnly } from './selects-field';
import { ProgramComplianceObject } from './store-compliance.object';

@Resolver(() => ProgramComplianceObject)
export class ProgramComplianceResolver {
  constructor(private readonly loaders: CertificationLoaders) {}

  /** The figures' row already holds the programme's id, code and name: the rest costs a read. */
  @ResolveField(() => CertificationProgramObject)
  program(
    @Parent() row: ProgramComplianceObject,
    @Context() context: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): CertificationProgramObject | Promise<CertificationProgramObject> {
    if (selectsOnly(info, ['id', 'code', 'name'])) return row.program as CertificationProgramObject;
    return this.loaders.program(context).load(row.program.id);
  }
}
