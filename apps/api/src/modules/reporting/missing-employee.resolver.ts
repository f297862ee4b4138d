import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { MissingEmployeeEdge, PassedCourseObject } from './missing-employee.object';
import { MissingEmployeesLoader } from './missing-employees.loader';

@Resolver(() => MissingEmployeeEdge)
export class MissingEmployeeEdgeResolver {
  constructor(private readonly missingEmployeesLoader: MissingEmployeesLoader) {}

  @ResolveField(() => [PassedCourseObject], {
    description:
      'The programme’s courses they have passed already in a way that counts toward it (since their certificate was revoked, when it was), in the programme’s order: passing one again earns nothing while another is left to pass',
  })
  coursesPassed(
    @Parent() edge: MissingEmployeeEdge,
    @Context() context: GraphqlContext,
  ): Promise<PassedCourseObject[]> {
    return this.missingEmployeesLoader.coursesPassed(context, { employeeId: edge.node.id, programId: edge.programId });
  }
}
