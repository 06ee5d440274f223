// One error class per `type` of the API's error envelope, so callers branch with `instanceof`.

/** The API's error envelope: `{ error: { type, code, message, param }, request_id }`. */
export interface ErrorEnvelope {
  error: { type: string; code: string; message: string; param: string | null };
  request_id: string;
}

export interface ErrorFields {
  type: string;
  code: string | null;
  message: string;
  param: string | null;
  /** HTTP status; null when no response came back (connection errors, time-outs). */
  status: number | null;
  /** The request's id (`X-Request-Id`), to quote to support; null when no response came back. */
  requestId: string | null;
}

export class JustFlowItError extends Error {
  override name = 'JustFlowItError';
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly status: number | null;
  readonly requestId: string | null;

  constructor(fields: ErrorFields, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.status = fields.status;
    this.requestId = fields.requestId;
  }
}

/** 400: malformed JSON, a missing or invalid parameter (named in `param`), a bad cursor. */
export class InvalidRequestError extends JustFlowItError { override name = 'InvalidRequestError'; }
/** 401: no key, or a malformed, unknown, revoked or expired one. */
export class AuthenticationError extends JustFlowItError { override name = 'AuthenticationError'; }
/** 403: `plan_required` or `insufficient_scope`. */
export class PermissionError extends JustFlowItError { override name = 'PermissionError'; }
/** 404: `resource_not_found`, also for another tenant's or another mode's ids. */
export class NotFoundError extends JustFlowItError { override name = 'NotFoundError'; }
/** 409: folder not empty, folder cycle, version conflict, idempotency key reused or in progress. */
export class ConflictError extends JustFlowItError { override name = 'ConflictError'; }
/** 422: the BPMN or the prompt cannot be turned into a diagram. */
export class ValidationError extends JustFlowItError { override name = 'ValidationError'; }
/** 429: burst limit or generation quota, with the server's `Retry-After` in seconds. */
export class RateLimitError extends JustFlowItError {
  override name = 'RateLimitError';
  /** Seconds the server asked to wait, or null when it did not say. */
  readonly retryAfter: number | null;
  constructor(fields: ErrorFields, retryAfter: number | null) {
    super(fields);
    this.retryAfter = retryAfter;
  }
}
/** 5xx, or an answer that is not the API's envelope. */
export class APIError extends JustFlowItError { override name = 'APIError'; }
/** No answer: the connection failed or the request timed out (after the retries). */
export class ConnectionError extends JustFlowItError { override name = 'ConnectionError'; }

const CLASSES: Record<string, typeof JustFlowItError> = {
  invalid_request_error: InvalidRequestError,
  authentication_error: AuthenticationError,
  permission_error: PermissionError,
  not_found_error: NotFoundError,
  conflict_error: ConflictError,
  validation_error: ValidationError,
};

function isEnvelope(body: unknown): body is ErrorEnvelope {
  const error = (body as { error?: { type?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.type === 'string' && typeof error.message === 'string';
}

/** The typed error for an error response, from its envelope when it has one. */
export function errorFromResponse(status: number, body: unknown, headers: Headers, retryAfter: number | null): JustFlowItError {
  const requestId = headers.get('x-request-id') ?? (isEnvelope(body) ? body.request_id : null);
  const fields: ErrorFields = isEnvelope(body)
    ? { ...body.error, param: body.error.param ?? null, code: body.error.code ?? null, status, requestId }
    : { type: 'api_error', code: null, param: null, message: `The server answered ${status} without an error envelope.`, status, requestId };
  if (fields.type === 'rate_limit_error') return new RateLimitError(fields, retryAfter);
  const ErrorClass = CLASSES[fields.type] ?? APIError;
  return new ErrorClass(fields);
}
