import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { IDEMPOTENCY_LOCK_MS, IDEMPOTENCY_TTL_MS } from '../../src/services/idempotency.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const NO_DI = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://x">
  <process id="p"><startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/></process></definitions>`;

describe.each(engines)('Idempotency-Key on $name', (engine) => {
  let server: TestServer;
  let secret: string;
  let keyId: string;
  let other: FastifyInstance;
  let otherServices: Services;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' } });
    // A second server process on the same database: idempotency must hold across both.
    otherServices = await createServices(server.config, { now: () => new Date(server.clock.now()) });
    other = await buildServer(server.config, { services: otherServices, clock: server.clock, logStream: { write: () => {} } });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await otherServices.close();
    await server.close();
  });

  async function freshKey(): Promise<void> {
    const key = await server.createKey({ scopes: ['folders:read', 'folders:write', 'diagrams:read', 'diagrams:write'] });
    secret = key.secret;
    keyId = key.keyId;
  }

  const post = (url: string, payload: unknown, key?: string, app: FastifyInstance = server.app, apiKey = secret) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...bearer(apiKey), ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: payload as object,
    });
  const count = async (url: string) => (await server.app.inject({ url: `/api/v1${url}?limit=100`, headers: bearer(secret) })).json().data.length;

  it('replays the first response, status and body, with Idempotent-Replayed: true', async () => {
    await freshKey();
    const first = await post('/folders', { name: 'Sales', context: 'B2B' }, 'key-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    server.clock.advance(60_000);
    // Same body with keys in another order is the same request.
    const again = await post('/folders', { context: 'B2B', name: 'Sales' }, 'key-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.json()).toEqual(first.json());
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(await count('/folders')).toBe(1);
  });

  it('answers 409 idempotency_key_reused for the same key with another body or path', async () => {
    await freshKey();
    expect((await post('/folders', { name: 'A' }, 'key-2')).statusCode).toBe(201);
    for (const [url, body] of [['/folders', { name: 'B' }], ['/diagrams', { bpmn_xml: NO_DI }]] as const) {
      const res = await post(url, body, 'key-2');
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ type: 'conflict_error', code: 'idempotency_key_reused' });
    }
    expect(await count('/folders')).toBe(1);
    expect(await count('/diagrams')).toBe(0);
  });

  it('creates exactly one diagram from concurrent identical requests, across two server processes', async () => {
    await freshKey();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post('/diagrams', { bpmn_xml: NO_DI, name: 'Once' }, 'concurrent', i % 2 ? other : server.app)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const res of results.filter((r) => r.statusCode === 409)) expect(res.json().error.code).toBe('idempotency_key_in_progress');
    const created = results.filter((r) => r.statusCode === 201);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    expect(await count('/diagrams')).toBe(1);
    const later = await post('/diagrams', { bpmn_xml: NO_DI, name: 'Once' }, 'concurrent', other);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.json().id).toBe(created[0]!.json().id);
  });

  it('answers 409 idempotency_key_in_progress while the first runs, and a crashed claim frees itself', async () => {
    await freshKey();
    const body = { name: 'Stuck' };
    // A process claimed the key and died before answering.
    const claim = await server.services.idempotency.begin({ apiKeyId: keyId, key: 'stuck', method: 'POST', path: '/api/v1/folders', body });
    expect(claim.kind).toBe('run');
    const busy = await post('/folders', body, 'stuck');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ type: 'conflict_error', code: 'idempotency_key_in_progress' });
    server.clock.advance(IDEMPOTENCY_LOCK_MS + 1);
    const retried = await post('/folders', body, 'stuck');
    expect(retried.statusCode).toBe(201);
    expect(await count('/folders')).toBe(1);
  });

  it('forgets a key after 24 hours', async () => {
    await freshKey();
    expect((await post('/folders', { name: 'Day 1' }, 'daily')).statusCode).toBe(201);
    server.clock.advance(IDEMPOTENCY_TTL_MS - 1000);
    expect((await post('/folders', { name: 'Day 2' }, 'daily')).json().error.code).toBe('idempotency_key_reused');
    server.clock.advance(2000);
    const fresh = await post('/folders', { name: 'Day 2' }, 'daily');
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('/folders')).toBe(2);
  });

  it('replays client errors too, and keys are per API key', async () => {
    await freshKey();
    const invalid = await post('/diagrams', { bpmn_xml: '<definitions' }, 'bad-xml');
    expect(invalid.statusCode).toBe(422);
    const replay = await post('/diagrams', { bpmn_xml: '<definitions' }, 'bad-xml');
    expect(replay.statusCode).toBe(422);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().error).toEqual(invalid.json().error);
    const mine = await post('/folders', { name: 'Mine' }, 'shared-key');
    const otherKey = await server.createKey({ scopes: ['folders:write'] });
    const theirs = await post('/folders', { name: 'Mine' }, 'shared-key', server.app, otherKey.secret);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('rejects a malformed Idempotency-Key with 400 idempotency_key_invalid and creates nothing', async () => {
    await freshKey();
    for (const key of ['x'.repeat(256), ' padded ', 'tab\there', 'é']) {
      const res = await post('/folders', { name: 'X' }, key);
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'idempotency_key_invalid' });
    }
    expect((await post('/folders', { name: 'X' }, 'x'.repeat(255))).statusCode).toBe(201);
    expect(await count('/folders')).toBe(1);
  });
});
