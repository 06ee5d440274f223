// The Quickstart's TypeScript tab, copied out of the served page as a reader would, type-checked and run with tsx
// against a real server: the sample cannot drift from the client or the API. Only the package name is pointed at
// this checkout's client, which is not installed from the registry here.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPESCRIPT_QUICKSTART } from '../../src/web/docs/samples.ts';
import { startWebServer, type WebServer } from '../web/web-server.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT_ENTRY = path.join(repoRoot, 'packages/client/src/index.ts');

let server: WebServer;
let workDir: string;
let secret: string;

beforeAll(async () => {
  server = await startWebServer();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-ts-sample-'));
  const user = await server.services.accounts.createUser({ email: 'ts-reader@example.com', name: 'TS Reader', password: 'correct horse battery', plan: 'pro' });
  ({ secret } = await server.services.keys.createKey({ userId: user.id, name: 'docs', mode: 'test', scopes: ['diagrams:read', 'diagrams:write'] }));
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

async function programOnPage(): Promise<string> {
  const page = await (await fetch(`${server.url}/docs/${TYPESCRIPT_QUICKSTART.page}`)).text();
  const match = new RegExp(`<pre class="code" data-sample="${TYPESCRIPT_QUICKSTART.id}"[^>]*><code>([\\s\\S]*?)</code></pre>`).exec(page);
  if (!match) throw new Error(`/docs/${TYPESCRIPT_QUICKSTART.page} does not show ${TYPESCRIPT_QUICKSTART.id}.`);
  return match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('the Quickstart TypeScript sample', () => {
  it('type-checks and runs as shown: checks the key, imports, renders, exports and lists', async () => {
    const program = await programOnPage();
    expect(program).toContain(`baseUrl: '${server.url}'`);
    expect(program).toContain("from '@justflowit/client'");
    const file = path.join(workDir, 'quickstart.mts');
    fs.writeFileSync(file, program.replace("'@justflowit/client'", JSON.stringify(CLIENT_ENTRY)));

    const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
    await run(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--types', 'node', '--typeRoots', path.join(repoRoot, 'node_modules/@types'),
      '--skipLibCheck', '--allowImportingTsExtensions', file], { cwd: workDir, timeout: 120_000 });

    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const { stdout } = await run(tsx, [file], { cwd: workDir, env: { ...process.env, JFI_KEY: secret }, timeout: 120_000 });
    expect(stdout).toContain('A test key with the scopes diagrams:read, diagrams:write');
    expect(stdout).toMatch(/[0-9a-f-]{36} Hello BPMN/);
    expect(fs.readFileSync(path.join(workDir, 'diagram.png')).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(fs.readFileSync(path.join(workDir, 'hello.bpmn'), 'utf8')).toMatch(/^<\?xml[\s\S]*Say hello/);
  });
});
