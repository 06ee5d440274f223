// The one place that turns errors into HTTP: each domain error's status, headers and envelope, the framework's
// own errors (bad JSON, oversize bodies, validation, unknown routes) and unexpected exceptions alike.
import type { ErrorObject } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticationError,
  DomainError,
  InternalError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  ServiceUnavailableError,
  type ErrorType,
} from '../../errors.ts';
import { toValidationError } from '../validation.ts';

export interface ErrorEnvelope {
  error: { type: ErrorType; code: string; message: string; param: string | null };
  request_id: string;
}

const STATUS_BY_TYPE: Record<ErrorType, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  validation_error: 422,
  rate_limit_error: 429,
  api_error: 500,
};

export function httpStatus(error: DomainError): number {
  return error instanceof ServiceUnavailableError ? 503 : STATUS_BY_TYPE[error.type];
}

/** Extra response headers the error calls for (Retry-After, WWW-Authenticate). */
export function httpHeaders(error: DomainError): Record<string, string> {
  if (error instanceof AuthenticationError) {
    const realm = error.code === 'missing_api_key' ? 'Bearer realm="api"' : 'Bearer realm="api", error="invalid_token"';
    return { 'WWW-Authenticate': realm };
  }
  const retryAfter = error instanceof RateLimitError || error instanceof ServiceUnavailableError ? error.retryAfterSeconds : null;
  return retryAfter === null ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(retryAfter))) };
}

export function errorEnvelope(error: DomainError, requestId: string): ErrorEnvelope {
  return { error: { type: error.type, code: error.code, message: error.message, param: error.param }, request_id: requestId };
}

interface FrameworkError extends Error {
  code?: string;
  statusCode?: number;
  validation?: ErrorObject[];
  validationContext?: string;
}

/** Installs the error and not-found handlers on the root instance (children inherit them). */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(toDomainError(error, request), request, reply));
  app.setNotFoundHandler((request, reply) => sendError(routeNotFound(request), request, reply));
}

export function routeNotFound(request: FastifyRequest): NotFoundError {
  const path = request.url.split('?')[0] ?? '';
  return new NotFoundError(`No route ${request.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}.`);
}

export function sendError(error: DomainError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('X-Request-Id', request.id);
  for (const [name, value] of Object.entries(httpHeaders(error))) reply.header(name, value);
  return reply.code(httpStatus(error)).type('application/json; charset=utf-8').send(errorEnvelope(error, request.id));
}

/** Maps anything thrown while handling a request onto a DomainError; unexpected ones are logged, never shown. */
export function toDomainError(thrown: unknown, request: FastifyRequest): DomainError {
  if (thrown instanceof DomainError) {
    // Thrown on purpose, but still our fault: keep the trace for whoever reads the request id.
    if (thrown instanceof InternalError) request.log.error({ err: thrown }, 'internal error');
    return thrown;
  }
  const error = (thrown instanceof Error ? thrown : new Error(String(thrown))) as FrameworkError;
  if (error.validation) return toValidationError(error.validation, error.validationContext ?? 'body');
  const known = fromFrameworkCode(error);
  if (known) return known;
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new InvalidRequestError('invalid_parameter', 'The request could not be read.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return new InternalError();
}

function fromFrameworkCode(error: FrameworkError): DomainError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new InvalidRequestError('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new InvalidRequestError('invalid_json', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new InvalidRequestError('payload_too_large', 'The request body is larger than the server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new InvalidRequestError('invalid_parameter', 'Unsupported Content-Type: send application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new InvalidRequestError('invalid_parameter', 'Content-Length does not match the body.');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new InvalidRequestError('invalid_parameter', 'The request URL is malformed.');
  }
  return null;
}
