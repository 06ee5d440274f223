// The JSON shapes `--json` prints: snake_case, like the API's objects, so scripts can use either.
import type { Membership, Organization, User } from '../services/accounts.ts';
import type { ApiKeyRecord } from '../services/keys.ts';

export function userObject(user: User) {
  return {
    object: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    plan: user.plan,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

export function organizationObject(organization: Organization) {
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    plan: organization.plan,
    created_at: organization.createdAt.toISOString(),
  };
}

export function membershipObject(membership: Membership) {
  return {
    object: 'membership',
    organization_id: membership.organizationId,
    user_id: membership.userId,
    email: membership.email,
    role: membership.role,
    created_at: membership.createdAt.toISOString(),
  };
}

export function keyObject(key: ApiKeyRecord) {
  return {
    object: 'api_key',
    id: key.id,
    name: key.name,
    hint: key.hint,
    mode: key.mode,
    livemode: key.mode === 'live',
    scopes: key.scopes,
    owner: { type: key.tenant.kind, id: key.tenant.id },
    created_by: key.createdBy,
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
  };
}
