// Does the generation quota hold across separate OS processes, and what does a reservation cost?
// The parent makes one database (SQLite file, and a Postgres schema when reachable) with one key, then starts
// PROCESSES child processes that each fire REQUESTS concurrent reservations against a quota of QUOTA.
// Exactly QUOTA must be granted in total. Usage: npx tsx bench/quota-processes.ts
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { RateLimitError } from '../src/errors.ts';
import { createServices } from '../src/services/index.ts';
import { openDatabase } from '../src/store/db.ts';

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 4);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 60);
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Child: REQUESTS concurrent reservations; prints how many were granted and the latency of each. */
async function child(databaseUrl: string, keyId: string): Promise<void> {
  const services = await createServices({ databaseUrl, quota: { max: QUOTA, windowDays: 30 } });
  const latencies: number[] = [];
  const outcomes = await Promise.allSettled(
    Array.from({ length: REQUESTS }, async () => {
      const started = performance.now();
      try {
        return await services.quota.reserve(keyId);
      } finally {
        latencies.push(performance.now() - started);
      }
    }),
  );
  const refused = outcomes.filter((o) => o.status === 'rejected');
  const unexpected = refused.filter((o) => !(o.reason instanceof RateLimitError));
  if (unexpected.length > 0) console.error(String(unexpected[0]!.reason));
  await services.close();
  process.stdout.write(JSON.stringify({ granted: outcomes.length - refused.length, errors: unexpected.length, latencies }));
}

async function run(label: string, databaseUrl: string, drop: () => Promise<void>): Promise<void> {
  const services = await createServices({ databaseUrl });
  const user = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery', plan: 'pro' });
  const { key } = await services.keys.createKey({ userId: user.id, name: 'bench', mode: 'live', scopes: ['generate'] });
  await services.close();

  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: PROCESSES }, () => new Promise<{ granted: number; errors: number; latencies: number[] }>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', databaseUrl, key.id], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      proc.stdout.on('data', (chunk) => (out += chunk));
      proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited with ${code}`))));
    })),
  );
  const elapsed = performance.now() - started;
  const granted = results.reduce((sum, r) => sum + r.granted, 0);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${label}: ${PROCESSES} processes × ${REQUESTS} concurrent reservations, quota ${QUOTA}: granted ${granted}, ` +
      `other errors ${errors}, ${granted === QUOTA ? 'OK' : 'OVERSPENT OR UNDERSPENT'}; ` +
      `latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms; wall ${elapsed.toFixed(0)} ms (including process start)`,
  );
  await drop();
  if (granted !== QUOTA || errors > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-quota-bench-'));
  await run('sqlite', `sqlite:${path.join(dir, 'jfi.sqlite')}`, async () => fs.rmSync(dir, { recursive: true, force: true }));

  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  let reachable = true;
  try {
    const store = await openDatabase(url.toString());
    await store.close();
  } catch (error) {
    reachable = false;
    console.log(`postgres: skipped, ${POSTGRES_URL} unreachable (${(error as Error).message})`);
  }
  if (reachable) {
    await run('postgres', url.toString(), async () => {
      const store = await openDatabase(POSTGRES_URL);
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!);
else await main();
