// Rendered-image cache: PNG requests per second for one diagram with the cache (a repeated request is a map
// lookup) against the same server with IMAGE_CACHE_MB=0 (every request renders in the worker pool), same run.
// The load loop is Node's own http client discarding bodies: autocannon decodes every body to a string, which for
// 190 KB of PNG costs more than the server's work and would measure the client instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { createServices, type Services } from '../src/services/index.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = 10;
const MIWG = path.resolve(import.meta.dirname, '../../shared/miwg/C.1.0.bpmn');
const FALLBACK = path.resolve(import.meta.dirname, '../test/fixtures/bpmn/collaboration-stats.bpmn');

export interface ImageCacheResult {
  cachedRps: number;
  uncachedRps: number;
  notModifiedRps: number;
  bareRps: number;
  speedup: number;
}

interface Running {
  app: FastifyInstance;
  services: Services;
  url: string;
  headers: Record<string, string>;
  dir: string;
}

async function start(cacheMb: string, xml: string): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-bench-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`, RATE_LIMIT_MAX: '1000000', IMAGE_CACHE_MB: cacheMb });
  const services = await createServices(config);
  const user = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery', plan: 'pro' });
  const { secret } = await services.keys.createKey({ userId: user.id, name: 'bench', mode: 'live', scopes: ['diagrams:read', 'diagrams:write'] });
  const app = await buildServer(config, { services, logStream: pino.destination({ dest: '/dev/null', sync: false }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${secret}` };
  const created = await app.inject({ method: 'POST', url: '/api/v1/diagrams', headers, payload: { bpmn_xml: xml } });
  if (created.statusCode !== 201) throw new Error(`import failed: ${created.body}`);
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/diagrams/${created.json().id}/image?format=png&scale=2`;
  return { app, services, url, headers, dir };
}

async function stop(r: Running): Promise<void> {
  await r.app.close();
  await r.services.close();
  fs.rmSync(r.dir, { recursive: true, force: true });
}

/** Requests per second over DURATION_S with CONNECTIONS keep-alive connections, each sending the next request when its last answered. */
async function measure(url: string, headers: Record<string, string>, expectStatus = 200, seconds = DURATION_S): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === expectStatus ? resolve() : reject(new Error(`${url}: status ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  const loop = async () => {
    while (performance.now() < until) {
      await once();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

export async function run(): Promise<ImageCacheResult> {
  const file = fs.existsSync(MIWG) ? MIWG : FALLBACK;
  const xml = fs.readFileSync(file, 'utf8');
  const cached = await start('64', xml);
  const uncached = await start('0', xml);
  try {
    const first = await fetch(cached.url, { headers: cached.headers });
    const etag = first.headers.get('etag') ?? '';
    const png = Buffer.from(await first.arrayBuffer());
    const bytes = png.byteLength;
    // The ceiling: a bare Fastify route sending the same bytes, no auth, no database.
    const bare = Fastify();
    bare.get('/png', async (_request, reply) => reply.type('image/png').send(png));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareRps = await measure(`http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/png`, {});
    await bare.close();
    await measure(uncached.url, uncached.headers, 200, 1);
    const cachedRps = await measure(cached.url, cached.headers);
    const uncachedRps = await measure(uncached.url, uncached.headers);
    const notModifiedRps = await measure(cached.url, { ...cached.headers, 'if-none-match': etag }, 304);
    const speedup = cachedRps / uncachedRps;
    console.log(`## Image cache: GET /diagrams/{id}/image?format=png&scale=2 of ${path.basename(file)} (${bytes} bytes), ${CONNECTIONS} connections, ${DURATION_S} s each`);
    console.log(`uncached (IMAGE_CACHE_MB=0, renders every time) ${uncachedRps.toFixed(0)} req/s`);
    console.log(`cached                                          ${cachedRps.toFixed(0)} req/s`);
    console.log(`If-None-Match → 304                             ${notModifiedRps.toFixed(0)} req/s`);
    console.log(`bare Fastify route, same bytes                  ${bareRps.toFixed(0)} req/s`);
    console.log(`cached / uncached                               ${speedup.toFixed(1)}×`);
    return { cachedRps, uncachedRps, notModifiedRps, bareRps, speedup };
  } finally {
    await stop(cached);
    await stop(uncached);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
