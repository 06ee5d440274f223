// Whose data a request may touch: the one definition of the tenant + mode filter every tenant query carries.
// Repositories take an `Owner` on every method and match all three columns, so no query can see another
// tenant's rows or the other mode's: someone else's id simply does not exist (resource_not_found).
import type { Mode, Tenant } from './auth-types.ts';

/** The columns that scope a row: a user's personal space or an organization's, in live or test mode. */
export interface Owner {
  tenant_type: Tenant['kind'];
  tenant_id: string;
  mode: Mode;
}

/** Who acts and on whose data: what services receive from the API (or the dashboard) for every call. */
export interface Actor {
  owner: Owner;
  /** The user behind the key (for org keys, the member who created it): written as created_by. */
  userId: string;
}

/** @example const actor = actorOf(request.auth.tenant, request.auth.mode, request.auth.key.createdBy); */
export function actorOf(tenant: Tenant, mode: Mode, userId: string): Actor {
  return { owner: { tenant_type: tenant.kind, tenant_id: tenant.id, mode }, userId };
}

/** The resource's `organization_id`: the organization for org data, null for personal data. */
export function organizationIdOf(owner: Owner): string | null {
  return owner.tenant_type === 'organization' ? owner.tenant_id : null;
}
