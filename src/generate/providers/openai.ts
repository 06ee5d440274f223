// Provider for any OpenAI-compatible chat-completions endpoint: asks for the ProcessModel as JSON, checks it, retries once.
import { ModelError, NODE_KINDS, readModel, repairModel, TASK_TYPES, type ProcessModel } from '../model.ts';
import { GenerationError, type GenerationInput, type GenerationProvider } from '../provider.ts';

export interface OpenAiOptions {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

const MODEL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'actors', 'nodes', 'flows'],
  properties: {
    name: { type: 'string' },
    actors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'organisation'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'boolean' } },
      },
    },
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'label', 'actor', 'taskType'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: NODE_KINDS },
          label: { type: 'string' },
          actor: { type: ['string', 'null'] },
          taskType: { type: 'string', enum: TASK_TYPES },
        },
      },
    },
    flows: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'label'],
        properties: { from: { type: 'string' }, to: { type: 'string' }, label: { type: 'string' } },
      },
    },
  },
} as const;

const SYSTEM_PROMPT = [
  'You turn a plain-language business process description into a BPMN process model, answered as JSON only.',
  'actors: the people, roles, departments or systems that act (one lane each); organisation=true only for separate companies.',
  'nodes: exactly one start event, end events, tasks labelled as short imperative verb-object phrases ("Check invoice",',
  'at most six words), taskType user/service/send/receive/manual/none only where the text says so, exclusive gateways for',
  'decisions (conditions on their outgoing flows), parallel gateways for work done at the same time; every split is joined',
  'again or ends. flows: sequence flows by node id; label is the condition or "".',
  'If the text describes no process, answer with an empty nodes array.',
].join(' ');

export class OpenAiProvider implements GenerationProvider {
  readonly name = 'openai';
  readonly modelName: string;

  constructor(private readonly options: OpenAiOptions) {
    this.modelName = options.model;
  }

  async describe(input: GenerationInput, warnings: string[]): Promise<ProcessModel> {
    const messages: Array<{ role: string; content: string }> = [{ role: 'system', content: SYSTEM_PROMPT }];
    if (input.contexts?.length) {
      messages.push({
        role: 'system',
        content: `Context of the folder this diagram goes into, outermost first (follow its terms, actors and naming style):\n${input.contexts.map((c, i) => `${i + 1}. ${c}`).join('\n')}`,
      });
    }
    messages.push({ role: 'user', content: input.prompt });

    let problem = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const asked = problem
        ? [...messages, { role: 'user', content: `Your previous answer was unusable (${problem}). Answer again with valid JSON matching the schema.` }]
        : messages;
      const content = await this.complete(asked);
      try {
        const model = readModel(JSON.parse(content));
        if (!model.nodes.length) {
          throw new GenerationError('unreadable', 'The model found no process in the description: say who does what, in order.');
        }
        repairModel(model); // throws when beyond repair; the caller repairs again and keeps the warnings
        return model;
      } catch (err) {
        if (err instanceof GenerationError) throw err;
        problem = err instanceof SyntaxError ? 'not JSON' : err instanceof ModelError ? err.message : 'invalid model';
        if (attempt === 1) warnings.push(`The ${this.modelName} answer was unusable (${problem}); asked again.`);
      }
    }
    throw new GenerationError('provider_failed', `The language model returned an unusable answer twice (${problem}).`);
  }

  private async complete(messages: Array<{ role: string; content: string }>): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.options.model,
          temperature: 0,
          messages,
          response_format: { type: 'json_schema', json_schema: { name: 'process_model', strict: true, schema: MODEL_SCHEMA } },
        }),
      });
      const text = await res.text();
      if (!res.ok) {
        throw new GenerationError('provider_failed', `The language model endpoint answered HTTP ${res.status}.`);
      }
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        throw new GenerationError('provider_failed', 'The language model endpoint answered something that is not JSON.');
      }
      const content = body?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new GenerationError('provider_failed', 'The language model endpoint answered without a message.');
      return content;
    } catch (err) {
      if (err instanceof GenerationError) throw err;
      if (controller.signal.aborted) {
        throw new GenerationError('provider_failed', `The language model did not answer within ${this.options.timeoutMs} ms.`);
      }
      // Network errors carry the URL at most; never the key.
      throw new GenerationError('provider_failed', `The language model endpoint could not be reached (${(err as Error).message}).`);
    } finally {
      clearTimeout(timer);
    }
  }
}
