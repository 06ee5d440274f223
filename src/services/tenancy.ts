// Whose data a request may touch: the acting user and the Owner (tenant + mode, see store/types.ts) that every
// tenant query carries.
import type { Owner } from '../store/types.ts';
import type { Mode, Tenant } from './auth-types.ts';

export type { Owner };

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
