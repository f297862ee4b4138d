import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../../apps/api/src/modules/identity/public.decorator';

/** How many `testSleep` mutations started, so a test can see that work stopped. */
export const slowOperationCalls = { sleeps: 0 };

/** Operations that take long on purpose, added to the API by the execution-timeout test only. */
@Resolver()
class SlowOperationsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => Int, { nullable: true })
  @Public()
  async testExpensiveSelect(): Promise<number> {
    // About 130 million rows: tens of seconds of work for the database.
    const [row] = await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM information_schema.collations a, information_schema.collations b, information_schema.collations c',
    );
    return Number(row.n);
  }

  @Mutation(() => Int, { nullable: true })
  @Public()
  async testSleep(@Args('ms', { type: () => Int }) ms: number): Promise<number> {
    slowOperationCalls.sleeps += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ms;
  }
}

@Module({ providers: [SlowOperationsResolver] })
export class SlowOperationsModule {}
