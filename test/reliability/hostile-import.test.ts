// Hostile XML through POST /diagrams on a real server: every document is refused with 422 validation_failed
// (or 400 payload_too_large over the body limit) in bounded time and memory, nothing is stored, no file is
// read and no network call made; and a stored diagram whose labels look like script renders inert SVG.
import { createServer, type Server } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';
import { envelopeProblem } from './envelope.ts';

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const open = `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D">`;
const close = '</bpmn:definitions>';
const MB = 1024 * 1024;

describe('hostile XML through the import API', async () => {
  const [sqlite] = await testEngines();
  let server: TestServer;
  let secret: string;
  let canary: Server;
  let canaryHits = 0;
  let secretFile: string;

  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'warn' } });
    ({ secret } = await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] }));
    canary = createServer((_req, res) => {
      canaryHits++;
      res.end('<!ENTITY x "pwned">');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    secretFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-xxe-')), 'secret.txt');
    fs.writeFileSync(secretFile, 'TOP-SECRET-4711');
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => canary?.close(resolve));
    fs.rmSync(path.dirname(secretFile), { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: { ...bearer(secret), 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  const corpus = (): [string, string][] => {
    const canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/x`;
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    return [
      ['billion laughs', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY lol0 "lol">${lol}]>${open}<bpmn:process id="P"><bpmn:task id="T" name="&lol9;"/></bpmn:process>${close}`],
      ['quadratic blowup', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "${'x'.repeat(50_000)}">]>${open}<bpmn:process id="P" name="${'&big;'.repeat(20_000)}"/>${close}`],
      ['external entity file://', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://${secretFile}">]>${open}<bpmn:process id="P" name="&xxe;"/>${close}`],
      ['external entity http://', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "${canaryUrl}">]>${open}<bpmn:process id="P" name="&xxe;"/>${close}`],
      ['external parameter entity', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "${canaryUrl}"> %p;]>${open}${close}`],
      ['external DTD', `<?xml version="1.0"?><!DOCTYPE d SYSTEM "${canaryUrl}">${open}${close}`],
      ['deep nesting', `${open}<bpmn:process id="P">${'<bpmn:extensionElements>'.repeat(5000)}${'</bpmn:extensionElements>'.repeat(5000)}</bpmn:process>${close}`],
      ['huge attribute', `${open}<bpmn:process id="P"><bpmn:task id="T" name="${'a'.repeat(4 * MB)}"/></bpmn:process>${close}`],
      ['many attributes', `${open}<bpmn:process id="P"><bpmn:task id="T" ${Array.from({ length: 20_000 }, (_, i) => `a${i}="x"`).join(' ')}/></bpmn:process>${close}`],
      ['non-BPMN XML', '<?xml version="1.0"?><html><body><script>alert(1)</script></body></html>'],
      ['SVG document', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'],
      ['not XML', '{"bpmn": true}'],
      ['truncated', `${open}<bpmn:process id="P"><bpmn:task id="T"`],
      ['NUL bytes', `${open}<bpmn:process id="P\u0000"/>${close}`],
      ['processing instruction bomb', `<?xml version="1.0"?>${'<?pi x?>'.repeat(50_000)}${open}${close}`],
    ];
  };

  it('refuses every hostile document with 422 in bounded time and memory, and stores nothing', async () => {
    const rssBefore = process.memoryUsage().rss;
    let worstMs = 0;
    let peakRss = rssBefore;
    for (const [name, xml] of corpus()) {
      const started = performance.now();
      const res = await post({ bpmn_xml: xml, name });
      const ms = performance.now() - started;
      worstMs = Math.max(worstMs, ms);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      expect(res.statusCode, name).toBe(422);
      expect(envelopeProblem(res.statusCode, res.body), name).toBeNull();
      expect(res.json().error.code, name).toBe('validation_failed');
      expect(res.body, name).not.toContain('TOP-SECRET');
      expect(ms, name).toBeLessThan(10_000);
    }
    const list = await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(secret) });
    expect(list.json().data).toEqual([]);
    expect(canaryHits).toBe(0);
    expect(peakRss - rssBefore).toBeLessThan(512 * MB);
    console.log(`hostile corpus: ${corpus().length} documents, worst ${worstMs.toFixed(0)} ms, RSS +${((peakRss - rssBefore) / MB).toFixed(0)} MiB`);
  }, 120_000);

  it('keeps an XInclude as an inert foreign element: never resolved, the file never read', async () => {
    const xml = `${open.replace('id="D"', 'id="D" xmlns:xi="http://www.w3.org/2001/XInclude"')}<xi:include href="file://${secretFile}" parse="text"/>${close}`;
    const res = await post({ bpmn_xml: xml, name: 'XInclude' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain('TOP-SECRET');
    if (res.statusCode === 201) {
      const exported = await server.app.inject({ url: `/api/v1/diagrams/${res.json().id}/export`, headers: bearer(secret) });
      expect(exported.body).not.toContain('TOP-SECRET');
      await server.app.inject({ method: 'DELETE', url: `/api/v1/diagrams/${res.json().id}`, headers: bearer(secret) });
    }
  });

  it('answers 400 payload_too_large for a body over the limit', async () => {
    const res = await post({ bpmn_xml: `${open}<bpmn:process id="P" name="${'a'.repeat(6 * MB)}"/>${close}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('payload_too_large');
    expect((await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(secret) })).json().data).toEqual([]);
  });

  it('stores script-like labels as text and renders SVG with no active content', async () => {
    const evil = [
      '<script>alert(1)</script>',
      '"><svg onload=alert(1)>',
      'javascript:alert(1)',
      "<img src=x onerror='alert(1)'>",
      '<a xlink:href="javascript:alert(1)">x</a>',
      '<foreignObject><iframe src="http://evil.example/"></iframe></foreignObject>',
      ']]><script>alert(1)</script>',
      '<use href="http://evil.example/sprite.svg#x"/>',
    ];
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const tasks = evil.map((label, i) => `<bpmn:task id="T${i}" name="${escape(label)}"/>`).join('');
    const flows = evil.map((_, i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="${i === 0 ? 'S' : `T${i - 1}`}" targetRef="T${i}" name="${escape(evil[(i + 3) % evil.length]!)}"/>`).join('');
    const xml = `${open}<bpmn:process id="P" name="${escape(evil[0]!)}"><bpmn:startEvent id="S" name="${escape(evil[1]!)}"/>${tasks}${flows}</bpmn:process>${close}`;
    const created = await post({ bpmn_xml: xml, name: evil[0] });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    for (const theme of ['light', 'dark']) {
      const res = await server.app.inject({ url: `/api/v1/diagrams/${id}/image?format=svg&theme=${theme}`, headers: bearer(secret) });
      expect(res.statusCode).toBe(200);
      const svg = res.body;
      expect(svg).toContain('&lt;script&gt;');
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<(foreignObject|iframe|img|a|use)\b/i);
      expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
      expect(svg).not.toMatch(/(href|src)\s*=\s*["'](?!#|data:)/i);
      expect(svg).not.toMatch(/=\s*["']\s*javascript:/i);
    }
    const exported = await server.app.inject({ url: `/api/v1/diagrams/${id}/export`, headers: bearer(secret) });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toMatch(/<script/i);
  });
});
