// The MCP server end to end: the SDK's own client over Streamable HTTP against a real, listening server on SQLite
// and Postgres — every tool, refusals exactly as /api/v1 gives them, the burst limit, 401s, the access log.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/services/auth-types.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';
import { expectPng, HELLO_BPMN } from './fixtures.ts';

const engines = await testEngines();
const ALL_SCOPES: Scope[] = ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'];
const PROMPT = 'The clerk checks the invoice. Then the manager approves the invoice.';

describe.each(engines)('MCP over Streamable HTTP on $name', (engine) => {
  let server: TestServer;
  let url: URL;
  const clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  async function start(env: Record<string, string> = {}) {
    server = await startTestServer(engine, { env });
    url = new URL('/mcp', await server.app.listen({ port: 0, host: '127.0.0.1' }));
  }

  async function connect(secret: string): Promise<Client> {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: bearer(secret) } }));
    clients.push(client);
    return client;
  }

  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult, index = 0) => {
    const item = result.content[index];
    if (item?.type !== 'text') throw new Error(`content ${index} is ${item?.type}, not text`);
    return item.text;
  };
  const jsonOf = (result: CallToolResult) => {
    expect(result.isError ?? false).toBe(false);
    return JSON.parse(text(result)) as Record<string, unknown> & { data: Record<string, unknown>[] };
  };
  const errorOf = (result: CallToolResult) => {
    expect(result.isError).toBe(true);
    return (JSON.parse(text(result)) as { error: { type: string; code: string; message: string; param: string | null }; request_id: string }).error;
  };

  it('lists the nine tools, each with a description and an object schema', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const client = await connect((await server.createKey({ scopes: ALL_SCOPES })).secret);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ['create_folder', 'export_bpmn', 'generate_diagram', 'get_diagram', 'import_bpmn', 'list_diagrams', 'list_folders', 'render_diagram', 'update_diagram'],
    );
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    }
    expect(tools.find((t) => t.name === 'generate_diagram')?.inputSchema.required).toEqual(['prompt']);
  });

  it('creates, lists, renders, updates and exports diagrams, answering the same JSON as the REST API', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const { secret } = await server.createKey({ scopes: ALL_SCOPES, mode: 'test' });
    const client = await connect(secret);

    const folder = jsonOf(await call(client, 'create_folder', { name: 'Finance', context: 'Invoices and payments.' }));
    expect(folder).toMatchObject({ object: 'folder', name: 'Finance' });
    expect(jsonOf(await call(client, 'list_folders')).data.map((f) => f.id)).toEqual([folder.id]);

    const imported = jsonOf(await call(client, 'import_bpmn', { bpmn_xml: HELLO_BPMN, name: 'Hello', folder_id: folder.id }));
    expect(imported).toMatchObject({ object: 'diagram', name: 'Hello', folder_id: folder.id, source: 'imported', livemode: false, version: 1 });
    const rest = await server.app.inject({ url: `/api/v1/diagrams/${String(imported.id)}`, headers: bearer(secret) });
    expect(text(await call(client, 'get_diagram', { id: imported.id }))).toBe(rest.body);

    server.clock.advance(1000);
    const generated = await call(client, 'generate_diagram', { prompt: PROMPT, name: 'Invoice approval', folder_id: folder.id });
    const diagram = jsonOf(generated);
    expect(diagram).toMatchObject({ object: 'diagram', name: 'Invoice approval', source: 'generated', folder_id: folder.id });
    const image = generated.content[1];
    expect(image).toMatchObject({ type: 'image', mimeType: 'image/png' });
    expectPng(Buffer.from((image as { data: string }).data, 'base64'));
    const resource = generated.content[2] as { type: string; resource: { uri: string; mimeType: string; text: string } };
    expect(resource.type).toBe('resource');
    expect(resource.resource.uri).toBe(`${url.origin}/api/v1/diagrams/${String(diagram.id)}/export`);
    expect(resource.resource.mimeType).toBe('application/xml');
    expect(resource.resource.text).toMatch(/^<\?xml[^]*<bpmndi:BPMNDiagram/);

    const page = await call(client, 'list_diagrams', { limit: 1 });
    const restPage = await server.app.inject({ url: '/api/v1/diagrams?limit=1', headers: bearer(secret) });
    expect(text(page)).toBe(restPage.body);
    const next = jsonOf(await call(client, 'list_diagrams', { limit: 1, cursor: jsonOf(page).next_cursor }));
    expect(next.data.map((d) => d.id)).toEqual([imported.id]);
    expect(jsonOf(await call(client, 'list_diagrams', { folder_id: 'none' })).data).toEqual([]);

    const rendered = await call(client, 'render_diagram', { id: imported.id, theme: 'dark', scale: 1 });
    const png = expectPng(Buffer.from((rendered.content[0] as { data: string }).data, 'base64'));
    const svg = text(await call(client, 'render_diagram', { id: imported.id, format: 'svg' }));
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(png.width).toBeGreaterThan(100);

    const moved = jsonOf(await call(client, 'update_diagram', { id: imported.id, name: 'Hello again', folder_id: null, version: 1 }));
    expect(moved).toMatchObject({ name: 'Hello again', folder_id: null, version: 2 });
    const stale = errorOf(await call(client, 'update_diagram', { id: imported.id, name: 'Late', version: 1 }));
    expect(stale).toMatchObject({ type: 'conflict_error', code: 'version_conflict' });

    const exported = (await call(client, 'export_bpmn', { id: imported.id })).content[0] as { resource: { text: string } };
    const restExport = await server.app.inject({ url: `/api/v1/diagrams/${String(imported.id)}/export`, headers: bearer(secret) });
    expect(exported.resource.text).toBe(restExport.body);
  });

  it('answers bad arguments and unknown ids with the API error envelope as a tool error', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const client = await connect((await server.createKey({ scopes: ALL_SCOPES })).secret);
    expect(errorOf(await call(client, 'get_diagram', {}))).toMatchObject({ type: 'invalid_request_error', code: 'missing_parameter', param: 'id' });
    expect(errorOf(await call(client, 'get_diagram', { id: 'x' }))).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter', param: 'id' });
    expect(errorOf(await call(client, 'get_diagram', { id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      type: 'not_found_error',
      code: 'resource_not_found',
    });
    expect(errorOf(await call(client, 'render_diagram', { id: '00000000-0000-4000-8000-000000000000', scale: 9 }))).toMatchObject({
      code: 'invalid_parameter',
      param: 'scale',
    });
    expect(errorOf(await call(client, 'import_bpmn', { bpmn_xml: '<nope', extra: 1 }))).toMatchObject({ code: 'invalid_parameter', param: 'extra' });
    expect(errorOf(await call(client, 'import_bpmn', { bpmn_xml: '<definitions/>' }))).toMatchObject({ type: 'validation_error', code: 'validation_failed' });
    expect(errorOf(await call(client, 'no_such_tool'))).toMatchObject({ code: 'invalid_parameter', param: 'name' });
  });

  it('refuses a missing scope and a lapsed plan with the same type, code and message as REST', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const reader = await server.createKey({ scopes: ['diagrams:read'] });
    const client = await connect(reader.secret);
    const scope = errorOf(await call(client, 'import_bpmn', { bpmn_xml: HELLO_BPMN }));
    const restScope = await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: bearer(reader.secret), payload: { bpmn_xml: HELLO_BPMN } });
    expect(scope).toEqual({ ...restScope.json().error });
    expect(scope.message).toBe('This API key is missing the required scope: diagrams:write.');
    expect(errorOf(await call(client, 'generate_diagram', { prompt: PROMPT })).message).toContain('generate');
    expect(jsonOf(await call(client, 'list_diagrams')).data).toEqual([]);

    await server.services.accounts.setUserPlan(reader.userId, 'free');
    const plan = errorOf(await call(client, 'list_diagrams'));
    const restPlan = await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(reader.secret) });
    expect(restPlan.statusCode).toBe(403);
    expect(plan).toEqual(restPlan.json().error);
    expect(plan).toMatchObject({ type: 'permission_error', code: 'plan_required' });
  });

  it('keeps each key to its tenant and mode', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const live = await server.createKey({ scopes: ALL_SCOPES, mode: 'live' });
    const other = await server.createKey({ scopes: ALL_SCOPES, mode: 'live' });
    const made = jsonOf(await call(await connect(live.secret), 'import_bpmn', { bpmn_xml: HELLO_BPMN }));
    expect(made.livemode).toBe(true);
    const stranger = await connect(other.secret);
    expect(errorOf(await call(stranger, 'get_diagram', { id: made.id })).code).toBe('resource_not_found');
    expect(jsonOf(await call(stranger, 'list_diagrams')).data).toEqual([]);
  });

  it('counts every request against the key’s burst limit; a tool call past it gets rate_limit_error', async () => {
    await start({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '3' });
    const client = await connect((await server.createKey({ scopes: ALL_SCOPES })).secret);
    // initialize and notifications/initialized were two; this is the third.
    expect(jsonOf(await call(client, 'list_folders')).data).toEqual([]);
    const limited = errorOf(await call(client, 'list_folders'));
    expect(limited).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    // The rest of the protocol gets the HTTP 429.
    await expect(client.listTools()).rejects.toThrow(/rate_limit_exceeded/);
    server.clock.advance(60_000);
    expect(jsonOf(await call(client, 'list_folders')).data).toEqual([]);
  });

  it('answers 401 in the API envelope without a valid key, with no CORS headers', async () => {
    await start({ LOG_LEVEL: 'silent' });
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin: 'https://evil.example' };
    const missing = await fetch(url, { method: 'POST', headers, body: JSON.stringify(init) });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: unknown }).error).toMatchObject({ type: 'authentication_error', code: 'missing_api_key' });
    expect(missing.headers.get('access-control-allow-origin')).toBeNull();
    const bad = await fetch(url, { method: 'POST', headers: { ...headers, authorization: 'Bearer jfi_sk_test_nope' }, body: JSON.stringify(init) });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({ code: 'invalid_api_key' });
    await expect(connect('jfi_sk_live_wrong')).rejects.toThrow(/invalid_api_key/);
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(url)).status).toBe(405);
  });

  it('writes one access line per call with its request id and tool name, never the arguments', async () => {
    await start();
    const client = await connect((await server.createKey({ scopes: ALL_SCOPES })).secret);
    await call(client, 'import_bpmn', { bpmn_xml: HELLO_BPMN, name: 'Secret plan' });
    const lines = server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request completed' && l.route === '/mcp');
    const line = lines.find((l) => l.mcp === 'tools/call import_bpmn');
    expect(line).toMatchObject({ method: 'POST', status: 200 });
    expect(line?.request_id).toMatch(/^req_/);
    expect(lines.map((l) => l.mcp)).toContain('initialize');
    expect(server.logs.join('\n')).not.toContain('Secret plan');
  });
});
