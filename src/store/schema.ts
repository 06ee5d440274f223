// The database schema as types: one entry per table, so a wrong column is a compile error.
// Timestamps are epoch milliseconds (BIGINT); ids are UUID strings. See db.ts for why.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Mode, OrganizationPlan, UserPlan } from '../services/auth-types.ts';

export type MembershipRole = 'owner' | 'admin' | 'member';

export interface UsersTable {
  id: string;
  /** Stored lower-cased; a unique index on lower(email) backs it up. */
  email: string;
  name: string;
  password_hash: string;
  plan: UserPlan;
  created_at: number;
  updated_at: number;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  plan: OrganizationPlan;
  created_at: number;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: MembershipRole;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** SHA-256 hex of the whole key; the key itself is never stored. */
  key_hash: string;
  hint: string;
  mode: Mode;
  /** JSON array of scope names. */
  scopes: string;
  /** The creator; for personal keys also the owner. */
  user_id: string;
  /** Null for personal keys. */
  organization_id: string | null;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_secret: string;
  expires_at: number;
  created_at: number;
}

export interface Database {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;
