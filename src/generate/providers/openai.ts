// Provider for any OpenAI-compatible chat-completions endpoint: asks for the ProcessModel as structured JSON, checks
// the answer and asks once more with the exact problems. Prompt, schema and examples live in ./llm/.
import { ModelError, repairModel, type ProcessModel } from '../model.ts';
import { GenerationError, type GenerationInput, type GenerationProvider } from '../provider.ts';
import { AnswerProblem, parseAnswer } from './llm/answer.ts';
import { answerProblems } from './llm/check.ts';
import { buildMessages, followUp, PLAIN_JSON_INSTRUCTION, type ChatMessage } from './llm/prompt.ts';
import { RESPONSE_FORMAT } from './llm/schema.ts';

export interface OpenAiOptions {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

interface Reply {
  content: string;
  finishReason: string | null;
}

/** Servers that refuse structured output answer 400 (or 422) to response_format; they get plain JSON asked in words. */
const REFUSED_FORMAT = new Set([400, 422]);

export class OpenAiProvider implements GenerationProvider {
  readonly name = 'openai';
  readonly modelName: string;
  private structured = true;

  constructor(private readonly options: OpenAiOptions) {
    this.modelName = options.model;
  }

  async describe(input: GenerationInput, warnings: string[]): Promise<ProcessModel> {
    let messages = buildMessages(input);
    let usable: { model: ProcessModel; problems: string[] } | null = null;
    let problems: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const reply = await this.complete(messages, warnings);
      let answer: string | null = reply.content;
      try {
        const model = parseAnswer(reply.content, reply.finishReason);
        if (!model.nodes.length) {
          throw new GenerationError('unreadable', 'The model found no process in the description: say who does what, in order.');
        }
        repairModel(model); // throws when beyond repair; the caller repairs again and keeps the warnings
        problems = answerProblems(model);
        usable = { model, problems };
        if (!problems.length) return model;
      } catch (err) {
        if (!(err instanceof AnswerProblem || err instanceof ModelError)) throw err;
        problems = [err.message];
        answer = null; // an unreadable answer is not worth sending back
      }
      if (attempt === 1) {
        warnings.push(`The ${this.modelName} answer had ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (${problems[0]}); asked again.`);
        messages = [...messages, ...followUp(answer, problems)];
      }
    }
    if (usable) {
      warnings.push(`The second ${this.modelName} answer still had problems; they were repaired where possible: ${usable.problems.join(' ')}`);
      return usable.model;
    }
    throw new GenerationError('provider_failed', `The language model returned an unusable answer twice (${problems[0]}).`);
  }

  private async complete(messages: ChatMessage[], warnings: string[]): Promise<Reply> {
    try {
      return await this.post(messages);
    } catch (err) {
      if (!(err instanceof RefusedFormat)) throw err;
      this.structured = false;
      warnings.push(`The endpoint refused structured output (HTTP ${err.status}); asked for plain JSON instead.`);
      return this.post(messages);
    }
  }

  private async post(messages: ChatMessage[]): Promise<Reply> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const structured = this.structured;
    const sent = structured ? messages : [messages[0]!, { role: 'system', content: PLAIN_JSON_INSTRUCTION }, ...messages.slice(1)];
    try {
      const res = await fetch(url, {
        method: 'POST',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.options.model, temperature: 0, messages: sent, ...(structured ? { response_format: RESPONSE_FORMAT } : {}) }),
      });
      const text = await res.text();
      if (structured && REFUSED_FORMAT.has(res.status)) throw new RefusedFormat(res.status);
      if (res.status === 429) throw new GenerationError('provider_failed', 'The language model endpoint is rate limited (HTTP 429); try again later.');
      if (!res.ok) throw new GenerationError('provider_failed', `The language model endpoint answered HTTP ${res.status}.`);
      return replyOf(text);
    } catch (err) {
      if (err instanceof GenerationError || err instanceof RefusedFormat) throw err;
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

class RefusedFormat extends Error {
  constructor(readonly status: number) {
    super(`structured output refused (HTTP ${status})`);
  }
}

/** The parts of a chat completion replyOf reads; the endpoint is foreign, so each leaf is checked before use. */
interface Completion {
  choices?: { message?: { refusal?: unknown; content?: unknown }; finish_reason?: unknown }[];
}

function replyOf(text: string): Reply {
  let body: Completion | null;
  try {
    body = JSON.parse(text);
  } catch {
    throw new GenerationError('provider_failed', 'The language model endpoint answered something that is not JSON.');
  }
  const choice = body?.choices?.[0];
  const message = choice?.message;
  if (typeof message?.refusal === 'string' && message.refusal) {
    throw new GenerationError('unreadable', 'The language model declined to model this description.');
  }
  if (typeof message?.content !== 'string') throw new GenerationError('provider_failed', 'The language model endpoint answered without a message.');
  return { content: message.content, finishReason: typeof choice!.finish_reason === 'string' ? choice!.finish_reason : null };
}
