import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AssignCourse,
  AssignmentService,
  CancelAssignment,
  ChangeAssignmentDueDate,
  ListAssignments,
} from '@lp/assignments';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import { HistoryPaginationArgs, idDirectionOf, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { EmployeeObject } from '../organisation/employee.object';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { AssignmentConnection, AssignmentResultObject } from './assignment-result.object';
import { AssignmentObject } from './assignment.object';
import { AssignCourseInput } from './dto/assign-course.input';
import { AssignmentFilterInput } from './dto/assignment-filter.input';

const MANAGERS = [Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN];

/** What managers and HR do with assignments, always within their scope. */
@Resolver(() => AssignmentObject)
export class AssignmentManagementResolver {
  constructor(
    private readonly assignCourseUseCase: AssignCourse,
    private readonly cancelAssignmentUseCase: CancelAssignment,
    private readonly changeAssignmentDueDateUseCase: ChangeAssignmentDueDate,
    private readonly listAssignments: ListAssignments,
    private readonly assignmentService: AssignmentService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Mutation(() => AssignmentResultObject, {
    description:
      'Already-open assignments are skipped, never duplicated. Naming someone outside your scope is FORBIDDEN, with nothing written; extensions.employeeIds says who. Nobody works in a closed store, so naming one (storeId), a region whose stores are all closed (regionId), or assigning as a manager whose every store is closed is CONFLICT, with nothing written',
  })
  @Roles(...MANAGERS)
  assignCourse(@Args('input') input: AssignCourseInput, @CurrentActor() actor: Actor): Promise<AssignmentResultObject> {
    return this.assignCourseUseCase.execute(actor.scope, input, actor.id);
  }

  @Mutation(() => AssignmentObject)
  @Roles(...MANAGERS)
  async cancelAssignment(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentObject> {
    return this.assignmentService.view(await this.cancelAssignmentUseCase.execute(actor.scope, id, actor.id));
  }

  @Mutation(() => AssignmentObject, {
    description:
      'Gives an open assignment another due date, keeping its progress; a refresher may not be due after its valid certificate expires',
  })
  @Roles(...MANAGERS)
  async changeAssignmentDueDate(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args('dueAt', { type: () => Date, description: 'In the future' }) dueAt: Date,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentObject> {
    return this.assignmentService.view(
      await this.changeAssignmentDueDateUseCase.execute(actor.scope, id, dueAt, actor.id),
    );
  }

  @Query(() => AssignmentConnection, { description: 'Assignments of the people in your scope' })
  @Roles(...MANAGERS)
  async assignments(
    @Args('filter', { nullable: true }) filter: AssignmentFilterInput = {},
    @Args() pagination: HistoryPaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentConnection> {
    return toConnection(
      await this.listAssignments.execute(
        actor.scope,
        filter,
        toPageRequest(pagination),
        idDirectionOf(pagination.order),
      ),
    );
  }

  @ResolveField(() => EmployeeObject, { description: 'Who must complete it' })
  employee(@Parent() assignment: AssignmentObject, @Context() context: GraphqlContext): Promise<EmployeeObject> {
    return this.organisationLoaders.employee(context).load(assignment.employeeId);
  }
}
