// The JSON shapes `--json` prints: snake_case, like the API's objects, so scripts can use either (a key's is
// the API's own serialiser: services/api-key-object.ts).
import type { Membership, Organization, User } from '../services/accounts.ts';
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
