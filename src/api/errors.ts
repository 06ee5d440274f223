// The API's error classes, one per envelope `type`; the error plugin is the only place that renders them.

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'validation_error'
  | 'rate_limit_error'
  | 'api_error';

export interface ErrorEnvelope {
  error: { type: ErrorType; code: string; message: string; param: string | null };
  request_id: string;
}

export abstract class ApiError extends Error {
  abstract readonly type: ErrorType;
  abstract readonly status: number;
  /** Extra response headers (Retry-After, WWW-Authenticate, …). */
  headers: Record<string, string> = {};

  constructor(
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(requestId: string): ErrorEnvelope {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param }, request_id: requestId };
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

export class InvalidRequestError extends ApiError {
  readonly type = 'invalid_request_error';
  readonly status = 400;
  constructor(code: InvalidRequestCode, message: string, param: string | null = null) {
    super(code, message, param);
  }
}

export type AuthenticationCode = 'missing_api_key' | 'invalid_api_key' | 'revoked_api_key' | 'expired_api_key';

export class AuthenticationError extends ApiError {
  readonly type = 'authentication_error';
  readonly status = 401;
  constructor(code: AuthenticationCode, message: string) {
    super(code, message, null);
    this.headers['WWW-Authenticate'] =
      code === 'missing_api_key' ? 'Bearer realm="api"' : 'Bearer realm="api", error="invalid_token"';
  }
}

export class PermissionError extends ApiError {
  readonly type = 'permission_error';
  readonly status = 403;
  constructor(code: 'plan_required' | 'insufficient_scope' | 'insufficient_role' | 'key_limit_reached', message: string) {
    super(code, message, null);
  }
}

export class NotFoundError extends ApiError {
  readonly type = 'not_found_error';
  readonly status = 404;
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

export class ConflictError extends ApiError {
  readonly type = 'conflict_error';
  readonly status = 409;
  constructor(code: ConflictCode, message: string, param: string | null = null) {
    super(code, message, param);
  }
}

export class ValidationError extends ApiError {
  readonly type = 'validation_error';
  readonly status = 422;
  constructor(message: string, param: string | null = null) {
    super('validation_failed', message, param);
  }
}

export class RateLimitError extends ApiError {
  readonly type = 'rate_limit_error';
  readonly status = 429;
  constructor(code: 'rate_limit_exceeded' | 'quota_exceeded', message: string, retryAfterSeconds: number) {
    super(code, message, null);
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

export class InternalError extends ApiError {
  readonly type = 'api_error';
  readonly status = 500;
  constructor(message = 'Something went wrong on our side. Try again; if it persists, contact support with the request id.') {
    super('internal_error', message, null);
  }
}

/** A dependency (database, limiter store) is unreachable; used by /readyz. */
export class ServiceUnavailableError extends ApiError {
  readonly type = 'api_error';
  readonly status = 503;
  constructor(message: string) {
    super('service_unavailable', message, null);
  }
}
