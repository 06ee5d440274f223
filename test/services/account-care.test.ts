// Account care in the service layer: name, email (password re-checked), password (current one required, sign-up
// rules, other sessions ended), deleting an account (what goes, what stays, refused for a last owner) and one-time
// reset links (hashed, single use, expiring, newest only, every session ended).
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/errors.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { RESET_TTL_MS } from '../../src/services/password-resets.ts';
import { actorOf } from '../../src/services/tenancy.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';

const engines = await testEngines();
const PASSWORD = 'velvet tundra marching 42';
const MINIMAL = fs.readFileSync(new URL('../fixtures/bpmn/minimal-process.bpmn', import.meta.url), 'utf8');

describe.each(engines)('account care on $name', (engine) => {
  let database: TestDatabase;
  let services: Services;
  let now: Date;

  beforeEach(async () => {
    database = await engine.createDatabase();
    now = new Date('2026-06-01T10:00:00Z');
    services = await createServices({ databaseUrl: database.url }, { now: () => now });
  });
  afterEach(async () => {
    await services.close();
    await database.drop();
  });

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as InvalidRequestError);

  it('renames, and changes the email only with the right password and to a free address', async () => {
    const ada = await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    await services.accounts.createUser({ email: 'taken@example.com', name: 'Bo', password: PASSWORD });
    expect((await services.accounts.renameUser(ada.id, '  Ada Lovelace ')).name).toBe('Ada Lovelace');
    expect(await refusal(services.accounts.renameUser(ada.id, '  '))).toMatchObject({ param: 'name' });

    expect(await refusal(services.accounts.changeEmail(ada.id, 'new@example.com', 'wrong password 123'))).toMatchObject({ param: 'password', message: 'That is not your current password.' });
    expect(await refusal(services.accounts.changeEmail(ada.id, 'TAKEN@example.com', PASSWORD))).toMatchObject({ param: 'email', message: 'A user with this email already exists.' });
    expect(await refusal(services.accounts.changeEmail(ada.id, 'not an email', PASSWORD))).toMatchObject({ param: 'email' });
    expect((await services.accounts.changeEmail(ada.id, ' New@Example.com ', PASSWORD)).email).toBe('new@example.com');
    expect(await services.accounts.verifyPassword('new@example.com', PASSWORD)).toMatchObject({ id: ada.id });
    expect(await services.accounts.verifyPassword('ada@example.com', PASSWORD)).toBeNull();
  });

  it('changes the password only with the current one, by the sign-up rules, and ends every other session', async () => {
    const ada = await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    const here = await services.sessions.createSession(ada.id);
    const elsewhere = await services.sessions.createSession(ada.id);
    expect(await refusal(services.accounts.changePassword(ada.id, 'wrong password 123', 'fresh orbit lantern 77', here.session.id))).toMatchObject({ param: 'current_password' });
    expect(await refusal(services.accounts.changePassword(ada.id, PASSWORD, 'short', here.session.id))).toMatchObject({ param: 'password', message: 'password must be at least 12 characters.' });
    expect(await refusal(services.accounts.changePassword(ada.id, PASSWORD, 'ada@example.com', here.session.id))).toMatchObject({ message: 'password cannot be your email.' });
    expect(await services.sessions.countSessions(ada.id)).toBe(2);

    await services.accounts.changePassword(ada.id, PASSWORD, 'fresh orbit lantern 77', here.session.id);
    expect(await services.accounts.verifyPassword('ada@example.com', PASSWORD)).toBeNull();
    expect(await services.accounts.verifyPassword('ada@example.com', 'fresh orbit lantern 77')).toMatchObject({ id: ada.id });
    expect(await services.sessions.findSession(here.token)).not.toBeNull();
    expect(await services.sessions.findSession(elsewhere.token)).toBeNull();
  });

  it('signs out the other sessions on request, keeping this one', async () => {
    const ada = await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    const here = await services.sessions.createSession(ada.id);
    const others = [await services.sessions.createSession(ada.id), await services.sessions.createSession(ada.id)];
    expect(await services.sessions.deleteOtherSessions(ada.id, here.session.id)).toBe(2);
    expect(await services.sessions.findSession(here.token)).not.toBeNull();
    for (const other of others) expect(await services.sessions.findSession(other.token)).toBeNull();
  });

  it('deletes an account: its personal space, keys, sessions and memberships go; its organization work stays', async () => {
    const ada = await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD, plan: 'pro' });
    const bo = await services.accounts.createUser({ email: 'bo@example.com', name: 'Bo', password: PASSWORD, plan: 'pro' });
    const org = await services.accounts.createOrganization(ada.id, 'Acme', 'team');
    const personal = actorOf({ kind: 'user', id: ada.id }, 'live', ada.id);
    const parent = await services.folders.create(personal, { name: 'Parent', parent_id: null, context: '' });
    const child = await services.folders.create(personal, { name: 'Child', parent_id: parent.id, context: '' });
    await services.diagrams.importXml(personal, { bpmn_xml: MINIMAL, folder_id: child.id });
    await services.diagrams.importXml(actorOf({ kind: 'user', id: ada.id }, 'test', ada.id), { bpmn_xml: MINIMAL });
    const inOrg = await services.diagrams.importXml(actorOf({ kind: 'organization', id: org.id }, 'live', ada.id), { bpmn_xml: MINIMAL });
    const personalKey = await services.keys.createKey({ userId: ada.id, name: 'mine', mode: 'live', scopes: ['generate'] });
    const orgKey = await services.keys.createKey({ userId: ada.id, organizationId: org.id, name: 'org', mode: 'live', scopes: ['generate'] });
    const session = await services.sessions.createSession(ada.id);

    // The last owner of Acme cannot go, and is told why; nothing was deleted.
    const lastOwner = await refusal(services.accounts.deleteAccount(ada.id, PASSWORD));
    expect(lastOwner).toBeInstanceOf(InvalidRequestError);
    expect(lastOwner?.message).toContain('You are the last owner of the organization Acme');
    expect((await services.accounts.organizationsOnlyOwnedBy(ada.id)).map((m) => m.organizationName)).toEqual(['Acme']);
    expect(await refusal(services.accounts.deleteAccount(ada.id, 'wrong password 123'))).toMatchObject({ param: 'password' });
    expect((await services.keys.authenticate(personalKey.secret)).ok).toBe(true);

    await services.accounts.addMember(org.id, 'bo@example.com', 'owner', { userId: ada.id });
    expect(await services.accounts.organizationsOnlyOwnedBy(ada.id)).toEqual([]);
    await services.accounts.deleteAccount(ada.id, PASSWORD);

    const db = services.store.db;
    const count = async (table: 'diagrams' | 'folders' | 'api_keys' | 'sessions' | 'memberships', column: string, value: string) =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).where(column as never, '=', value as never).executeTakeFirstOrThrow()).n);
    expect(await count('diagrams', 'tenant_id', ada.id)).toBe(0);
    expect(await count('folders', 'tenant_id', ada.id)).toBe(0);
    expect(await count('api_keys', 'user_id', ada.id)).toBe(0);
    expect(await count('sessions', 'user_id', ada.id)).toBe(0);
    expect(await count('memberships', 'user_id', ada.id)).toBe(0);
    expect((await services.keys.authenticate(personalKey.secret)).ok).toBe(false);
    expect((await services.keys.authenticate(orgKey.secret)).ok).toBe(false);
    expect(await services.sessions.findSession(session.token)).toBeNull();
    // The organization keeps what Ada made in it, and Bo.
    expect((await services.diagrams.get({ tenant_type: 'organization', tenant_id: org.id, mode: 'live' }, inOrg.id)).id).toBe(inOrg.id);
    expect((await services.accounts.listMemberships({ organizationId: org.id })).map((m) => m.email)).toEqual(['bo@example.com']);
    expect(await services.accounts.verifyPassword('bo@example.com', PASSWORD)).toMatchObject({ id: bo.id });
    // The address is free again.
    expect((await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada again', password: PASSWORD })).id).not.toBe(ada.id);
  });

  it('resets a password through a one-time link: hashed, single use, expiring, newest only, every session ended', async () => {
    const ada = await services.accounts.createUser({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    const session = await services.sessions.createSession(ada.id);
    const older = await services.passwordResets.createLink(' ADA@example.com ');
    const link = await services.passwordResets.createLink('ada@example.com');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - now.getTime()).toBe(RESET_TTL_MS);
    const stored = await services.store.db.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect(await services.passwordResets.emailFor(older.token)).toBeNull();
    expect(await services.passwordResets.emailFor(link.token)).toBe('ada@example.com');
    await expect(services.passwordResets.createLink('nobody@example.com')).rejects.toMatchObject({ param: 'email' });

    // A weak password is refused and the link still works; a good one is set once and ends every session.
    expect(await refusal(services.passwordResets.resetPassword(link.token, 'ada@example.com'))).toMatchObject({ param: 'password' });
    expect(await services.passwordResets.resetPassword(link.token, 'fresh orbit lantern 77')).toEqual({ email: 'ada@example.com' });
    expect(await services.accounts.verifyPassword('ada@example.com', 'fresh orbit lantern 77')).toMatchObject({ id: ada.id });
    expect(await services.sessions.findSession(session.token)).toBeNull();
    expect(await refusal(services.passwordResets.resetPassword(link.token, 'another fine phrase 88'))).toMatchObject({ param: 'token' });
    expect(await refusal(services.passwordResets.resetPassword(older.token, 'another fine phrase 88'))).toMatchObject({ param: 'token' });
    expect(await refusal(services.passwordResets.resetPassword('not-a-token', 'another fine phrase 88'))).toMatchObject({ param: 'token' });

    const late = await services.passwordResets.createLink('ada@example.com');
    now = new Date(now.getTime() + RESET_TTL_MS);
    expect(await services.passwordResets.emailFor(late.token)).toBeNull();
    expect(await refusal(services.passwordResets.resetPassword(late.token, 'another fine phrase 88'))).toMatchObject({ param: 'token' });
  });
});
