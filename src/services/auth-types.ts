// Types shared by the key service (who issues and looks up keys) and the API's auth plugin (who checks them).
import type { KeyRevocationReason, Mode, OrganizationPlan, UserPlan } from '../store/types.ts';

// The store's column values, passed on to the layers above, which do not reach into the store.
export type { KeyRevocationReason, Mode, OrganizationPlan, UserPlan };

export const SCOPES = ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'] as const;
export type Scope = (typeof SCOPES)[number];

/** Whose data a request acts on: a user's personal space or an organization's. */
export type Tenant = { kind: 'user'; id: string } | { kind: 'organization'; id: string };

/** A key that passed format, hash, revocation and expiry checks. */
export interface AuthenticatedKey {
  id: string;
  name: string;
  mode: Mode;
  scopes: Scope[];
  tenant: Tenant;
  /** The user who created the key (for org keys: the member). */
  createdBy: string;
  /** The plan that decides eligibility: the user's for personal keys, the organization's for org keys. */
  plan: UserPlan | OrganizationPlan;
  /** False when the plan lapsed or an org key's creator left the organization: the API answers plan_required. */
  planEligible: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type KeyLookup =
  | { ok: true; key: AuthenticatedKey }
  | { ok: false; code: 'invalid_api_key' | 'expired_api_key' }
  /** `reason` null: revoked by hand. */
  | { ok: false; code: 'revoked_api_key'; reason: KeyRevocationReason | null };

/** What the auth plugin needs from the key service. */
export interface KeyAuthenticator {
  /** Checks the checksum first (no database read for a mistyped key), then looks the SHA-256 up. */
  authenticate(rawKey: string, now?: Date): Promise<KeyLookup>;
  /** Records use; writes at most once a minute per key. Never throws. */
  touch(keyId: string, now?: Date): void;
}
