import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { generateProcess } from '../../../src/generate/generate.ts';
import { GenerationError } from '../../../src/generate/provider.ts';
import { WORKED_EXAMPLES } from '../../../src/generate/providers/llm/examples.ts';
import { PLAIN_JSON_INSTRUCTION, SYSTEM_PROMPT } from '../../../src/generate/providers/llm/prompt.ts';
import { OpenAiProvider } from '../../../src/generate/providers/openai.ts';

// A stand-in that speaks the chat-completions protocol and plays recorded answers (fixtures/*.json: status and body).
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

const recorded = (name: string): { status: number; body: any } =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

const play = (name: string): Handler => (_body, _req, res) => {
  const { status, body } = recorded(name);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const answer = (content: string): Handler => (_body, _req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
};

const provider = (baseUrl: string, timeoutMs = 5000) => new OpenAiProvider({ baseUrl, apiKey: 'sk-test-secret', model: 'test-model', timeoutMs });

const ONBOARDING =
  'When a new employee joins, HR prepares the contract and IT sets up a laptop at the same time. Then the manager schedules an introduction meeting. If the employee needs a visa, HR applies for a work permit.';
const SUPPORT =
  "Create a diagram for a support ticket process: A customer opens a ticket. Support triages it; if it's a bug it goes to engineering. Otherwise support answers within 2 days. Close the ticket when the customer confirms.";
const EXPENSES = 'Employees submit expense reports. Finance checks them; incorrect reports are sent back for correction. Finance waits for the manager approval, then reimburses the employee.';

const lastUser = (request: any) => request.body.messages.at(-1);

describe('OpenAI-compatible provider: what it asks', () => {
  it('asks for strict structured output covering events, boundaries and timers, after the rules and the worked examples', async () => {
    const url = await serve([play('good-onboarding')]);
    await generateProcess({ prompt: ONBOARDING }, provider(url));
    const sent = requests[0]!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test-secret');
    expect(sent.body.model).toBe('test-model');
    const format = sent.body.response_format;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'process_model', strict: true } });
    const node = format.json_schema.schema.properties.nodes.items;
    expect(node.properties.kind.enum).toEqual(expect.arrayContaining(['boundary', 'intermediate', 'inclusive', 'subprocess']));
    expect(node.required).toEqual(['id', 'kind', 'label', 'actor', 'taskType', 'eventType', 'timer', 'attachedTo', 'interrupting']);
    expect(node.properties.timer.anyOf[0].properties.kind.enum).toEqual(['duration', 'cycle', 'date']);
    const messages = sent.body.messages;
    expect(messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    // Each worked example is a user turn and the answer that models it.
    expect(messages.slice(1, 1 + 2 * WORKED_EXAMPLES.length).map((m: any) => m.role)).toEqual(WORKED_EXAMPLES.flatMap(() => ['user', 'assistant']));
    expect(JSON.parse(messages[2].content).nodes.some((n: any) => n.kind === 'boundary')).toBe(true);
    expect(lastUser(sent)).toEqual({ role: 'user', content: ONBOARDING });
  });

  it('forwards folder contexts, outermost first, before the description', async () => {
    const url = await serve([play('good-onboarding')]);
    await generateProcess({ prompt: ONBOARDING, contexts: ['Acme accounting.', 'Write labels in plain words.'] }, provider(url));
    const messages = requests[0]!.body.messages;
    expect(messages.at(-2)).toEqual({
      role: 'system',
      content: expect.stringMatching(/outermost first.*\n1\. Acme accounting\.\n2\. Write labels in plain words\.$/),
    });
  });

  it('spells out the terms, lanes, speaker and label case the contexts ask for', async () => {
    const url = await serve([play('good-onboarding')]);
    const contexts = ["Say 'client', not 'customer'.", 'Our lanes are: Front office, Finance.', 'We are the people team. Labels in Title Case.'];
    await generateProcess({ prompt: ONBOARDING, contexts }, provider(url));
    const context = requests[0]!.body.messages.at(-2).content as string;
    expect(context.split('\n\nSo:\n')[1]!.split('\n')).toEqual([
      '- Write "client", never "customer", in every label: tasks, events, gateways, conditions, lanes, pools and the name.',
      '- The lanes are exactly: Front office, Finance. Give every step of this organisation the lane that does it, from this list; add no other lane (separate organisations stay pools).',
      '- "We" and "I" are the People team: that is their actor\'s name.',
      '- Write every label in Title Case.',
    ]);
  });

  it('applies the contexts to the answer too: the lanes of the folder, its terms in conditions', async () => {
    const url = await serve([play('good-onboarding')]);
    const result = await generateProcess({ prompt: ONBOARDING, contexts: ["Say 'staff member', not 'employee'.", 'Our lanes are: People, Technology, Management.'] }, provider(url));
    expect(result.model.actors.map((a) => a.name)).toEqual(['People', 'Technology', 'Management']);
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(result.model)).not.toMatch(/employee/i);
    expect(result.model.nodes.find((n) => n.kind === 'start')!.label).toBe('New staff member joined');
  });
});

describe('OpenAI-compatible provider: recorded answers', () => {
  it('turns a good answer into laid-out BPMN with its parallel work and decision, in one request', async () => {
    const url = await serve([play('good-onboarding')]);
    const result = await generateProcess({ prompt: ONBOARDING }, provider(url));
    expect(requests).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    expect(result.provider).toBe('openai');
    expect(result.model_name).toBe('test-model');
    const { definitions } = await parseBpmn(result.xml);
    const process = definitions.rootElements.find((r: any) => r.$type === 'bpmn:Process');
    const split = process.flowElements.find((e: any) => e.$type === 'bpmn:ParallelGateway' && e.outgoing.length === 2);
    expect(split.outgoing.map((f: any) => f.targetRef.name).sort()).toEqual(['Prepare employment contract', 'Set up laptop']);
    expect(process.flowElements.find((e: any) => e.$type === 'bpmn:StartEvent').name).toBe('New employee joined');
    expect(process.laneSets[0].lanes.map((l: any) => l.name)).toEqual(['HR', 'IT', 'Manager']);
  });

  it('reads JSON inside a code fence with prose around it', async () => {
    const url = await serve([play('fenced-support')]);
    const result = await generateProcess({ prompt: SUPPORT }, provider(url));
    expect(requests).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    expect(result.model.nodes.find((n) => n.kind === 'boundary')).toMatchObject({ attachedTo: 'answer', timer: { kind: 'duration', value: 'P2D' }, interrupting: false });
    expect(result.xml).toMatch(/<bpmn:boundaryEvent id="[^"]+" name="2 days" cancelActivity="false" attachedToRef="[^"]+answer"/);
    expect(result.xml).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDuration>');
  });

  it('falls back to plain JSON when the server refuses structured output, and keeps asking that way', async () => {
    const url = await serve([play('error-400-response-format'), play('fenced-support')]);
    const llm = provider(url);
    const result = await generateProcess({ prompt: SUPPORT }, llm);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.body.response_format.type).toBe('json_schema');
    expect(requests[1]!.body.response_format).toBeUndefined();
    expect(requests[1]!.body.messages[1]).toEqual({ role: 'system', content: PLAIN_JSON_INSTRUCTION });
    expect(result.warnings).toEqual(['The endpoint refused structured output (HTTP 400); asked for plain JSON instead.']);
    expect(result.model.nodes.some((n) => n.label === 'Close ticket')).toBe(true);

    await generateProcess({ prompt: SUPPORT }, llm);
    expect(requests).toHaveLength(3);
    expect(requests[2]!.body.response_format).toBeUndefined();
  });

  it('asks again after a truncated answer, saying it was cut off', async () => {
    const url = await serve([play('truncated-onboarding'), play('good-onboarding')]);
    const result = await generateProcess({ prompt: ONBOARDING }, provider(url));
    expect(requests).toHaveLength(2);
    const retry = requests[1]!.body.messages;
    // The cut-off text is not sent back; the problem is.
    expect(retry.at(-2)).toEqual({ role: 'user', content: ONBOARDING });
    expect(lastUser(requests[1]).content).toBe(
      'Your answer has these problems:\n- the answer was cut off at the token limit before the JSON was complete; answer with shorter labels and no extra fields\nAnswer again with the whole corrected model as JSON.',
    );
    expect(result.warnings).toEqual([expect.stringMatching(/^The test-model answer had a problem \(the answer was cut off.*\); asked again\.$/)]);
    expect(result.model.nodes).toHaveLength(10);
  });

  it('fails with provider_failed when the answer misses the schema twice, naming what is missing', async () => {
    const url = await serve([play('wrong-schema-onboarding')]);
    const err = await generateProcess({ prompt: ONBOARDING }, provider(url)).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toBe('The language model returned an unusable answer twice (the JSON does not match the schema: The model needs a "nodes" array.).');
    expect(requests).toHaveLength(2);
    expect(lastUser(requests[1]).content).toContain('- the JSON does not match the schema: The model needs a "nodes" array.');
  });

  it('sends an answer with modelling problems back with the exact list, and takes the corrected one', async () => {
    const url = await serve([play('problems-expenses'), play('fixed-expenses')]);
    const result = await generateProcess({ prompt: EXPENSES }, provider(url));
    expect(requests).toHaveLength(2);
    const retry = requests[1]!.body.messages;
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: recorded('problems-expenses').body.choices[0].message.content });
    expect(lastUser(requests[1]).content).toBe(
      [
        'Your answer has these problems:',
        '- "1 week" never reaches an end.',
        '- "1 week": the timer duration "one week" is not ISO 8601.',
        '- Boundary event "1 week" has an incoming flow; it starts only from its task.',
        '- Boundary event "1 week" has no outgoing flow.',
        '- "Submit expense report" appears twice (submit and submit2): a repeated step loops back to the first one.',
        '- "Wait for manager approval" is a wait, not work: use an intermediate timer or message event.',
        '- The branch from "Report correct?" to "Submit expense report" has no condition.',
        '- The branch from "Report correct?" to "Wait for manager approval" has no condition.',
        'Answer again with the whole corrected model as JSON.',
      ].join('\n'),
    );
    expect(result.warnings).toEqual(['The test-model answer had 8 problems ("1 week" never reaches an end.); asked again.']);
    expect(result.model.nodes.map((n) => n.label)).toContain('Correct expense report');
    expect(result.model.flows).toContainEqual({ from: 'correct', to: 'check' });
  });

  it('repairs the second answer when it still has problems, and says which', async () => {
    const url = await serve([play('problems-expenses')]);
    const result = await generateProcess({ prompt: EXPENSES }, provider(url));
    expect(requests).toHaveLength(2);
    expect(result.warnings).toContainEqual(expect.stringMatching(/^The second test-model answer still had problems; they were repaired where possible: .*"Submit expense report" appears twice/));
    expect(result.model.nodes.some((n) => n.kind === 'boundary' && n.timer)).toBe(false);
    expect(result.model.flows.some((f) => f.to === 'remind')).toBe(false);
  });

  it('keeps a usable first answer when the second is unreadable', async () => {
    const url = await serve([play('problems-expenses'), play('truncated-onboarding')]);
    const result = await generateProcess({ prompt: EXPENSES }, provider(url));
    expect(result.model.name).toBe('Expense claims');
    expect(result.warnings.some((w) => w.startsWith('The second test-model answer still had problems'))).toBe(true);
  });

  it('maps an empty answer to unreadable', async () => {
    const url = await serve([answer(JSON.stringify({ name: '', actors: [], nodes: [], flows: [] }))]);
    const err = await generateProcess({ prompt: 'Milk, eggs, bread.' }, provider(url)).catch((e) => e);
    expect(err.code).toBe('unreadable');
    expect(requests).toHaveLength(1);
  });
});

describe('OpenAI-compatible provider: a failing endpoint', () => {
  it('times out with provider_failed when the endpoint hangs', async () => {
    const url = await serve([() => undefined]);
    const err = await generateProcess({ prompt: ONBOARDING }, provider(url, 300)).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toBe('The language model did not answer within 300 ms.');
  });

  it('reports HTTP 429 as rate limiting, without asking again or leaking the key', async () => {
    const url = await serve([play('error-429-rate-limit')]);
    const err = await generateProcess({ prompt: ONBOARDING }, provider(url)).catch((e) => e);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toBe('The language model endpoint is rate limited (HTTP 429); try again later.');
    expect(err.message).not.toContain('sk-test-secret');
    expect(requests).toHaveLength(1);
  });

  it('reports HTTP 500 as provider_failed without leaking the key', async () => {
    const url = await serve([play('error-500')]);
    const err = await generateProcess({ prompt: ONBOARDING }, provider(url)).catch((e) => e);
    expect(err.code).toBe('provider_failed');
    expect(err.message).toBe('The language model endpoint answered HTTP 500.');
    expect(err.message).not.toContain('sk-test-secret');
  });
});
