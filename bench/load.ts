// Load matrix in one run (docs/reliability.md, "Load"): autocannon against a bare Fastify route and the real
// server (`tsx src/main.ts`, SQLite, builtin generator) on GET /key, GET /diagrams, POST /diagrams (import),
// image cached and uncached, POST /generations. Req/s and p99 as ratios to the bare route, then the server's
// RSS before and after 100k more requests.
//   npx tsx bench/load.ts            BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (10), LEAK_REQUESTS (100000)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createServices } from '../src/services/index.ts';
import { SCOPES } from '../src/services/auth-types.ts';
import { freePort, startServerProcess, type ServerProcess } from './cluster/start.ts';

const DURATION = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LEAK_REQUESTS = Number(process.env.LEAK_REQUESTS ?? 100_000);
const SMALL = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:task id="T" name="Check"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/></bpmn:process></bpmn:definitions>';

// src/types/vendor.d.ts declares only url/connections/duration/headers; autocannon takes these too.
type Options = Parameters<typeof autocannon>[0] & { method?: string; body?: string; amount?: number };
const cannon = (options: Options) => autocannon(options as Parameters<typeof autocannon>[0]);

interface Row {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, options: Options): Promise<Row> {
  const result = await cannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const row = { name, rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
  console.log(`${name.padEnd(34)} ${row.rps.toFixed(0).padStart(7)} req/s  p99 ${String(row.p99).padStart(5)} ms  non-2xx ${row.non2xx}  errors ${row.errors}`);
  return row;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startBare(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ ok: true })); await app.listen({ port: ${port}, host: '127.0.0.1' });`],
    { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function createKey(databaseUrl: string): Promise<string> {
  const services = await createServices({ databaseUrl, renderWorkers: 1 });
  try {
    const user = await services.accounts.createUser({ email: `load-${Date.now()}@example.com`, name: 'Load', password: 'correct horse battery', plan: 'pro' });
    return (await services.keys.createKey({ userId: user.id, name: 'load', mode: 'live', scopes: [...SCOPES] })).secret;
  } finally {
    await services.close();
  }
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-load-'));
  const databaseUrl = `sqlite:${path.join(dir, 'jfi.sqlite')}`;
  const env = { RATE_LIMIT_MAX: '1000000', GENERATION_QUOTA: '10000000', LOG_LEVEL: 'warn' };
  const servers: ServerProcess[] = [];
  const bare = await startBare();
  try {
    const server = await startServerProcess({ databaseUrl, env });
    servers.push(server);
    const uncachedServer = await startServerProcess({ databaseUrl, env: { ...env, IMAGE_CACHE_MB: '0' } });
    servers.push(uncachedServer);
    const secret = await createKey(databaseUrl);
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/diagrams`, { method: 'POST', headers, body: JSON.stringify({ bpmn_xml: SMALL, name: 'load' }) });
    const diagramId = ((await created.json()) as { id: string }).id;

    console.log(`load: ${CONNECTIONS} connections, ${DURATION} s per route, ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
    const rows: Row[] = [];
    rows.push(await measure('bare Fastify route', { url: bare.url }));
    rows.push(await measure('GET /api/v1/key', { url: `${server.url}/api/v1/key`, headers }));
    rows.push(await measure('GET /api/v1/diagrams', { url: `${server.url}/api/v1/diagrams`, headers }));
    rows.push(await measure('POST /api/v1/diagrams (import)', { url: `${server.url}/api/v1/diagrams`, method: 'POST', headers, body: JSON.stringify({ bpmn_xml: SMALL }) }));
    rows.push(await measure('GET image png (cached)', { url: `${server.url}/api/v1/diagrams/${diagramId}/image`, headers }));
    rows.push(await measure('GET image png (uncached)', { url: `${uncachedServer.url}/api/v1/diagrams/${diagramId}/image`, headers }));
    rows.push(await measure('POST /api/v1/generations (builtin)', { url: `${server.url}/api/v1/generations`, method: 'POST', headers, body: JSON.stringify({ prompt: 'The clerk checks the order. Then the clerk ships it.' }) }));
    const [base] = rows;
    console.log('\n| route | req/s | × bare | p99 ms | × bare p99 | non-2xx |\n|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(`| ${row.name} | ${row.rps.toFixed(0)} | ${(row.rps / base!.rps).toFixed(3)} | ${row.p99} | ${(row.p99 / Math.max(1, base!.p99)).toFixed(1)} | ${row.non2xx + row.errors} |`);
    }

    const before = rssMiB(server.child.pid!);
    const leak = await cannon({ url: `${server.url}/api/v1/diagrams?limit=5`, headers, connections: CONNECTIONS, amount: LEAK_REQUESTS });
    const after = rssMiB(server.child.pid!);
    // A second batch tells growth that levels off (caches, JIT) from a leak that keeps going.
    const second = await cannon({ url: `${server.url}/api/v1/key`, headers, connections: CONNECTIONS, amount: LEAK_REQUESTS });
    const final = rssMiB(server.child.pid!);
    console.log(`\nRSS: ${before.toFixed(0)} MiB → ${after.toFixed(0)} MiB after ${leak.requests.total} GET /diagrams → ${final.toFixed(0)} MiB after ${second.requests.total} GET /key (non-2xx ${leak.non2xx + second.non2xx})`);
  } finally {
    bare.stop();
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (npm run bench:…) or through bench/run-all.ts, which imports it and calls run().
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
