// Users, organizations and memberships: the business rules around them. Knows nothing of HTTP.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { InvalidRequestError, NotFoundError, PermissionError } from '../errors.ts';
import type { OrganizationPlan, UserPlan } from './auth-types.ts';
import type { Database, MembershipRow, OrganizationRow, UserRow } from '../store/schema.ts';
import type { MembershipRole } from '../store/types.ts';
import { isUniqueViolation } from '../store/unique-violation.ts';
import { MAX_PASSWORD_LENGTH, requirePassword } from './password-rules.ts';
import { UserRepository } from '../store/repositories/users.ts';
import { OrganizationRepository } from '../store/repositories/organizations.ts';
import { MembershipRepository } from '../store/repositories/memberships.ts';
import { ApiKeyRepository } from '../store/repositories/api-keys.ts';
import { SessionRepository } from '../store/repositories/sessions.ts';
import type { MembershipDetailRow } from '../store/repositories/memberships.ts';

export const USER_PLANS: readonly UserPlan[] = ['free', 'pro'];
export const ORGANIZATION_PLANS: readonly OrganizationPlan[] = ['free', 'team'];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['owner', 'admin', 'member'];
const MAX_NAME_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface User {
  id: string;
  email: string;
  name: string;
  plan: UserPlan;
  createdAt: Date;
  updatedAt: Date;
}

export interface Organization {
  id: string;
  name: string;
  plan: OrganizationPlan;
  createdAt: Date;
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  organizationPlan: OrganizationPlan;
  userId: string;
  email: string;
  userName: string;
  role: MembershipRole;
  createdAt: Date;
}

/** Who changes a membership: a signed-in member (their role decides what they may do), or an operator (the CLI). */
export type MemberManager = { userId: string } | 'operator';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  plan?: UserPlan;
}

export class AccountService {
  #dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a user with an argon2id password hash. Emails are unique regardless of case. */
  async createUser(input: NewUser): Promise<User> {
    const email = normaliseEmail(input.email);
    const name = requireName(input.name, 'name');
    const password = requirePassword(input.password, email);
    const plan = requireOneOf(input.plan ?? 'free', USER_PLANS, 'plan');
    if (await new UserRepository(this.db).findUserByEmail(email)) throw emailTaken();
    const now = this.now().getTime();
    const row: UserRow = {
      id: randomUUID(),
      email,
      name,
      password_hash: await hash(password),
      plan,
      created_at: now,
      updated_at: now,
    };
    try {
      await new UserRepository(this.db).insertUser(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return toUser(row);
  }

  /**
   * The user when the password matches, else null. Unknown emails cost one argon2 verification too,
   * so response time does not tell which emails have accounts.
   */
  async verifyPassword(email: string, password: string): Promise<User | null> {
    const row = typeof email === 'string' ? await new UserRepository(this.db).findUserByEmail(email.trim().toLowerCase()) : undefined;
    const candidate = typeof password === 'string' && password.length <= MAX_PASSWORD_LENGTH ? password : '';
    const matches = await verify(row?.password_hash ?? (await this.dummyHash()), candidate).catch(() => false);
    return row !== undefined && matches && candidate !== '' ? toUser(row) : null;
  }

  async getUserByEmail(email: string): Promise<User> {
    const normalised = typeof email === 'string' ? email.trim().toLowerCase() : '';
    const row = await new UserRepository(this.db).findUserByEmail(normalised);
    if (!row) throw new NotFoundError(`No user with email ${normalised}.`, 'email');
    return toUser(row);
  }

  async getUserById(id: string): Promise<User> {
    const row = await new UserRepository(this.db).findUserById(id);
    if (!row) throw new NotFoundError('No such user.', 'user_id');
    return toUser(row);
  }

  async listUsers(): Promise<User[]> {
    return (await new UserRepository(this.db).listUsers()).map(toUser);
  }

  async renameUser(userId: string, name: string): Promise<User> {
    const checked = requireName(name, 'name');
    if (!(await new UserRepository(this.db).updateUser(userId, { name: checked }, this.now().getTime()))) throw new NotFoundError('No such user.', 'user_id');
    return this.getUserById(userId);
  }

  /** Changes the sign-in email; the current password confirms it is the account's holder. */
  async changeEmail(userId: string, email: string, password: string): Promise<User> {
    const user = await this.#requirePasswordOf(userId, password, 'password');
    const next = normaliseEmail(email);
    if (next === user.email) return toUser(user);
    const taken = await new UserRepository(this.db).findUserByEmail(next);
    if (taken) throw emailTaken();
    try {
      await new UserRepository(this.db).updateUser(userId, { email: next }, this.now().getTime());
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return this.getUserById(userId);
  }

  /**
   * Changes the password: the current one is required, the new one follows the sign-up rules. Every other session
   * of the user is signed out (whoever knew the old password is out); the session `keepSessionId` stays.
   */
  async changePassword(userId: string, current: string, next: string, keepSessionId: string | null): Promise<User> {
    const user = await this.#requirePasswordOf(userId, current, 'current_password');
    const password = requirePassword(next, user.email);
    const passwordHash = await hash(password);
    await this.db.transaction().execute(async (trx) => {
      await new UserRepository(trx).updateUser(userId, { password_hash: passwordHash }, this.now().getTime());
      await new SessionRepository(trx).deleteForUser(userId, keepSessionId);
    });
    return this.getUserById(userId);
  }

  /** Organizations in which the user is the only owner: while there is one, the account cannot be deleted. */
  async organizationsOnlyOwnedBy(userId: string): Promise<Membership[]> {
    const owned = (await this.listMemberships({ userId })).filter((m) => m.role === 'owner');
    const only: Membership[] = [];
    for (const membership of owned) {
      if ((await new MembershipRepository(this.db).countMembersWithRole(membership.organizationId, 'owner')) <= 1) only.push(membership);
    }
    return only;
  }

  /**
   * Deletes the account, confirmed by its password: the personal space (diagrams, folders, generations, live and
   * test), every API key the user created (personal and organization keys), their sessions and memberships.
   * Diagrams and folders they made in organizations stay there. Refused while the user is the last owner of an
   * organization: someone else must own it first.
   */
  async deleteAccount(userId: string, password: string): Promise<void> {
    await this.#requirePasswordOf(userId, password, 'password');
    await this.db.transaction().execute(async (trx) => {
      for (const membership of await new MembershipRepository(trx).listMembershipDetails({ userId })) {
        if (membership.role !== 'owner') continue;
        await new MembershipRepository(trx).lockOrganization(membership.organization_id);
        if ((await new MembershipRepository(trx).countMembersWithRole(membership.organization_id, 'owner')) <= 1) {
          throw new InvalidRequestError(
            'invalid_parameter',
            `You are the last owner of the organization ${membership.organization_name}: make another member an owner (or remove its other members and ask an operator to delete it) before deleting your account.`,
            'organization',
          );
        }
      }
      await new UserRepository(trx).deleteUserAndPersonalSpace(userId);
    });
  }

  /** The user's row when `password` is theirs; else invalid_parameter on `param` (one argon2 check either way). */
  async #requirePasswordOf(userId: string, password: string, param: string): Promise<UserRow> {
    const row = await new UserRepository(this.db).findUserById(userId);
    if (!row) throw new NotFoundError('No such user.', 'user_id');
    const candidate = typeof password === 'string' && password.length <= MAX_PASSWORD_LENGTH ? password : '';
    const matches = candidate !== '' && (await verify(row.password_hash, candidate).catch(() => false));
    if (!matches) throw new InvalidRequestError('invalid_parameter', 'That is not your current password.', param);
    return row;
  }

  async setUserPlan(userId: string, plan: UserPlan): Promise<User> {
    requireOneOf(plan, USER_PLANS, 'plan');
    if (!(await new UserRepository(this.db).updateUserPlan(userId, plan, this.now().getTime()))) {
      throw new NotFoundError('No such user.', 'user_id');
    }
    return this.getUserById(userId);
  }

  /** Creates an organization whose creator becomes its owner, in one transaction. */
  async createOrganization(ownerUserId: string, name: string, plan: OrganizationPlan = 'free'): Promise<Organization> {
    const orgName = requireName(name, 'name');
    requireOneOf(plan, ORGANIZATION_PLANS, 'plan');
    await this.getUserById(ownerUserId);
    const now = this.now().getTime();
    const row: OrganizationRow = { id: randomUUID(), name: orgName, plan, created_at: now };
    await this.db.transaction().execute(async (trx) => {
      await new OrganizationRepository(trx).insertOrganization(row);
      await new MembershipRepository(trx).insertMembership({ organization_id: row.id, user_id: ownerUserId, role: 'owner', created_at: now });
    });
    return toOrganization(row);
  }

  async getOrganization(id: string): Promise<Organization> {
    const row = await new OrganizationRepository(this.db).findOrganizationById(id);
    if (!row) throw new NotFoundError('No such organization.', 'organization_id');
    return toOrganization(row);
  }

  async listOrganizations(): Promise<Organization[]> {
    return (await new OrganizationRepository(this.db).listOrganizations()).map(toOrganization);
  }

  async setOrganizationPlan(organizationId: string, plan: OrganizationPlan): Promise<Organization> {
    requireOneOf(plan, ORGANIZATION_PLANS, 'plan');
    if (!(await new OrganizationRepository(this.db).updateOrganizationPlan(organizationId, plan))) {
      throw new NotFoundError('No such organization.', 'organization_id');
    }
    return this.getOrganization(organizationId);
  }

  /**
   * Adds an existing user (by email) to an organization. Owners and admins add members and admins; only an
   * owner adds an owner.
   */
  async addMember(organizationId: string, email: string, role: MembershipRole, by: MemberManager): Promise<Membership> {
    requireOneOf(role, MEMBERSHIP_ROLES, 'role');
    await this.getOrganization(organizationId);
    const manager = await this.#managerRole(this.db, organizationId, by);
    if (manager === 'member') throw forbidden('Only owners and admins can add members.');
    if (role === 'owner' && manager !== 'owner') throw forbidden('Only owners can add owners.');
    const user = await this.getUserByEmail(email);
    if (await new MembershipRepository(this.db).findMembership(organizationId, user.id)) throw alreadyMember();
    try {
      await new MembershipRepository(this.db).insertMembership({
        organization_id: organizationId,
        user_id: user.id,
        role,
        created_at: this.now().getTime(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyMember();
      throw error;
    }
    return this.#membershipOf(organizationId, user.id);
  }

  /**
   * Removes a member and revokes the organization keys they created, so rejoining never revives them. Anyone
   * may leave; owners and admins remove others, and only an owner removes an owner. The last owner stays.
   */
  async removeMember(organizationId: string, email: string, by: MemberManager): Promise<void> {
    await this.getOrganization(organizationId);
    const user = await this.getUserByEmail(email);
    await this.db.transaction().execute(async (trx) => {
      const membership = await this.lockedMembership(trx, organizationId, user);
      const leaving = by !== 'operator' && by.userId === user.id;
      if (!leaving) {
        const manager = await this.#managerRole(trx, organizationId, by);
        if (manager === 'member') throw forbidden('Only owners and admins can remove members.');
        if (membership.role === 'owner' && manager !== 'owner') throw forbidden('Only owners can remove owners.');
      }
      if (membership.role === 'owner' && (await new MembershipRepository(trx).countMembersWithRole(organizationId, 'owner')) <= 1) {
        throw new InvalidRequestError('invalid_parameter', 'The last owner cannot leave the organization.', 'email');
      }
      await new MembershipRepository(trx).deleteMembership(organizationId, user.id);
      await new ApiKeyRepository(trx).revokeMemberApiKeys(organizationId, user.id, this.now().getTime());
    });
  }

  /**
   * Changes a member's role in place. Owners and admins change roles; only an owner makes or unmakes an owner.
   * An organization always keeps at least one owner.
   */
  async changeMemberRole(organizationId: string, email: string, role: MembershipRole, by: MemberManager): Promise<Membership> {
    requireOneOf(role, MEMBERSHIP_ROLES, 'role');
    await this.getOrganization(organizationId);
    const user = await this.getUserByEmail(email);
    await this.db.transaction().execute(async (trx) => {
      const membership = await this.lockedMembership(trx, organizationId, user);
      const manager = await this.#managerRole(trx, organizationId, by);
      if (manager === 'member') throw forbidden('Only owners and admins can change roles.');
      if ((role === 'owner' || membership.role === 'owner') && manager !== 'owner') throw forbidden('Only owners can make or unmake owners.');
      if (membership.role === 'owner' && role !== 'owner' && (await new MembershipRepository(trx).countMembersWithRole(organizationId, 'owner')) <= 1) {
        throw new InvalidRequestError('invalid_parameter', 'The last owner cannot stop being an owner; make someone else owner first.', 'role');
      }
      await new MembershipRepository(trx).updateMembershipRole(organizationId, user.id, role);
    });
    return this.#membershipOf(organizationId, user.id);
  }

  private async lockedMembership(trx: Kysely<Database>, organizationId: string, user: User): Promise<MembershipRow> {
    await new MembershipRepository(trx).lockOrganization(organizationId);
    const membership = await new MembershipRepository(trx).findMembership(organizationId, user.id);
    if (!membership) throw new NotFoundError(`${user.email} is not a member of this organization.`, 'email');
    return membership;
  }

  /** The role the manager acts with: an operator (the CLI) acts as an owner; a non-member's organization is not found. */
  async #managerRole(db: Kysely<Database>, organizationId: string, by: MemberManager): Promise<MembershipRole> {
    if (by === 'operator') return 'owner';
    const membership = await new MembershipRepository(db).findMembership(organizationId, by.userId);
    if (!membership) throw new NotFoundError('No such organization.', 'organization_id');
    return membership.role;
  }

  async #membershipOf(organizationId: string, userId: string): Promise<Membership> {
    const [membership] = await this.listMemberships({ organizationId, userId });
    if (!membership) throw new NotFoundError('No such membership.');
    return membership;
  }

  /** Memberships of an organization and/or of a user, oldest first. */
  async listMemberships(filter: { organizationId?: string; userId?: string }): Promise<Membership[]> {
    return (await new MembershipRepository(this.db).listMembershipDetails(filter)).map(toMembership);
  }

  private dummyHash(): Promise<string> {
    this.#dummyHash ??= hash(randomBytes(16).toString('hex'));
    return this.#dummyHash;
  }
}

function normaliseEmail(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InvalidRequestError('missing_parameter', 'An email address is required.', 'email');
  }
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw new InvalidRequestError('invalid_parameter', 'email must be a valid email address.', 'email');
  }
  return email;
}

function requireName(raw: unknown, param: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw new InvalidRequestError('missing_parameter', `${param} is required.`, param);
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidRequestError('invalid_parameter', `${param} must be at most ${MAX_NAME_LENGTH} characters.`, param);
  }
  return name;
}

/** Runtime check for values that arrive as plain strings (CLI flags, form fields). */
export function requireOneOf<T extends string>(raw: unknown, allowed: readonly T[], param: string): T {
  if (!(allowed as readonly unknown[]).includes(raw)) {
    throw new InvalidRequestError('invalid_parameter', `${param} must be one of ${allowed.join(', ')}.`, param);
  }
  return raw as T;
}

function emailTaken(): InvalidRequestError {
  return new InvalidRequestError('invalid_parameter', 'A user with this email already exists.', 'email');
}

function forbidden(message: string): PermissionError {
  return new PermissionError('insufficient_role', message);
}

function alreadyMember(): InvalidRequestError {
  return new InvalidRequestError('invalid_parameter', 'That user is already a member of this organization.', 'email');
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    plan: row.plan,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, plan: row.plan, createdAt: new Date(row.created_at) };
}

function toMembership(row: MembershipDetailRow): Membership {
  return {
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationPlan: row.organization_plan,
    userId: row.user_id,
    email: row.email,
    userName: row.user_name,
    role: row.role,
    createdAt: new Date(row.created_at),
  };
}

export type { MembershipRole };
