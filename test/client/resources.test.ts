// The TypeScript client against a real server (SQLite, real HTTP): every resource, pagination and the typed errors.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JustFlowIt, NotFoundError, InvalidRequestError, PermissionError, RateLimitError, type Diagram } from '../../packages/client/src/index.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

const HELLO_BPMN =
  '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://example.com">' +
  '<process id="hello"><startEvent id="start"/><task id="greet" name="Say hello"/><endEvent id="end"/>' +
  '<sequenceFlow id="f1" sourceRef="start" targetRef="greet"/><sequenceFlow id="f2" sourceRef="greet" targetRef="end"/>' +
  '</process></definitions>';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ALL_SCOPES = ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'] as const;

async function listening(server: TestServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
}

/** The REST API's own error for the same call, to compare with what the client throws. */
async function restError(baseUrl: string, secret: string, method: string, path: string, body?: object) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...bearer(secret), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, ...((await res.json()) as { error: { type: string; code: string; message: string } }).error };
}

describe('JustFlowIt client', () => {
  let server: TestServer;
  let baseUrl: string;
  let client: JustFlowIt;

  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'silent' } });
    baseUrl = await listening(server);
    const { secret } = await server.createKey({ scopes: [...ALL_SCOPES] });
    client = new JustFlowIt({ apiKey: secret, baseUrl });
  });
  afterAll(() => server.close());

  it('creates, retrieves, renders, exports, updates and deletes a diagram', async () => {
    const folder = await client.folders.create({ name: 'Sales', context: 'Lanes are Sales and Legal.' });
    expect(folder).toMatchObject({ object: 'folder', name: 'Sales', parent_id: null });

    const created = await client.diagrams.create({ name: 'Hello BPMN', bpmn_xml: HELLO_BPMN, folder_id: folder.id });
    expect(created).toMatchObject({ object: 'diagram', name: 'Hello BPMN', folder_id: folder.id, source: 'imported', version: 1 });
    expect(await client.diagrams.retrieve(created.id)).toEqual(created);

    const png = await client.diagrams.render(created.id, { theme: 'dark' });
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const svg = await client.diagrams.render(created.id, { format: 'svg' });
    expect(svg).toMatch(/^<svg[\s\S]*Say hello[\s\S]*<\/svg>\s*$/);

    const xml = await client.diagrams.export(created.id);
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('name="Say hello"');
    expect(xml).toContain('BPMNDiagram');

    const renamed = await client.diagrams.update(created.id, { name: 'Hello again', folder_id: null, version: 1 });
    expect(renamed).toMatchObject({ name: 'Hello again', folder_id: null, version: 2 });

    expect(await client.diagrams.delete(created.id)).toEqual({ object: 'diagram', id: created.id, deleted: true });
    expect(await client.folders.delete(folder.id)).toMatchObject({ object: 'folder', id: folder.id, deleted: true });
    await expect(client.diagrams.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('generates a diagram, by a generation and by a diagram with a prompt', async () => {
    const prompt = 'When a deal is agreed, Sales prepares the contract. Legal reviews it. If Legal approves, Finance sends the invoice.';
    const generation = await client.generations.create({ prompt, name: 'Deal' });
    expect(generation).toMatchObject({ object: 'generation', name: 'Deal', provider: 'builtin' });
    expect(await client.generations.retrieve(generation.id)).toEqual(generation);
    const diagram = await client.diagrams.retrieve(generation.diagram_id!);
    expect(diagram).toMatchObject({ source: 'generated', name: 'Deal' });
    expect(diagram.stats.tasks).toBeGreaterThanOrEqual(3);

    const direct = await client.diagrams.create({ prompt });
    expect(direct).toMatchObject({ object: 'diagram', source: 'generated' });
  });

  it('awaits to the first page and iterates every item across pages with the cursor', async () => {
    const folder = await client.folders.create({ name: 'Paged' });
    const made: Diagram[] = [];
    for (let i = 0; i < 5; i++) made.push(await client.diagrams.create({ name: `Page item ${i}`, bpmn_xml: HELLO_BPMN, folder_id: folder.id }));

    const list = client.diagrams.list({ folder_id: folder.id, limit: 2 });
    const first = await list;
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);

    // The test clock stands still, so the five share created_at and the API orders them by id.
    const seen: string[] = [];
    for await (const diagram of list) seen.push(diagram.id);
    expect(seen.slice(0, 2)).toEqual(first.data.map((d) => d.id));
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(made.map((d) => d.id).sort());

    const sizes: number[] = [];
    for await (const page of client.diagrams.list({ folder_id: folder.id, limit: 2 }).pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('throws typed errors carrying type, code, param, status and request id', async () => {
    const missing = await client.diagrams.retrieve('3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ type: 'not_found_error', code: 'resource_not_found', status: 404, param: null });
    expect((missing as NotFoundError).requestId).toMatch(/^req_[0-9a-f]{16}$/);

    const bad = await client.diagrams.list({ limit: 1000 }).firstPage().catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRequestError);
    expect(bad).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter', param: 'limit', status: 400 });

    const invalid = await client.diagrams.create({ bpmn_xml: '<not-bpmn/>' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ name: 'ValidationError', type: 'validation_error', code: 'validation_failed', status: 422 });
  });

  it('refuses a key without the scope exactly as the REST API does, naming the scope', async () => {
    const { secret } = await server.createKey({ scopes: ['diagrams:read'] });
    const readOnly = new JustFlowIt({ apiKey: secret, baseUrl });
    const error = await readOnly.diagrams.create({ bpmn_xml: HELLO_BPMN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    const rest = await restError(baseUrl, secret, 'POST', '/diagrams', { bpmn_xml: HELLO_BPMN });
    expect(rest).toMatchObject({ status: 403, type: 'permission_error', code: 'insufficient_scope' });
    expect(error).toMatchObject({ status: rest.status, type: rest.type, code: rest.code, message: rest.message });
    expect((error as PermissionError).message).toContain('diagrams:write');
  });

  it('refuses a user without a plan exactly as the REST API does', async () => {
    const { secret, userId } = await server.createKey({ scopes: [...ALL_SCOPES] });
    await server.services.accounts.setUserPlan(userId, 'free');
    const error = await new JustFlowIt({ apiKey: secret, baseUrl }).key.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    const rest = await restError(baseUrl, secret, 'GET', '/key');
    expect(rest).toMatchObject({ status: 403, type: 'permission_error', code: 'plan_required' });
    expect(error).toMatchObject({ status: rest.status, type: rest.type, code: rest.code, message: rest.message });
  });

  it('retrieves the calling key', async () => {
    expect(await client.key.retrieve()).toMatchObject({ object: 'api_key', scopes: [...ALL_SCOPES] });
  });
});

describe('JustFlowIt client at the burst limit', () => {
  it('throws a RateLimitError with the server\'s Retry-After once retries are spent', async () => {
    const server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '2' } });
    try {
      const baseUrl = await listening(server);
      const { secret } = await server.createKey();
      const client = new JustFlowIt({ apiKey: secret, baseUrl, maxRetries: 0 });
      await client.key.retrieve();
      await client.key.retrieve();
      const error = await client.key.retrieve().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' });
      expect((error as RateLimitError).retryAfter).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
