// GET /diagrams/{id}/compare and /compare/image on each engine: MIWG files against themselves (empty) and against
// edited copies (the exact diff), `to` defaulting to the current version, the image's ETag/304, themes, errors.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';
import { MIWG_DIR } from '../helpers/shared.ts';
import { deleteElement, moveShape, setAttribute } from '../bpmn/compare/edit-xml.ts';

const engines = await testEngines();
const c10 = fs.readFileSync(`${MIWG_DIR}/C.1.0.bpmn`, 'utf8');
const EMPTY = { added: [], removed: [], changed: [], layout_changed: [] };

/** C.1.0 with a task renamed, a task and its two flows deleted and a shape moved: the diff follows from the edits. */
function editedC10(): string {
  let xml = setAttribute(c10, 'assignApprover', 'name', 'Pick an approver');
  for (const id of ['archiveInvoice', 'SequenceFlow_2', 'SequenceFlow_3']) xml = deleteElement(xml, id);
  return moveShape(xml, 'approveInvoice', 30, 0);
}

describe.each(engines)('diagram compare API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1' } });
    auth = bearer((await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] })).secret);
  });
  afterAll(() => server.close());

  const request = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });

  async function diagramWithVersions(...xmls: string[]): Promise<string> {
    const created = await request('POST', '/diagrams', { bpmn_xml: xmls[0] });
    expect(created.statusCode, created.body).toBe(201);
    for (const xml of xmls.slice(1)) expect((await request('PATCH', `/diagrams/${created.json().id}`, { bpmn_xml: xml })).statusCode).toBe(200);
    return created.json().id;
  }

  it.each(['A.1.0.bpmn', 'B.2.0.bpmn', 'C.1.0.bpmn'])('finds no difference between %s and itself saved again', async (file) => {
    const xml = fs.readFileSync(`${MIWG_DIR}/${file}`, 'utf8');
    const id = await diagramWithVersions(xml, xml);
    const res = await request('GET', `/diagrams/${id}/compare?from=1&to=2`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ object: 'diagram_compare', diagram_id: id, from: 1, to: 2, ...EMPTY });
  });

  it('reports exactly the edits of a revised MIWG file; `to` defaults to the current version', async () => {
    const id = await diagramWithVersions(c10, editedC10());
    const res = await request('GET', `/diagrams/${id}/compare?from=1`);
    expect(res.statusCode, res.body).toBe(200);
    const diff = res.json();
    expect(diff).toMatchObject({ object: 'diagram_compare', diagram_id: id, from: 1, to: 2, added: [] });
    expect(diff.removed).toEqual([
      { id: 'SequenceFlow_2', type: 'bpmn:SequenceFlow', name: expect.toBeOneOf([null, expect.any(String)]) },
      { id: 'SequenceFlow_3', type: 'bpmn:SequenceFlow', name: expect.toBeOneOf([null, expect.any(String)]) },
      { id: 'archiveInvoice', type: expect.stringMatching(/^bpmn:\w*Task$/), name: expect.any(String) },
    ]);
    expect(diff.changed).toEqual([{ id: 'assignApprover', type: 'bpmn:UserTask', name: 'Pick an approver', attributes: { name: ['Assign\nApprover', 'Pick an approver'] } }]);
    expect(diff.layout_changed.map((e: { id: string }) => e.id)).toEqual(['approveInvoice']);
    // The other way round, what was removed is added.
    const back = (await request('GET', `/diagrams/${id}/compare?from=2&to=1`)).json();
    expect(back.added.map((e: { id: string }) => e.id)).toEqual(['SequenceFlow_2', 'SequenceFlow_3', 'archiveInvoice']);
    expect(back.removed).toEqual([]);
    expect(back.changed[0].attributes.name).toEqual(['Pick an approver', 'Assign\nApprover']);
  });

  it('draws the compare image in both themes with an ETag, and answers If-None-Match with 304', async () => {
    const id = await diagramWithVersions(c10, editedC10());
    const url = (query: string) => `/diagrams/${id}/compare/image?from=1&to=2&${query}`;
    const light = await request('GET', url('format=svg'));
    expect(light.statusCode, light.body).toBe(200);
    expect(light.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(light.headers['content-security-policy']).toContain("default-src 'none'");
    expect(light.body).toContain('compare-legend');
    expect(light.body).toContain('Pick an approver'.split(' ')[0]);
    const etag = light.headers.etag as string;
    expect((await request('GET', url('format=svg'), undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    const dark = await request('GET', url('format=svg&theme=dark'));
    expect(dark.headers.etag).not.toBe(etag);
    expect(dark.body).not.toBe(light.body);
    const png = await request('GET', url('scale=1'));
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    // The compare of other versions is another image.
    expect((await request('GET', `/diagrams/${id}/compare/image?from=2&to=1&format=svg`)).headers.etag).not.toBe(etag);
  });

  it('answers missing, malformed and unknown versions with the envelope', async () => {
    const id = await diagramWithVersions(c10);
    const missing = await request('GET', `/diagrams/${id}/compare`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'missing_parameter', param: 'from' });
    const malformed = await request('GET', `/diagrams/${id}/compare?from=first`);
    expect(malformed.json().error).toMatchObject({ code: 'invalid_parameter', param: 'from' });
    for (const [query, param] of [['from=7', 'from'], ['from=1&to=7', 'to']] as const) {
      for (const path of ['compare', 'compare/image']) {
        const res = await request('GET', `/diagrams/${id}/${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(404);
        expect(res.json().error, `${path}?${query}`).toMatchObject({ code: 'resource_not_found', param });
      }
    }
    const unknown = crypto.randomUUID();
    const res = await request('GET', `/diagrams/${unknown}/compare?from=1`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(`No such diagram: '${unknown}'.`);
    const extra = await request('GET', `/diagrams/${id}/compare?from=1&theme=dark`);
    expect(extra.json().error).toMatchObject({ code: 'invalid_parameter', param: 'theme' });
  });

  it('needs diagrams:read', async () => {
    const id = await diagramWithVersions(c10);
    const writer = bearer((await server.createKey({ scopes: ['diagrams:write'] })).secret);
    for (const path of ['compare?from=1', 'compare/image?from=1']) {
      const res = await server.app.inject({ method: 'GET', url: `/api/v1/diagrams/${id}/${path}`, headers: writer });
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.message, path).toContain('diagrams:read');
    }
    const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/diagrams/{id}/compare', '/diagrams/{id}/compare/image']) {
      expect(document.paths[path].get['x-required-scopes'], path).toEqual(['diagrams:read']);
    }
  });
});
