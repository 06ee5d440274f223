// The client's retries against a small real HTTP peer that fails on cue: Retry-After, backoff bounds, network errors,
// and one Idempotency-Key for every attempt of a POST.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { APIError, ConnectionError, JustFlowIt, RateLimitError } from '../../packages/client/src/index.ts';

interface Seen { method: string; idempotencyKey: string | undefined; at: number }
type Answer = (res: http.ServerResponse) => void;

const envelope = (type: string, code: string) => JSON.stringify({ error: { type, code, message: `${code}.`, param: null }, request_id: 'req_0123456789abcdef' });
const fail = (status: number, headers: Record<string, string> = {}): Answer => (res) => {
  const type = status === 429 ? 'rate_limit_error' : 'api_error';
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_0123456789abcdef', ...headers })
    .end(envelope(type, status === 429 ? 'rate_limit_exceeded' : 'internal_error'));
};
const ok: Answer = (res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"object":"folder","id":"f1"}');
const hangUp: Answer = (res) => res.socket?.destroy();

let peer: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (peer ? peer.close(() => resolve()) : resolve())));

/** A peer answering each request with the next of `answers` (the last one repeats); returns its requests. */
async function startPeer(answers: Answer[]): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  peer = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, at: Date.now() });
      answers[Math.min(seen.length, answers.length) - 1]!(res);
    });
  });
  await new Promise<void>((resolve) => peer!.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(peer.address() as AddressInfo).port}`, seen };
}

describe('JustFlowIt client retries', () => {
  it('retries a 503 after Retry-After, sending the same Idempotency-Key each time', async () => {
    const { baseUrl, seen } = await startPeer([fail(503, { 'retry-after': '1' }), ok]);
    const client = new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl });
    expect(await client.folders.create({ name: 'Sales' })).toEqual({ object: 'folder', id: 'f1' });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.idempotencyKey).toBe(seen[0]!.idempotencyKey);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives each POST call its own key and sends none on GET', async () => {
    const { baseUrl, seen } = await startPeer([ok]);
    const client = new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl });
    await client.folders.create({ name: 'A' });
    await client.folders.create({ name: 'B' });
    await client.folders.retrieve('f1');
    expect(seen[0]!.idempotencyKey).not.toBe(seen[1]!.idempotencyKey);
    expect(seen[2]).toMatchObject({ method: 'GET', idempotencyKey: undefined });
  });

  it('retries a 429 and a dropped connection, then stops after maxRetries with the typed error', async () => {
    const { baseUrl, seen } = await startPeer([hangUp, fail(429, { 'retry-after': '0' }), fail(500)]);
    const client = new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl, maxRetries: 2, maxRetryDelayMs: 50 });
    const error = await client.folders.create({ name: 'Sales' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 500, type: 'api_error', code: 'internal_error', requestId: 'req_0123456789abcdef' });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.idempotencyKey)).size).toBe(1);
  });

  it('does not wait out a Retry-After longer than maxRetryDelayMs', async () => {
    const { baseUrl, seen } = await startPeer([fail(429, { 'retry-after': '3600' }), ok]);
    const client = new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl, maxRetryDelayMs: 1000 });
    const error = await client.key.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', retryAfter: 3600 });
    expect(seen).toHaveLength(1);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { baseUrl, seen } = await startPeer([fail(404), ok]);
    await expect(new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl }).key.retrieve()).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
  });

  it('throws a ConnectionError when nothing answers', async () => {
    const { baseUrl } = await startPeer([hangUp]);
    const error = await new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl, maxRetries: 1 }).key.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ type: 'connection_error', status: null, requestId: null });
  });

  it('times out an attempt that gets no answer', async () => {
    const { baseUrl } = await startPeer([() => {}]);
    const client = new JustFlowIt({ apiKey: 'jfi_sk_test_x', baseUrl, maxRetries: 0, timeoutMs: 200 });
    await expect(client.key.retrieve()).rejects.toThrow(/within 200 ms/);
  });
});
