import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError, NotFoundError, PermissionError } from '../../src/errors.ts';
import { AccountService, type User } from '../../src/services/accounts.ts';
import { generateKey, hashKey } from '../../src/services/key-format.ts';
import { KeyService } from '../../src/services/keys.ts';
import type { Store } from '../../src/store/db.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();
const T0 = new Date('2026-06-01T10:00:00Z');

describe.each(engines)('KeyService on $name', (engine) => {
  let store: Store;
  let accounts: AccountService;
  let keys: KeyService;
  let now: Date;
  let pro: User;

  beforeEach(async () => {
    store = await engine.openStore();
    now = T0;
    accounts = new AccountService(store.db, () => now);
    keys = new KeyService(store.db, { now: () => now });
    pro = await accounts.createUser({ email: 'pro@example.com', name: 'Pro', password: 'correct horse', plan: 'pro' });
  });
  afterEach(async () => {
    await keys.settle();
    await store.close();
  });

  describe('createKey', () => {
    it('returns the secret once and stores only its hash and hint', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: ' CI ', mode: 'test', scopes: ['generate', 'diagrams:read'] });
      expect(secret).toMatch(/^jfi_sk_test_[0-9A-Za-z]{40}$/);
      expect(key).toMatchObject({
        name: 'CI',
        mode: 'test',
        scopes: ['diagrams:read', 'generate'],
        tenant: { kind: 'user', id: pro.id },
        createdBy: pro.id,
        hint: `jfi_sk_test_…${secret.slice(-4)}`,
        expiresAt: null,
        revokedAt: null,
        revokedReason: null,
        lastUsedAt: null,
        createdAt: T0,
      });
      expect(JSON.stringify(key)).not.toContain(secret.slice(12, -4));
      const row = await store.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
      expect(row.key_hash).toBe(hashKey(secret));
      expect(JSON.stringify(row)).not.toContain(secret.slice(12, -4));
      const listed = await keys.listKeys({ kind: 'user', id: pro.id });
      expect(JSON.stringify(listed)).not.toContain(secret.slice(12, -4));
    });

    it('refuses a personal key for a free user with plan_required', async () => {
      const free = await accounts.createUser({ email: 'free@example.com', name: 'Free', password: 'correct horse' });
      const error = await keys.createKey({ userId: free.id, name: 'k', mode: 'live', scopes: ['generate'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermissionError);
      expect(error).toMatchObject({ code: 'plan_required' });
    });

    it('refuses an org key for a non-member and for an organization without the Team plan', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: 'correct horse' });
      const team = await accounts.createOrganization(owner.id, 'Team org', 'team');
      const free = await accounts.createOrganization(owner.id, 'Free org', 'free');
      await expect(
        keys.createKey({ userId: pro.id, organizationId: team.id, name: 'k', mode: 'live', scopes: ['generate'] }),
      ).rejects.toMatchObject({ code: 'plan_required' });
      await expect(
        keys.createKey({ userId: owner.id, organizationId: free.id, name: 'k', mode: 'live', scopes: ['generate'] }),
      ).rejects.toMatchObject({ code: 'plan_required' });
      const { key } = await keys.createKey({ userId: owner.id, organizationId: team.id, name: 'k', mode: 'live', scopes: ['generate'] });
      expect(key.tenant).toEqual({ kind: 'organization', id: team.id });
    });

    it('validates name, mode, scopes, expiry and the owner with typed errors', async () => {
      const base = { userId: pro.id, name: 'k', mode: 'live' as const, scopes: ['generate'] };
      const cases: [object, string | null, string][] = [
        [{ name: '  ' }, 'name', 'missing_parameter'],
        [{ name: 'x'.repeat(101) }, 'name', 'invalid_parameter'],
        [{ mode: 'prod' }, 'mode', 'invalid_parameter'],
        [{ scopes: [] }, 'scopes', 'missing_parameter'],
        [{ scopes: ['generate', 'admin'] }, 'scopes', 'invalid_parameter'],
        [{ expiresInDays: 0 }, 'expires_in_days', 'invalid_parameter'],
        [{ expiresInDays: 1.5 }, 'expires_in_days', 'invalid_parameter'],
      ];
      for (const [patch, param, code] of cases) {
        const error = await keys.createKey({ ...base, ...patch } as typeof base).catch((e: unknown) => e);
        expect(error, JSON.stringify(patch)).toBeInstanceOf(InvalidRequestError);
        expect(error).toMatchObject({ param, code });
      }
      await expect(keys.createKey({ ...base, userId: 'nobody' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(keys.createKey({ ...base, organizationId: 'no-org' })).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.db.selectFrom('api_keys').selectAll().execute()).toHaveLength(0);
    });
  });

  describe('authenticate', () => {
    it('accepts a fresh key and describes its tenant, plan and scopes', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['folders:read'] });
      const lookup = await keys.authenticate(secret);
      expect(lookup).toEqual({
        ok: true,
        key: {
          id: key.id,
          name: 'k',
          mode: 'live',
          scopes: ['folders:read'],
          tenant: { kind: 'user', id: pro.id },
          createdBy: pro.id,
          plan: 'pro',
          planEligible: true,
          expiresAt: null,
          createdAt: T0,
          lastUsedAt: null,
        },
      });
    });

    it('rejects a tampered key without touching the database', async () => {
      const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const tampered = secret.slice(0, 20) + (secret[20] === 'a' ? 'b' : 'a') + secret.slice(21);
      // A closed store makes any query throw, so an answer proves no read happened.
      await store.close();
      await expect(keys.authenticate(tampered)).resolves.toEqual({ ok: false, code: 'invalid_api_key' });
      await expect(keys.authenticate('not a key')).resolves.toEqual({ ok: false, code: 'invalid_api_key' });
      await expect(keys.authenticate(secret)).rejects.toThrow();
      store = await engine.openStore();
    });

    it('rejects a well-formed key that was never issued', async () => {
      expect(await keys.authenticate(generateKey('live'))).toEqual({ ok: false, code: 'invalid_api_key' });
    });

    it('rejects a revoked key, even if it also expired', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'], expiresInDays: 1 });
      await keys.revokeKey(key.id, { kind: 'user', id: pro.id });
      expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: null });
      expect(await keys.authenticate(secret, new Date(T0.getTime() + 2 * 86_400_000))).toEqual({ ok: false, code: 'revoked_api_key', reason: null });
    });

    it('accepts a key until its expiry and rejects it from then on', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'], expiresInDays: 30 });
      const expiry = T0.getTime() + 30 * 86_400_000;
      expect(key.expiresAt?.getTime()).toBe(expiry);
      expect((await keys.authenticate(secret, new Date(expiry - 1))).ok).toBe(true);
      expect(await keys.authenticate(secret, new Date(expiry))).toEqual({ ok: false, code: 'expired_api_key' });
    });

    it('marks a personal key ineligible once the user plan lapses, and eligible again on renewal', async () => {
      const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      await accounts.setUserPlan(pro.id, 'free');
      expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { plan: 'free', planEligible: false } });
      await accounts.setUserPlan(pro.id, 'pro');
      expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { plan: 'pro', planEligible: true } });
    });

    it('marks an org key ineligible when its creator leaves or the org plan lapses', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: 'correct horse' });
      const org = await accounts.createOrganization(owner.id, 'Acme', 'team');
      await accounts.addMember(org.id, 'pro@example.com', 'member', 'operator');
      const { secret } = await keys.createKey({ userId: pro.id, organizationId: org.id, name: 'k', mode: 'test', scopes: ['generate'] });
      expect(await keys.authenticate(secret)).toMatchObject({
        ok: true,
        key: { tenant: { kind: 'organization', id: org.id }, createdBy: pro.id, plan: 'team', planEligible: true },
      });
      await accounts.setOrganizationPlan(org.id, 'free');
      expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { plan: 'free', planEligible: false } });
    });

    it('revokes the org keys a member created when they leave, so rejoining does not revive them', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: 'correct horse' });
      const org = await accounts.createOrganization(owner.id, 'Acme', 'team');
      await accounts.addMember(org.id, 'pro@example.com', 'member', 'operator');
      const { secret } = await keys.createKey({ userId: pro.id, organizationId: org.id, name: 'org', mode: 'live', scopes: ['generate'] });
      const personal = await keys.createKey({ userId: pro.id, name: 'mine', mode: 'live', scopes: ['generate'] });
      const colleague = await keys.createKey({ userId: owner.id, organizationId: org.id, name: 'owner’s', mode: 'live', scopes: ['generate'] });
      await accounts.removeMember(org.id, ' PRO@example.com', { userId: pro.id });
      expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: 'member_left' });
      await accounts.addMember(org.id, 'pro@example.com', 'member', 'operator');
      expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: 'member_left' });
      expect(await keys.authenticate(colleague.secret)).toMatchObject({ ok: true });
      // The owner's list shows the key revoked, and why; a key revoked by hand has no reason.
      await keys.revokeKey(colleague.key.id, { kind: 'organization', id: org.id });
      const listed = await keys.listKeys({ kind: 'organization', id: org.id });
      expect(listed.map((k) => [k.name, k.revokedAt, k.revokedReason]).sort()).toEqual([
        ['org', now, 'member_left'],
        ['owner’s', now, null],
      ]);
      expect(await keys.authenticate(personal.secret)).toMatchObject({ ok: true });
    });
  });

  describe('active key caps', () => {
    it('caps active keys per personal space and per organization; revoked and expired keys free a place', async () => {
      const capped = new KeyService(store.db, { now: () => now, limits: { perUser: 2, perOrganization: 3 } });
      const personal = (name: string, expiresInDays?: number) =>
        capped.createKey({ userId: pro.id, name, mode: 'live', scopes: ['generate'], ...(expiresInDays ? { expiresInDays } : {}) });
      const first = await personal('one');
      await personal('two', 1);
      await expect(personal('three')).rejects.toMatchObject({ type: 'permission_error', code: 'key_limit_reached', message: expect.stringContaining('2 active API keys') });
      await capped.revokeKey(first.key.id, { kind: 'user', id: pro.id });
      await personal('three');
      await expect(personal('four')).rejects.toMatchObject({ code: 'key_limit_reached' });
      now = new Date(T0.getTime() + 2 * 86_400_000);
      await personal('four');

      // The organization's cap counts every member's keys, apart from the personal ones.
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: 'correct horse' });
      const org = await accounts.createOrganization(owner.id, 'Acme', 'team');
      await accounts.addMember(org.id, 'pro@example.com', 'member', 'operator');
      for (const [userId, name] of [[owner.id, 'o1'], [pro.id, 'p1'], [owner.id, 'o2']] as const) {
        await capped.createKey({ userId, organizationId: org.id, name, mode: 'live', scopes: ['generate'] });
      }
      await expect(capped.createKey({ userId: pro.id, organizationId: org.id, name: 'p2', mode: 'test', scopes: ['generate'] })).rejects.toMatchObject({
        code: 'key_limit_reached',
        message: expect.stringContaining('This organization already has 3'),
      });
    });

    it('holds under concurrent creation', async () => {
      const capped = new KeyService(store.db, { now: () => now, limits: { perUser: 3, perOrganization: 3 } });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => capped.createKey({ userId: pro.id, name: `k${i}`, mode: 'live', scopes: ['generate'] })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect((await capped.listKeys({ kind: 'user', id: pro.id })).length).toBe(3);
    });
  });

  describe('listKeys and revokeKey', () => {
    it('lists an owner’s keys newest first and hides other owners’ keys', async () => {
      const other = await accounts.createUser({ email: 'other@example.com', name: 'Other', password: 'correct horse', plan: 'pro' });
      const first = await keys.createKey({ userId: pro.id, name: 'first', mode: 'live', scopes: ['generate'] });
      now = new Date(T0.getTime() + 1000);
      const second = await keys.createKey({ userId: pro.id, name: 'second', mode: 'test', scopes: ['generate'] });
      await keys.createKey({ userId: other.id, name: 'theirs', mode: 'live', scopes: ['generate'] });
      expect((await keys.listKeys({ kind: 'user', id: pro.id })).map((k) => k.id)).toEqual([second.key.id, first.key.id]);
      await expect(keys.revokeKey(first.key.id, { kind: 'user', id: other.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(keys.revokeKey('no-such-key', { kind: 'user', id: pro.id })).rejects.toBeInstanceOf(NotFoundError);
      expect((await keys.authenticate(first.secret)).ok).toBe(true);
    });

    it('revokes idempotently, keeping the first revocation time', async () => {
      const { key } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const revoked = await keys.revokeKey(key.id, { kind: 'user', id: pro.id });
      expect(revoked.revokedAt).toEqual(T0);
      now = new Date(T0.getTime() + 5000);
      expect((await keys.revokeAnyKey(key.id)).revokedAt).toEqual(T0);
    });
  });

  describe('touch', () => {
    it('writes last_used_at at most once a minute per key', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const at = (ms: number) => new Date(T0.getTime() + ms);
      const lastUsed = async () => {
        await keys.settle();
        const lookup = await keys.authenticate(secret);
        return lookup.ok ? lookup.key.lastUsedAt : 'failed';
      };
      keys.touch(key.id, at(1_000));
      expect(await lastUsed()).toEqual(at(1_000));
      keys.touch(key.id, at(30_000));
      keys.touch(key.id, at(60_999));
      expect(await lastUsed()).toEqual(at(1_000));
      keys.touch(key.id, at(61_000));
      expect(await lastUsed()).toEqual(at(61_000));
    });

    it('holds across processes: a second service instance does not write within the minute', async () => {
      const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const otherProcess = new KeyService(store.db);
      keys.touch(key.id, new Date(T0.getTime() + 1_000));
      await keys.settle();
      otherProcess.touch(key.id, new Date(T0.getTime() + 20_000));
      await otherProcess.settle();
      const lookup = await keys.authenticate(secret);
      expect(lookup.ok && lookup.key.lastUsedAt).toEqual(new Date(T0.getTime() + 1_000));
    });

    it('does not even query again within the minute', async () => {
      const { key } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const errors: unknown[] = [];
      const guarded = new KeyService(store.db, { onTouchError: (e) => errors.push(e) });
      guarded.touch(key.id, new Date(T0.getTime() + 1_000));
      await guarded.settle();
      await store.close();
      // A query now would fail and be reported; the in-memory guard means none is made.
      guarded.touch(key.id, new Date(T0.getTime() + 30_000));
      await guarded.settle();
      expect(errors).toEqual([]);
      // After the minute it tries, fails, and still does not throw.
      expect(() => guarded.touch(key.id, new Date(T0.getTime() + 62_000))).not.toThrow();
      await guarded.settle();
      expect(errors).toHaveLength(1);
      store = await engine.openStore();
    });
  });
});
