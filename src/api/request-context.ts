// What every resource route reads from an authenticated request: who acts, on whose data, and a checked path id.
import type { FastifyRequest } from 'fastify';
import { actorOf, type Actor } from '../services/tenancy.ts';
import { InvalidRequestError } from '../errors.ts';
import { authOf } from './plugins/auth.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actor(request: FastifyRequest): Actor {
  const auth = authOf(request);
  return actorOf(auth.tenant, auth.mode, auth.key.createdBy);
}

/** Who a cursor belongs to, so another tenant's or mode's cursor is invalid here. */
export function ownerKey(owner: Actor['owner']): string {
  return `${owner.tenant_type}:${owner.tenant_id}:${owner.mode}`;
}

/** A path id must be a UUID (400 invalid_parameter); whether it exists is the service's 404. */
export function checkId(id: string): string {
  if (!UUID.test(id)) throw new InvalidRequestError('invalid_parameter', `id must be a UUID, got '${id.slice(0, 64)}'.`, 'id');
  return id.toLowerCase();
}
