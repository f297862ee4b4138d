import { Args, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseIdPipe } from '../../graphql/id';
import { ProgramComplianceObject, StoreComplianceObject } from './store-compliance.object';

@Resolver(() => StoreComplianceObject)
export class StoreComplianceResolver {
  /** A row of `programs`, which the figures' read holds already: asking for one costs one, not a list. */
  @ResolveField(() => ProgramComplianceObject, {
    nullable: true,
    description: 'One programme’s row of `programs`; null when it does not apply to the store',
  })
  program(
    @Parent() store: StoreComplianceObject,
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
  ): ProgramComplianceObject | null {
    return store.programs.find((row) => row.program.id === id) ?? null;
  }
}
