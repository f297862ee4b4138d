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

  regionId!: number;
}

@ObjectType()
export class StoreConnection extends ConnectionType(StoreObject, 'Store') {}
