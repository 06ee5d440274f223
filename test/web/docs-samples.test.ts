// Every code sample in /docs, copied out of the rendered page as a reader would, run with curl against a
// real server with a real key: the docs cannot drift from what the API does.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, type DocSample } from '../../src/web/docs/samples.ts';
import { startWebServer, type WebServer } from './web-server.ts';

const run = promisify(execFile);
const SIGNATURES = { png: '\x89PNG', svg: '<svg', xml: '<?xml' } as const;

let server: WebServer;
let workDir: string;
let openApiRoutes: Set<string>;
const env: Record<string, string> = {};

beforeAll(async () => {
  server = await startWebServer();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-docs-'));
  const user = await server.services.accounts.createUser({ email: 'reader@example.com', name: 'Docs Reader', password: 'correct horse battery', plan: 'pro' });
  const { secret } = await server.services.keys.createKey({
    userId: user.id,
    name: 'docs',
    mode: 'test',
    scopes: ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'],
  });
  env.JFI_KEY = secret;
  // The quickstart's operator step: `npx jfi` in the server's folder, with the server's DATABASE_URL, and the reader's account.
  env.DATABASE_URL = server.databaseUrl;
  env.LOG_LEVEL = 'silent';
  await server.services.accounts.createUser({ email: 'you@example.com', name: 'You', password: 'correct horse battery' });
  const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  openApiRoutes = new Set(Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** The sample's command exactly as the page shows it (entities decoded). */
async function commandOnPage(sample: DocSample): Promise<string> {
  const page = await (await fetch(`${server.url}/docs/${sample.page}`)).text();
  const match = new RegExp(`<pre class="code" data-sample="${sample.id}"[^>]*><code>([\\s\\S]*?)</code></pre>`).exec(page);
  if (!match) throw new Error(`/docs/${sample.page} does not show the sample ${sample.id}.`);
  return match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('docs code samples', () => {
  it('documents only routes the API has', () => {
    for (const sample of SAMPLES) if (sample.route !== null) expect(openApiRoutes, sample.id).toContain(sample.route);
  });

  // In page order: later samples use what earlier ones created (the diagram, the folder).
  for (const sample of SAMPLES) {
    it(`${sample.page}: ${sample.id} runs as shown`, async () => {
      const command = await commandOnPage(sample);
      if (sample.route !== null) expect(command).toContain(`${server.url}/api/v1/`);
      // An operator's command runs in the server's folder (this checkout); API calls anywhere.
      const cwd = sample.route === null ? process.cwd() : workDir;
      const { stdout } = await run('bash', ['-c', command], { cwd, env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 10_000_000 });
      // Header names are case-insensitive (HTTP/1.1 servers send them lower-cased).
      for (const text of sample.expect) expect(stdout.replace(/\r/g, '').toLowerCase()).toContain(text.toLowerCase());
      if (sample.writes) {
        const written = fs.readFileSync(path.join(workDir, sample.writes.file));
        expect(written.subarray(0, SIGNATURES[sample.writes.startsWith].length).toString('latin1')).toBe(SIGNATURES[sample.writes.startsWith]);
      }
      if (sample.id === 'set-plan') expect((await server.services.accounts.getUserByEmail('you@example.com')).plan).toBe('pro');
      if (sample.capture) {
        const value = (JSON.parse(stdout) as Record<string, unknown>)[sample.capture.field];
        expect(typeof value).toBe('string');
        env[sample.capture.variable] = value as string;
      }
    }, 180_000);
  }
});
