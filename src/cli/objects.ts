// The JSON shapes `--json` prints: snake_case, like the API's objects, so scripts can use either.
import type { Membership, Organization, User } from '../services/accounts.ts';
import type { ApiKeyRecord } from '../services/keys.ts';
import { rfc3339 } from '../services/timestamps.ts';

export function userObject(user: User) {
  return {
    object: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    plan: user.plan,
    created_at: rfc3339(user.createdAt.getTime()),
    updated_at: rfc3339(user.updatedAt.getTime()),
  };
}

export function organizationObject(organization: Organization) {
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    plan: organization.plan,
    created_at: rfc3339(organization.createdAt.getTime()),
  };
}

export function membershipObject(membership: Membership) {
  return {
    object: 'membership',
    organization_id: membership.organizationId,
    user_id: membership.userId,
    email: membership.email,
    role: membership.role,
    created_at: rfc3339(membership.createdAt.getTime()),
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
    created_at: rfc3339(key.createdAt.getTime()),
    expires_at: key.expiresAt ? rfc3339(key.expiresAt.getTime()) : null,
    revoked_at: key.revokedAt ? rfc3339(key.revokedAt.getTime()) : null,
    last_used_at: key.lastUsedAt ? rfc3339(key.lastUsedAt.getTime()) : null,
  };
}
