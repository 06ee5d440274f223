// Postgres schemas and Redis for tests that run real server processes: reachability (skip, or fail under CI),
// a fresh schema per suite, and keys created straight through the services on the same database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createServices } from '../../src/services/index.ts';
import { SCOPES, type Scope } from '../../src/services/auth-types.ts';
import { TEST_DATABASE_URL } from '../helpers/db.ts';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why Postgres or Redis cannot be used (null when both answer); throws under CI=true instead. */
export async function backingServicesMissing(): Promise<string | null> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    problems.push(`Postgres: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(`Redis: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
  if (problems.length === 0) return null;
  const reason = problems.join('; ');
  if (process.env.CI === 'true') throw new Error(`Postgres and Redis are required under CI: ${reason}`);
  console.warn(`Skipping multi-process tests: ${reason}`);
  return reason;
}

export interface PostgresSchema {
  url: string;
  drop(): Promise<void>;
}

/** A DATABASE_URL naming a fresh schema nobody else uses. */
export function freshSchema(prefix = 'rel'): PostgresSchema {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

let users = 0;

/** A Pro user with one personal live key per entry of `count`, on the database at `databaseUrl`. */
export async function createKeys(databaseUrl: string, count: number, scopes: Scope[] = [...SCOPES]): Promise<string[]> {
  const services = await createServices({ databaseUrl, renderWorkers: 1 });
  try {
    const user = await services.accounts.createUser({
      email: `rel${++users}-${Date.now()}-${randomBytes(2).toString('hex')}@example.com`,
      name: 'Reliability',
      password: 'correct horse battery',
      plan: 'pro',
    });
    const secrets: string[] = [];
    for (let i = 0; i < count; i++) {
      secrets.push((await services.keys.createKey({ userId: user.id, name: `k${i}`, mode: 'live', scopes })).secret);
    }
    return secrets;
  } finally {
    await services.close();
  }
}

/** JSON request with a bearer key; returns status, headers and parsed body. */
export async function call(
  url: string,
  secret: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
