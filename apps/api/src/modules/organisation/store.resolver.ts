import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import type { Actor } from '@lp/identity';
import { Role, StoreService } from '@lp/organisation';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { IdField, ParseIdPipe } from '../../graphql/id';
import { PaginationArgs, toConnection, toPageRequest } from '../../graphql/pagination';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { CreateStoreInput } from './dto/create-store.input';
import { UpdateStoreInput } from './dto/update-store.input';
import { OrganisationLoaders } from './organisation.loaders';
import { RegionObject } from './region.object';
import { StoreConnection, StoreObject } from './store.object';
import { OptionalInput } from '../../graphql/optional-input';

@ArgsType()
class StoresArgs extends PaginationArgs {
  @IdField({ nullable: true })
  @OptionalInput()
  regionId?: number;

  @Field({ nullable: true, description: "Part of the store's name, or the start of its code" })
  @OptionalInput()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({ nullable: true, description: 'Only closed stores (true) or only open ones (false); all when left out' })
  @OptionalInput()
  @IsBoolean()
  closed?: boolean;
}

@Resolver(() => StoreObject)
export class StoreResolver {
  constructor(
    private readonly storeService: StoreService,
    private readonly loaders: OrganisationLoaders,
  ) {}

  @Query(() => StoreConnection, { description: 'Stores the caller may see, by code' })
  async stores(@Args() args: StoresArgs, @CurrentActor() actor: Actor): Promise<StoreConnection> {
    return toConnection(
      await this.storeService.list(
        actor.scope,
        { regionId: args.regionId, search: args.search, closed: args.closed },
        toPageRequest(args),
      ),
    );
  }

  @Query(() => StoreObject, { nullable: true })
  store(@Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number, @CurrentActor() actor: Actor) {
    return this.storeService.get(actor.scope, id, actor.storeId);
  }

  @Mutation(() => StoreObject)
  @Roles(Role.HR, Role.ADMIN)
  createStore(@Args('input') input: CreateStoreInput, @CurrentActor() actor: Actor): Promise<StoreObject> {
    return this.storeService.create(input, actor.id);
  }

  @Mutation(() => StoreObject, {
    description:
      'Renames a store or moves it to another region or time zone; its people move with it, as a transfer would move them',
  })
  @Roles(Role.HR, Role.ADMIN)
  updateStore(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @Args('input') input: UpdateStoreInput,
    @CurrentActor() actor: Actor,
  ): Promise<StoreObject> {
    return this.storeService.update(id, input, actor.id);
  }

  @Mutation(() => StoreObject, {
    description:
      'Deletes a store nothing refers to, such as one created by mistake, and returns it as it was. CONFLICT, with nothing written, for a store with people or history (former staff, transfers, managers, audience rules, compliance snapshots, audit events): the message says what refers to it. A store that stops trading is closed instead (closeStore)',
  })
  @Roles(Role.HR, Role.ADMIN)
  deleteStore(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<StoreObject> {
    return this.storeService.delete(id, actor.id);
  }

  @Mutation(() => StoreObject, {
    description:
      "Closes a store today (its zone's day, in closedOn). It keeps its history and stays in lists and past reports, marked closed, but nobody can be hired or moved into it and the current compliance rollups leave it out. CONFLICT, with nothing written, while active employees work there (extensions.activeEmployees): move or deactivate them first. A closed store is answered as it is",
  })
  @Roles(Role.HR, Role.ADMIN)
  closeStore(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<StoreObject> {
    return this.storeService.close(id, actor.id);
  }

  @Mutation(() => StoreObject, {
    description: 'Opens a closed store again: people can be hired or moved into it. An open store is answered as it is',
  })
  @Roles(Role.HR, Role.ADMIN)
  reopenStore(
    @Args('id', { type: () => ID }, new ParseIdPipe('id')) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<StoreObject> {
    return this.storeService.reopen(id, actor.id);
  }

  @ResolveField(() => RegionObject)
  region(@Parent() store: StoreObject, @Context() context: GraphqlContext): Promise<RegionObject> {
    return this.loaders.region(context).load(store.regionId);
  }
}
