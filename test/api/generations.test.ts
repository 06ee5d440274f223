// POST/GET /generations and /generations/{id}/image with the builtin provider, on every engine: the generation
// object, the saved diagram, folder context, idempotency, failures that cost nothing, scopes and tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/services/auth-types.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();

const PROMPT = 'The clerk receives the invoice. The clerk checks the invoice. If it is correct, the clerk pays it; otherwise the clerk returns it to the supplier.';
const GENERATION_FIELDS = [
  'object', 'id', 'prompt', 'name', 'folder_id', 'diagram_id', 'provider', 'model', 'warnings', 'duration_ms', 'created_at', 'livemode',
];

describe.each(engines)('generations on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };
  let keyId: string;
  let userId: string;

  const post = (payload: object, headers: Record<string, string> = auth) =>
    server.app.inject({ method: 'POST', url: '/api/v1/generations', headers, payload });
  const get = (url: string, headers: Record<string, string> = auth) => server.app.inject({ url: `/api/v1${url}`, headers });
  const used = async (headers: Record<string, string> = auth) => (await get('/key', headers)).json().usage.generation_quota.used as number;
  /** A generation and the XML of the diagram it saved. */
  const generated = async (prompt: string, folderId: string | null) => {
    const generation = (await post({ prompt, folder_id: folderId })).json();
    return { generation, xml: (await get(`/diagrams/${generation.diagram_id}/export`)).body };
  };
  const names = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<bpmn:${tag} id="[^"]+" name="([^"]+)"`, 'g'))].map((m) => m[1]);
  const folder = async (name: string, context: string, parentId: string | null) =>
    (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: { name, context, parent_id: parentId } })).json().id as string;

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' } });
    const key = await server.createKey({ scopes: [...SCOPES] });
    auth = bearer(key.secret);
    keyId = key.keyId;
    userId = key.userId;
  });
  afterAll(() => server.close());

  it('generates and saves a diagram, and answers the generation object', async () => {
    const before = await used();
    const res = await post({ prompt: `  ${PROMPT}\n` });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual(GENERATION_FIELDS);
    expect(body).toMatchObject({
      object: 'generation',
      prompt: PROMPT,
      folder_id: null,
      provider: 'builtin',
      model: 'builtin-1',
      livemode: true,
    });
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.duration_ms).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(body.warnings)).toBe(true);
    expect(await used()).toBe(before + 1);

    const diagram = (await get(`/diagrams/${body.diagram_id}`)).json();
    expect(diagram).toMatchObject({ object: 'diagram', id: body.diagram_id, name: body.name, source: 'generated', version: 1, created_by: userId });
    expect(diagram.stats.tasks).toBeGreaterThanOrEqual(3);
    expect(diagram.stats.gateways).toBeGreaterThanOrEqual(1);
    const xml = (await get(`/diagrams/${body.diagram_id}/export`)).body;
    expect(xml).toContain('bpmndi:BPMNDiagram');
    expect(xml).toMatch(/name="Check invoice"/);

    const again = await get(`/generations/${body.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
  });

  it('uses the requested name for the diagram', async () => {
    const res = await post({ prompt: PROMPT, name: '  Invoice check ' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Invoice check');
    expect((await get(`/diagrams/${res.json().diagram_id}`)).json().name).toBe('Invoice check');
  });

  it('lists generations newest first with keyset cursors', async () => {
    const fresh = await server.createKey({ scopes: ['generate'] });
    const headers = bearer(fresh.secret);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      server.clock.advance(1000);
      ids.push((await post({ prompt: PROMPT, name: `Run ${i}` }, headers)).json().id);
    }
    const first = (await get('/generations?limit=2', headers)).json();
    expect(first.object).toBe('list');
    expect(first.data.map((g: { id: string }) => g.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = (await get(`/generations?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`, headers)).json();
    expect(second.data.map((g: { id: string }) => g.id)).toEqual([ids[0]]);
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    const bad = await get('/generations?cursor=abc.def', headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_cursor');
  });

  it('renders the generated diagram with ETags, like the diagram image', async () => {
    const generation = (await post({ prompt: PROMPT })).json();
    const png = await get(`/generations/${generation.id}/image`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const etag = String(png.headers.etag);
    // The same render as the diagram's own image route: same ETag.
    expect((await get(`/diagrams/${generation.diagram_id}/image`)).headers.etag).toBe(etag);
    const notModified = await get(`/generations/${generation.id}/image`, { ...auth, 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    const svg = await get(`/generations/${generation.id}/image?format=svg&theme=dark`);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers['x-content-type-options']).toBe('nosniff');
    expect(svg.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(svg.body).toContain('<svg');
    expect(svg.headers.etag).not.toBe(etag);
    const badScale = await get(`/generations/${generation.id}/image?scale=9`);
    expect(badScale.statusCode).toBe(400);
    expect(badScale.json().error.param).toBe('scale');
  });

  it('answers 404 for the image once the diagram is deleted, and keeps the generation', async () => {
    const generation = (await post({ prompt: PROMPT })).json();
    await server.app.inject({ method: 'DELETE', url: `/api/v1/diagrams/${generation.diagram_id}`, headers: auth });
    const image = await get(`/generations/${generation.id}/image`);
    expect(image.statusCode).toBe(404);
    expect(image.json().error.code).toBe('resource_not_found');
    expect((await get(`/generations/${generation.id}`)).json().diagram_id).toBeNull();
  });

  it('passes the folder contexts, outermost first, to the provider', async () => {
    const outer = await folder('Company', 'Company handbook.', null);
    const inner = await folder('Orders', 'Our lanes are: Sales, Warehouse.', outer);
    const prompt = 'The sales rep enters the order. The warehouse worker ships the goods.';
    const lanes = async (folderId: string | null) => {
      const { generation, xml } = await generated(prompt, folderId);
      expect(generation.folder_id).toBe(folderId);
      const diagram = (await get(`/diagrams/${generation.diagram_id}`)).json();
      expect(diagram.folder_id).toBe(folderId);
      return names(xml, 'lane');
    };
    expect(await lanes(null)).toEqual(['Sales rep', 'Warehouse worker']);
    expect(await lanes(inner)).toEqual(['Sales', 'Warehouse']);

    const terms = await folder('Clients', "Say 'client', not 'customer'.", outer);
    const { xml } = await generated('The clerk checks the customer order. Then the clerk calls the customer.', terms);
    expect(xml).toContain('name="Call client"');
    expect(xml).not.toMatch(/name="[^"]*customer/);
  });

  it('applies the folder context to every label: conditions get its terms, lanes are its lanes and no other', async () => {
    const outer = await folder('Clients', "Say 'client', not 'customer'.", null);
    const inner = await folder('Service', 'Our lanes are: Front office, Finance.', outer);
    const prompt = 'The service desk logs the customer call. If the customer has no contract, the service desk sends the customer a quote. Otherwise the billing team checks the customer account and invoices the customer. The customer pays the invoice.';
    const generate = async (folderId: string | null) => {
      const { generation, xml } = await generated(prompt, folderId);
      return { warnings: generation.warnings as string[], lanes: names(xml, 'lane'), conditions: names(xml, 'sequenceFlow'), xml };
    };
    const plain = await generate(null);
    expect(plain.lanes).toEqual(['Service desk', 'Customer', 'Billing team']);
    expect(plain.conditions).toContain('customer has no contract');

    const steered = await generate(inner);
    expect(steered.lanes).toEqual(['Front office', 'Finance']);
    expect(steered.conditions).toContain('client has no contract');
    expect(steered.xml).not.toMatch(/name="[^"]*customer/i);
    expect(steered.warnings).toContain(`"Customer" fits none of the folder's lanes (Front office, Finance); its steps are drawn in the lane of the step before them.`);
  });

  it('refuses blank and unreadable prompts with 422, at no cost', async () => {
    const before = await used();
    const blank = await post({ prompt: ' \n\t ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ type: 'validation_error', code: 'validation_failed', param: 'prompt' });
    const french = await post({ prompt: 'Le client envoie la commande au fournisseur. Le fournisseur vérifie la commande et envoie la facture.' });
    expect(french.statusCode).toBe(422);
    expect(french.json().error).toMatchObject({ code: 'validation_failed', param: 'prompt' });
    expect(french.json().error.message).toMatch(/English/);
    expect(await used()).toBe(before);
    expect((await get('/generations?limit=100')).json().data.some((g: { prompt: string }) => g.prompt.startsWith('Le client'))).toBe(false);
  });

  it('checks the body: missing prompt, too long, unknown fields, bad name and folder', async () => {
    const before = await used();
    const cases: Array<[object, number, string, string]> = [
      [{}, 400, 'missing_parameter', 'prompt'],
      [{ prompt: 42 }, 400, 'invalid_parameter', 'prompt'],
      [{ prompt: 'x'.repeat(20_001) }, 400, 'invalid_parameter', 'prompt'],
      [{ prompt: PROMPT, colour: 'red' }, 400, 'invalid_parameter', 'colour'],
      [{ prompt: PROMPT, name: '   ' }, 400, 'invalid_parameter', 'name'],
      [{ prompt: PROMPT, folder_id: 'nope' }, 400, 'invalid_parameter', 'folder_id'],
      [{ prompt: PROMPT, folder_id: '3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f' }, 404, 'resource_not_found', 'folder_id'],
    ];
    for (const [payload, status, code, param] of cases) {
      const res = await post(payload);
      expect([res.statusCode, res.json().error.code, res.json().error.param], JSON.stringify(payload).slice(0, 80)).toEqual([status, code, param]);
    }
    expect(await used()).toBe(before);
  });

  it('replays an idempotent request without generating or charging again', async () => {
    const headers = { ...auth, 'idempotency-key': `gen-${engine.name}-1` };
    const first = await post({ prompt: PROMPT }, headers);
    expect(first.statusCode).toBe(201);
    const afterFirst = await used();
    const replay = await post({ prompt: PROMPT }, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await used()).toBe(afterFirst);
    const reused = await post({ prompt: `${PROMPT} Finally the clerk files it.` }, headers);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect(await used()).toBe(afterFirst);
  });

  it('needs the generate scope on every generation route', async () => {
    const { secret } = await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] });
    const headers = bearer(secret);
    const generation = (await post({ prompt: PROMPT })).json();
    for (const res of [
      await post({ prompt: PROMPT }, headers),
      await get('/generations', headers),
      await get(`/generations/${generation.id}`, headers),
      await get(`/generations/${generation.id}/image`, headers),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'insufficient_scope' });
      expect(res.json().error.message).toContain('generate');
    }
  });

  it('answers 400 for a non-UUID id and 404 for an unknown one', async () => {
    expect((await get('/generations/not-a-uuid')).json().error).toMatchObject({ code: 'invalid_parameter', param: 'id' });
    const missing = await get('/generations/3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('resource_not_found');
  });

  it('keeps generations and folders to their tenant and mode: {personal, org} × {live, test}', async () => {
    const { services } = server;
    const user = await services.accounts.createUser({ email: `gen-tenancy-${engine.name}@example.com`, name: 'Pat', password: 'correct horse battery', plan: 'pro' });
    const org = await services.accounts.createOrganization(user.id, 'Acme', 'team');
    const tenants: Array<{ auth: { authorization: string }; generationId: string; folderId: string; organizationId: string | null; live: boolean }> = [];
    for (const organizationId of [null, org.id]) {
      for (const mode of ['live', 'test'] as const) {
        const { secret } = await services.keys.createKey({ userId: user.id, organizationId, name: 'k', mode, scopes: [...SCOPES] });
        const headers = bearer(secret);
        const folderId = (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers, payload: { name: 'Mine' } })).json().id;
        const generation = (await post({ prompt: PROMPT, folder_id: folderId }, headers)).json();
        tenants.push({ auth: headers, generationId: generation.id, folderId, organizationId, live: mode === 'live' });
      }
    }
    for (const owner of tenants) {
      const own = (await get(`/generations/${owner.generationId}`, owner.auth)).json();
      expect(own.livemode).toBe(owner.live);
      const diagram = (await get(`/diagrams/${own.diagram_id}`, owner.auth)).json();
      expect(diagram.organization_id).toBe(owner.organizationId);
      expect((await get('/generations', owner.auth)).json().data.map((g: { id: string }) => g.id)).toEqual([owner.generationId]);
      for (const other of tenants.filter((t) => t !== owner)) {
        for (const url of [`/generations/${owner.generationId}`, `/generations/${owner.generationId}/image?format=svg`]) {
          const res = await get(url, other.auth);
          expect(res.statusCode, url).toBe(404);
          expect(res.json().error.code).toBe('resource_not_found');
        }
        const before = await used(other.auth);
        const intrude = await post({ prompt: PROMPT, folder_id: owner.folderId }, other.auth);
        expect(intrude.statusCode).toBe(404);
        expect(intrude.json().error).toMatchObject({ code: 'resource_not_found', param: 'folder_id' });
        expect(await used(other.auth)).toBe(before);
      }
    }
  });

  it('meters the quota per key, shown on GET /key', async () => {
    const { keyId: otherId, secret } = await server.createKey({ scopes: ['generate'] });
    expect(otherId).not.toBe(keyId);
    const headers = bearer(secret);
    await post({ prompt: PROMPT }, headers);
    const quota = (await get('/key', headers)).json().usage.generation_quota;
    expect(quota).toEqual({ limit: 500, used: 1, remaining: 499, window_days: 30, reset: 30 * 86_400 });
  });

  it('creates a diagram from a prompt on POST /diagrams, as a generation', async () => {
    const before = await used();
    const folderId = (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: { name: 'Generated' } })).json().id;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/diagrams',
      headers: auth,
      payload: { prompt: PROMPT, name: 'From a prompt', folder_id: folderId },
    });
    expect(res.statusCode).toBe(201);
    const diagram = res.json();
    expect(diagram).toMatchObject({ object: 'diagram', name: 'From a prompt', folder_id: folderId, source: 'generated', version: 1 });
    expect(diagram.stats.tasks).toBeGreaterThanOrEqual(3);
    expect(await used()).toBe(before + 1);
    const generations = (await get('/generations?limit=100')).json().data;
    expect(generations.find((g: { diagram_id: string }) => g.diagram_id === diagram.id)).toMatchObject({ name: 'From a prompt', folder_id: folderId });

    const blank = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: auth, payload: { prompt: '  ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ code: 'validation_failed', param: 'prompt' });
    const { secret } = await server.createKey({ scopes: ['diagrams:write'] });
    const noScope = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: bearer(secret), payload: { prompt: PROMPT } });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().error.message).toContain('generate');
    expect(await used()).toBe(before + 1);
  });
});
