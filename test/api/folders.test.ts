import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_LENGTH, MAX_FOLDER_DEPTH } from '../../src/services/folders.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const ALL = ['folders:read', 'folders:write', 'diagrams:read', 'diagrams:write'] as const;
const MINIMAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.com">
  <process id="p"><startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/></process>
</definitions>`;

describe.each(engines)('folders API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' } });
  });
  afterAll(() => server.close());

  async function freshKey(): Promise<void> {
    const key = await server.createKey({ scopes: [...ALL] });
    auth = bearer(key.secret);
    userId = key.userId;
  }

  const post = (url: string, payload: unknown) => server.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload: payload as object });
  const patch = (url: string, payload: unknown) => server.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: auth, payload: payload as object });
  const get = (url: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth });
  const del = (url: string) => server.app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: auth });

  async function folder(name: string, parentId: string | null = null): Promise<string> {
    const res = await post('/folders', { name, parent_id: parentId });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  it('creates a folder and returns it in the contract shape, field order included', async () => {
    await freshKey();
    const res = await post('/folders', { name: 'Sales', context: 'We sell B2B software; lanes are Sales, Legal, Finance.' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual([
      'object', 'id', 'name', 'parent_id', 'context', 'organization_id', 'created_by', 'created_at', 'updated_at', 'livemode',
    ]);
    expect(body).toMatchObject({ object: 'folder', name: 'Sales', parent_id: null, organization_id: null, created_by: userId, livemode: true });
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await get(`/folders/${body.id}`)).json()).toEqual(body);
  });

  it('lists top-level folders with parent_id=none and children with parent_id=<id>', async () => {
    await freshKey();
    const top = await folder('Top');
    const child = await folder('Child', top);
    const grandchild = await folder('Grandchild', child);
    const ids = async (query: string) => (await get(`/folders${query}`)).json().data.map((f: { id: string }) => f.id);
    expect(await ids('?parent_id=none')).toEqual([top]);
    expect(await ids(`?parent_id=${top}`)).toEqual([child]);
    expect((await ids('')).sort()).toEqual([top, child, grandchild].sort());
    expect((await get('/folders?parent_id=nope')).json().error).toMatchObject({ code: 'invalid_parameter', param: 'parent_id' });
  });

  it('renames, moves and changes the context', async () => {
    await freshKey();
    const a = await folder('A');
    const b = await folder('B');
    const res = await patch(`/folders/${b}`, { name: 'B2', parent_id: a, context: 'Lanes: Buyer, Seller.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'B2', parent_id: a, context: 'Lanes: Buyer, Seller.' });
    const back = await patch(`/folders/${b}`, { parent_id: null });
    expect(back.json().parent_id).toBeNull();
  });

  it('refuses to move a folder under itself or a descendant with 409 folder_cycle', async () => {
    await freshKey();
    const a = await folder('A');
    const b = await folder('B', a);
    const c = await folder('C', b);
    for (const target of [a, b, c]) {
      const res = await patch(`/folders/${a}`, { parent_id: target });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ type: 'conflict_error', code: 'folder_cycle', param: 'parent_id' });
    }
    expect((await get(`/folders/${a}`)).json().parent_id).toBeNull();
  });

  it(`nests at most ${MAX_FOLDER_DEPTH} levels, on create and on move`, async () => {
    await freshKey();
    let parent: string | null = null;
    const chain: string[] = [];
    for (let level = 1; level <= MAX_FOLDER_DEPTH; level++) chain.push((parent = await folder(`L${level}`, parent)));
    const tooDeep = await post('/folders', { name: 'too deep', parent_id: parent });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error).toMatchObject({ code: 'invalid_parameter', param: 'parent_id' });
    // A two-level subtree cannot go under level 9 either.
    const sub = await folder('sub');
    await folder('subchild', sub);
    const move = await patch(`/folders/${sub}`, { parent_id: chain[MAX_FOLDER_DEPTH - 2] });
    expect(move.statusCode).toBe(400);
    expect((await patch(`/folders/${sub}`, { parent_id: chain[MAX_FOLDER_DEPTH - 3] })).statusCode).toBe(200);
  });

  it(`accepts a context of ${MAX_CONTEXT_LENGTH} characters and refuses one more`, async () => {
    await freshKey();
    expect((await post('/folders', { name: 'ok', context: 'x'.repeat(MAX_CONTEXT_LENGTH) })).statusCode).toBe(201);
    const res = await post('/folders', { name: 'long', context: 'x'.repeat(MAX_CONTEXT_LENGTH + 1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_parameter', param: 'context' });
  });

  it('deletes only empty folders: 409 folder_not_empty while it holds a folder or a diagram', async () => {
    await freshKey();
    const parent = await folder('Parent');
    const child = await folder('Child', parent);
    expect((await del(`/folders/${parent}`)).json().error.code).toBe('folder_not_empty');
    expect((await del(`/folders/${child}`)).json()).toEqual({ object: 'folder', id: child, deleted: true });
    const diagram = await post('/diagrams', { bpmn_xml: MINIMAL_BPMN, folder_id: parent });
    expect(diagram.statusCode).toBe(201);
    const blocked = await del(`/folders/${parent}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ type: 'conflict_error', code: 'folder_not_empty' });
    await del(`/diagrams/${diagram.json().id}`);
    expect((await del(`/folders/${parent}`)).statusCode).toBe(200);
    expect((await get(`/folders/${parent}`)).statusCode).toBe(404);
  });

  it('answers 400 invalid_parameter for a non-UUID id and 404 resource_not_found for an unknown UUID', async () => {
    await freshKey();
    const bad = await get('/folders/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_parameter', param: 'id' });
    const unknown = await get('/folders/3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('resource_not_found');
    const parentUnknown = await post('/folders', { name: 'x', parent_id: '3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f' });
    expect(parentUnknown.statusCode).toBe(404);
    expect(parentUnknown.json().error.param).toBe('parent_id');
  });

  it('rejects wrong types, unknown fields and blank names', async () => {
    await freshKey();
    const cases: [unknown, string, string][] = [
      [{ name: 42 }, 'invalid_parameter', 'name'],
      [{}, 'missing_parameter', 'name'],
      [{ name: 'x', colour: 'red' }, 'invalid_parameter', 'colour'],
      [{ name: '   ' }, 'invalid_parameter', 'name'],
      [{ name: 'x', parent_id: 'abc' }, 'invalid_parameter', 'parent_id'],
      [{ name: 'x', context: ['a'] }, 'invalid_parameter', 'context'],
    ];
    for (const [payload, code, param] of cases) {
      const res = await post('/folders', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code, param });
    }
    expect((await get('/folders')).json().data).toEqual([]);
  });
});

describe('folders and diagrams in the OpenAPI document', () => {
  it('lists the scopes of every route and the Idempotency-Key header of every POST', async () => {
    const [engine] = engines;
    const server = await startTestServer(engine!, { env: { LOG_LEVEL: 'silent' } });
    try {
      const doc = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
      const expected: Record<string, string[]> = {
        'post /folders': ['folders:write'],
        'get /folders': ['folders:read'],
        'get /folders/{id}': ['folders:read'],
        'patch /folders/{id}': ['folders:write'],
        'delete /folders/{id}': ['folders:write'],
        'post /diagrams': ['diagrams:write'],
        'get /diagrams': ['diagrams:read'],
        'get /diagrams/{id}': ['diagrams:read'],
        'patch /diagrams/{id}': ['diagrams:write'],
        'delete /diagrams/{id}': ['diagrams:write'],
        'get /diagrams/{id}/export': ['diagrams:read'],
        'get /diagrams/{id}/image': ['diagrams:read'],
      };
      for (const [route, scopes] of Object.entries(expected)) {
        const [method, path] = route.split(' ') as [string, string];
        const operation = doc.paths[path]?.[method];
        expect(operation?.['x-required-scopes'], route).toEqual(scopes);
        if (method === 'post') {
          expect(operation.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('header:idempotency-key');
        }
      }
    } finally {
      await server.close();
    }
  });
});
