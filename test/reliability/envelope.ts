// The error table of api-v1.md §2: which codes each envelope type may carry, and with which status.
export const ERROR_TABLE: Record<string, { status: number; codes: string[] }> = {
  invalid_request_error: {
    status: 400,
    codes: ['invalid_json', 'missing_parameter', 'invalid_parameter', 'payload_too_large', 'invalid_cursor', 'https_required', 'idempotency_key_invalid'],
  },
  authentication_error: { status: 401, codes: ['missing_api_key', 'invalid_api_key', 'revoked_api_key', 'expired_api_key'] },
  permission_error: { status: 403, codes: ['plan_required', 'insufficient_scope'] },
  not_found_error: { status: 404, codes: ['resource_not_found'] },
  conflict_error: {
    status: 409,
    codes: ['folder_not_empty', 'folder_cycle', 'version_conflict', 'idempotency_key_reused', 'idempotency_key_in_progress'],
  },
  validation_error: { status: 422, codes: ['validation_failed'] },
  rate_limit_error: { status: 429, codes: ['rate_limit_exceeded', 'quota_exceeded'] },
  api_error: { status: 500, codes: ['internal_error'] },
};

/** Why a response is not a well-formed error envelope for its status, or null when it is. */
export function envelopeProblem(status: number, text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `status ${status} with a non-JSON body: ${text.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  const requestId = (body as { request_id?: unknown }).request_id;
  if (!error || typeof error !== 'object') return `status ${status} without an error object: ${text.slice(0, 200)}`;
  const row = ERROR_TABLE[String(error.type)];
  if (!row) return `unknown error type ${String(error.type)}`;
  if (row.status !== status) return `type ${String(error.type)} with status ${status}`;
  if (!row.codes.includes(String(error.code))) return `code ${String(error.code)} not in the table for ${String(error.type)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'empty message';
  if (!(error.param === null || typeof error.param === 'string')) return 'param neither null nor string';
  if (typeof requestId !== 'string' || !/^req_[0-9a-z]{12,}$/.test(requestId)) return `bad request_id ${String(requestId)}`;
  if (/\bat .+\.(ts|js|mjs):\d+/.test(text) || /\bselect\b.+\bfrom\b/i.test(text)) return `stack or SQL in body: ${text.slice(0, 300)}`;
  return null;
}
