// The session store behind the dashboard cookie, on every engine we run (SQLite always, Postgres when reachable).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, SessionService } from '../../src/services/sessions.ts';
import type { Store } from '../../src/store/db.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

describe.each(engines)('sessions on $name', (engine) => {
  let store: Store;
  let now: number;
  let sessions: SessionService;
  let userId: string;

  beforeEach(async () => {
    store = await engine.openStore();
    now = Date.UTC(2026, 5, 7, 10);
    sessions = new SessionService(store.db, () => new Date(now));
    userId = randomUUID();
    await store.db
      .insertInto('users')
      .values({ id: userId, email: `${userId}@example.com`, name: 'S', password_hash: 'x', plan: 'free', created_at: now, updated_at: now })
      .execute();
  });
  afterEach(() => store.close());

  it('finds a session by its token and stores only the token’s hash', async () => {
    const { token, session } = await sessions.createSession(userId);
    expect(await sessions.findSession(token)).toEqual(session);
    const rows = await store.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(session.csrfToken).not.toBe(token);
  });

  it('does not find an expired, deleted, unknown or malformed token', async () => {
    const { token } = await sessions.createSession(userId);
    const other = await sessions.createSession(userId);
    expect(await sessions.findSession(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await sessions.findSession('not a token')).toBeNull();
    await sessions.deleteSession(other.token);
    expect(await sessions.findSession(other.token)).toBeNull();
    now += SESSION_TTL_MS;
    expect(await sessions.findSession(token)).toBeNull();
  });

  it('sweeps expired sessions and keeps live ones', async () => {
    const old = await sessions.createSession(userId);
    now += SESSION_TTL_MS - 1000;
    const fresh = await sessions.createSession(userId);
    now += 1000;
    expect(await sessions.deleteExpired()).toBe(1);
    expect(await sessions.findSession(old.token)).toBeNull();
    expect(await sessions.findSession(fresh.token)).not.toBeNull();
  });
});
