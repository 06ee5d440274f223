// TypeBox schemas every resource plugin reuses: the error envelope and the list page.
import { Type, type TSchema } from 'typebox';

export const ErrorEnvelopeSchema = Type.Object(
  {
    error: Type.Object({
      type: Type.Union(
        [
          'invalid_request_error',
          'authentication_error',
          'permission_error',
          'not_found_error',
          'conflict_error',
          'validation_error',
          'rate_limit_error',
          'api_error',
        ].map((t) => Type.Literal(t)),
      ),
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
