import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, type ErrorCode, ExecutionTimeoutError, isStatementTimeoutError } from '@lp/core';

const logger = new Logger('GraphQL');

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
};

/** Apollo's own codes for requests that never reached a resolver; all are the client's doing. */
const CLIENT_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return exception.message;
}

/**
 * The one place where errors become what clients see: domain errors keep their code and
 * safe message; anything unexpected is logged with a fresh errorId and answered as
 * INTERNAL_SERVER_ERROR with that id only.
 */
export function createErrorFormatter(exposeStack: boolean, executionTimeoutMs: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // The database stopped a SELECT at the request's deadline.
    const original = isStatementTimeoutError(unwrapped) ? new ExecutionTimeoutError(executionTimeoutMs) : unwrapped;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof HttpException) {
      const code = CODE_BY_STATUS[original.getStatus()];
      if (code) return { ...base, message: httpMessage(original), extensions: { code } };
    }
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && CLIENT_REQUEST_CODES.has(apolloCode)) {
      const reason = formatted.extensions?.reason ?? apolloCode;
      return { ...base, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason } };
    }

    const errorId = randomUUID();
    logger.error({ errorId, err: original, path: formatted.path }, `Unexpected error ${errorId}`);
    return {
      ...base,
      message: `Internal server error (errorId ${errorId})`,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        errorId,
        ...(exposeStack && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
      },
    };
  };
}
