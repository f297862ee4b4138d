export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'TIMEOUT'
  | 'MAIL_NOT_SENT';

/**
 * The one base class for errors a user may see. Libraries throw these (never HTTP
 * exceptions); the API's error formatter turns `code` into `extensions.code`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, structured details for the client, e.g. the offending field. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, field ? { field, ...details } : details);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string | number) {
    super('NOT_FOUND', id === undefined ? `${entity} not found` : `${entity} ${id} not found`, { entity });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this', details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number, what = 'attempts') {
    super('TOO_MANY_REQUESTS', `Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** The request ran past the API's execution timeout; what was left undone was not started. */
export class ExecutionTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super('TIMEOUT', `The request took longer than ${timeoutMs} ms and was stopped; ask for less and try again`, {
      timeoutMs,
    });
  }
}

/**
 * The mail server did not take an email that the request exists to send (an invite), so
 * nothing of the request was kept; `reason` is its answer in words (describeFailure).
 */
export class MailNotSentError extends AppError {
  constructor(message: string, reason: string) {
    super('MAIL_NOT_SENT', message, { reason });
  }
}
