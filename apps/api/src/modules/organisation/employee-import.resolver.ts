import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { EmployeeImportService, Role } from '@lp/organisation';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { ImportEmployeesArgs } from './dto/import-employees.args';
import { EmployeeImportResultObject } from './employee-import-result.object';

@Resolver()
export class EmployeeImportResolver {
  constructor(private readonly imports: EmployeeImportService) {}

  /** HR and admins only: their scope is the whole chain, which deactivateMissing needs. */
  @Mutation(() => EmployeeImportResultObject, {
    description:
      'Upserts employees by employee number from CSV; all or nothing. Imported hires get no invite email: use resendInvite',
  })
  @Roles(Role.HR, Role.ADMIN)
  importEmployees(
    @Args() { csv, deactivateMissing }: ImportEmployeesArgs,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeImportResultObject> {
    return this.imports.run(csv, { deactivateMissing: deactivateMissing === true }, actor);
  }
}
