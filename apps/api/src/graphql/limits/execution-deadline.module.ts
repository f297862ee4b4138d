import { Injectable, type MiddlewareConsumer, Module, type NestMiddleware, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GraphqlConfig, runWithDeadline } from '@lp/core';

/**
 * Starts a GraphQL request's deadline, seen by everything the request runs (the timeout
 * plugin's field checks, the time limit of its SELECTs). Nest applies module middleware
 * after the body parser, whose stream events would lose the context.
 */
@Injectable()
class ExecutionDeadlineMiddleware implements NestMiddleware {
  constructor(private readonly config: GraphqlConfig) {}

  use(_request: Request, _response: Response, next: NextFunction): void {
    runWithDeadline(this.config.GRAPHQL_EXECUTION_TIMEOUT_MS, next);
  }
}

@Module({})
export class ExecutionDeadlineModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ExecutionDeadlineMiddleware).forRoutes('graphql');
  }
}
