import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lp/identity';
import { RegionService, Role, StoreService } from '@lp/organisation';
import { ParseIdPipe } from '../../graphql/id';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { CreateRegionInput } from './dto/create-region.input';
import { UpdateRegionInput } from './dto/update-region.input';
import { RegionObject } from './region.object';
import { StoreConnection } from './store.object';

@Resolver(() => RegionObject)
export class RegionResolver {
  constructor(
    private readonly regionService: RegionService,
    private readonly storeService: StoreService,
  ) {}

  @Query(() => [RegionObject], { description: 'Regions the caller may see' })
  regions(@CurrentActor() actor: Actor): Promise<RegionObject[]> {
    return this.regionService.list(actor.scope);
  }

  @Mutation(() => RegionObject)
  @Roles(Role.HR, Role.ADMIN)
  createRegion(@Args('input') input: CreateRegionInput, @CurrentActor() actor: Actor): Promise<RegionObject> {
    return this.regionService.create(input, actor.id);
  }

  @Mutation(() => RegionObject, { description: 'Renames a region: its code, its name or both' })
  @Roles(Role.HR, Role.ADMIN)
  updateRegion(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args('input') input: UpdateRegionInput,
    @CurrentActor() actor: Actor,
  ): Promise<RegionObject> {
    return this.regionService.update(id, input, actor.id);
  }

  @Mutation(() => RegionObject, {
    description:
      'Deletes a region nothing refers to and returns it as it was. CONFLICT, with nothing written, while stores (closed ones too: their history is read in it), regional managers or audience rules refer to it; to merge two regions, move the stores with updateStore first. A region whose stores are all closed stays, left out of the current reports',
  })
  @Roles(Role.HR, Role.ADMIN)
  deleteRegion(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<RegionObject> {
    return this.regionService.delete(id, actor.id);
  }

  @ResolveField(() => StoreConnection, { description: 'By code' })
  async stores(
    @Parent() region: RegionObject,
    @Args() pagination: PaginationArgs,
    @CurrentActor() actor: Actor,
  ): Promise<StoreConnection> {
    return toConnection(await this.storeService.list(actor.scope, { regionId: region.id }, toPageRequest(pagination)));
  }
}
