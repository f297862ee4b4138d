import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '@lp/identity';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CertificationLoaders } from '../certification/certification.loaders';
import { CertificationProgramObject } from '../certification/certification-program.object';
import { CurrentActor } from '../identity/current-actor.decorator';
import { MissingEmployeeConnection } from './missing-employee.object';
import { MissingEmployeesLoader } from './missing-employees.loader';
import { selectsOnly } from './selects-field';
import { ProgramComplianceObject } from './store-compliance.object';

@Resolver(() => ProgramComplianceObject)
export class ProgramComplianceResolver {
  constructor(
    private readonly loaders: CertificationLoaders,
    private readonly missingEmployeesLoader: MissingEmployeesLoader,
  ) {}

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

  /** Read again within the caller's scope, so it never depends on how the row was reached. */
  @ResolveField(() => MissingEmployeeConnection, {
    description:
      'The people counted in `missing`: active, in the programme’s audience, with no current certification or a revoked one; by last name, first name',
  })
  async missingEmployees(
    @Parent() row: ProgramComplianceObject,
    @Args() pagination: PaginationArgs,
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<MissingEmployeeConnection> {
    const page = await this.missingEmployeesLoader.load(
      context,
      actor.scope,
      { storeId: row.storeId, programId: row.program.id },
      toPageRequest(pagination),
    );
    const connection = toConnection(page);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, programId: row.program.id })) };
  }
}
