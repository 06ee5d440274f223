import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/services/index.ts';
import { DatabaseUrlError } from '../../src/store/db.ts';
import { MigrationError } from '../../src/store/migrations/index.ts';
import { testEngines } from '../helpers/db.ts';

const engines = await testEngines();

describe.each(engines)('createServices on $name', (engine) => {
  it('opens and migrates the database, and the services work on it', async () => {
    const database = await engine.createDatabase();
    const services = await createServices({ databaseUrl: database.url });
    try {
      await services.store.ping();
      const user = await services.accounts.createUser({ email: 'a@example.com', name: 'A', password: 'correct horse', plan: 'pro' });
      const { secret } = await services.keys.createKey({ userId: user.id, name: 'k', mode: 'live', scopes: ['generate'] });
      expect((await services.keys.authenticate(secret)).ok).toBe(true);
    } finally {
      await services.close();
      await database.drop();
    }
  });
});

describe('createServices failures', () => {
  it('rejects an unknown engine with a typed error', async () => {
    await expect(createServices({ databaseUrl: 'mysql://localhost/db' })).rejects.toBeInstanceOf(DatabaseUrlError);
  });

  it('rejects an unreachable Postgres with a MigrationError that names no password', async () => {
    const error = await createServices({ databaseUrl: 'postgres://admin:hunter2secret@127.0.0.1:1/db' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain('hunter2secret');
  });
});
