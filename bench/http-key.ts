// How much do auth, limits, validation and logging cost? Authenticated GET /api/v1/key on the real server
// (SQLite, in-process limiter, info logs to /dev/null) against a bare Fastify route, same process, same run.
// RATE_LIMIT_MAX is raised to 1,000,000 so the burst limit never answers 429 during the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { pino } from 'pino';
import { CONNECTIONS, CPU_REQUESTS, cpuPerRequest, DURATION_S, listen, measure, median, warmUp } from './http-measure.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { createServices } from '../src/services/index.ts';

export interface HttpKeyResult {
  bareRps: number;
  keyRps: number;
  ratio: number;
  /** µs of CPU per request through inject: the bare route, then GET /key. */
  bareCpuUs: number;
  keyCpuUs: number;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function run(): Promise<HttpKeyResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-bench-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`, RATE_LIMIT_MAX: '1000000', LOG_LEVEL: 'info' });
  const services = await createServices(config);
  const user = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery', plan: 'pro' });
  const { secret } = await services.keys.createKey({ userId: user.id, name: 'bench', mode: 'live', scopes: ['diagrams:read'] });

  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  const server = await buildServer(config, { services, logStream: pino.destination({ dest: '/dev/null', sync: false }) });
  try {
    const bareUrl = `${await listen(bare)}/bare`;
    const keyUrl = `${await listen(server)}/api/v1/key`;
    const headers = { authorization: `Bearer ${secret}` };
    // Warm both up (JIT, SQLite page cache), then alternate so drift in machine load hits both alike.
    await warmUp(bareUrl);
    await warmUp(keyUrl, headers);
    const bareRuns: number[] = [];
    const keyRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await measure(bareUrl));
      keyRuns.push(await measure(keyUrl, headers));
    }
    const bareRps = median(bareRuns);
    const keyRps = median(keyRuns);
    // The ratio of each back-to-back pair, then the median: the machine is shared, and load that shifts
    // between rounds moves both numbers of a pair together.
    const ratio = median(keyRuns.map((rps, i) => rps / bareRuns[i]!));
    console.log(`## Platform: authenticated GET /api/v1/key vs bare Fastify route (${CONNECTIONS} connections, ${ROUNDS}×${DURATION_S} s each)`);
    console.log(`bare route      ${bareRps.toFixed(0)} req/s  (runs: ${bareRuns.map((r) => r.toFixed(0)).join(', ')})`);
    console.log(`GET /api/v1/key ${keyRps.toFixed(0)} req/s  (runs: ${keyRuns.map((r) => r.toFixed(0)).join(', ')})`);
    console.log(`ratio           ${ratio.toFixed(2)}  (median of per-round ratios; goal >= 0.5)`);
    const [bareCpuUs, keyCpuUs] = (await cpuPerRequest([
      { app: bare, url: '/bare' },
      { app: server, url: '/api/v1/key', headers },
    ])) as [number, number];
    console.log(`CPU per request (inject, ${CPU_REQUESTS} requests): bare ${bareCpuUs.toFixed(0)} µs, GET /api/v1/key ${keyCpuUs.toFixed(0)} µs`);
    return { bareRps, keyRps, ratio, bareCpuUs, keyCpuUs };
  } finally {
    await bare.close();
    await server.close();
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
