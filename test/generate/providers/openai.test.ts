import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProcess } from '../../../src/generate/generate.ts';
import { GenerationError } from '../../../src/generate/provider.ts';
import { OpenAiProvider } from '../../../src/generate/providers/openai.ts';

// A stand-in that speaks the chat-completions protocol; each test scripts its answers.
type Handler = (body: any, req: IncomingMessage, res: ServerResponse) => void;
let server: Server | null = null;
const requests: any[] = [];

async function serve(handlers: Handler[]): Promise<string> {
  requests.length = 0;
  let call = 0;
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ body, headers: req.headers, url: req.url });
      const handler = handlers[Math.min(call++, handlers.length - 1)]!;
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

const answer = (content: string): Handler => (_body, _req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
};

const GOOD_MODEL = JSON.stringify({
  name: 'Invoice',
  actors: [{ id: 'clerk', name: 'Clerk', organisation: false }],
  nodes: [
    { id: 's', kind: 'start', label: '', actor: 'clerk', taskType: 'none' },
    { id: 'a', kind: 'task', label: 'Check invoice', actor: 'clerk', taskType: 'user' },
    { id: 'g', kind: 'exclusive', label: 'Invoice correct?', actor: 'clerk', taskType: 'none' },
    { id: 'b', kind: 'task', label: 'Pay invoice', actor: 'clerk', taskType: 'none' },
    { id: 'c', kind: 'task', label: 'Return invoice', actor: 'clerk', taskType: 'send' },
    { id: 'e', kind: 'end', label: '', actor: 'clerk', taskType: 'none' },
  ],
  flows: [
    { from: 's', to: 'a', label: '' },
    { from: 'a', to: 'g', label: '' },
    { from: 'g', to: 'b', label: 'yes' },
    { from: 'g', to: 'c', label: 'no' },
    { from: 'b', to: 'e', label: '' },
    { from: 'c', to: 'e', label: '' },
  ],
});

const provider = (baseUrl: string, timeoutMs = 5000) => new OpenAiProvider({ baseUrl, apiKey: 'sk-test-secret', model: 'test-model', timeoutMs });

describe('OpenAI-compatible provider', () => {
  it('asks with a JSON schema and turns the answer into laid-out BPMN', async () => {
    const url = await serve([answer(GOOD_MODEL)]);
    const result = await generateProcess({ prompt: 'The clerk checks the invoice and pays it or returns it.' }, provider(url));
    expect(result.provider).toBe('openai');
    expect(result.model_name).toBe('test-model');
    expect(result.model.nodes.map((n) => n.label)).toContain('Pay invoice');
    expect(result.xml).toContain('bpmn:userTask');
    expect(result.xml).toContain('bpmndi:BPMNDiagram');
    const sent = requests[0]!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test-secret');
    expect(sent.body.response_format.type).toBe('json_schema');
    expect(sent.body.model).toBe('test-model');
  });

  it('retries once when the first answer is not JSON', async () => {
    const url = await serve([answer('Sure! Here is your process: first check…'), answer(GOOD_MODEL)]);
    const result = await generateProcess({ prompt: 'The clerk checks the invoice.' }, provider(url));
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body.messages.at(-1).content).toMatch(/not JSON/);
    expect(result.warnings.some((w) => w.includes('asked again'))).toBe(true);
  });

  it('fails with provider_failed after two unusable answers', async () => {
    const url = await serve([answer('{"nodes": "many"}')]);
    const err = await generateProcess({ prompt: 'The clerk checks the invoice.' }, provider(url)).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.code).toBe('provider_failed');
    expect(requests).toHaveLength(2);
  });

  it('times out with provider_failed when the endpoint hangs', async () => {
    const url = await serve([() => undefined]);
    const started = Date.now();
    const err = await generateProcess({ prompt: 'The clerk checks the invoice.' }, provider(url, 300)).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toMatch(/300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports an HTTP 500 as provider_failed without leaking the key', async () => {
    const url = await serve([(_b, _r, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"boom"}}');
    }]);
    const err = await generateProcess({ prompt: 'The clerk checks the invoice.' }, provider(url)).catch((e) => e);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toMatch(/HTTP 500/);
    expect(err.message).not.toContain('sk-test-secret');
  });

  it('forwards folder contexts, outermost first, in the prompt', async () => {
    const url = await serve([answer(GOOD_MODEL)]);
    await generateProcess({ prompt: 'The clerk checks the invoice.', contexts: ['Acme accounting.', "Say 'client', not 'customer'."] }, provider(url));
    const system = requests[0]!.body.messages.filter((m: any) => m.role === 'system').map((m: any) => m.content).join('\n');
    expect(system).toMatch(/1\. Acme accounting\.\n2\. Say 'client', not 'customer'\./);
  });

  it('maps an empty answer to unreadable', async () => {
    const url = await serve([answer(JSON.stringify({ name: '', actors: [], nodes: [], flows: [] }))]);
    const err = await generateProcess({ prompt: 'Milk, eggs, bread.' }, provider(url)).catch((e) => e);
    expect(err.code).toBe('unreadable');
  });
});
