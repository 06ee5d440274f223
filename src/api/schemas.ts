// TypeBox schemas every resource plugin reuses: ids, timestamps, the id path parameter, the idempotency header,
// the error envelope and the list page.
import { Type, type TSchema } from 'typebox';
import { ERROR_TYPES } from '../errors.ts';

export const Uuid = Type.String({ format: 'uuid', examples: ['3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f'] });
export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339, UTC, to the second.' });

/**
 * A UUID or null, as one JSON-schema type list rather than anyOf: the response serialiser then writes it
 * with a typeof check instead of validating each branch per row (a list page has hundreds of these).
 */
export const NullableUuid = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid' });

/** `{id}` in the path. Checked in the handler: a non-UUID is 400 invalid_parameter, an unknown UUID 404. */
export const IdParams = Type.Object({ id: Type.String({ description: 'A UUID. Not a UUID: 400 invalid_parameter; unknown: 404.' }) });

export const ErrorEnvelopeSchema = Type.Object(
  {
    error: Type.Object({
      type: Type.Union(ERROR_TYPES.map((t) => Type.Literal(t))),
      code: Type.String({ examples: ['invalid_parameter'] }),
      message: Type.String(),
      param: Type.Union([Type.String(), Type.Null()]),
    }),
    request_id: Type.String({ pattern: '^req_[0-9a-f]{16}$' }),
  },
  { title: 'Error' },
);

/** `{ object: 'list', data, has_more, next_cursor }` around any resource schema. */
export function ListSchema<T extends TSchema>(item: T) {
  return Type.Object({
    object: Type.Literal('list'),
    data: Type.Array(item),
    has_more: Type.Boolean(),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** `limit` and `cursor`, the query parameters of every list endpoint (api-v1.md §5). */
export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100.' })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'The next_cursor of the previous page.' })),
});

/** The responses every authenticated route can give besides its own, for the OpenAPI document. */
export const COMMON_ERROR_RESPONSES: Record<number, string> = {
  400: 'Invalid request: malformed JSON, missing or invalid parameter, body too large.',
  401: 'Missing, invalid, revoked or expired API key.',
  403: 'The key lacks an eligible plan or a required scope.',
  404: 'No such resource (or route).',
  429: 'Burst limit exceeded; see Retry-After.',
  500: 'Internal error.',
  503: 'A dependency (database, rate-limit store) is unreachable; retry after Retry-After seconds.',
};

/** Documents Idempotency-Key on POST routes; the idempotency plugin checks it (400 idempotency_key_invalid). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: '1–255 printable ASCII characters. The same key and body within 24 h replays the first response.' }),
  ),
});

/** A response schema with what it means, for the OpenAPI document (else it reads "Default Response"). */
export function described<T extends object>(schema: T, description: string): T & { description: string } {
  return { ...schema, description };
}

/** Route-specific error responses for the OpenAPI document. */
export function errorResponse(description: string) {
  return described(ErrorEnvelopeSchema, description);
}
