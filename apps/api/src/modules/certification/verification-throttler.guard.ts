import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { GraphqlContext } from '../../graphql/graphql-context';

/** Public verification is limited per client address, so codes cannot be harvested by brute force. */
@Injectable()
export class VerificationThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req, res } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return { req, res };
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `verify-certificate:${tracker}`;
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many verifications from this address; wait a minute and try again';
  }
}
