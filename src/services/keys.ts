// API keys: issuing, listing, revoking, and authenticating them for the API's auth plugin.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidRequestError, NotFoundError, PermissionError } from '../errors.ts';
import {
  SCOPES,
  type AuthenticatedKey,
  type KeyAuthenticator,
  type KeyLookup,
  type KeyRevocationReason,
  type Mode,
  type Scope,
  type Tenant,
} from './auth-types.ts';
import { generateKey, hashKey, isWellFormedKey, keyHint } from './key-format.ts';
import { requireOneOf } from './accounts.ts';
import { changeStampOf } from '../store/db.ts';
import type { Config } from '../config.ts';
import type { ApiKeyRow, Database } from '../store/schema.ts';
import { ApiKeyRepository } from '../store/repositories/api-keys.ts';
import type { ApiKeyAuthRow } from '../store/repositories/api-keys.ts';
import { UserRepository } from '../store/repositories/users.ts';
import { OrganizationRepository } from '../store/repositories/organizations.ts';
import { MembershipRepository } from '../store/repositories/memberships.ts';

const MODES: readonly Mode[] = ['live', 'test'];
const TOUCH_INTERVAL_MS = 60_000;
const MIN_SWEEP_SIZE = 10_000;
const MAX_EXPIRY_DAYS = 3650;
const MAX_KEY_NAME_LENGTH = 100;
const DAY_MS = 86_400_000;
/** Most key lookups kept; beyond it the least recently stored goes. */
const MAX_CACHED_LOOKUPS = 10_000;

/** A key row as last read, with the key derived from it, valid while the database's change stamp is `stamp`. */
interface CachedLookup {
  stamp: number;
  row: ApiKeyAuthRow;
  key: AuthenticatedKey;
}

/** A key as every interface may show it: never the secret, never the hash. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** Prefix and last 4 characters, e.g. `jfi_sk_live_…x9Qa`. */
  hint: string;
  mode: Mode;
  scopes: Scope[];
  tenant: Tenant;
  createdBy: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Null when revoked by hand; 'member_left' when its creator left the organization. */
  revokedReason: KeyRevocationReason | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

export interface NewKey {
  userId: string;
  /** Set for an organization key; the user must be a member. */
  organizationId?: string | null;
  name: string;
  mode: Mode;
  scopes: readonly string[];
  expiresInDays?: number | null;
}

export interface KeyServiceOptions {
  now?: () => Date;
  /** Most active keys per personal space and per organization (API_KEYS_PER_USER, API_KEYS_PER_ORG). */
  limits?: Config['apiKeyLimits'];
  /** Called when recording last_used_at fails (touch never throws). */
  onTouchError?: (error: unknown) => void;
}

export class KeyService implements KeyAuthenticator {
  readonly #now: () => Date;
  readonly #onTouchError: (error: unknown) => void;
  readonly #limits: Config['apiKeyLimits'];
  /** keyId → when this process last tried to record use, so it does not even try more than once a minute. */
  readonly #lastTouch = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();
  /** Size at which stale guard entries are swept; doubles with the live set so sweeping stays amortised O(1). */
  #sweepAt = MIN_SWEEP_SIZE;
  /**
   * Key lookups by key hash, reused only while nothing at all was written to the database since the read
   * (SQLite only: see changeStampOf). So a revocation, a plan change or a member leaving, in this process or
   * another, takes effect on the very next request, as without the cache; any write costs one re-read.
   */
  readonly #lookups = new Map<string, CachedLookup>();
  readonly #changeStamp: (() => number) | null;

  constructor(
    private readonly db: Kysely<Database>,
    options: KeyServiceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#onTouchError = options.onTouchError ?? (() => {});
    this.#limits = options.limits ?? { perUser: 25, perOrganization: 100 };
    this.#changeStamp = changeStampOf(db);
  }

  /**
   * Issues a key. The secret is in the result once and is never retrievable again.
   *
   * @example
   * const { key, secret } = await keys.createKey({ userId, name: 'CI', mode: 'test', scopes: ['diagrams:read'] });
   */
  async createKey(input: NewKey): Promise<{ key: ApiKeyRecord; secret: string }> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '') throw new InvalidRequestError('missing_parameter', 'name is required.', 'name');
    if (name.length > MAX_KEY_NAME_LENGTH) {
      throw new InvalidRequestError('invalid_parameter', `name must be at most ${MAX_KEY_NAME_LENGTH} characters.`, 'name');
    }
    const mode = requireOneOf(input.mode, MODES, 'mode');
    const scopes = requireScopes(input.scopes);
    const expiresInDays = input.expiresInDays ?? null;
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
      throw new InvalidRequestError(
        'invalid_parameter',
        `expires_in_days must be an integer between 1 and ${MAX_EXPIRY_DAYS}.`,
        'expires_in_days',
      );
    }
    const organizationId = input.organizationId ?? null;
    await this.#requireEligibleOwner(input.userId, organizationId);

    const secret = generateKey(mode);
    const now = this.#now().getTime();
    const row: ApiKeyRow = {
      id: randomUUID(),
      name,
      key_hash: hashKey(secret),
      hint: keyHint(secret),
      mode,
      scopes: JSON.stringify(scopes),
      user_id: input.userId,
      organization_id: organizationId,
      expires_at: expiresInDays === null ? null : now + expiresInDays * DAY_MS,
      revoked_at: null,
      revoked_reason: null,
      last_used_at: null,
      created_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      const owner = { userId: input.userId, organizationId };
      await new ApiKeyRepository(trx).lockKeyOwner(owner);
      const max = organizationId === null ? this.#limits.perUser : this.#limits.perOrganization;
      if ((await new ApiKeyRepository(trx).countActiveApiKeys(owner, now)) >= max) {
        const where = organizationId === null ? 'Your personal space' : 'This organization';
        throw new PermissionError('key_limit_reached', `${where} already has ${max} active API keys, the most allowed. Revoke one you no longer use first.`);
      }
      await new ApiKeyRepository(trx).insertApiKey(row);
    });
    return { key: toRecord(row), secret };
  }

  /** Personal keys of a user, or the keys of an organization; newest first, revoked ones included. */
  async listKeys(owner: Tenant): Promise<ApiKeyRecord[]> {
    const rows =
      owner.kind === 'user'
        ? await new ApiKeyRepository(this.db).listPersonalApiKeys(owner.id)
        : await new ApiKeyRepository(this.db).listOrganizationApiKeys(owner.id);
    return rows.map(toRecord);
  }

  /** Revokes a key of this owner (idempotent). Another owner's key is not found. */
  async revokeKey(id: string, owner: Tenant): Promise<ApiKeyRecord> {
    const row = await new ApiKeyRepository(this.db).findApiKeyById(id);
    if (!row || !sameTenant(toRecord(row).tenant, owner)) throw new NotFoundError('No such API key.', 'id');
    return this.#revoke(row.id);
  }

  /** Revokes any key by id: for operators (the CLI), never for a request on behalf of a user. */
  async revokeAnyKey(id: string): Promise<ApiKeyRecord> {
    const row = await new ApiKeyRepository(this.db).findApiKeyById(id);
    if (!row) throw new NotFoundError('No such API key.', 'id');
    return this.#revoke(row.id);
  }

  async authenticate(rawKey: string, now: Date = this.#now()): Promise<KeyLookup> {
    const stamp = this.#changeStamp?.();
    const hash = hashKey(rawKey);
    const cached = stamp === undefined ? undefined : this.#lookups.get(hash);
    // A hit means the hash of a stored key matched, so the checksum needs no second look.
    if (cached !== undefined && cached.stamp === stamp) return decide(cached.row, cached.key, now);
    // The checksum first: a mistyped key costs no database read.
    if (!isWellFormedKey(rawKey)) return { ok: false, code: 'invalid_api_key' };
    const computed = Buffer.from(hash, 'hex');
    const row = await new ApiKeyRepository(this.db).findApiKeyForAuth(hash);
    if (!row) return { ok: false, code: 'invalid_api_key' };
    const stored = Buffer.from(row.key_hash, 'hex');
    if (stored.length !== computed.length || !timingSafeEqual(stored, computed)) return { ok: false, code: 'invalid_api_key' };
    const key = toAuthenticatedKey(row);
    if (stamp !== undefined) this.#remember(hash, { stamp, row, key });
    return decide(row, key, now);
  }

  touch(keyId: string, now: Date = this.#now()): void {
    const at = now.getTime();
    const last = this.#lastTouch.get(keyId);
    if (last !== undefined && at - last < TOUCH_INTERVAL_MS) return;
    this.#lastTouch.set(keyId, at);
    if (this.#lastTouch.size > this.#sweepAt) this.#forgetOldTouches(at);
    const write = new ApiKeyRepository(this.db)
      .touchApiKey(keyId, at, at - TOUCH_INTERVAL_MS)
      .then(
        () => {},
        (error: unknown) => {
          // Let the next request retry rather than waiting a minute.
          this.#lastTouch.delete(keyId);
          try {
            this.#onTouchError(error);
          } catch {
            // touch never throws, not even through its error callback
          }
        },
      )
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
  }

  /** Resolves when every last_used_at write started so far has finished (for shutdown and tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  async #requireEligibleOwner(userId: string, organizationId: string | null): Promise<void> {
    const user = await new UserRepository(this.db).findUserById(userId);
    if (!user) throw new NotFoundError('No such user.', 'user_id');
    if (organizationId === null) {
      if (user.plan !== 'pro') throw new PermissionError('plan_required', 'Personal API keys need the Pro plan.');
      return;
    }
    const organization = await new OrganizationRepository(this.db).findOrganizationById(organizationId);
    if (!organization) throw new NotFoundError('No such organization.', 'organization_id');
    if (!(await new MembershipRepository(this.db).findMembership(organizationId, userId))) {
      throw new PermissionError('plan_required', 'Only members of the organization can create its API keys.');
    }
    if (organization.plan !== 'team') {
      throw new PermissionError('plan_required', 'Organization API keys need the Team plan.');
    }
  }

  async #revoke(id: string): Promise<ApiKeyRecord> {
    await new ApiKeyRepository(this.db).revokeApiKey(id, this.#now().getTime());
    const row = await new ApiKeyRepository(this.db).findApiKeyById(id);
    if (!row) throw new NotFoundError('No such API key.', 'id');
    return toRecord(row);
  }

  #remember(hash: string, lookup: CachedLookup): void {
    this.#lookups.delete(hash);
    this.#lookups.set(hash, lookup);
    if (this.#lookups.size > MAX_CACHED_LOOKUPS) this.#lookups.delete(this.#lookups.keys().next().value as string);
  }

  #forgetOldTouches(now: number): void {
    for (const [keyId, at] of this.#lastTouch) if (now - at >= TOUCH_INTERVAL_MS) this.#lastTouch.delete(keyId);
    this.#sweepAt = Math.max(MIN_SWEEP_SIZE, this.#lastTouch.size * 2);
  }
}

/** Revocation and expiry, decided on every request (expiry moves with `now` even for a cached row). */
function decide(row: ApiKeyAuthRow, key: AuthenticatedKey, now: Date): KeyLookup {
  if (row.revoked_at !== null) return { ok: false, code: 'revoked_api_key', reason: row.revoked_reason };
  if (row.expires_at !== null && row.expires_at <= now.getTime()) return { ok: false, code: 'expired_api_key' };
  return { ok: true, key };
}

function requireScopes(raw: unknown): Scope[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new InvalidRequestError('missing_parameter', `scopes must list at least one of ${SCOPES.join(', ')}.`, 'scopes');
  }
  for (const scope of raw) {
    if (!(SCOPES as readonly unknown[]).includes(scope)) {
      throw new InvalidRequestError(
        'invalid_parameter',
        `Unknown scope ${JSON.stringify(scope)}; scopes are ${SCOPES.join(', ')}.`,
        'scopes',
      );
    }
  }
  // Canonical order, no duplicates.
  return SCOPES.filter((scope) => raw.includes(scope));
}

function sameTenant(a: Tenant, b: Tenant): boolean {
  return a.kind === b.kind && a.id === b.id;
}

function parseScopes(stored: string): Scope[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? SCOPES.filter((scope) => parsed.includes(scope)) : [];
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    mode: row.mode,
    scopes: parseScopes(row.scopes),
    tenant: row.organization_id === null ? { kind: 'user', id: row.user_id } : { kind: 'organization', id: row.organization_id },
    createdBy: row.user_id,
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
    revokedReason: row.revoked_reason,
    lastUsedAt: toDate(row.last_used_at),
    createdAt: new Date(row.created_at),
  };
}

function toAuthenticatedKey(row: ApiKeyAuthRow): AuthenticatedKey {
  const record = toRecord(row);
  const personal = row.organization_id === null;
  const plan = personal ? row.user_plan : (row.organization_plan ?? 'free');
  const planEligible = personal ? row.user_plan === 'pro' : row.organization_plan === 'team' && row.creator_role !== null;
  // Cached lookups hand the same object to many requests: nobody may change it.
  Object.freeze(record.scopes);
  Object.freeze(record.tenant);
  return Object.freeze({
    id: record.id,
    name: record.name,
    mode: record.mode,
    scopes: record.scopes,
    tenant: record.tenant,
    createdBy: record.createdBy,
    plan,
    planEligible,
    expiresAt: record.expiresAt,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
  });
}

function toDate(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
