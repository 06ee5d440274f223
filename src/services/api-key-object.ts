// The api_key object, the one serialiser of a key: GET /key adds the plan and usage to it, `jfi key … --json`
// prints it with the hint and the revocation time (which only the key service's records carry).
import type { Mode, Scope, Tenant } from './auth-types.ts';
import { rfc3339 } from './timestamps.ts';

export interface ApiKeyFields {
  id: string;
  name: string;
  hint?: string;
  mode: Mode;
  scopes: Scope[];
  tenant: Tenant;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt?: Date | null;
  lastUsedAt: Date | null;
}

export function apiKeyObject(key: ApiKeyFields) {
  return {
    object: 'api_key' as const,
    id: key.id,
    name: key.name,
    ...(key.hint === undefined ? {} : { hint: key.hint }),
    mode: key.mode,
    livemode: key.mode === 'live',
    scopes: key.scopes,
    owner: { type: key.tenant.kind, id: key.tenant.id },
    created_by: key.createdBy,
    created_at: rfc3339(key.createdAt.getTime()),
    expires_at: key.expiresAt ? rfc3339(key.expiresAt.getTime()) : null,
    ...(key.revokedAt === undefined ? {} : { revoked_at: key.revokedAt ? rfc3339(key.revokedAt.getTime()) : null }),
    last_used_at: key.lastUsedAt ? rfc3339(key.lastUsedAt.getTime()) : null,
  };
}
