import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import type { UserRow } from '../../src/store/schema.ts';
import { isUniqueViolation } from '../../src/store/unique-violation.ts';
import { UserRepository } from '../../src/store/repositories/users.ts';
import { OrganizationRepository } from '../../src/store/repositories/organizations.ts';
import { MembershipRepository } from '../../src/store/repositories/memberships.ts';
import { ApiKeyRepository } from '../../src/store/repositories/api-keys.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

function userRow(id: string, email: string, plan: UserRow['plan'] = 'pro', at = 1000): UserRow {
  return { id, email, name: `User ${id}`, password_hash: 'hash', plan, created_at: at, updated_at: at };
}

function keyRow(id: string, userId: string, organizationId: string | null, at: number) {
  return {
    id,
    name: `key ${id}`,
    key_hash: `hash-${id}`,
    hint: 'jfi_sk_test_…abcd',
    mode: 'test' as const,
    scopes: '["generate"]',
    user_id: userId,
    organization_id: organizationId,
    expires_at: null,
    revoked_at: null,
    last_used_at: null,
    created_at: at,
  };
}

describe.each(engines)('repositories on $name', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.openStore();
  });
  afterEach(() => store.close());

  describe('users', () => {
    it('finds a user by email regardless of case and by id', async () => {
      await new UserRepository(store.db).insertUser(userRow('u1', 'ada@example.com'));
      expect((await new UserRepository(store.db).findUserByEmail('ADA@Example.COM'))?.id).toBe('u1');
      expect((await new UserRepository(store.db).findUserById('u1'))?.email).toBe('ada@example.com');
      expect(await new UserRepository(store.db).findUserByEmail('nobody@example.com')).toBeUndefined();
    });

    it('refuses a second user whose email differs only in case', async () => {
      await new UserRepository(store.db).insertUser(userRow('u1', 'ada@example.com'));
      const error = await new UserRepository(store.db).insertUser(userRow('u2', 'Ada@Example.com')).catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
    });

    it('lists users oldest first and updates a plan', async () => {
      await new UserRepository(store.db).insertUser(userRow('u2', 'b@example.com', 'free', 2000));
      await new UserRepository(store.db).insertUser(userRow('u1', 'a@example.com', 'free', 1000));
      expect((await new UserRepository(store.db).listUsers()).map((u) => u.id)).toEqual(['u1', 'u2']);
      expect(await new UserRepository(store.db).updateUserPlan('u2', 'pro', 3000)).toBe(true);
      expect(await new UserRepository(store.db).findUserById('u2')).toMatchObject({ plan: 'pro', updated_at: 3000 });
      expect(await new UserRepository(store.db).updateUserPlan('missing', 'pro', 3000)).toBe(false);
    });
  });

  describe('organizations and memberships', () => {
    beforeEach(async () => {
      await new UserRepository(store.db).insertUser(userRow('u1', 'a@example.com'));
      await new UserRepository(store.db).insertUser(userRow('u2', 'b@example.com'));
      await new OrganizationRepository(store.db).insertOrganization({ id: 'o1', name: 'Acme', plan: 'team', created_at: 1000 });
    });

    it('stores memberships with their role and lists them with names', async () => {
      await new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'u1', role: 'owner', created_at: 1 });
      await new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'u2', role: 'member', created_at: 2 });
      const list = await new MembershipRepository(store.db).listMembershipDetails({ organizationId: 'o1' });
      expect(list.map((m) => [m.email, m.role, m.organization_name, m.organization_plan])).toEqual([
        ['a@example.com', 'owner', 'Acme', 'team'],
        ['b@example.com', 'member', 'Acme', 'team'],
      ]);
      expect(await new MembershipRepository(store.db).listMembershipDetails({ userId: 'u2' })).toHaveLength(1);
      expect(await new MembershipRepository(store.db).countMembersWithRole('o1', 'owner')).toBe(1);
    });

    it('refuses a duplicate membership and a membership of an unknown user', async () => {
      await new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'u1', role: 'owner', created_at: 1 });
      const duplicate = await new MembershipRepository(store.db)
        .insertMembership({ organization_id: 'o1', user_id: 'u1', role: 'member', created_at: 2 })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(duplicate)).toBe(true);
      await expect(
        new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'ghost', role: 'member', created_at: 2 }),
      ).rejects.toThrow();
    });

    it('deletes a membership once', async () => {
      await new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'u2', role: 'member', created_at: 1 });
      expect(await new MembershipRepository(store.db).deleteMembership('o1', 'u2')).toBe(true);
      expect(await new MembershipRepository(store.db).deleteMembership('o1', 'u2')).toBe(false);
      expect(await new MembershipRepository(store.db).findMembership('o1', 'u2')).toBeUndefined();
    });

    it('updates an organization plan', async () => {
      expect(await new OrganizationRepository(store.db).updateOrganizationPlan('o1', 'free')).toBe(true);
      expect((await new OrganizationRepository(store.db).findOrganizationById('o1'))?.plan).toBe('free');
      expect((await new OrganizationRepository(store.db).listOrganizations()).map((o) => o.id)).toEqual(['o1']);
    });
  });

  describe('api keys', () => {
    beforeEach(async () => {
      await new UserRepository(store.db).insertUser(userRow('u1', 'a@example.com', 'pro'));
      await new OrganizationRepository(store.db).insertOrganization({ id: 'o1', name: 'Acme', plan: 'team', created_at: 1000 });
      await new MembershipRepository(store.db).insertMembership({ organization_id: 'o1', user_id: 'u1', role: 'member', created_at: 1 });
    });

    it('reads a key with its owner plans and the creator role in one lookup', async () => {
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k1', 'u1', null, 1));
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k2', 'u1', 'o1', 2));
      expect(await new ApiKeyRepository(store.db).findApiKeyForAuth('hash-k1')).toMatchObject({
        id: 'k1',
        user_plan: 'pro',
        organization_plan: null,
        creator_role: null,
      });
      expect(await new ApiKeyRepository(store.db).findApiKeyForAuth('hash-k2')).toMatchObject({
        id: 'k2',
        organization_plan: 'team',
        creator_role: 'member',
      });
      await new MembershipRepository(store.db).deleteMembership('o1', 'u1');
      expect((await new ApiKeyRepository(store.db).findApiKeyForAuth('hash-k2'))?.creator_role).toBeNull();
      expect(await new ApiKeyRepository(store.db).findApiKeyForAuth('hash-unknown')).toBeUndefined();
    });

    it('refuses two keys with the same hash', async () => {
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k1', 'u1', null, 1));
      const error = await new ApiKeyRepository(store.db).insertApiKey({ ...keyRow('k2', 'u1', null, 2), key_hash: 'hash-k1' }).catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
    });

    it('lists personal and organization keys apart, newest first', async () => {
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k1', 'u1', null, 1));
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k2', 'u1', null, 3));
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k3', 'u1', 'o1', 2));
      expect((await new ApiKeyRepository(store.db).listPersonalApiKeys('u1')).map((k) => k.id)).toEqual(['k2', 'k1']);
      expect((await new ApiKeyRepository(store.db).listOrganizationApiKeys('o1')).map((k) => k.id)).toEqual(['k3']);
    });

    it('keeps the first revocation time', async () => {
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k1', 'u1', null, 1));
      await new ApiKeyRepository(store.db).revokeApiKey('k1', 500);
      await new ApiKeyRepository(store.db).revokeApiKey('k1', 900);
      expect((await new ApiKeyRepository(store.db).findApiKeyById('k1'))?.revoked_at).toBe(500);
    });

    it('writes last_used_at only when the previous write is older than the threshold', async () => {
      await new ApiKeyRepository(store.db).insertApiKey(keyRow('k1', 'u1', null, 1));
      expect(await new ApiKeyRepository(store.db).touchApiKey('k1', 100_000, 40_000)).toBe(true);
      expect(await new ApiKeyRepository(store.db).touchApiKey('k1', 130_000, 70_000)).toBe(false);
      expect(await new ApiKeyRepository(store.db).touchApiKey('k1', 160_001, 100_001)).toBe(true);
      expect((await new ApiKeyRepository(store.db).findApiKeyById('k1'))?.last_used_at).toBe(160_001);
    });
  });
});
