// Process lifecycle faults against real server processes: SIGTERM with requests in flight, kill -9 under a
// write load (SQLite and Postgres), and Postgres or Redis going away behind a proxy and coming back.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/cluster/start.ts';
import { TEST_DATABASE_URL } from '../helpers/db.ts';
import { backingServicesMissing, call, createKeys, freshSchema, TEST_REDIS_URL, type PostgresSchema } from './backing-services.ts';
import { longProcess, smallProcess } from './import-bodies.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const missing = await backingServicesMissing();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

function sqliteUrl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-rel-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return `sqlite:${path.join(dir, 'jfi.sqlite')}`;
}

function postgresUrl(): string {
  const schema: PostgresSchema = freshSchema('life');
  cleanups.push(() => schema.drop());
  return schema.url;
}

async function start(databaseUrl: string, env: Record<string, string> = {}, redisUrl?: string): Promise<ServerProcess> {
  const server = await startServerProcess({ databaseUrl, env: { RATE_LIMIT_MAX: '100000', ...env }, ...(redisUrl ? { redisUrl } : {}) });
  cleanups.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.exited;
  });
  return server;
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests with 2xx on SIGTERM, refuses new connections and exits 0', async () => {
    const databaseUrl = sqliteUrl();
    const server = await start(databaseUrl);
    const [secret] = await createKeys(databaseUrl, 1, ['diagrams:read', 'diagrams:write']);
    // Eight imports queue on the one layout worker, so several are still running when the signal comes.
    const inFlight = Array.from({ length: 8 }, () =>
      call(`${server.url}/api/v1/diagrams`, secret!, 'POST', { bpmn_xml: longProcess(300) })
        .catch((error: Error) => ({ status: (error.cause as Error)?.message ?? error.message, body: {} as Record<string, unknown> }))
        .then((res) => ({ ...res, at: Date.now() })),
    );
    // Signal once the first import is answered: by then the server has accepted all eight connections (one still in
    // the accept queue would be reset by any close) and the other seven wait on the worker behind it.
    await Promise.race(inFlight);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    // New TCP connections (not one of fetch's pooled ones) are refused soon after the signal.
    let refused = 'connected';
    let refusedAfterMs = 0;
    while (refused === 'connected' && Date.now() - signalled < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      refused = await new Promise<string>((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      refusedAfterMs = Date.now() - signalled;
    }
    console.log(`SIGTERM: new connections refused after ${refusedAfterMs} ms`);
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    // The point of the test: some of them were still running when the signal came.
    expect(results.filter((r) => r.at > signalled).length).toBeGreaterThan(0);
    console.log(`SIGTERM: ${results.filter((r) => r.at > signalled).length} of 8 requests finished after the signal`);
    expect(refused).toBe('ECONNREFUSED');
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(20_000);
    // Nothing the clients were told was stored is missing after the restart.
    const again = await start(databaseUrl);
    const list = await call(`${again.url}/api/v1/diagrams?limit=100`, secret!, 'GET');
    expect((list.body.data as { id: string }[]).map((d) => d.id).sort()).toEqual(results.map((r) => r.body.id as string).sort());
  }, 180_000);
});

const engines = [{ name: 'sqlite', url: sqliteUrl }, ...(missing === null ? [{ name: 'postgres', url: postgresUrl }] : [])];

describe.each(engines)('kill -9 under a write load on $name', ({ url }) => {
  it('keeps every acknowledged write, whole, after a restart', async () => {
    const databaseUrl = url();
    const server = await start(databaseUrl);
    const [secret] = await createKeys(databaseUrl, 1, ['diagrams:read', 'diagrams:write']);
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    const writer = async (w: number) => {
      while (!stop) {
        const n = sent++;
        const res = await call(`${server.url}/api/v1/diagrams`, secret!, 'POST', { name: `w${w}-${n}`, bpmn_xml: smallProcess(n) }).catch(() => null);
        if (res?.status === 201) acknowledged.push(res.body.id as string);
      }
    };
    const writers = Array.from({ length: 16 }, (_, w) => writer(w));
    // Kill once a good number of writes is through (a loaded machine needs longer), at most after 15 s.
    for (let waited = 0; waited < 15_000 && acknowledged.length < 40; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await server.exited;
    expect(acknowledged.length).toBeGreaterThan(10);

    const restarted = await start(databaseUrl);
    const stored: { id: string; stats: { tasks: number; events: number; flows: number } }[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(`${restarted.url}/api/v1/diagrams?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, secret!, 'GET');
      expect(res.status).toBe(200);
      stored.push(...(res.body.data as typeof stored));
      cursor = res.body.next_cursor as string | null;
    } while (cursor);
    const ids = new Set(stored.map((d) => d.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    // Whole, not half-written: stats match the document, and the document itself exports.
    expect(stored.every((d) => d.stats.tasks === 1 && d.stats.events === 1 && d.stats.flows === 1)).toBe(true);
    for (const id of acknowledged.slice(-5)) {
      const exported = await fetch(`${restarted.url}/api/v1/diagrams/${id}/export`, { headers: { authorization: `Bearer ${secret}` } });
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain('name="Task ');
    }
    console.log(`kill -9: ${sent} writes sent, ${acknowledged.length} acknowledged, ${stored.length} stored, 0 lost`);
  }, 180_000);
});

describe.skipIf(missing !== null)('backing services going away behind a proxy', () => {
  const timed = async <T>(work: () => Promise<T>) => {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  };

  it('answers 503 on /readyz and a clean api_error while Postgres is cut, and recovers by itself', async () => {
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const direct = postgresUrl();
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    const server = await start(viaProxy.toString());
    const [secret] = await createKeys(direct, 1, ['folders:read', 'folders:write']);
    expect((await call(`${server.url}/api/v1/folders`, secret!, 'POST', { name: 'before' })).status).toBe(201);

    await proxy.cut();
    const ready = await timed(() => fetch(`${server.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(5000);
    const write = await timed(() => call(`${server.url}/api/v1/folders`, secret!, 'POST', { name: 'during' }));
    expect(write.value.status).toBe(500);
    expect(write.value.body.error).toMatchObject({ type: 'api_error', code: 'internal_error' });
    expect(write.ms).toBeLessThan(15_000);

    await proxy.restore();
    let recovered = 0;
    for (let attempt = 0; attempt < 60 && recovered !== 201; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      recovered = (await call(`${server.url}/api/v1/folders`, secret!, 'POST', { name: `after ${attempt}` })).status;
    }
    expect(recovered).toBe(201);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    console.log(`postgres cut: /readyz 503 in ${ready.ms} ms, write failed in ${write.ms} ms`);
  }, 180_000);

  it('fails closed while Redis is cut (the burst limit cannot be checked) and recovers by itself', async () => {
    const target = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    cleanups.push(() => proxy.close());
    const databaseUrl = sqliteUrl();
    const server = await start(databaseUrl, {}, `redis://127.0.0.1:${proxy.port}`);
    const [secret] = await createKeys(databaseUrl, 1, ['folders:read', 'folders:write']);
    expect((await call(`${server.url}/api/v1/folders`, secret!, 'GET')).status).toBe(200);

    await proxy.cut();
    const ready = await timed(() => fetch(`${server.url}/readyz`));
    expect(ready.value.status).toBe(503);
    const read = await timed(() => call(`${server.url}/api/v1/folders`, secret!, 'GET'));
    // Fails closed: without Redis the limit cannot be checked, so requests are refused with a retryable 503.
    expect(read.value.status).toBe(503);
    expect(read.value.body.error).toMatchObject({ type: 'api_error', code: 'service_unavailable' });
    expect(Number(read.value.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(read.ms).toBeLessThan(5000);

    await proxy.restore();
    let recovered = 0;
    for (let attempt = 0; attempt < 60 && recovered !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      recovered = (await call(`${server.url}/api/v1/folders`, secret!, 'GET')).status;
    }
    expect(recovered).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    console.log(`redis cut: /readyz 503 in ${ready.ms} ms, request failed closed in ${read.ms} ms`);
  }, 180_000);
});
