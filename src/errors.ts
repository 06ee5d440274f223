// The domain's errors, one class per kind of failure: a type and a code the caller can act on, no transport.
// Each class takes only its own codes, so a misspelt code is a compile error. The API's error plugin maps them
// to HTTP statuses, headers and the envelope; the dashboard maps them to pages; the CLI prints their message.

export const ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'conflict_error',
  'validation_error',
  'rate_limit_error',
  'api_error',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export abstract class DomainError extends Error {
  abstract readonly type: ErrorType;

  constructor(
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export type InvalidRequestCode =
  | 'invalid_json'
  | 'missing_parameter'
  | 'invalid_parameter'
  | 'payload_too_large'
  | 'invalid_cursor'
  | 'https_required'
  | 'idempotency_key_invalid';

export class InvalidRequestError extends DomainError {
  readonly type = 'invalid_request_error';
  constructor(code: InvalidRequestCode, message: string, param: string | null = null) {
    super(code, message, param);
  }
}

export type AuthenticationCode = 'missing_api_key' | 'invalid_api_key' | 'revoked_api_key' | 'expired_api_key';

export class AuthenticationError extends DomainError {
  readonly type = 'authentication_error';
  constructor(code: AuthenticationCode, message: string) {
    super(code, message, null);
  }
}

export class PermissionError extends DomainError {
  readonly type = 'permission_error';
  constructor(code: 'plan_required' | 'insufficient_scope' | 'insufficient_role' | 'key_limit_reached', message: string) {
    super(code, message, null);
  }
}

export class NotFoundError extends DomainError {
  readonly type = 'not_found_error';
  constructor(message = 'No such resource.', param: string | null = null) {
    super('resource_not_found', message, param);
  }
}

export type ConflictCode =
  | 'folder_not_empty'
  | 'folder_cycle'
  | 'version_conflict'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress';

export class ConflictError extends DomainError {
  readonly type = 'conflict_error';
  constructor(code: ConflictCode, message: string, param: string | null = null) {
    super(code, message, param);
  }
}

export class ValidationError extends DomainError {
  readonly type = 'validation_error';
  constructor(message: string, param: string | null = null) {
    super('validation_failed', message, param);
  }
}

export class RateLimitError extends DomainError {
  readonly type = 'rate_limit_error';
  constructor(
    code: 'rate_limit_exceeded' | 'quota_exceeded',
    message: string,
    /** How long until a retry can succeed. */
    readonly retryAfterSeconds: number,
  ) {
    super(code, message, null);
  }
}

export class InternalError extends DomainError {
  readonly type = 'api_error';
  constructor(message = 'Something went wrong on our side. Try again; if it persists, contact support with the request id.') {
    super('internal_error', message, null);
  }
}

/** A dependency (database, limiter store) is unreachable; used by /readyz. */
export class ServiceUnavailableError extends DomainError {
  readonly type = 'api_error';
  constructor(
    message: string,
    /** When known, how long to wait before retrying. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super('service_unavailable', message, null);
  }
}
