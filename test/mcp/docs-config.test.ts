// The /docs "Use with AI assistants" page's configuration samples, read back from the served page and run as an
// MCP host would: the stdio one starts `npx jfi mcp` (the real bin/jfi.mjs) with the key in its environment, the
// HTTP one connects to the URL with the header it gives. Each creates, lists, renders and exports a diagram.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_PLACEHOLDER } from '../../src/web/docs/ai-assistants.ts';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectPng, HELLO_BPMN } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const [sqlite] = await testEngines();

interface StdioEntry { command: string; args: string[]; env: Record<string, string> }
interface HttpEntry { type: 'http'; url: string; headers: Record<string, string> }

describe('the AI assistants page’s MCP configurations', () => {
  let server: TestServer;
  let baseUrl: string;
  let secret: string;
  let page: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'silent' } });
    baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
    secret = (await server.createKey({ scopes: ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'] })).secret;
    const res = await fetch(`${baseUrl}/docs/ai-assistants`);
    expect(res.status).toBe(200);
    page = await res.text();
  });
  afterAll(() => server.close());

  /** The sample's JSON as the page shows it, with the reader's key put in. */
  function sample<T>(id: string): T {
    const match = new RegExp(`data-mcp-config="${id}"[^>]*><code>([^]*?)</code>`).exec(page);
    if (!match?.[1]) throw new Error(`no ${id} sample on the page`);
    const text = match[1].replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    const entry = (JSON.parse(text.replaceAll(KEY_PLACEHOLDER, secret)) as { mcpServers: Record<string, T> }).mcpServers['just-flow-it'];
    if (!entry) throw new Error('no just-flow-it server in the sample');
    return entry;
  }

  async function roundTrip(transport: Transport) {
    const client = new Client({ name: 'docs-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools).toHaveLength(9);
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        expect(result.isError ?? false).toBe(false);
        return result.content;
      };
      const [created] = await call('import_bpmn', { bpmn_xml: HELLO_BPMN, name: 'From the docs' });
      const diagram = JSON.parse((created as { text: string }).text) as { id: string; name: string };
      expect(diagram.name).toBe('From the docs');
      const [listed] = await call('list_diagrams', {});
      expect((JSON.parse((listed as { text: string }).text) as { data: { id: string }[] }).data.map((d) => d.id)).toContain(diagram.id);
      const [image] = await call('render_diagram', { id: diagram.id });
      expectPng(Buffer.from((image as { data: string }).data, 'base64'));
      const [exported] = await call('export_bpmn', { id: diagram.id });
      expect((exported as { resource: { text: string } }).resource.text).toContain('Say hello');
    } finally {
      await client.close();
    }
  }

  it('stdio: starts jfi mcp as written, which forwards to the server', async () => {
    const entry = sample<StdioEntry>('stdio');
    expect(entry.args).toContain(baseUrl);
    // As a host does: the command, its arguments, its env on top of a minimal one (PATH, to find npx and node).
    const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env: { PATH: process.env.PATH ?? '', ...entry.env }, cwd: ROOT, stderr: 'pipe' });
    await roundTrip(transport);
  }, 240_000);

  it('Streamable HTTP: connects to the URL with the header given', async () => {
    const entry = sample<HttpEntry>('http');
    expect(entry).toMatchObject({ type: 'http', url: `${baseUrl}/mcp` });
    await roundTrip(new StreamableHTTPClientTransport(new URL(entry.url), { requestInit: { headers: entry.headers } }));
  });

  it('stdio: jfi mcp without a key in its environment stops with a usage error', async () => {
    const { runNode, BIN } = await import('../cli/run-node.ts');
    const run = await runNode([BIN, 'mcp', '--url', baseUrl], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The environment variable JFI_API_KEY holds no API key.');
    expect(run.stdout).toBe('');
  }, 240_000);
});
