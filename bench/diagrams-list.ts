// Diagram lists: (1) throughput of authenticated GET /api/v1/diagrams?limit=20 against a bare Fastify route in the
// same run (goal ≥ 0.5); (2) latency of the first page against a page after BENCH_ROWS rows of one tenant, on
// SQLite and on Postgres (goal: deep/first ≤ 1.5; keyset pagination should make depth free).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { CONNECTIONS, CPU_REQUESTS, cpuPerRequest, DURATION_S, listen, measure, median, warmUp } from './http-measure.ts';
import { CursorCodec } from '../src/api/pagination.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { createServices, type Services } from '../src/services/index.ts';
import { DiagramRepository } from '../src/store/repositories/diagrams.ts';
import type { DiagramRow } from '../src/store/schema.ts';
import type { Owner } from '../src/services/tenancy.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
/** `throughput`, `depth` or both (comma-separated): the depth part bulk-loads a million rows and takes minutes. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'throughput,depth').split(','));
const BATCH = 1000;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STATS = JSON.stringify({ tasks: 3, events: 2, gateways: 1, lanes: 0, pools: 0, flows: 6 });
const T0 = Date.UTC(2026, 0, 1);
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret';

export interface DiagramsListResult {
  /** With µs of CPU per request through inject, for the bare route and the list. */
  throughput: { bareRps: number; listRps: number; ratio: number; bareCpuUs: number; listCpuUs: number } | null;
  depth: { engine: string; rows: number; insertSeconds: number; firstMs: number; deepMs: number; ratio: number }[];
}

export interface Fixture {
  config: Config;
  services: Services;
  secret: string;
  owner: Owner;
  userId: string;
  cleanup(): Promise<void>;
}

/** A fresh database on `engine` with services, a Pro user and a diagrams:read key (bench/versions-list.ts uses it too). */
export async function fixture(engine: 'sqlite' | 'postgres'): Promise<Fixture> {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-bench-'));
    databaseUrl = `sqlite:${path.join(dir, 'bench.sqlite')}`;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${Date.now().toString(36)}`;
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    };
  }
  // A fixed secret: the bench signs the deep page's cursor itself, as the server would have after paging that far.
  const config = loadConfig({ DATABASE_URL: databaseUrl, RATE_LIMIT_MAX: '1000000', LOG_LEVEL: 'info', SESSION_SECRET: BENCH_SECRET });
  const services = await createServices(config);
  const user = await services.accounts.createUser({ email: `bench-${engine}@example.com`, name: 'Bench', password: 'correct horse battery', plan: 'pro' });
  const { secret } = await services.keys.createKey({ userId: user.id, name: 'bench', mode: 'live', scopes: ['diagrams:read'] });
  const owner: Owner = { tenant_type: 'user', tenant_id: user.id, mode: 'live' };
  return {
    config,
    services,
    secret,
    owner,
    userId: user.id,
    cleanup: async () => {
      await services.close();
      await drop();
    },
  };
}

/** Inserts `count` diagrams of one tenant (three share each timestamp) in multi-row INSERTs; returns the rows' sort keys. */
async function fill(f: Fixture, count: number): Promise<{ created_at: number; id: string }[]> {
  const keys: { created_at: number; id: string }[] = [];
  const db = f.services.store.db;
  for (let start = 0; start < count; start += BATCH * 20) {
    await db.transaction().execute(async (trx) => {
      const repo = new DiagramRepository(trx);
      for (let batchStart = start; batchStart < Math.min(count, start + BATCH * 20); batchStart += BATCH) {
        const rows: DiagramRow[] = [];
        for (let i = batchStart; i < Math.min(count, batchStart + BATCH); i++) {
          const createdAt = T0 + Math.floor(i / 3) * 1000;
          const id = randomUUID();
          keys.push({ created_at: createdAt, id });
          rows.push({
            id,
            ...f.owner,
            folder_id: null,
            name: `Diagram ${i}`,
            bpmn_xml: '<definitions/>',
            version: 1,
            source: 'imported',
            stats: STATS,
            created_by: f.userId,
            created_at: createdAt,
            updated_at: createdAt,
          });
        }
        await repo.insertMany(rows);
      }
    });
  }
  // Fresh statistics, as autovacuum would have them in production, before anything is timed.
  if (f.services.store.engine === 'postgres') await sql`analyze diagrams`.execute(db);
  return keys;
}

async function throughput(): Promise<DiagramsListResult['throughput']> {
  const f = await fixture('sqlite');
  await fill(f, 1000);
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  const server = await buildServer(f.config, { services: f.services, logStream: pino.destination({ dest: '/dev/null', sync: false }) });
  try {
    const bareUrl = `${await listen(bare)}/bare`;
    const listUrl = `${await listen(server)}/api/v1/diagrams?limit=20`;
    const headers = { authorization: `Bearer ${f.secret}` };
    await warmUp(bareUrl);
    await warmUp(listUrl, headers);
    const bareRuns: number[] = [];
    const listRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await measure(bareUrl));
      listRuns.push(await measure(listUrl, headers));
    }
    const ratio = median(listRuns.map((rps, i) => rps / bareRuns[i]!));
    console.log(`## Diagram list throughput: GET /api/v1/diagrams?limit=20 vs bare Fastify route (${CONNECTIONS} connections, ${ROUNDS}×${DURATION_S} s)`);
    console.log(`bare route             ${median(bareRuns).toFixed(0)} req/s  (runs: ${bareRuns.map((r) => r.toFixed(0)).join(', ')})`);
    console.log(`GET /diagrams?limit=20 ${median(listRuns).toFixed(0)} req/s  (runs: ${listRuns.map((r) => r.toFixed(0)).join(', ')})`);
    console.log(`ratio                  ${ratio.toFixed(2)}  (median of per-round ratios; goal >= 0.5)`);
    const [bareCpuUs, listCpuUs] = (await cpuPerRequest([
      { app: bare, url: '/bare' },
      { app: server, url: '/api/v1/diagrams?limit=20', headers },
    ])) as [number, number];
    console.log(`CPU per request (inject, ${CPU_REQUESTS} requests): bare ${bareCpuUs.toFixed(0)} µs, GET /diagrams?limit=20 ${listCpuUs.toFixed(0)} µs`);
    return { bareRps: median(bareRuns), listRps: median(listRuns), ratio, bareCpuUs, listCpuUs };
  } finally {
    await bare.close();
    await server.close();
    await f.cleanup();
  }
}

async function depth(engine: 'sqlite' | 'postgres', rows: number): Promise<DiagramsListResult['depth'][number]> {
  const f = await fixture(engine);
  const server = await buildServer(f.config, { services: f.services, logStream: pino.destination({ dest: '/dev/null', sync: false }) });
  try {
    const started = performance.now();
    const keys = await fill(f, rows);
    const insertSeconds = (performance.now() - started) / 1000;
    keys.sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
    // The server's codec (same secret) makes the cursor a client would hold after paging that far.
    const codec = new CursorCodec(BENCH_SECRET);
    const at = keys[rows - 21]!;
    const cursor = codec.encode({ createdAt: at.created_at, id: at.id }, { list: 'diagrams', filter: 'folder_id=', owner: `user:${f.userId}:live` });
    const headers = { authorization: `Bearer ${f.secret}` };
    const { firstMs, deepMs, ratio } = await firstVsDeep(server, headers, '/api/v1/diagrams?limit=20', `/api/v1/diagrams?limit=20&cursor=${cursor}`);
    console.log(
      `${engine.padEnd(8)} ${rows.toLocaleString('en')} rows (inserted in ${insertSeconds.toFixed(0)} s): first page ${firstMs.toFixed(2)} ms, ` +
        `page after ${(rows - 20).toLocaleString('en')} rows ${deepMs.toFixed(2)} ms, ratio ${ratio.toFixed(2)} (median of ${LATENCY_SAMPLES}; goal <= 1.5)`,
    );
    return { engine, rows, insertSeconds, firstMs, deepMs, ratio };
  } finally {
    await server.close();
    await f.cleanup();
  }
}

/**
 * Median latency of a first page and a deep page of 20 rows through inject, after 50 warm-up pairs. The two
 * alternate, so whatever else the shared machine does hits both alike.
 */
export async function firstVsDeep(
  server: { inject(options: { url: string; headers: Record<string, string> }): Promise<{ statusCode: number; body: string; json(): { data: unknown[] } }> },
  headers: Record<string, string>,
  firstUrl: string,
  deepUrl: string,
): Promise<{ firstMs: number; deepMs: number; ratio: number }> {
  const timeOnce = async (url: string): Promise<number> => {
    const t = performance.now();
    const res = await server.inject({ url, headers });
    const ms = performance.now() - t;
    if (res.statusCode !== 200 || res.json().data.length !== 20) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return ms;
  };
  const first: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + 50; i++) {
    const a = await timeOnce(firstUrl);
    const b = await timeOnce(deepUrl);
    if (i >= 50) {
      first.push(a);
      deep.push(b);
    }
  }
  const firstMs = median(first);
  const deepMs = median(deep);
  return { firstMs, deepMs, ratio: deepMs / firstMs };
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function run(): Promise<DiagramsListResult> {
  const result: DiagramsListResult = { throughput: PARTS.has('throughput') ? await throughput() : null, depth: [] };
  if (!PARTS.has('depth')) return result;
  console.log(`## Page latency, first page vs a page after ${ROWS.toLocaleString('en')} rows of one tenant (in-process inject)`);
  result.depth.push(await depth('sqlite', ROWS));
  if (await postgresReachable()) result.depth.push(await depth('postgres', ROWS));
  else console.log(`postgres skipped: ${PG_URL} is unreachable`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
