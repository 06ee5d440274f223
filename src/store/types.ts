// The values the store's columns hold, which services and the API speak in too. They live here, at the bottom,
// so the store imports nothing from the layers above it.

export type Mode = 'live' | 'test';

export type UserPlan = 'free' | 'pro';
export type OrganizationPlan = 'free' | 'team';

export type MembershipRole = 'owner' | 'admin' | 'member';

/** Why a key was revoked when nobody revoked it by hand. */
export type KeyRevocationReason = 'member_left';

export type TenantType = 'user' | 'organization';

/**
 * The columns that scope a row: a user's personal space or an organization's, in live or test mode.
 * Repositories take an `Owner` on every tenant query and match all three columns, so no query can see another
 * tenant's rows or the other mode's: someone else's id simply does not exist (resource_not_found).
 */
export interface Owner {
  tenant_type: TenantType;
  tenant_id: string;
  mode: Mode;
}
