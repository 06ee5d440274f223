// Multi-page documents (several BPMNDiagram elements) through the image API: `diagram` picks the page, the first
// is the default, an id the document does not have is a 400 on `diagram`, and the OpenAPI document says so.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const xml = fs.readFileSync(new URL('../fixtures/bpmn/two-pages.bpmn', import.meta.url), 'utf8');
const engines = await testEngines();

describe.each(engines)('diagram pages through the API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let id: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1' } });
    auth = bearer((await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] })).secret);
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: auth, payload: { bpmn_xml: xml } });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  });
  afterAll(() => server.close());

  const image = (query: string) => server.app.inject({ url: `/api/v1/diagrams/${id}/image?${query}`, headers: auth });

  it('renders the page asked for, and the first page by default', async () => {
    const first = await image('format=svg');
    const sales = await image('format=svg&diagram=page_sales');
    const warehouse = await image('format=svg&diagram=page_warehouse');
    for (const response of [first, sales, warehouse]) expect(response.statusCode).toBe(200);
    expect(first.body).toBe(sales.body);
    expect(first.body).toContain('sales_check');
    expect(warehouse.body).toContain('wh_pack');
    expect(warehouse.body).not.toContain('sales_check');
    // Each page has its own ETag, so a cached page is never served for another.
    expect(warehouse.headers.etag).not.toBe(sales.headers.etag);
    const png = await image('format=png&scale=1&diagram=page_warehouse');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('refuses a page the document does not have with 400 invalid_parameter on diagram', async () => {
    for (const query of ['format=svg&diagram=nope', 'format=png&diagram=plane_sales', 'diagram=' + 'x'.repeat(201), 'diagram=']) {
      const response = await image(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toMatchObject({ type: 'invalid_request_error', param: 'diagram' });
    }
    expect((await image('format=svg&diagram=nope')).json().error.message).toBe('This diagram has no page (BPMNDiagram) with id "nope".');
  });

  it('documents the parameter in the OpenAPI document', async () => {
    const spec = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
    const parameters = spec.paths['/diagrams/{id}/image'].get.parameters as { name: string; in: string; schema: { maxLength?: number }; description?: string }[];
    const diagram = parameters.find((p) => p.name === 'diagram');
    expect(diagram).toMatchObject({ in: 'query' });
    expect(JSON.stringify(diagram)).toContain('BPMNDiagram');
  });
});
