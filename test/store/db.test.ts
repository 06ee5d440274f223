import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseUrlError, openDatabase, type Store } from '../../src/store/db.ts';
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

describe('openDatabase', () => {
  it('rejects URLs of unknown engines with a typed error', async () => {
    await expect(openDatabase('mysql://localhost/db')).rejects.toBeInstanceOf(DatabaseUrlError);
    await expect(openDatabase('sqlite:')).rejects.toBeInstanceOf(DatabaseUrlError);
  });

  it('rejects a Postgres schema name that is not a plain identifier', async () => {
    await expect(openDatabase('postgres://postgres@127.0.0.1:5432/test?schema=a;drop')).rejects.toBeInstanceOf(DatabaseUrlError);
  });

  it('creates the SQLite file and its parent directory, in WAL mode with foreign keys on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-db-'));
    const file = path.join(dir, 'nested', 'deeper', 'jfi.sqlite');
    const store = await openDatabase(`sqlite:${file}`);
    try {
      expect(fs.existsSync(file)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const store = await openDatabase('sqlite::memory:');
    expect(await migrate(store)).toEqual(Object.keys(MIGRATIONS));
    await store.ping();
    await store.close();
  });
});

describe.each(engines)('store on $name', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.openStore();
  });
  afterEach(() => store.close());

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('runs migrations once: a second migrate applies nothing', async () => {
    expect(await migrate(store)).toEqual([]);
  });

  it('returns BIGINT epoch-millisecond timestamps as exact numbers', async () => {
    const at = 4_102_444_800_123; // 2100-01-01T00:00:00.123Z: beyond 32 bits
    await store.db
      .insertInto('users')
      .values({ id: 'u1', email: 'a@example.com', name: 'A', password_hash: 'x', plan: 'free', created_at: at, updated_at: at })
      .execute();
    const row = await store.db.selectFrom('users').select(['created_at']).executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    expect(typeof row.created_at).toBe('number');
  });

  it('rejects a plan outside the allowed values at the database level', async () => {
    await expect(
      store.db
        .insertInto('users')
        .values({ id: 'u1', email: 'a@example.com', name: 'A', password_hash: 'x', plan: 'gold' as 'pro', created_at: 1, updated_at: 1 })
        .execute(),
    ).rejects.toThrow();
  });
});

describe.runIf(engines.some((e) => e.name === 'postgres'))('Postgres schemas', () => {
  it('keeps two stores in different schemas apart', async () => {
    const postgres = engines.find((e) => e.name === 'postgres')!;
    const a = await postgres.openStore();
    const b = await postgres.openStore();
    try {
      await a.db
        .insertInto('organizations')
        .values({ id: 'o1', name: 'Only in A', plan: 'free', created_at: 1 })
        .execute();
      expect(await a.db.selectFrom('organizations').selectAll().execute()).toHaveLength(1);
      expect(await b.db.selectFrom('organizations').selectAll().execute()).toHaveLength(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
