// Which data a dashboard page shows: the personal space or a selected organization, in live or test mode.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership, User } from '../services/accounts.ts';
import type { Mode, Tenant } from '../services/auth-types.ts';
import type { Services } from '../services/index.ts';
import { cookieOptions } from './session.ts';

const SPACE_COOKIE = 'jfi_space';
const MODE_COOKIE = 'jfi_mode';
const YEAR_MS = 365 * 86_400_000;

export interface Workspace {
  user: User;
  memberships: Membership[];
  /** The selected organization's membership, or null for the personal space. */
  organization: Membership | null;
  tenant: Tenant;
  mode: Mode;
}

/** Reads the selection cookies and checks them against the user's memberships on every request. */
export async function loadWorkspace(services: Services, request: FastifyRequest, user: User): Promise<Workspace> {
  const memberships = await services.accounts.listMemberships({ userId: user.id });
  const selected = request.cookies[SPACE_COOKIE];
  const organization = memberships.find((m) => m.organizationId === selected) ?? null;
  const mode: Mode = request.cookies[MODE_COOKIE] === 'test' ? 'test' : 'live';
  const tenant: Tenant = organization ? { kind: 'organization', id: organization.organizationId } : { kind: 'user', id: user.id };
  return { user, memberships, organization, tenant, mode };
}

export function selectSpace(request: FastifyRequest, reply: FastifyReply, organizationId: string | null): void {
  reply.setCookie(SPACE_COOKIE, organizationId ?? 'personal', cookieOptions(request, YEAR_MS));
}

export function selectMode(request: FastifyRequest, reply: FastifyReply, mode: Mode): void {
  reply.setCookie(MODE_COOKIE, mode, cookieOptions(request, YEAR_MS));
}

export function spaceName(workspace: Workspace): string {
  return workspace.organization ? workspace.organization.organizationName : 'Personal';
}

export function canManageOrganization(workspace: Workspace): boolean {
  return workspace.organization !== null && workspace.organization.role !== 'member';
}
