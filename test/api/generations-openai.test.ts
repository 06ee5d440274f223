// Generations through the OpenAI-compatible provider, against a local stand-in that speaks chat-completions:
// folder contexts reach the model in order, and a failing provider is a documented 422 that costs nothing,
// leaks no secret and leaves the Idempotency-Key free for a retry.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/services/auth-types.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const LLM_KEY = 'sk-standin-secret-0123456789';

const MODEL = JSON.stringify({
  name: 'Invoice',
  actors: [{ id: 'clerk', name: 'Clerk', organisation: false }],
  nodes: [
    { id: 's', kind: 'start', label: '', actor: 'clerk', taskType: 'none' },
    { id: 'a', kind: 'task', label: 'Check invoice', actor: 'clerk', taskType: 'user' },
    { id: 'b', kind: 'task', label: 'Pay invoice', actor: 'clerk', taskType: 'service' },
    { id: 'e', kind: 'end', label: '', actor: 'clerk', taskType: 'none' },
  ],
  flows: [
    { from: 's', to: 'a', label: '' },
    { from: 'a', to: 'b', label: '' },
    { from: 'b', to: 'e', label: '' },
  ],
});

/** What the stand-in does next: answer the model, or fail with HTTP 500. */
let behaviour: 'answer' | 'fail' = 'answer';
const received: Array<{ messages: Array<{ role: string; content: string }>; authorization: string | undefined }> = [];
let standIn: Server;
let baseUrl: string;

beforeAll(async () => {
  standIn = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ messages: JSON.parse(raw).messages, authorization: req.headers.authorization });
      if (behaviour === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
        return;
      }
      const choice = { index: 0, message: { role: 'assistant', content: MODEL }, finish_reason: 'stop' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [choice] }));
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => standIn.close(resolve)));

describe.each(engines)('generations with the openai provider on $name', (engine) => {
  let server: TestServer;
  let auth: { authorization: string };

  const post = (payload: object, headers: Record<string, string> = auth) =>
    server.app.inject({ method: 'POST', url: '/api/v1/generations', headers, payload });
  const used = async () => (await server.app.inject({ url: '/api/v1/key', headers: auth })).json().usage.generation_quota.used as number;

  beforeAll(async () => {
    server = await startTestServer(engine, {
      env: { JFI_GENERATOR: 'openai', JFI_LLM_BASE_URL: baseUrl, JFI_LLM_API_KEY: LLM_KEY, JFI_LLM_MODEL: 'standin-1', JFI_LLM_TIMEOUT_MS: '5000' },
    });
    auth = bearer((await server.createKey({ scopes: [...SCOPES] })).secret);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    behaviour = 'answer';
    received.length = 0;
  });

  it('generates through the model and sends it the folder contexts, outermost first', async () => {
    const folder = async (name: string, context: string, parentId: string | null) =>
      (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: { name, context, parent_id: parentId } })).json().id as string;
    const outer = await folder('Finance', 'Acme accounting.', null);
    const middle = await folder('Blank', '   ', outer);
    const inner = await folder('Payables', "Say 'client', not 'customer'.", middle);
    const res = await post({ prompt: 'The clerk checks the invoice and pays it.', folder_id: inner });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ provider: 'openai', model: 'standin-1', name: 'Invoice', folder_id: inner });
    expect(received).toHaveLength(1);
    expect(received[0]!.authorization).toBe(`Bearer ${LLM_KEY}`);
    const text = received[0]!.messages.map((m) => m.content).join('\n');
    expect(text).toContain('The clerk checks the invoice and pays it.');
    const acme = text.indexOf('Acme accounting.');
    const client = text.indexOf("Say 'client', not 'customer'.");
    expect(acme).toBeGreaterThanOrEqual(0);
    expect(client).toBeGreaterThan(acme);
    const xml = (await server.app.inject({ url: `/api/v1/diagrams/${res.json().diagram_id}/export`, headers: auth })).body;
    expect(xml).toContain('bpmn:serviceTask');
  });

  it('answers a failing provider with 422 validation_failed, charging nothing and leaking no secret', async () => {
    behaviour = 'fail';
    const before = await used();
    const res = await post({ prompt: 'The clerk checks the invoice and pays it.' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ type: 'validation_error', code: 'validation_failed', param: null });
    expect(res.json().error.message).toMatch(/HTTP 500/);
    expect(res.json().error.message).toMatch(/no quota was used/);
    expect(await used()).toBe(before);
    expect((await server.app.inject({ url: '/api/v1/generations?limit=100', headers: auth })).json().data).toHaveLength(1);
    for (const text of [res.body, ...server.logs]) expect(text).not.toContain(LLM_KEY);
  });

  it('frees the Idempotency-Key after a provider failure, so the same request can be retried', async () => {
    const headers = { ...auth, 'idempotency-key': `retry-${engine.name}` };
    const payload = { prompt: 'The clerk checks the invoice and pays it.' };
    behaviour = 'fail';
    expect((await post(payload, headers)).statusCode).toBe(422);
    behaviour = 'answer';
    const retry = await post(payload, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const replay = await post(payload, headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(retry.json().id);
  });
});
