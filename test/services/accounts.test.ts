import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError, NotFoundError } from '../../src/errors.ts';
import { AccountService } from '../../src/services/accounts.ts';
import type { Store } from '../../src/store/db.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();
const PASSWORD = 'correct horse battery';

describe.each(engines)('AccountService on $name', (engine) => {
  let store: Store;
  let accounts: AccountService;

  beforeEach(async () => {
    store = await engine.openStore();
    accounts = new AccountService(store.db);
  });
  afterEach(() => store.close());

  describe('users', () => {
    it('normalises the email and stores an argon2id hash, never the password', async () => {
      const user = await accounts.createUser({ email: '  Ada@Example.COM ', name: ' Ada ', password: PASSWORD, plan: 'pro' });
      expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', plan: 'pro' });
      expect(user).not.toHaveProperty('password_hash');
      const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });

    it('refuses a duplicate email in any case', async () => {
      await accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
      await expect(accounts.createUser({ email: 'ADA@example.com', name: 'Ada 2', password: PASSWORD })).rejects.toMatchObject({
        code: 'invalid_parameter',
        param: 'email',
      });
    });

    it('rejects bad input with typed errors naming the field', async () => {
      const cases: [object, string][] = [
        [{ email: 'not-an-email' }, 'email'],
        [{ email: '' }, 'email'],
        [{ name: '' }, 'name'],
        [{ password: 'short' }, 'password'],
        [{ password: 'x'.repeat(2000) }, 'password'],
        [{ plan: 'gold' }, 'plan'],
      ];
      for (const [patch, param] of cases) {
        const error = await accounts
          .createUser({ email: 'a@example.com', name: 'A', password: PASSWORD, ...patch } as never)
          .catch((e: unknown) => e);
        expect(error, JSON.stringify(patch)).toBeInstanceOf(InvalidRequestError);
        expect((error as InvalidRequestError).param).toBe(param);
        expect((error as Error).message).not.toContain(PASSWORD);
      }
      expect(await accounts.listUsers()).toEqual([]);
    });

    it('refuses passwords under 12 characters, common ones and the email, on every path into the service', async () => {
      const refused = [
        'elevenchars',
        'password1234',
        'Password2024!',
        'qwerty123456',
        '123456789012',
        'correct-horse-battery-staple',
        'Welcome12345',
        'aaaaaaaaaaaaaa',
        'ada@example.com',
      ];
      for (const password of refused) {
        await expect(accounts.createUser({ email: 'ada@example.com', name: 'Ada', password }), password).rejects.toMatchObject({
          code: 'invalid_parameter',
          param: 'password',
        });
      }
      expect(await accounts.listUsers()).toEqual([]);
      for (const password of ['twelve chars', PASSWORD, 'tangerine-orbit-42']) {
        await accounts.createUser({ email: `ok${password.length}@example.com`, name: 'Ok', password });
      }
      expect(await accounts.listUsers()).toHaveLength(3);
    });

    it('verifies the right password only, and answers null for unknown emails', async () => {
      const user = await accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
      expect((await accounts.verifyPassword('ADA@example.com', PASSWORD))?.id).toBe(user.id);
      expect(await accounts.verifyPassword('ada@example.com', `${PASSWORD}!`)).toBeNull();
      expect(await accounts.verifyPassword('ada@example.com', '')).toBeNull();
      expect(await accounts.verifyPassword('nobody@example.com', PASSWORD)).toBeNull();
    });

    it('spends an argon2 verification on unknown emails too', async () => {
      await accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
      await accounts.verifyPassword('warm-up@example.com', PASSWORD);
      // CPU time of this process (argon2 runs on libuv threads, which it counts), not wall time: other
      // processes on a loaded machine do not move it.
      const cpu = async (email: string) => {
        const start = process.cpuUsage();
        for (let i = 0; i < 3; i++) await accounts.verifyPassword(email, 'wrong password!');
        const used = process.cpuUsage(start);
        return used.user + used.system;
      };
      const known = await cpu('ada@example.com');
      const unknown = await cpu('nobody@example.com');
      // Both pay for argon2 (tens of ms of CPU); a skipped hash would cost ~100× less.
      expect(unknown).toBeGreaterThan(known / 4);
    });

    it('sets a plan and lists users', async () => {
      const user = await accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
      expect((await accounts.setUserPlan(user.id, 'pro')).plan).toBe('pro');
      expect((await accounts.getUserByEmail('Ada@example.com')).plan).toBe('pro');
      expect((await accounts.listUsers()).map((u) => u.email)).toEqual(['ada@example.com']);
      await expect(accounts.setUserPlan('missing', 'pro')).rejects.toBeInstanceOf(NotFoundError);
      await expect(accounts.setUserPlan(user.id, 'team' as never)).rejects.toBeInstanceOf(InvalidRequestError);
    });
  });

  describe('organizations', () => {
    it('makes the creator the owner and manages members', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      await accounts.createUser({ email: 'bob@example.com', name: 'Bob', password: PASSWORD });
      const org = await accounts.createOrganization(owner.id, 'Acme', 'team');
      expect(org).toMatchObject({ name: 'Acme', plan: 'team' });
      const bob = await accounts.addMember(org.id, 'BOB@example.com', 'admin', 'operator');
      expect(bob).toMatchObject({ email: 'bob@example.com', role: 'admin', organizationName: 'Acme' });
      expect((await accounts.listMemberships({ organizationId: org.id })).map((m) => [m.email, m.role])).toEqual([
        ['owner@example.com', 'owner'],
        ['bob@example.com', 'admin'],
      ]);
      await expect(accounts.addMember(org.id, 'bob@example.com', 'member', 'operator')).rejects.toMatchObject({ code: 'invalid_parameter' });
      await accounts.removeMember(org.id, 'bob@example.com', 'operator');
      expect(await accounts.listMemberships({ userId: bob.userId })).toEqual([]);
      await expect(accounts.removeMember(org.id, 'bob@example.com', 'operator')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps the last owner', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      const org = await accounts.createOrganization(owner.id, 'Acme');
      await expect(accounts.removeMember(org.id, 'owner@example.com', 'operator')).rejects.toBeInstanceOf(InvalidRequestError);
      await accounts.createUser({ email: 'second@example.com', name: 'Second', password: PASSWORD });
      await accounts.addMember(org.id, 'second@example.com', 'owner', 'operator');
      await accounts.removeMember(org.id, 'owner@example.com', 'operator');
      expect((await accounts.listMemberships({ organizationId: org.id })).map((m) => m.email)).toEqual(['second@example.com']);
    });

    it('changes a role in place and never leaves the organization without an owner', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      await accounts.createUser({ email: 'bob@example.com', name: 'Bob', password: PASSWORD });
      const org = await accounts.createOrganization(owner.id, 'Acme');
      await accounts.addMember(org.id, 'bob@example.com', 'member', 'operator');
      expect(await accounts.changeMemberRole(org.id, 'Bob@example.com', 'admin', 'operator')).toMatchObject({ email: 'bob@example.com', role: 'admin' });
      await expect(accounts.changeMemberRole(org.id, 'owner@example.com', 'admin', 'operator')).rejects.toMatchObject({ code: 'invalid_parameter', param: 'role' });
      await expect(accounts.changeMemberRole(org.id, 'bob@example.com', 'boss' as never, 'operator')).rejects.toMatchObject({ param: 'role' });
      await expect(accounts.changeMemberRole(org.id, 'ghost@example.com', 'admin', 'operator')).rejects.toBeInstanceOf(NotFoundError);

    });

    it('lets exactly one of two owners demoting each other at the same moment win', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      await accounts.createUser({ email: 'bob@example.com', name: 'Bob', password: PASSWORD });
      // Several organizations at once make the interleaving that would lose the last owner likely.
      const orgs = await Promise.all(Array.from({ length: 8 }, (_, i) => accounts.createOrganization(owner.id, `Org ${i}`)));
      for (const org of orgs) await accounts.addMember(org.id, 'bob@example.com', 'owner', 'operator');
      const results = await Promise.all(
        orgs.map((org) =>
          Promise.allSettled([
            accounts.changeMemberRole(org.id, 'owner@example.com', 'member', 'operator'),
            accounts.changeMemberRole(org.id, 'bob@example.com', 'member', 'operator'),
          ]),
        ),
      );
      for (const [i, pair] of results.entries()) {
        expect(pair.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const roles = (await accounts.listMemberships({ organizationId: orgs[i]!.id })).map((m) => m.role);
        expect(roles.filter((r) => r === 'owner')).toHaveLength(1);
      }
    });

    it('decides who may change whom: only an owner makes, unmakes or removes owners, whatever the email padding', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      const coOwner = await accounts.createUser({ email: 'co@example.com', name: 'Co', password: PASSWORD });
      const admin = await accounts.createUser({ email: 'admin@example.com', name: 'Admin', password: PASSWORD });
      const plain = await accounts.createUser({ email: 'plain@example.com', name: 'Plain', password: PASSWORD });
      const org = await accounts.createOrganization(owner.id, 'Acme');
      const byOwner = { userId: owner.id };
      await accounts.addMember(org.id, ' Co@Example.com ', 'owner', byOwner);
      await accounts.addMember(org.id, 'admin@example.com', 'admin', byOwner);
      const byAdmin = { userId: admin.id };
      await accounts.addMember(org.id, '  PLAIN@example.com', 'member', byAdmin);

      const refused = { code: 'insufficient_role', type: 'permission_error' };
      for (const email of ['co@example.com', ' co@example.com', 'CO@EXAMPLE.COM ']) {
        await expect(accounts.changeMemberRole(org.id, email, 'member', byAdmin)).rejects.toMatchObject(refused);
        await expect(accounts.removeMember(org.id, email, byAdmin)).rejects.toMatchObject(refused);
      }
      await expect(accounts.changeMemberRole(org.id, 'plain@example.com', 'owner', byAdmin)).rejects.toMatchObject(refused);
      await expect(accounts.addMember(org.id, 'ghost@example.com', 'owner', byAdmin)).rejects.toMatchObject(refused);
      await expect(accounts.changeMemberRole(org.id, 'admin@example.com', 'member', { userId: plain.id })).rejects.toMatchObject(refused);
      await expect(accounts.removeMember(org.id, 'admin@example.com', { userId: plain.id })).rejects.toMatchObject(refused);
      // Outsiders do not learn the organization exists.
      const stranger = await accounts.createUser({ email: 'stranger@example.com', name: 'S', password: PASSWORD });
      await expect(accounts.removeMember(org.id, 'plain@example.com', { userId: stranger.id })).rejects.toBeInstanceOf(NotFoundError);

      // An admin manages members and admins; anyone may leave; an owner manages owners.
      expect(await accounts.changeMemberRole(org.id, ' plain@example.com', 'admin', byAdmin)).toMatchObject({ role: 'admin' });
      await accounts.removeMember(org.id, 'plain@example.com', { userId: plain.id });
      expect(await accounts.changeMemberRole(org.id, 'co@example.com ', 'member', byOwner)).toMatchObject({ role: 'member' });
      await accounts.removeMember(org.id, ' CO@example.com', byOwner);
      // Sorted: memberships made in the same millisecond have no defined order.
      expect((await accounts.listMemberships({ organizationId: org.id })).map((m) => [m.email, m.role]).sort()).toEqual([
        ['admin@example.com', 'admin'],
        ['owner@example.com', 'owner'],
      ]);
      expect(coOwner.email).toBe('co@example.com');
    });

    it('answers not found for unknown organizations, users and owners', async () => {
      const owner = await accounts.createUser({ email: 'owner@example.com', name: 'Owner', password: PASSWORD });
      const org = await accounts.createOrganization(owner.id, 'Acme');
      await expect(accounts.addMember('missing', 'owner@example.com', 'member', 'operator')).rejects.toBeInstanceOf(NotFoundError);
      await expect(accounts.addMember(org.id, 'ghost@example.com', 'member', 'operator')).rejects.toBeInstanceOf(NotFoundError);
      await expect(accounts.createOrganization('missing', 'X')).rejects.toBeInstanceOf(NotFoundError);
      await expect(accounts.setOrganizationPlan('missing', 'team')).rejects.toBeInstanceOf(NotFoundError);
      expect((await accounts.setOrganizationPlan(org.id, 'team')).plan).toBe('team');
      expect((await accounts.listOrganizations()).map((o) => o.id)).toEqual([org.id]);
    });
  });
});
