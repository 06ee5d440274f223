// Many processes, one truth: three real server processes on one Postgres schema and one Redis. The burst
// limit, idempotency, concurrent writes and the generation quota hold whichever process answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../bench/cluster/start.ts';
import { backingServicesMissing, call, createKeys, freshSchema, TEST_REDIS_URL, type PostgresSchema } from './backing-services.ts';

const missing = await backingServicesMissing();
const QUOTA = 5;

describe.skipIf(missing !== null)('three server processes on Postgres and Redis', () => {
  let schema: PostgresSchema;
  let cluster: Cluster;
  const at = (i: number, path: string) => `${cluster.urls[i % cluster.urls.length]}/api/v1${path}`;

  beforeAll(async () => {
    schema = freshSchema('cluster');
    cluster = await startCluster({ processes: 3, databaseUrl: schema.url, redisUrl: TEST_REDIS_URL, env: { GENERATION_QUOTA: String(QUOTA) } });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    await schema?.drop();
  });

  it('runs three distinct processes', () => {
    expect(new Set(cluster.servers.map((s) => s.child.pid)).size).toBe(3);
  });

  it('lets one key through exactly 120 times in a burst spread over the three processes', async () => {
    const [secret] = await createKeys(schema.url, 1);
    const statuses: number[] = [];
    // Ten at a time, round-robin: every process sees a third of the burst.
    for (let batch = 0; batch < 15; batch++) {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => call(at(batch * 10 + i, '/key'), secret!, 'GET')));
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const last = await call(at(2, '/key'), secret!, 'GET');
    expect(last.status).toBe(429);
    expect(last.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('replays an idempotent POST on another process and refuses the same key with another body', async () => {
    const [secret] = await createKeys(schema.url, 1);
    const headers = { 'idempotency-key': `idem-${Date.now()}` };
    const first = await call(at(0, '/folders'), secret!, 'POST', { name: 'Once' }, headers);
    expect(first.status).toBe(201);
    for (const i of [1, 2]) {
      const replay = await call(at(i, '/folders'), secret!, 'POST', { name: 'Once' }, headers);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.id).toBe(first.body.id);
    }
    const other = await call(at(1, '/folders'), secret!, 'POST', { name: 'Other' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused' });
    const list = await call(at(2, '/folders?limit=100'), secret!, 'GET');
    expect((list.body.data as unknown[]).length).toBe(1);
  });

  it('loses and duplicates nothing under 50 concurrent writers on three processes', async () => {
    const [secret] = await createKeys(schema.url, 1);
    const xml = (n: number) => `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D${n}"><bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:task id="T" name="Task ${n}"/><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="T"/></bpmn:process></bpmn:definitions>`;
    const writes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? call(at(i, '/folders'), secret!, 'POST', { name: `Folder ${i}` })
          : call(at(i, '/diagrams'), secret!, 'POST', { name: `Diagram ${i}`, bpmn_xml: xml(i) }),
      ),
    );
    expect(writes.every((w) => w.status < 500)).toBe(true);
    const created = (kind: string) => writes.filter((w) => w.status === 201 && w.body.object === kind).map((w) => w.body.id as string);
    for (const [kind, path] of [['folder', '/folders'], ['diagram', '/diagrams']] as const) {
      const ids: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        // Each page from another process: cursors issued by one are honoured by the others.
        const query: string = `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await call(at(page++, `${path}${query}`), secret!, 'GET');
        expect(res.status, `${path}${query} on ${page - 1}: ${JSON.stringify(res.body)} ${cluster.servers.map((s) => s.output.join('')).join('\n').slice(-3000)}`).toBe(200);
        ids.push(...(res.body.data as { id: string }[]).map((d) => d.id));
        cursor = res.body.next_cursor as string | null;
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(created(kind).sort());
      expect(ids).toHaveLength(25);
    }
  });

  it(`never spends more than the quota (${QUOTA}) with concurrent generations on three processes`, async () => {
    const [secret] = await createKeys(schema.url, 1, ['generate', 'diagrams:read']);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(at(i, '/generations'), secret!, 'POST', { prompt: `The clerk checks order ${i}. Then the clerk ships it.` })),
    );
    const ok = results.filter((r) => r.status === 201 || r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(results.every((r) => r.status < 500)).toBe(true);
    expect(ok.length).toBeLessThanOrEqual(QUOTA);
    expect(ok.length + refused.length).toBe(12);
    expect(refused.every((r) => (r.body.error as { code: string }).code === 'quota_exceeded')).toBe(true);
    const list = await call(at(0, '/generations?limit=100'), secret!, 'GET');
    // Only generations that succeeded are listed (and counted against the quota).
    expect((list.body.data as unknown[]).length).toBe(ok.length);
  }, 180_000);
});
