import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type ErrorCode } from '@lp/core';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  TIMEOUT: 503,
  MAIL_NOT_SENT: 502,
};

/**
 * REST endpoints (health, CSV exports, the queue dashboard) answer domain errors with the
 * matching status and a short text body; GraphQL errors pass through to the formatter.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): AppError | void {
    if (host.getType<string>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    response.status(STATUS_BY_CODE[error.code]).type('text/plain').send(`${error.code}: ${error.message}\n`);
  }
}
