// Diagram versions over HTTP on each engine: history written by import, PATCH and restore (not by renames),
// pagination, export and image of a version, restore with If-Match, scopes, concurrent writers, retention,
// hostile and oversized content, and the versions going with their diagram.
import fs from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const ALL = ['diagrams:read', 'diagrams:write'] as const;

/** A small process without DI whose one task is named `task` (so each version's content can be told apart). */
function processXml(task: string, padding = ''): string {
  return `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://x">
  <process id="p" name="Order handling"><startEvent id="s"/><task id="t" name="${task}">${padding}</task><endEvent id="e"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/></process></definitions>`;
}

describe.each(engines)('diagram versions API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1', BPMN_MAX_BYTES: '65536' } });
  });
  afterAll(() => server.close());

  async function freshKey(scopes: readonly string[] = ALL): Promise<{ authorization: string }> {
    const key = await server.createKey({ scopes: scopes as never });
    auth = bearer(key.secret);
    userId = key.userId;
    return auth;
  }

  const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function importDiagram(xml = processXml('Check order')): Promise<{ id: string; version: number }> {
    const res = await request('POST', '/diagrams', { bpmn_xml: xml });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function edit(id: string, task: string, headers: Record<string, string> = {}) {
    return request('PATCH', `/diagrams/${id}`, { bpmn_xml: processXml(task) }, headers);
  }

  async function versionNumbers(id: string): Promise<number[]> {
    const res = await request('GET', `/diagrams/${id}/versions?limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.map((v: { version: number }) => v.version);
  }

  async function taskNameOf(id: string, version: number): Promise<string> {
    const res = await request('GET', `/diagrams/${id}/versions/${version}/export`);
    expect(res.statusCode, res.body).toBe(200);
    return /<(?:bpmn:)?task id="t" name="([^"]*)"/.exec(res.body)![1]!;
  }

  it('records the import as version 1 and each BPMN change as a new version; renames and moves make none', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const first = await request('GET', `/diagrams/${diagram.id}/versions`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ object: 'list', has_more: false, next_cursor: null });
    const [v1] = first.json().data;
    expect(Object.keys(v1)).toEqual(['object', 'diagram_id', 'version', 'created_at', 'created_by', 'source', 'livemode', 'stats', 'prompt']);
    expect(v1).toMatchObject({
      object: 'diagram_version', diagram_id: diagram.id, version: 1, created_by: userId, source: 'imported', livemode: true,
      stats: { tasks: 1, events: 2, gateways: 0, lanes: 0, pools: 0, flows: 2 }, prompt: null,
    });
    expect(v1.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const renamed = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'Renamed' });
    expect(renamed.json().version).toBe(2);
    expect(await versionNumbers(diagram.id)).toEqual([1]);

    const edited = await edit(diagram.id, 'Ship order');
    expect(edited.json().version).toBe(3);
    const list = (await request('GET', `/diagrams/${diagram.id}/versions`)).json().data;
    expect(list.map((v: { version: number; source: string }) => [v.version, v.source])).toEqual([[3, 'edited'], [1, 'imported']]);
    expect(await taskNameOf(diagram.id, 1)).toBe('Check order');
    expect(await taskNameOf(diagram.id, 3)).toBe('Ship order');
    // The newest version is the current content, byte for byte.
    const current = await request('GET', `/diagrams/${diagram.id}/export`);
    expect((await request('GET', `/diagrams/${diagram.id}/versions/3/export`)).body).toBe(current.body);

    const one = await request('GET', `/diagrams/${diagram.id}/versions/1`);
    expect(one.json()).toEqual(v1);
    // Version 2 was a rename: no content arrived at it.
    const two = await request('GET', `/diagrams/${diagram.id}/versions/2`);
    expect(two.statusCode).toBe(404);
    expect(two.json().error).toMatchObject({ type: 'not_found_error', code: 'resource_not_found' });
    expect(two.json().error.message).toContain('no version 2');
  });

  it('records a generated diagram as a generated version with its prompt', async () => {
    await freshKey([...ALL, 'generate']);
    const res = await request('POST', '/generations', { prompt: 'The clerk checks the invoice. Then the manager approves it.' });
    expect(res.statusCode, res.body).toBe(201);
    const [v1] = (await request('GET', `/diagrams/${res.json().diagram_id}/versions`)).json().data;
    expect(v1).toMatchObject({ version: 1, source: 'generated', prompt: 'The clerk checks the invoice. Then the manager approves it.' });
  });

  it('pages newest first with cursors bound to the diagram', async () => {
    await freshKey();
    const diagram = await importDiagram();
    for (let i = 1; i <= 4; i++) expect((await edit(diagram.id, `Step ${i}`)).statusCode).toBe(200);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await request('GET', `/diagrams/${diagram.id}/versions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((v: { version: number }) => v.version));
      expect(page.has_more).toBe(page.next_cursor !== null);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);

    const firstPage = (await request('GET', `/diagrams/${diagram.id}/versions?limit=2`)).json();
    const other = await importDiagram();
    const foreign = await request('GET', `/diagrams/${other.id}/versions?cursor=${encodeURIComponent(firstPage.next_cursor)}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'invalid_cursor', param: 'cursor' });
    // A diagram-list cursor is not a version cursor either.
    await importDiagram();
    const diagramsCursor = (await request('GET', '/diagrams?limit=1')).json().next_cursor;
    expect((await request('GET', `/diagrams/${diagram.id}/versions?cursor=${encodeURIComponent(diagramsCursor)}`)).json().error.code).toBe('invalid_cursor');
    expect((await request('GET', `/diagrams/${diagram.id}/versions?cursor=garbage`)).json().error.code).toBe('invalid_cursor');
    const badLimit = await request('GET', `/diagrams/${diagram.id}/versions?limit=101`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error).toMatchObject({ code: 'invalid_parameter', param: 'limit' });
    const unknownParam = await request('GET', `/diagrams/${diagram.id}/versions?sort=asc`);
    expect(unknownParam.json().error).toMatchObject({ code: 'invalid_parameter', param: 'sort' });
  });

  it('answers unknown diagrams, unknown and malformed version numbers with the envelope', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const unknown = crypto.randomUUID();
    for (const url of [`/diagrams/${unknown}/versions`, `/diagrams/${unknown}/versions/1`, `/diagrams/${unknown}/versions/1/export`, `/diagrams/${unknown}/versions/1/image`]) {
      const res = await request('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.message, url).toBe(`No such diagram: '${unknown}'.`);
    }
    for (const version of ['0', '-1', 'abc', '1.5', '2147483648', '99999999999999999999']) {
      const res = await request('GET', `/diagrams/${diagram.id}/versions/${version}`);
      expect(res.statusCode, version).toBe(404);
      expect(res.json().error.code, version).toBe('resource_not_found');
    }
    expect((await request('GET', `/diagrams/${diagram.id}/versions/2147483647`)).statusCode).toBe(404);
    const notUuid = await request('GET', '/diagrams/not-a-uuid/versions');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error).toMatchObject({ code: 'invalid_parameter', param: 'id' });
  });

  it("exports a version as an attachment named after the diagram and the version, and renders it with the diagram's ETag", async () => {
    await freshKey();
    const diagram = await importDiagram();
    const exported = await request('GET', `/diagrams/${diagram.id}/versions/1/export`);
    expect(exported.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="Order handling v1.bpmn"');
    expect(exported.body).toContain('BPMNShape');

    const url = `/diagrams/${diagram.id}/versions/1/image?format=svg&theme=dark`;
    const image = await request('GET', url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(image.body).toContain('Check order');
    const etag = image.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Version 1 is what the diagram was at version 1: the same render, the same tag.
    expect((await request('GET', `/diagrams/${diagram.id}/image?format=svg&theme=dark`)).headers.etag).toBe(etag);
    expect((await request('GET', url, undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await request('GET', `/diagrams/${diagram.id}/versions/1/image?format=svg&theme=light`)).headers.etag).not.toBe(etag);

    await edit(diagram.id, 'Ship order');
    // The old version keeps its tag and content after the diagram moved on; the new one differs.
    const again = await request('GET', url, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    const newer = await request('GET', `/diagrams/${diagram.id}/versions/2/image?format=svg&theme=dark`);
    expect(newer.headers.etag).not.toBe(etag);
    expect(newer.body).toContain('Ship order');
    expect(newer.body).not.toContain('Check order');
    const png = await request('GET', `/diagrams/${diagram.id}/versions/1/image?scale=1`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const badScale = await request('GET', `/diagrams/${diagram.id}/versions/1/image?scale=9`);
    expect(badScale.json().error).toMatchObject({ code: 'invalid_parameter', param: 'scale' });
  });

  it('restores a version as a new version with source restored, honouring If-Match (stale: 409)', async () => {
    await freshKey();
    const diagram = await importDiagram();
    await edit(diagram.id, 'Ship order');
    const stale = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ type: 'conflict_error', code: 'version_conflict' });
    expect(await versionNumbers(diagram.id)).toEqual([2, 1]);
    const malformed = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`, undefined, { 'if-match': 'yesterday' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'invalid_parameter', param: 'If-Match' });

    const restored = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`, undefined, { 'if-match': '"2"' });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ object: 'diagram', id: diagram.id, version: 3 });
    expect(restored.headers.etag).toBe('"3"');
    const [v3] = (await request('GET', `/diagrams/${diagram.id}/versions?limit=1`)).json().data;
    expect(v3).toMatchObject({ version: 3, source: 'restored', created_by: userId, stats: { tasks: 1 } });
    expect(await taskNameOf(diagram.id, 3)).toBe('Check order');
    expect((await request('GET', `/diagrams/${diagram.id}/export`)).body).toBe((await request('GET', `/diagrams/${diagram.id}/versions/1/export`)).body);
    // Without If-Match it applies to whatever is current.
    expect((await request('POST', `/diagrams/${diagram.id}/versions/2/restore`)).json().version).toBe(4);
    expect(await taskNameOf(diagram.id, 4)).toBe('Ship order');
    const missing = await request('POST', `/diagrams/${diagram.id}/versions/9/restore`);
    expect(missing.statusCode).toBe(404);

    // Idempotency-Key: the same restore replays instead of making another version.
    const once = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`, undefined, { 'idempotency-key': 'restore-1' });
    const twice = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`, undefined, { 'idempotency-key': 'restore-1' });
    expect(twice.headers['idempotent-replayed']).toBe('true');
    expect(twice.json()).toEqual(once.json());
    expect(await versionNumbers(diagram.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('needs diagrams:read to read versions and diagrams:write to restore', async () => {
    // Scopes are checked before the diagram is looked up: a key's own diagram or not makes no difference.
    await freshKey();
    const diagram = await importDiagram();
    await freshKey(['diagrams:write']);
    for (const url of [`/diagrams/${diagram.id}/versions`, `/diagrams/${diagram.id}/versions/1`, `/diagrams/${diagram.id}/versions/1/export`, `/diagrams/${diagram.id}/versions/1/image`]) {
      const res = await request('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error, url).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' });
      expect(res.json().error.message, url).toContain('diagrams:read');
    }
    await freshKey(['diagrams:read']);
    const restore = await request('POST', `/diagrams/${diagram.id}/versions/1/restore`);
    expect(restore.statusCode).toBe(403);
    expect(restore.json().error.message).toContain('diagrams:write');
  });

  it('keeps every version under concurrent PATCHes: no lost content, no duplicate number', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const names = Array.from({ length: 8 }, (_, i) => `Writer ${i}`);
    const answers = await Promise.all(names.map((name) => edit(diagram.id, name)));
    expect(answers.map((res) => res.statusCode)).toEqual(names.map(() => 200));
    const returned = answers.map((res) => res.json().version as number).sort((a, b) => a - b);
    expect(returned).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await versionNumbers(diagram.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // Each writer's content is the version its PATCH answered with.
    for (const [i, res] of answers.entries()) expect(await taskNameOf(diagram.id, res.json().version)).toBe(names[i]);

    // With If-Match, one of two writers at the same version wins; the loser changes nothing.
    const race = await Promise.all(['A', 'B'].map((name) => edit(diagram.id, name, { 'if-match': '"9"' })));
    expect(race.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    expect(await versionNumbers(diagram.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('refuses hostile and oversized content with the import errors and records nothing', async () => {
    await freshKey();
    const diagram = await importDiagram();
    for (const name of ['billion-laughs.bpmn', 'external-entity-file.bpmn', 'truncated.bpmn', 'duplicate-ids.bpmn']) {
      const res = await request('PATCH', `/diagrams/${diagram.id}`, { bpmn_xml: fixture(name) });
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error, name).toMatchObject({ code: 'validation_failed', param: 'bpmn_xml' });
    }
    // Over BPMN_MAX_BYTES (64 KiB here): the import's limit holds for a new version too.
    const huge = await request('PATCH', `/diagrams/${diagram.id}`, { bpmn_xml: processXml('Big', `<documentation>${'x'.repeat(70_000)}</documentation>`) });
    expect(huge.statusCode).toBe(422);
    expect(huge.json().error.message).toContain('limit is 65536 bytes');
    expect(await versionNumbers(diagram.id)).toEqual([1]);
    expect((await request('GET', `/diagrams/${diagram.id}`)).json().version).toBe(1);
  });

  it('refuses to read back a stored version past 4 × BPMN_MAX_BYTES (a forged row, or a lowered limit) with 422, not a 500', async () => {
    await freshKey();
    const diagram = await importDiagram();
    // 300 KB of XML that brotli packs into a few hundred bytes: the bound must stop the decompression, not the row's size.
    const bomb = brotliCompressSync(Buffer.from(processXml('Huge', `<documentation>${'x'.repeat(300_000)}</documentation>`)));
    expect(bomb.byteLength).toBeLessThan(1000);
    await server.services.store.db.insertInto('diagram_versions').values({
      diagram_id: diagram.id, version: 2, source: 'edited', stats: '{"tasks":1,"events":2,"gateways":0,"lanes":0,"pools":0,"flows":2}',
      prompt: null, bpmn_br: bomb, created_by: userId, created_at: Date.now(),
    }).execute();
    for (const [method, url] of [
      ['GET', `/diagrams/${diagram.id}/versions/2/export`],
      ['GET', `/diagrams/${diagram.id}/versions/2/image?format=svg`],
      ['GET', `/diagrams/${diagram.id}/compare?from=1&to=2`],
      ['POST', `/diagrams/${diagram.id}/versions/2/restore`],
    ] as const) {
      const res = await request(method, url);
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error, url).toMatchObject({ code: 'validation_failed' });
      expect(res.json().error.message, url).toContain('over 262144 bytes');
    }
    // Its metadata stays readable, and the diagram is as it was.
    expect((await request('GET', `/diagrams/${diagram.id}/versions/2`)).statusCode).toBe(200);
    expect((await request('GET', `/diagrams/${diagram.id}`)).json().version).toBe(1);
  });

  it("deletes a diagram's versions with it", async () => {
    await freshKey();
    const diagram = await importDiagram();
    await edit(diagram.id, 'Ship order');
    const { db } = server.services.store;
    const count = async () => Number((await db.selectFrom('diagram_versions').select((eb) => eb.fn.countAll().as('n')).where('diagram_id', '=', diagram.id).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(2);
    expect((await request('DELETE', `/diagrams/${diagram.id}`)).statusCode).toBe(200);
    expect(await count()).toBe(0);
    for (const url of [`/diagrams/${diagram.id}/versions`, `/diagrams/${diagram.id}/versions/1`]) {
      expect((await request('GET', url)).statusCode, url).toBe(404);
    }
    expect((await request('POST', `/diagrams/${diagram.id}/versions/1/restore`)).statusCode).toBe(404);
  });

  it('documents every version route in the OpenAPI document with its scopes', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected: [string, string, string[]][] = [
      ['/diagrams/{id}/versions', 'get', ['diagrams:read']],
      ['/diagrams/{id}/versions/{version}', 'get', ['diagrams:read']],
      ['/diagrams/{id}/versions/{version}/export', 'get', ['diagrams:read']],
      ['/diagrams/{id}/versions/{version}/image', 'get', ['diagrams:read']],
      ['/diagrams/{id}/versions/{version}/restore', 'post', ['diagrams:write']],
    ];
    for (const [path, method, scopes] of expected) {
      const operation = document.paths[path]?.[method];
      expect(operation, path).toBeDefined();
      expect(operation['x-required-scopes'], path).toEqual(scopes);
      expect(operation.operationId, path).toMatch(/^\w+$/);
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    }
    expect(Object.keys(document.paths['/diagrams/{id}/versions/{version}/restore'].post.responses)).toContain('409');
    expect(document.components.schemas?.DiagramVersion ?? document.paths['/diagrams/{id}/versions/{version}'].get.responses['200']).toBeDefined();
  });
});

describe.each(engines)('version retention on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1', VERSION_RETENTION: '3' } });
    auth = bearer((await server.createKey({ scopes: [...ALL] })).secret);
  });
  afterAll(() => server.close());

  const request = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

  it('keeps the newest VERSION_RETENTION versions, the current one included, trimming as each change lands', async () => {
    const diagram = (await request('POST', '/diagrams', { bpmn_xml: processXml('Step 0') })).json();
    const numbers = async () => (await request('GET', `/diagrams/${diagram.id}/versions`)).json().data.map((v: { version: number }) => v.version);
    for (let i = 1; i <= 4; i++) expect((await request('PATCH', `/diagrams/${diagram.id}`, { bpmn_xml: processXml(`Step ${i}`) })).statusCode).toBe(200);
    expect(await numbers()).toEqual([5, 4, 3]);
    const trimmed = await request('GET', `/diagrams/${diagram.id}/versions/2`);
    expect(trimmed.statusCode).toBe(404);
    expect(trimmed.json().error.message).toContain('VERSION_RETENTION');
    // A restore is a change like any other: it makes one and trims one.
    expect((await request('POST', `/diagrams/${diagram.id}/versions/3/restore`)).statusCode).toBe(200);
    expect(await numbers()).toEqual([6, 5, 4]);
    const restoredTask = (await request('GET', `/diagrams/${diagram.id}/versions/6/export`)).body;
    expect(restoredTask).toContain('name="Step 2"');
  });
});
