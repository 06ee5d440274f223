// Requests Node's HTTP parser refuses before Fastify routes them still get the envelope and a request id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { sendRaw } from '../reliability/raw-http.ts';

const [sqlite] = await testEngines();

describe('requests the HTTP parser refuses', () => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'silent' } });
    baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const envelopeOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: Record<string, unknown>; request_id: string };

  it('answers oversized headers with 400 invalid_parameter in the envelope', async () => {
    const res = await sendRaw(baseUrl, `GET /api/v1/diagrams?x=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(400);
    const body = envelopeOf(res.text);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter', param: null });
    expect(body.error.message).toMatch(/headers are too large/);
    expect(res.text).toMatch(new RegExp(`x-request-id: ${body.request_id}`, 'i'));
    expect(body.request_id).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it('answers a malformed Content-Length with the envelope', async () => {
    const res = await sendRaw(baseUrl, 'GET /api/v1/key HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    expect(res.status).toBe(400);
    expect(envelopeOf(res.text).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter' });
  });
});
