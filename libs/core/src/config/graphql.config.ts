import { IsInt, Max, Min } from 'class-validator';
import { EnvVar } from './env-var.decorator';
import { ToInteger } from './transformers';

/** Limits checked on every GraphQL operation before any resolver runs. */
export class GraphqlConfig {
  @EnvVar({ description: 'Deepest selection a query may have' })
  @ToInteger()
  @IsInt()
  @Min(3)
  @Max(30)
  GRAPHQL_MAX_DEPTH = 8;

  @EnvVar({ description: 'Most aliases one operation may use' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  GRAPHQL_MAX_ALIASES = 15;

  @EnvVar({ description: 'Highest query cost: 1 per field, lists multiplied by their `first` (or 20)' })
  @ToInteger()
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_COST = 20_000;

  @EnvVar({
    description:
      'Longest a GraphQL request may run, in ms; then it answers TIMEOUT, starts no further field and its running SELECTs are stopped by the database',
  })
  @ToInteger()
  @IsInt()
  @Min(50)
  @Max(600_000)
  GRAPHQL_EXECUTION_TIMEOUT_MS = 10_000;
}
