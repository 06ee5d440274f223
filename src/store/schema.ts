// The database schema as types: one entry per table, so a wrong column is a compile error.
// Timestamps are epoch milliseconds (BIGINT); ids are UUID strings. See db.ts for why.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { KeyRevocationReason, MembershipRole, Mode, OrganizationPlan, Owner, UserPlan } from './types.ts';

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
  /** Null when revoked by hand (or not revoked); 'member_left' when the creator left the key's organization. */
  revoked_reason: KeyRevocationReason | null;
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

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  /** SHA-256 hex of the link's token; the token itself is never stored. */
  token_hash: string;
  expires_at: number;
  /** Set when the link was used: it works once. */
  used_at: number | null;
  created_at: number;
}

export interface FoldersTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  mode: Owner['mode'];
  parent_id: string | null;
  name: string;
  context: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface DiagramsTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  mode: Owner['mode'];
  folder_id: string | null;
  name: string;
  bpmn_xml: string;
  version: number;
  source: 'generated' | 'imported';
  /** JSON of BpmnStats. */
  stats: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export type VersionSource = 'imported' | 'generated' | 'edited' | 'restored';

export interface DiagramVersionsTable {
  diagram_id: string;
  /** The diagram version at which this content arrived. */
  version: number;
  source: VersionSource;
  /** JSON of BpmnStats. */
  stats: string;
  prompt: string | null;
  /** The BPMN XML, brotli-compressed. */
  bpmn_br: Uint8Array;
  created_by: string;
  created_at: number;
}

export interface GenerationsTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  mode: Owner['mode'];
  api_key_id: string | null;
  prompt: string;
  name: string;
  folder_id: string | null;
  diagram_id: string | null;
  provider: string;
  model: string;
  status: 'running' | 'succeeded' | 'failed';
  /** JSON array of warning strings. */
  warnings: string;
  duration_ms: number | null;
  created_by: string;
  created_at: number;
}

export interface IdempotencyKeysTable {
  api_key_id: string;
  idempotency_key: string;
  request_hash: string;
  status: 'in_progress' | 'completed';
  locked_until: number;
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  created_at: number;
  expires_at: number;
}

export interface QuotaEventsTable {
  id: string;
  api_key_id: string;
  /** Null while the generation it pays for is still running. */
  generation_id: string | null;
  at: number;
}

export interface WorkspaceQuotaEventsTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  generation_id: string | null;
  at: number;
}

export interface Database {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  folders: FoldersTable;
  diagrams: DiagramsTable;
  diagram_versions: DiagramVersionsTable;
  generations: GenerationsTable;
  idempotency_keys: IdempotencyKeysTable;
  quota_events: QuotaEventsTable;
  workspace_quota_events: WorkspaceQuotaEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
export type FolderRow = Selectable<FoldersTable>;
export type DiagramRow = Selectable<DiagramsTable>;
export type DiagramVersionRow = Selectable<DiagramVersionsTable>;
export type GenerationRow = Selectable<GenerationsTable>;
export type IdempotencyRow = Selectable<IdempotencyKeysTable>;
export type QuotaEventRow = Selectable<QuotaEventsTable>;
