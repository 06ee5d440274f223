import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, csrfOf, inject, startWebServer, type WebServer } from './web-server.ts';

let server: WebServer;
let counter = 0;
const MINIMAL = fs.readFileSync('test/fixtures/bpmn/minimal-process.bpmn', 'utf8');

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

function send(jar: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string>, headers: Record<string, string> = {}, on = server) {
  return inject(on.app, jar, method, url, form, headers);
}

async function signedIn(on: WebServer = server, plan: 'free' | 'pro' = 'free') {
  const jar = new CookieJar();
  const email = `dana${++counter}-${Date.now()}@example.com`;
  const form = await send(jar, 'GET', '/signup', undefined, {}, on);
  await send(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name: 'Dana', email, password: 'correct horse battery' }, {}, on);
  if (plan === 'pro') await on.services.accounts.setUserPlan((await on.services.accounts.getUserByEmail(email)).id, 'pro');
  const home = await send(jar, 'GET', '/app', undefined, {}, on);
  return { jar, csrf: csrfOf(home.body), email };
}

async function importDiagram(jar: CookieJar, csrf: string, fields: Record<string, string> = {}): Promise<string> {
  const response = await send(jar, 'POST', '/app/diagrams/import', { _csrf: csrf, bpmn_xml: MINIMAL, name: 'Minimal', folder_id: '', ...fields });
  expect(response.statusCode).toBe(303);
  return /\/app\/diagrams\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
}

async function createFolder(jar: CookieJar, csrf: string, name: string, parentId = ''): Promise<string> {
  const response = await send(jar, 'POST', '/app/folders', { _csrf: csrf, name, parent_id: parentId, context: '' });
  expect(response.statusCode).toBe(303);
  return /\/app\/folders\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
}

describe('diagrams in the dashboard', () => {
  it('imports a BPMN file, lists it with a thumbnail and serves its images with ETags', async () => {
    const { jar, csrf } = await signedIn();
    const id = await importDiagram(jar, csrf);
    const list = await send(jar, 'GET', '/app');
    expect(list.body).toContain(`/app/diagrams/${id}/image.svg?theme=light&amp;v=1`);
    const svg = await send(jar, 'GET', `/app/diagrams/${id}/image.svg?theme=dark`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('data-theme="dark"');
    const again = await send(jar, 'GET', `/app/diagrams/${id}/image.svg?theme=dark`, undefined, { 'if-none-match': String(svg.headers.etag) });
    expect(again.statusCode).toBe(304);
    const png = await send(jar, 'GET', `/app/diagrams/${id}/image.png?download=1`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.headers['content-disposition']).toBe('attachment; filename="Minimal.png"');
  });

  it('always sends the BPMN export as a sandboxed, unsniffable attachment, so markup in it never runs on our origin', async () => {
    const { jar, csrf } = await signedIn();
    const id = await importDiagram(jar, csrf);
    for (const url of [`/app/diagrams/${id}/export.bpmn`, `/app/diagrams/${id}/export.bpmn?download=1`]) {
      const response = await send(jar, 'GET', url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="Minimal.bpmn"');
      expect(response.headers['content-security-policy']).toBe('sandbox');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).toContain('<bpmn:definitions');
    }
  });

  it('charges dashboard generations to the workspace: the plan rule, a quota of its own shown and enforced', async () => {
    const limited = await startWebServer({ DASHBOARD_GENERATION_QUOTA: '2', DASHBOARD_GENERATIONS_PER_MINUTE: '100' });
    try {
      const prompt = 'The clerk checks the invoice. Then the manager approves it.';
      const { jar, csrf, email } = await signedIn(limited);
      const generate = () => send(jar, 'POST', '/app/diagrams/generate', { _csrf: csrf, folder_id: '', name: '', prompt }, {}, limited);
      const quotaLine = async () => /id="gen-quota">([^<]*)/.exec((await send(jar, 'GET', '/app?panel=generate', undefined, {}, limited)).body)?.[1];

      expect(await quotaLine()).toContain('Generating diagrams needs the Pro plan');
      const free = await generate();
      expect(free.statusCode).toBe(403);
      expect(free.body).toContain('Generating diagrams needs the Pro plan');

      const user = await limited.services.accounts.getUserByEmail(email);
      await limited.services.accounts.setUserPlan(user.id, 'pro');
      expect(await quotaLine()).toBe('2 of 2 generations left in this workspace (rolling 30 days).');
      expect((await generate()).statusCode).toBe(303);
      expect(await quotaLine()).toBe('1 of 2 generations left in this workspace (rolling 30 days).');
      expect((await generate()).statusCode).toBe(303);
      const spent = await generate();
      expect(spent.statusCode).toBe(429);
      expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
      expect(spent.body).toContain('This workspace has used its 2 dashboard generations of the last 30 days.');
      expect(await quotaLine()).toBe('0 of 2 generations left in this workspace (rolling 30 days).');
      const generated = await limited.services.generations.page({ tenant_type: 'user', tenant_id: user.id, mode: 'live' }, null, 10);
      expect(generated).toHaveLength(2);

      // The API keys' quota stays per key: the workspace's dashboard use does not touch it.
      const { secret } = await limited.services.keys.createKey({ userId: user.id, name: 'k', mode: 'live', scopes: ['generate'] });
      const key = await limited.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
      expect(key.json().usage.generation_quota).toMatchObject({ used: 0 });
    } finally {
      await limited.close();
    }
  });

  it('limits dashboard generations per workspace per minute (DASHBOARD_GENERATIONS_PER_MINUTE)', async () => {
    const limited = await startWebServer({ DASHBOARD_GENERATIONS_PER_MINUTE: '1' });
    try {
      const { jar, csrf } = await signedIn(limited, 'pro');
      const generate = () => send(jar, 'POST', '/app/diagrams/generate', { _csrf: csrf, folder_id: '', name: '', prompt: 'The clerk files the form.' }, {}, limited);
      expect((await generate()).statusCode).toBe(303);
      const burst = await generate();
      expect(burst.statusCode).toBe(429);
      expect(burst.body).toContain('Too many generations in a minute for this workspace.');
    } finally {
      await limited.close();
    }
  });

  it('refuses a broken BPMN file with the reason and keeps the form open', async () => {
    const { jar, csrf } = await signedIn();
    const response = await send(jar, 'POST', '/app/diagrams/import', { _csrf: csrf, bpmn_xml: '<definitions><oops', name: 'Broken', folder_id: '' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Import failed:');
    expect(response.body).toContain('value="Broken"');
    expect(response.body).toContain('id="panel-import"');
  });

  it('saves the modeler’s XML as a new version and refuses a stale version or a missing CSRF token', async () => {
    const { jar, csrf } = await signedIn();
    const id = await importDiagram(jar, csrf);
    const xml = (await send(jar, 'GET', `/app/diagrams/${id}/export.bpmn`)).body;
    const save = (body: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: `/app/diagrams/${id}/xml`, headers: { cookie: jar.header(), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    expect((await save({ version: 1, bpmn_xml: xml })).statusCode).toBe(403);
    const first = await save({ _csrf: csrf, version: 1, bpmn_xml: xml });
    expect(first.json()).toEqual({ version: 2 });
    const stale = await save({ _csrf: csrf, version: 1, bpmn_xml: xml });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    // The save is kept in the history as an edit; the refused one left nothing.
    const versions = await server.services.store.db.selectFrom('diagram_versions').select(['version', 'source']).where('diagram_id', '=', id).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, source: 'imported' }, { version: 2, source: 'edited' }]);
  });

  it('moves folders, refuses a cycle and a non-empty delete with a readable message', async () => {
    const { jar, csrf } = await signedIn();
    const outer = await createFolder(jar, csrf, 'Outer');
    const inner = await createFolder(jar, csrf, 'Inner', outer);
    const cycle = await send(jar, 'POST', `/app/folders/${outer}`, { _csrf: csrf, name: 'Outer', parent_id: inner, context: '' });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.body).toContain('cannot be moved into itself');
    await importDiagram(jar, csrf, { folder_id: inner });
    const refused = await send(jar, 'POST', `/app/folders/${inner}/delete`, { _csrf: csrf });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Move or delete what is inside first.');
    const tree = await send(jar, 'GET', `/app/folders/${inner}`);
    expect(tree.body).toMatch(/Outer<\/a><ul><li><a href="\/app\/folders\/[0-9a-f-]+" class="folder active"/);
  });

  it('keeps live and test data apart and hides other users’ diagrams', async () => {
    const { jar, csrf } = await signedIn();
    const id = await importDiagram(jar, csrf);
    await send(jar, 'POST', '/app/mode', { _csrf: csrf, mode: 'test' }, { referer: 'http://localhost/app' });
    const testHome = await send(jar, 'GET', '/app');
    expect(testHome.body).toContain('Test mode');
    expect(testHome.body).not.toContain(id);
    expect((await send(jar, 'GET', `/app/diagrams/${id}`)).statusCode).toBe(404);
    const other = await signedIn();
    expect((await send(other.jar, 'GET', `/app/diagrams/${id}/image.svg`)).statusCode).toBe(404);
  });

  it('offers a page picker for a multi-page diagram: detail page, images, downloads and the modeler follow the page', async () => {
    const { jar, csrf } = await signedIn();
    const id = await importDiagram(jar, csrf, { bpmn_xml: fs.readFileSync('test/fixtures/bpmn/two-pages.bpmn', 'utf8'), name: 'Two pages' });
    const first = await send(jar, 'GET', `/app/diagrams/${id}`);
    expect(first.body).toContain('aria-label="Pages of this diagram"');
    expect(first.body).toContain('<a href="?theme=light&amp;diagram=page_sales" class="on" aria-current="page">Sales desk</a>');
    expect(first.body).toContain('<a href="?theme=light&amp;diagram=page_warehouse" class="">Page 2</a>');
    const second = await send(jar, 'GET', `/app/diagrams/${id}?diagram=page_warehouse&theme=dark`);
    expect(second.body).toContain(`/app/diagrams/${id}/image.svg?theme=dark&amp;v=1&amp;diagram=page_warehouse`);
    expect(second.body).toContain(`/app/diagrams/${id}/image.png?theme=dark&amp;download=1&amp;diagram=page_warehouse`);
    expect(second.body).toContain(`href="/app/diagrams/${id}/edit?diagram=page_warehouse"`);
    const image = await send(jar, 'GET', `/app/diagrams/${id}/image.svg?diagram=page_warehouse`);
    expect(image.body).toContain('wh_pack');
    expect(image.body).not.toContain('sales_check');
    // The thumbnail in the list is the first page.
    const list = await send(jar, 'GET', '/app');
    expect(list.body).toContain(`/app/diagrams/${id}/image.svg?theme=light&amp;v=1"`);
    expect((await send(jar, 'GET', `/app/diagrams/${id}/image.svg`)).body).toContain('sales_check');
    expect((await send(jar, 'GET', `/app/diagrams/${id}/image.svg?diagram=nope`)).statusCode).toBe(400);
    const modeler = await send(jar, 'GET', `/app/diagrams/${id}/edit?diagram=page_warehouse`);
    expect(modeler.body).toContain('<option value="page_warehouse" selected>Page 2</option>');
    expect(modeler.body).toContain('data-page="page_warehouse"');
    // A one-page diagram shows no picker.
    const single = await importDiagram(jar, csrf);
    expect((await send(jar, 'GET', `/app/diagrams/${single}`)).body).not.toContain('Pages of this diagram');
  });

  it('gives every refused form back with what was typed: pasted XML, folder names, a rename', async () => {
    const { jar, csrf } = await signedIn();
    const broken = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="Keep &amp; me"></definitions>';
    const imported = await send(jar, 'POST', '/app/diagrams/import', { _csrf: csrf, bpmn_xml: broken, name: 'Half-typed', folder_id: '' });
    expect(imported.statusCode).toBe(422);
    expect(imported.body).toContain('Import failed:');
    expect(imported.body).toContain('>&lt;definitions xmlns=&quot;http://www.omg.org/spec/BPMN/20100524/MODEL&quot;&gt;&lt;process id=&quot;p&quot;&gt;&lt;task id=&quot;t&quot; name=&quot;Keep &amp;amp; me&quot;&gt;&lt;/definitions&gt;</textarea>');
    expect(imported.body).toContain('value="Half-typed"');

    const folder = await send(jar, 'POST', '/app/folders', { _csrf: csrf, name: 'x'.repeat(300), parent_id: '', context: 'Lanes are Sales, Legal.' });
    expect(folder.statusCode).toBe(400);
    expect(folder.body).toContain(`value="${'x'.repeat(300)}"`);
    expect(folder.body).toContain('>Lanes are Sales, Legal.</textarea>');

    // A Free plan cannot generate: the description stays for when it can.
    const described = await send(jar, 'POST', '/app/diagrams/generate', { _csrf: csrf, folder_id: '', name: 'Claims', prompt: 'The clerk checks the claim & files it.' });
    expect(described.statusCode).toBe(403);
    expect(described.body).toContain('>The clerk checks the claim &amp; files it.</textarea>');
    expect(described.body).toContain('id="gen-name" name="name" type="text" value="Claims"');

    const id = await importDiagram(jar, csrf);
    const renamed = await send(jar, 'POST', `/app/diagrams/${id}`, { _csrf: csrf, name: 'y'.repeat(300), folder_id: '' });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.body).toContain(`id="d-name" name="name" type="text" required value="${'y'.repeat(300)}"`);
  });

  it('generates a diagram from a description into a folder', async () => {
    const { jar, csrf } = await signedIn(server, 'pro');
    const folder = await createFolder(jar, csrf, 'Support');
    const response = await send(jar, 'POST', '/app/diagrams/generate', {
      _csrf: csrf,
      folder_id: folder,
      name: '',
      prompt: 'The customer reports an incident. The agent checks the ticket. If it is urgent, the engineer fixes it; otherwise the agent answers the customer.',
    });
    expect(response.statusCode).toBe(303);
    const page = await send(jar, 'GET', String(response.headers.location));
    expect(page.body).toContain('Diagram generated from your description.');
    // Saved by the generation service: source generated, and a generation record for the tenant.
    expect(page.body).toContain('Version 1 · generated');
    const empty = await send(jar, 'POST', '/app/diagrams/generate', { _csrf: csrf, folder_id: folder, name: '', prompt: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Could not generate a diagram');
  });
});

describe('odd input', () => {
  it('answers malformed or hostile requests with a 4xx page, never a 500', async () => {
    const { jar, csrf } = await signedIn();
    const cookie = jar.header();
    const attempts = [
      { method: 'POST' as const, url: '/app/settings/keys', payload: `_csrf=${csrf}&name=x&scopes=diagrams:read&expires_in_days=abc` },
      { method: 'POST' as const, url: '/app/settings/keys', payload: `_csrf=${csrf}&name=x&scopes=nope&mode=prod` },
      { method: 'POST' as const, url: '/app/organizations', payload: `_csrf=${csrf}&name=${'x'.repeat(500)}` },
      { method: 'POST' as const, url: '/app/folders', payload: `_csrf=${csrf}&name=&parent_id=not-a-folder` },
      { method: 'POST' as const, url: '/app/diagrams/import', payload: `_csrf=${csrf}&bpmn_xml=${encodeURIComponent('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><definitions/>')}` },
      { method: 'POST' as const, url: '/signin', payload: `_csrf=${csrf}&email=a&email=b&password=` },
      { method: 'GET' as const, url: '/app/diagrams/%00%ff' },
      { method: 'GET' as const, url: '/app/folders/..%2f..%2fetc' },
      { method: 'GET' as const, url: '/app/diagrams/x/image.gif' },
    ];
    for (const attempt of attempts) {
      const response = await server.app.inject({
        method: attempt.method,
        url: attempt.url,
        headers: attempt.method === 'POST' ? { cookie, 'content-type': 'application/x-www-form-urlencoded' } : { cookie },
        ...(attempt.payload ? { payload: attempt.payload } : {}),
      });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBeLessThan(500);
      expect(response.body).not.toMatch(/at \w+ \(|node_modules|SQLITE/);
    }
    const badJson = await server.app.inject({
      method: 'POST',
      url: '/app/diagrams/x/xml',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"_csrf":',
    });
    expect(badJson.statusCode).toBe(400);
  });
});
