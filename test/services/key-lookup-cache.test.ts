// The key-lookup cache of KeyService (SQLite): reused only while nothing was written, here or elsewhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService, type User } from '../../src/services/accounts.ts';
import { KeyService } from '../../src/services/keys.ts';
import { openDatabase, type Store } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations/index.ts';

const T0 = new Date('2026-06-01T10:00:00Z');

describe('KeyService lookup cache on sqlite', () => {
  let dir: string;
  let url: string;
  let store: Store;
  let accounts: AccountService;
  let keys: KeyService;
  let now: Date;
  let pro: User;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-key-cache-'));
    url = `sqlite:${path.join(dir, 'jfi.sqlite')}`;
    store = await openDatabase(url);
    await migrate(store);
    now = T0;
    accounts = new AccountService(store.db, () => now);
    keys = new KeyService(store.db, { now: () => now });
    pro = await accounts.createUser({ email: 'pro@example.com', name: 'Pro', password: 'correct horse', plan: 'pro' });
  });
  afterEach(async () => {
    await keys.settle();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function authenticated(secret: string) {
    const lookup = await keys.authenticate(secret);
    if (!lookup.ok) throw new Error(`expected a valid key, got ${lookup.code}`);
    return lookup.key;
  }

  it('hands back the same frozen key while nothing was written, and reads again after any write', async () => {
    const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    const first = await authenticated(secret);
    expect(await authenticated(secret)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.scopes) && Object.isFrozen(first.tenant)).toBe(true);
    await accounts.createUser({ email: 'other@example.com', name: 'Other', password: 'correct horse' });
    const reread = await authenticated(secret);
    expect(reread).not.toBe(first);
    expect(reread).toEqual(first);
  });

  it('refuses a key revoked in this process on the very next lookup', async () => {
    const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    await authenticated(secret);
    await authenticated(secret);
    await keys.revokeKey(key.id, { kind: 'user', id: pro.id });
    expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: null });
  });

  it('refuses a key revoked by another process (another connection to the file) on the very next lookup', async () => {
    const { key, secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    await authenticated(secret);
    const cli = await openDatabase(url);
    try {
      await new KeyService(cli.db).revokeAnyKey(key.id);
    } finally {
      await cli.close();
    }
    expect(await keys.authenticate(secret)).toEqual({ ok: false, code: 'revoked_api_key', reason: null });
  });

  it('sees a plan change made by another process on the very next lookup', async () => {
    const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    expect((await authenticated(secret)).planEligible).toBe(true);
    const cli = await openDatabase(url);
    try {
      await new AccountService(cli.db).setUserPlan(pro.id, 'free');
    } finally {
      await cli.close();
    }
    expect(await authenticated(secret)).toMatchObject({ plan: 'free', planEligible: false });
  });

  it('decides expiry on every lookup, cached or not', async () => {
    const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'], expiresInDays: 1 });
    await authenticated(secret);
    expect(await keys.authenticate(secret, new Date(T0.getTime() + 86_400_000))).toEqual({ ok: false, code: 'expired_api_key' });
    expect((await keys.authenticate(secret, new Date(T0.getTime() + 86_399_999))).ok).toBe(true);
  });

  it('still rejects a mistyped key, however often it is tried', async () => {
    const { secret } = await keys.createKey({ userId: pro.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    await authenticated(secret);
    const typo = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
    expect(await keys.authenticate(typo)).toEqual({ ok: false, code: 'invalid_api_key' });
    expect(await keys.authenticate(typo)).toEqual({ ok: false, code: 'invalid_api_key' });
  });
});
