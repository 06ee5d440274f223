// API-key authentication, burst limit, plan and scope checks, in exactly the order of api-v1.md §3.
// Installed as an onRequest hook on the /api/v1 scope, so no route inside it can skip it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../limits/clock.ts';
import { clientBucket } from '../../limits/client-bucket.ts';
import type { RateLimitDecision, RateLimiter } from '../../limits/limiter.ts';
import type { AuthenticatedKey, KeyAuthenticator, Mode, Scope, Tenant } from '../../services/auth-types.ts';
import { AuthenticationError, InternalError, PermissionError } from '../../errors.ts';
import { applyBurstLimit } from './burst-limit.ts';

export interface RequestAuth {
  key: AuthenticatedKey;
  tenant: Tenant;
  mode: Mode;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for every request that reaches a handler inside /api/v1. */
    auth: RequestAuth | null;
    /** The burst-limit decision for this request, when it was counted. */
    burst: RateLimitDecision | null;
  }
  interface FastifyContextConfig {
    /** Scopes the calling key must hold; also published as `x-required-scopes`. */
    scopes?: Scope[];
  }
}

export interface AuthDependencies {
  keys: KeyAuthenticator;
  limiter: RateLimiter;
  clock: Clock;
}

/** Longest string we hash as a key candidate; real keys are far shorter. */
const MAX_KEY_LENGTH = 256;

const FAILURE_MESSAGES = {
  invalid_api_key: 'The API key is not valid.',
  revoked_api_key: 'This API key has been revoked.',
  expired_api_key: 'This API key has expired.',
} as const;
const MEMBER_LEFT_MESSAGE = 'This API key has been revoked: the member who created it left the organization. Ask a member to create a new key.';

export function registerRequestDecorations(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('burst', null);
}

export function registerAuth(scope: FastifyInstance, deps: AuthDependencies): void {
  scope.addHook('onRequest', async (request, reply) => authorize(request, reply, deps));
}

/** The authenticated key of a request inside /api/v1 (the auth hook guarantees it is there). */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new InternalError();
  return request.auth;
}

async function authorize(request: FastifyRequest, reply: FastifyReply, deps: AuthDependencies): Promise<void> {
  const now = deps.clock.now();
  const lookup = await lookUpKey(request.headers.authorization, deps.keys, new Date(now));
  // Without a valid key the client address is the bucket, so guessing keys is limited too.
  const bucket = lookup.ok ? `key:${lookup.key.id}` : clientBucket(request.ip);
  request.burst = await applyBurstLimit(deps.limiter, deps.clock, bucket, reply);
  if (!lookup.ok) throw lookup.error;

  const key = lookup.key;
  requireAccess(key, request.routeOptions.config.scopes ?? []);
  deps.keys.touch(key.id, new Date(now));
  request.auth = { key, tenant: key.tenant, mode: key.mode };
}

/** The plan rule, then the scopes an operation needs: for /api/v1 routes and MCP tools alike. */
export function requireAccess(key: AuthenticatedKey, scopes: readonly Scope[]): void {
  if (!key.planEligible) throw planRequired(key);
  const missing = scopes.filter((scope) => !key.scopes.includes(scope));
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'scope' : 'scopes';
    throw new PermissionError('insufficient_scope', `This API key is missing the required ${noun}: ${missing.join(', ')}.`);
  }
}

export type KeyLookupResult = { ok: true; key: AuthenticatedKey } | { ok: false; error: AuthenticationError };

/** The key an Authorization header names, or the 401 that says why there is none. */
export async function lookUpKey(header: string | undefined, keys: KeyAuthenticator, now: Date): Promise<KeyLookupResult> {
  if (header === undefined || header.trim() === '') {
    return {
      ok: false,
      error: new AuthenticationError('missing_api_key', 'No API key provided. Send it as Authorization: Bearer <key>.'),
    };
  }
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const raw = match?.[1];
  if (!raw || raw.length > MAX_KEY_LENGTH) {
    return {
      ok: false,
      error: new AuthenticationError('invalid_api_key', 'The Authorization header must be "Bearer <key>" with a valid API key.'),
    };
  }
  const result = await keys.authenticate(raw, now);
  if (result.ok) return { ok: true, key: result.key };
  // Only the key's holder reads this: it says why, never who left or which organization.
  const message = result.code === 'revoked_api_key' && result.reason === 'member_left' ? MEMBER_LEFT_MESSAGE : FAILURE_MESSAGES[result.code];
  return { ok: false, error: new AuthenticationError(result.code, message) };
}

function planRequired(key: AuthenticatedKey): PermissionError {
  const message =
    key.tenant.kind === 'user'
      ? 'API access needs a Pro plan: this personal key belongs to a user without one.'
      : 'API access needs a Team plan, and the member who created this organization key must still belong to it.';
  return new PermissionError('plan_required', message);
}
