import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const ALL = ['folders:read', 'folders:write', 'diagrams:read', 'diagrams:write'] as const;
const NO_DI = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.com">
  <process id="p" name="Order handling">
    <startEvent id="s"/><task id="t" name="Check order"/><exclusiveGateway id="g"/>
    <task id="t2" name="Ship"/><endEvent id="e"/><endEvent id="e2"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="g"/>
    <sequenceFlow id="f3" sourceRef="g" targetRef="t2"/><sequenceFlow id="f4" sourceRef="g" targetRef="e2"/>
    <sequenceFlow id="f5" sourceRef="t2" targetRef="e"/>
  </process>
</definitions>`;
const HOSTILE = [
  'billion-laughs.bpmn',
  'external-entity-file.bpmn',
  'external-entity-http.bpmn',
  'undeclared-entity.bpmn',
  'truncated.bpmn',
  'mismatched-end-tag.bpmn',
  'non-bpmn-root.xml',
  'processing-instruction.bpmn',
  'duplicate-ids.bpmn',
];

describe.each(engines)('diagrams API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1' } });
  });
  afterAll(() => server.close());

  async function freshKey(scopes: string[] = [...ALL]): Promise<void> {
    const key = await server.createKey({ scopes: scopes as never });
    auth = bearer(key.secret);
    userId = key.userId;
  }

  const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function importDiagram(xml = NO_DI, extra: Record<string, unknown> = {}) {
    const res = await request('POST', '/diagrams', { bpmn_xml: xml, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('imports BPMN without DI, lays it out and returns the diagram with the overview fields first', async () => {
    await freshKey();
    const diagram = await importDiagram();
    expect(Object.keys(diagram)).toEqual([
      'object', 'id', 'name', 'folder_id', 'organization_id', 'created_by', 'created_at', 'updated_at',
      'source', 'livemode', 'version', 'stats',
    ]);
    expect(diagram).toMatchObject({
      object: 'diagram', name: 'Order handling', folder_id: null, organization_id: null, created_by: userId,
      source: 'imported', livemode: true, version: 1,
      stats: { tasks: 2, events: 3, gateways: 1, lanes: 0, pools: 0, flows: 5 },
    });
    const exported = await request('GET', `/diagrams/${diagram.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="Order handling.bpmn"');
    expect(exported.body).toContain('BPMNShape');
    expect(exported.body.match(/<bpmndi:BPMNShape /g)).toHaveLength(6);
    expect(exported.body.match(/<bpmndi:BPMNEdge /g)).toHaveLength(5);
  });

  it('lists diagrams in the overview shape', async () => {
    await freshKey();
    const diagram = await importDiagram(NO_DI, { name: 'Customer onboarding' });
    const res = await request('GET', '/diagrams');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['object', 'data', 'has_more', 'next_cursor']);
    expect(body).toEqual({ object: 'list', data: [diagram], has_more: false, next_cursor: null });
  });

  it('exports with a safe ASCII filename plus an RFC 5987 filename* for other characters', async () => {
    await freshKey();
    const diagram = await importDiagram(NO_DI, { name: 'Bestellung "prüfen"/../x\r\n' });
    const res = await request('GET', `/diagrams/${diagram.id}/export`);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.bpmn"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+\.bpmn$/);
    expect(disposition).not.toMatch(/[/\\\r\n]|\.\.\//);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('Bestellung _prüfen_.._x.bpmn');
  });

  it('renames, moves, replaces the XML and bumps the version each time; stats follow the XML', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const folder = (await request('POST', '/folders', { name: 'F' })).json();
    const renamed = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'Renamed', folder_id: folder.id });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', folder_id: folder.id, version: 2 });
    const replaced = await request('PATCH', `/diagrams/${diagram.id}`, { bpmn_xml: fixture('minimal-process.bpmn') });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().version).toBe(3);
    expect(replaced.json().stats).not.toEqual(diagram.stats);
    expect((await request('GET', `/diagrams?folder_id=${folder.id}`)).json().data.map((d: { id: string }) => d.id)).toEqual([diagram.id]);
    expect((await request('GET', '/diagrams?folder_id=none')).json().data).toEqual([]);
  });

  it('applies If-Match and version as optimistic concurrency: 409 version_conflict on a stale version', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const etag = (await request('GET', `/diagrams/${diagram.id}`)).headers.etag as string;
    expect(etag).toBe('"1"');
    const ok = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'A' }, { 'if-match': etag });
    expect(ok.json().version).toBe(2);
    const stale = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'B' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ type: 'conflict_error', code: 'version_conflict' });
    const staleBody = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'B', version: 1 });
    expect(staleBody.json().error.code).toBe('version_conflict');
    expect((await request('PATCH', `/diagrams/${diagram.id}`, { name: 'B', version: 2 })).json()).toMatchObject({ name: 'B', version: 3 });
    expect((await request('GET', `/diagrams/${diagram.id}`)).json().name).toBe('B');
    const noop = await request('PATCH', `/diagrams/${diagram.id}`, {}, { 'if-match': '"3"' });
    expect(noop.json()).toMatchObject({ name: 'B', version: 3 });
    expect((await request('PATCH', `/diagrams/${diagram.id}`, {}, { 'if-match': '"2"' })).json().error.code).toBe('version_conflict');
    const bad = await request('PATCH', `/diagrams/${diagram.id}`, { name: 'C' }, { 'if-match': 'yesterday' });
    expect(bad.json().error).toMatchObject({ code: 'invalid_parameter', param: 'If-Match' });
  });

  it('lets exactly one of two concurrent updates at the same version win', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const results = await Promise.all(
      ['X', 'Y', 'Z'].map((name) => request('PATCH', `/diagrams/${diagram.id}`, { name }, { 'if-match': '"1"' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('deletes a diagram; afterwards every route answers 404', async () => {
    await freshKey();
    const diagram = await importDiagram();
    expect((await request('DELETE', `/diagrams/${diagram.id}`)).json()).toEqual({ object: 'diagram', id: diagram.id, deleted: true });
    for (const path of ['', '/export', '/image']) {
      expect((await request('GET', `/diagrams/${diagram.id}${path}`)).statusCode).toBe(404);
    }
    expect((await request('DELETE', `/diagrams/${diagram.id}`)).statusCode).toBe(404);
  });

  it('generates from a prompt with the generate scope (and refuses without it)', async () => {
    await freshKey();
    const prompt = 'The clerk receives the invoice. Then the clerk checks the invoice. Finally the manager approves the payment.';
    const noScope = await request('POST', '/diagrams', { prompt });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().error).toMatchObject({ code: 'insufficient_scope' });
    expect(noScope.json().error.message).toContain('generate');
    expect((await request('GET', '/diagrams')).json().data).toEqual([]);
    await freshKey([...ALL, 'generate']);
    const folder = (await request('POST', '/folders', { name: 'Finance', context: 'Lanes: Clerk, Manager.' })).json();
    const res = await request('POST', '/diagrams', { prompt, name: 'Invoice', folder_id: folder.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ object: 'diagram', name: 'Invoice', folder_id: folder.id, source: 'generated', version: 1 });
    expect(res.json().stats.tasks).toBeGreaterThan(0);
    const exported = await request('GET', `/diagrams/${res.json().id}/export`);
    expect(exported.body).toContain('BPMNShape');
    const blank = await request('POST', '/diagrams', { prompt: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ type: 'validation_error', code: 'validation_failed', param: 'prompt' });
    const both = await request('POST', '/diagrams', { prompt: 'x', bpmn_xml: NO_DI });
    expect(both.json().error).toMatchObject({ code: 'invalid_parameter' });
    const neither = await request('POST', '/diagrams', { name: 'x' });
    expect(neither.json().error).toMatchObject({ code: 'missing_parameter', param: 'bpmn_xml' });
  });

  it('answers hostile or invalid XML with 422 validation_failed and stores nothing', async () => {
    await freshKey();
    for (const name of HOSTILE) {
      const res = await request('POST', '/diagrams', { bpmn_xml: fixture(name) });
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error).toMatchObject({ type: 'validation_error', code: 'validation_failed', param: 'bpmn_xml' });
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    const diagram = await importDiagram();
    const patched = await request('PATCH', `/diagrams/${diagram.id}`, { bpmn_xml: fixture('billion-laughs.bpmn') });
    expect(patched.statusCode).toBe(422);
    expect((await request('GET', `/diagrams/${diagram.id}`)).json().version).toBe(1);
    expect((await request('GET', '/diagrams')).json().data).toHaveLength(1);
  });

  it('answers a document without DI that is too large to lay out with 422 and stores nothing', async () => {
    await freshKey();
    const tasks = 1600; // 1600 tasks + 1601 flows + 2 events: over the layout's 3000-element limit
    const nodes = ['<startEvent id="s"/>'];
    const flows: string[] = [];
    for (let i = 0; i < tasks; i++) {
      nodes.push(`<task id="t${i}"/>`);
      flows.push(`<sequenceFlow id="f${i}" sourceRef="${i === 0 ? 's' : `t${i - 1}`}" targetRef="t${i}"/>`);
    }
    nodes.push('<endEvent id="e"/>');
    flows.push(`<sequenceFlow id="f${tasks}" sourceRef="t${tasks - 1}" targetRef="e"/>`);
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <process id="p">${nodes.join('')}${flows.join('')}</process></definitions>`;
    const res = await request('POST', '/diagrams', { bpmn_xml: xml });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', param: 'bpmn_xml' });
    expect(res.json().error.message).toMatch(/Too many elements to lay out/);
    expect((await request('GET', '/diagrams')).json().data).toHaveLength(0);
  });

  it('answers a PNG too large to draw with 422 naming scale, and still serves the SVG', async () => {
    await freshKey();
    // Two events 12,000 px apart: 4 × 12,000 px is over the PNG side limit, 1 × is not.
    const shape = (id: string, x: number) =>
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="0" width="36" height="36"/></bpmndi:BPMNShape>`;
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
      xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="x">
      <process id="p"><startEvent id="s"/><endEvent id="e"/></process>
      <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="p">${shape('s', 0)}${shape('e', 12000)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
    </definitions>`;
    const diagram = await importDiagram(xml);
    const huge = await request('GET', `/diagrams/${diagram.id}/image?format=png&scale=4`);
    expect(huge.statusCode, huge.body).toBe(422);
    expect(huge.json().error).toMatchObject({ code: 'validation_failed', param: 'scale' });
    expect((await request('GET', `/diagrams/${diagram.id}/image?format=png&scale=1`)).statusCode).toBe(200);
    expect((await request('GET', `/diagrams/${diagram.id}/image?format=svg`)).statusCode).toBe(200);
  });

  it('rejects wrong types, unknown fields and malformed ids', async () => {
    await freshKey();
    const cases: [unknown, string, string][] = [
      [{ bpmn_xml: 42 }, 'invalid_parameter', 'bpmn_xml'],
      [{ bpmn_xml: NO_DI, name: 7 }, 'invalid_parameter', 'name'],
      [{ bpmn_xml: NO_DI, folder_id: 'root' }, 'invalid_parameter', 'folder_id'],
      [{ bpmn_xml: NO_DI, colour: 'red' }, 'invalid_parameter', 'colour'],
      [{ bpmn_xml: NO_DI, name: '  ' }, 'invalid_parameter', 'name'],
    ];
    for (const [payload, code, param] of cases) {
      const res = await request('POST', '/diagrams', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code, param });
    }
    const unknownFolder = await request('POST', '/diagrams', { bpmn_xml: NO_DI, folder_id: '3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f' });
    expect(unknownFolder.statusCode).toBe(404);
    expect(unknownFolder.json().error.param).toBe('folder_id');
    for (const path of ['/diagrams/123', '/diagrams/123/export', '/diagrams/123/image']) {
      const res = await request('GET', path);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_parameter', param: 'id' });
    }
    expect((await request('GET', '/diagrams/3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f')).statusCode).toBe(404);
    for (const query of ['?limit=0', '?limit=101', '?limit=x', '?folder_id=abc', '?sort=name']) {
      expect((await request('GET', `/diagrams${query}`)).statusCode, query).toBe(400);
    }
    for (const query of ['?format=gif', '?theme=blue', '?scale=5', '?scale=0']) {
      const diagram = await importDiagram();
      expect((await request('GET', `/diagrams/${diagram.id}/image${query}`)).statusCode, query).toBe(400);
    }
    expect((await request('GET', '/diagrams')).json().data).toHaveLength(4);
  });

  it('renders PNG and SVG with ETag, Cache-Control and 304 on If-None-Match; a new version gets a new ETag', async () => {
    await freshKey();
    const diagram = await importDiagram();
    const png = await request('GET', `/diagrams/${diagram.id}/image`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const etag = png.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await request('GET', `/diagrams/${diagram.id}/image`, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const svg = await request('GET', `/diagrams/${diagram.id}/image?format=svg&theme=dark`);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svg.body).not.toMatch(/<script|href="http/i);
    expect(svg.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(svg.headers['x-content-type-options']).toBe('nosniff');
    expect(svg.headers.etag).not.toBe(etag);
    const scaled = await request('GET', `/diagrams/${diagram.id}/image?scale=1`);
    expect(scaled.rawPayload.length).toBeLessThan(png.rawPayload.length);
    await request('PATCH', `/diagrams/${diagram.id}`, { name: 'v2' });
    const after = await request('GET', `/diagrams/${diagram.id}/image`, undefined, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(server.services.images.cachedBytes).toBeGreaterThan(0);
  });
});
