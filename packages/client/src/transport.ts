// The one place that talks HTTP: auth header, Idempotency-Key on POST, time-outs, bounded retries, typed errors.
import { ConnectionError, errorFromResponse } from './errors.ts';

export interface ClientOptions {
  /** A secret key, `jfi_sk_live_…` or `jfi_sk_test_…`. */
  apiKey: string;
  /** The server's address, without `/api/v1`. Default `http://127.0.0.1:3000`. */
  baseUrl?: string;
  /** Retries after a network error, a time-out, a 429 or a 5xx. Default 2. */
  maxRetries?: number;
  /** Longest wait before one retry, in ms: a longer `Retry-After` is not waited for, the error is thrown. Default 60,000. */
  maxRetryDelayMs?: number;
  /** Time-out of each attempt, in ms. Default 60,000. */
  timeoutMs?: number;
  /** A fetch implementation; default the global one. */
  fetch?: typeof fetch;
}

export type ResponseKind = 'json' | 'text' | 'bytes';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: object | undefined;
  body?: object | undefined;
  /** How to read a successful body. Default json. */
  kind?: ResponseKind;
}

const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';
const FIRST_BACKOFF_MS = 500;

export class Transport {
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: ClientOptions) {
    if (!options.apiKey) throw new TypeError('JustFlowIt needs an apiKey (jfi_sk_live_… or jfi_sk_test_…).');
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async request<T>(spec: RequestSpec): Promise<T> {
    const url = this.url(spec.path, spec.query);
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}` };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    // One key for every attempt of this call: a retried POST whose first attempt did reach the server replays
    // that answer instead of creating a second diagram (or spending a second generation).
    if (spec.method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < this.maxRetries;
      let res: Response;
      try {
        res = await this.fetch(url, { method: spec.method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (cause) {
        if (retriesLeft) {
          await sleep(this.backoff(attempt));
          continue;
        }
        const message = cause instanceof Error && cause.name === 'TimeoutError'
          ? `No answer from ${this.baseUrl} within ${this.timeoutMs} ms.`
          : `Could not reach ${this.baseUrl}.`;
        throw new ConnectionError({ type: 'connection_error', code: null, param: null, message, status: null, requestId: null }, { cause });
      }
      if (res.ok) return (await read(res, spec.kind ?? 'json')) as T;

      const retryAfter = retryAfterSeconds(res.headers.get('retry-after'));
      const retryable = res.status === 429 || res.status >= 500;
      const delay = retryAfter === null ? this.backoff(attempt) : retryAfter * 1000;
      if (retryable && retriesLeft && delay <= this.maxRetryDelayMs) {
        await res.body?.cancel();
        await sleep(delay);
        continue;
      }
      throw errorFromResponse(res.status, await res.json().catch(() => null), res.headers, retryAfter);
    }
  }

  private url(path: string, query: object | undefined): string {
    const url = new URL(`${this.baseUrl}/api/v1${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** Exponential backoff with jitter (0.5 s, 1 s, 2 s, … ± 25 %), within maxRetryDelayMs. */
  private backoff(attempt: number): number {
    const base = FIRST_BACKOFF_MS * 2 ** attempt;
    return Math.min(this.maxRetryDelayMs, base * (0.75 + Math.random() * 0.5));
  }
}

async function read(res: Response, kind: ResponseKind): Promise<unknown> {
  if (kind === 'bytes') return new Uint8Array(await res.arrayBuffer());
  if (kind === 'text') return res.text();
  return res.json();
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
function retryAfterSeconds(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
