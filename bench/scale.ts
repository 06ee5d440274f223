// Scale on Postgres (docs/reliability.md, "Scale"): 1,000,000 diagrams across 10,000 tenants, bulk-inserted
// with generate_series in a schema of its own (dropped after). Through a real server process: list, retrieve
// and keyset pagination at depth, before and after the bulk load. Flat = the same latency at 1M rows.
//   npx tsx bench/scale.ts     SCALE_ROWS (default 1000000), SCALE_TENANTS (10000), SCALE_DEEP_ROWS (50000)
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { createServices } from '../src/services/index.ts';
import { startServerProcess } from './cluster/start.ts';

const ROWS = Number(process.env.SCALE_ROWS ?? 1_000_000);
const TENANTS = Number(process.env.SCALE_TENANTS ?? 10_000);
const DEEP = Number(process.env.SCALE_DEEP_ROWS ?? 50_000);
const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const XML = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:task id="T" name="Task"/></bpmn:process></bpmn:definitions>';
const STATS = '{"tasks":1,"events":0,"gateways":0,"lanes":0,"pools":0,"flows":0}';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
}

async function timed(url: string, secret: string): Promise<{ ms: number; body: { data: { id: string }[]; next_cursor: string | null } }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
  const body = (await res.json()) as { data: { id: string }[]; next_cursor: string | null };
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

interface Figures {
  listFirst: number;
  retrieve: number;
  deepFirstPages: number;
  deepLastPages: number;
  deepP95: number;
  pages: number;
}

/** Medians over repeated requests: first page of a typical tenant, retrieve, and a walk through the deep tenant. */
async function measure(serverUrl: string, typical: string, deep: string): Promise<Figures> {
  const api = `${serverUrl}/api/v1`;
  const list: number[] = [];
  const retrieve: number[] = [];
  for (let i = 0; i < 40; i++) {
    const page = await timed(`${api}/diagrams?limit=20`, typical);
    list.push(page.ms);
    const id = page.body.data[i % page.body.data.length]?.id;
    if (id) retrieve.push((await timed(`${api}/diagrams/${id}`, typical)).ms);
  }
  const walk: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await timed(`${api}/diagrams?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, deep);
    walk.push(page.ms);
    cursor = page.body.next_cursor;
  } while (cursor);
  return {
    listFirst: median(list),
    retrieve: median(retrieve),
    deepFirstPages: median(walk.slice(0, 20)),
    deepLastPages: median(walk.slice(-20)),
    deepP95: p95(walk),
    pages: walk.length,
  };
}

export async function run(): Promise<void> {
  const schema = `scale_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(BASE_URL);
  url.searchParams.set('schema', schema);
  const databaseUrl = url.toString();
  const services = await createServices({ databaseUrl, renderWorkers: 1 });
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  try {
    const secrets: string[] = [];
    const ids: string[] = [];
    for (const name of ['typical', 'deep']) {
      const user = await services.accounts.createUser({ email: `${name}-${schema}@example.com`, name, password: 'correct horse battery', plan: 'pro' });
      ids.push(user.id);
      secrets.push((await services.keys.createKey({ userId: user.id, name, mode: 'live', scopes: ['diagrams:read'] })).secret);
    }
    const [typical, deep] = secrets as [string, string];
    const insert = async (tenant: string, count: number, tenants: number) => {
      // Tenant ids cycle over `tenants` synthetic users, or are all `tenant`; created_at spreads over a year.
      const tenantId = tenants > 1 ? sql`'t' || (g % ${tenants})` : sql`${tenant}`;
      await sql`
        insert into diagrams (id, tenant_type, tenant_id, mode, folder_id, name, bpmn_xml, version, source, stats, created_by, created_at, updated_at)
        select gen_random_uuid()::text, 'user', ${tenantId}, 'live', null, 'Diagram ' || g, ${XML}, 1, 'imported', ${STATS},
               ${tenant}, ${Date.now() - 365 * 86_400_000}::bigint + g * 31, ${Date.now()}::bigint
        from generate_series(1, ${count}) as g`.execute(services.store.db);
    };
    await insert(ids[0]!, 100, 1);
    await insert(ids[1]!, DEEP, 1);
    await sql`analyze diagrams`.execute(services.store.db);

    server = await startServerProcess({ databaseUrl, env: { RATE_LIMIT_MAX: '1000000', LOG_LEVEL: 'warn' } });
    await measure(server.url, typical, deep); // warm-up
    const small = await measure(server.url, typical, deep);
    const small_rows = 100 + DEEP;

    const started = Date.now();
    const bulk = ROWS - small_rows;
    for (let done = 0; done < bulk; done += 200_000) await insert(ids[0]!, Math.min(200_000, bulk - done), TENANTS - 2);
    await sql`analyze diagrams`.execute(services.store.db);
    const loadSeconds = (Date.now() - started) / 1000;
    const total = (await admin.query(`select count(*)::int as n, count(distinct tenant_id)::int as t from "${schema}".diagrams`)).rows[0] as { n: number; t: number };

    await measure(server.url, typical, deep); // warm-up
    const large = await measure(server.url, typical, deep);
    const row = (label: string, f: Figures, rows: number) =>
      `| ${label} | ${rows.toLocaleString('en-US')} | ${f.listFirst.toFixed(1)} | ${f.retrieve.toFixed(1)} | ${f.deepFirstPages.toFixed(1)} | ${f.deepLastPages.toFixed(1)} | ${f.deepP95.toFixed(1)} | ${f.pages} |`;
    console.log(`bulk load of ${bulk.toLocaleString('en-US')} rows: ${loadSeconds.toFixed(0)} s; ${total.n.toLocaleString('en-US')} diagrams over ${total.t.toLocaleString('en-US')} tenants`);
    console.log('\n| database | diagrams | list p50 ms | retrieve p50 ms | deep walk: first 20 pages p50 ms | last 20 pages p50 ms | walk p95 ms | pages of 100 |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(row('before bulk load', small, small_rows));
    console.log(row('after bulk load', large, total.n));
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await services.close();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}

// Run directly (npm run bench:…) or through bench/run-all.ts, which imports it and calls run().
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
