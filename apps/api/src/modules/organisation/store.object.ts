import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/pagination';

@ObjectType('Store')
export class StoreObject {
  @Field(() => ID)
  id!: number;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/London' })
  timezone!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date (YYYY-MM-DD) the store was closed, in its zone (closeStore); null while it is open. A closed store keeps its history but takes nobody in, and is left out of the current compliance rollups',
  })
  closedOn!: string | null;

  regionId!: number;
}

@ObjectType()
export class StoreConnection extends ConnectionType(StoreObject, 'Store') {}
