// Every MIWG reference model through the API: import, export semantically equal to the file, and images of it
// in both themes and both formats.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIWG_DIR, miwgFiles } from '../helpers/shared.ts';
import { compareXml } from '../../src/bpmn/xml-compare.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const files = miwgFiles();
const engines = files.length === 0 ? [] : await testEngines();

describe.each(engines)('MIWG models through the API on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };

  beforeAll(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', RENDER_WORKERS: '1' } });
    auth = bearer((await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] })).secret);
  });
  afterAll(() => server.close());

  it.each(files)('%s: imports, exports semantically equal and renders in both themes and formats', async (file) => {
    const xml = fs.readFileSync(path.join(MIWG_DIR, file), 'utf8');
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: auth, payload: { bpmn_xml: xml } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const stats = created.json().stats;
    expect(stats.tasks + stats.events + stats.gateways).toBeGreaterThan(0);

    const exported = await server.app.inject({ url: `/api/v1/diagrams/${id}/export`, headers: auth });
    expect(exported.statusCode).toBe(200);
    expect(compareXml(xml, exported.body)).toBeNull();

    for (const theme of ['light', 'dark']) {
      const svg = await server.app.inject({ url: `/api/v1/diagrams/${id}/image?format=svg&theme=${theme}`, headers: auth });
      expect(svg.statusCode).toBe(200);
      expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(svg.body).toContain('djs-element');
      expect(svg.body).not.toMatch(/<script|<foreignObject|(?:xlink:)?href="(?!#)/i);
      const png = await server.app.inject({ url: `/api/v1/diagrams/${id}/image?format=png&theme=${theme}&scale=1`, headers: auth });
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // Width and height from the IHDR chunk: a real drawing, not an empty canvas.
      expect(png.rawPayload.readUInt32BE(16)).toBeGreaterThan(100);
      expect(png.rawPayload.readUInt32BE(20)).toBeGreaterThan(50);
    }
  });
});
