import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { GraphqlContext } from '../../../graphql/graphql-context';

/**
 * Limits sign-in attempts per client address. GraphQL resolvers have no HTTP context of
 * their own, so the request and response come from the GraphQL context; login and
 * acceptInvite share one budget, so alternating between them gains nothing.
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req, res } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return { req, res };
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `sign-in:${tracker}`;
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many sign-in attempts from this address; wait a minute and try again';
  }
}
