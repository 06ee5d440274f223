import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuerySchema } from '../../src/api/schemas.ts';
import { generateKey } from '../../src/services/key-format.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

async function probeRoutes(api: FastifyInstance): Promise<void> {
  api.post(
    '/probes',
    {
      schema: {
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 50 }),
          tags: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 })),
          options: Type.Optional(Type.Object({ scale: Type.Integer({ minimum: 1, maximum: 4 }), theme: Type.Union([Type.Literal('light'), Type.Literal('dark')]) })),
        }),
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (_request, reply) => reply.code(201).send({ ok: true }),
  );
  api.get('/probes', { schema: { querystring: PageQuerySchema } }, async () => ({ ok: true }));
}

/** Every answer to bad input: a 4xx in the envelope, with the request id, never a 500. */
function expectClientError(res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body);
    expect(Object.keys(body).sort()).toEqual(['error', 'request_id']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.request_id).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  }
}

describe('random bad input', () => {
  let server: TestServer;
  let secret: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { routes: probeRoutes, env: { RATE_LIMIT_MAX: '1000000', BODY_LIMIT_BYTES: '4096' } });
    secret = (await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] })).secret;
  });
  afterAll(() => server.close());

  const headerText = fc.stringMatching(/^[\x20-\x7e]{0,300}$/);

  it('answers a random Authorization header with 401, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(headerText, headerText.map((s) => `Bearer ${s}`), fc.constant(`Bearer ${generateKey('test')}`)), async (header) => {
        const res = await server.app.inject({ url: '/api/v1/key', headers: { authorization: header } });
        expectClientError(res);
        expect(res.statusCode).toBe(401);
      }),
      { numRuns: 200 },
    );
  });

  it('never breaks on a random JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/v1/probes',
          headers: { ...bearer(secret), 'content-type': 'application/json' },
          payload: JSON.stringify(value),
        });
        expectClientError(res);
      }),
      { numRuns: 300 },
    );
  });

  it('never breaks on random bytes sent as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 6000 }), async (bytes) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/v1/probes',
          headers: { ...bearer(secret), 'content-type': 'application/json' },
          payload: Buffer.from(bytes),
        });
        expectClientError(res);
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: 150 },
    );
  });

  it('never breaks on a random query string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ maxLength: 20 })), async (query) => {
        const res = await server.app.inject({ url: '/api/v1/probes', query, headers: bearer(secret) });
        expectClientError(res);
      }),
      { numRuns: 200 },
    );
  });
});
