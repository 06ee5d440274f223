import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuerySchema } from '../../src/api/schemas.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

/** Routes shaped like the resource routes to come, to drive the real validator and error handler. */
async function probeRoutes(api: FastifyInstance): Promise<void> {
  api.post(
    '/probes',
    {
      schema: {
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 10 }),
          count: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
          theme: Type.Optional(Type.Union([Type.Literal('light'), Type.Literal('dark')])),
          folder_id: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
          nested: Type.Optional(Type.Object({ inner: Type.Object({ flag: Type.Boolean() }) })),
        }),
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (request, reply) => reply.code(201).send(request.body),
  );
  api.get('/probes', { schema: { querystring: PageQuerySchema } }, async (request) => ({ query: request.query }));
  api.get('/probes/:id', { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } }, async (request) => request.params);
  api.get('/explode', async () => {
    throw new Error('SQLITE_ERROR: near "SELECT * FROM api_keys": syntax error');
  });
}

interface Envelope {
  error: { type: string; code: string; message: string; param: string | null };
  request_id: string;
}

describe('the error envelope', () => {
  let server: TestServer;
  let auth: { authorization: string };
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { routes: probeRoutes, env: { BODY_LIMIT_BYTES: '2048' } });
    auth = bearer((await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] })).secret);
  });
  afterAll(() => server.close());

  async function post(payload: string, contentType = 'application/json') {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/probes', headers: { ...auth, 'content-type': contentType }, payload });
    return { res, body: JSON.parse(res.body) as Envelope };
  }

  it('accepts a valid body without changing its types', async () => {
    const { res, body } = await post(JSON.stringify({ name: 'a', count: 2, theme: 'dark', folder_id: null }));
    expect(res.statusCode).toBe(201);
    expect(body).toEqual({ name: 'a', count: 2, theme: 'dark', folder_id: null });
  });

  it('answers invalid_json for a broken body', async () => {
    const { res, body } = await post('{"name": ');
    expect(res.statusCode).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', param: null });
  });

  it('answers invalid_json for an empty JSON body', async () => {
    const { res, body } = await post('');
    expect(res.statusCode).toBe(400);
    expect(body.error.code).toBe('invalid_json');
  });

  it('answers 400 payload_too_large, not 413, for a body over the limit', async () => {
    const { res, body } = await post(JSON.stringify({ name: 'x'.repeat(4096) }));
    expect(res.statusCode).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'payload_too_large' });
  });

  it('names an unknown field, at any depth', async () => {
    const top = await post(JSON.stringify({ name: 'a', colour: 'red' }));
    expect(top.res.statusCode).toBe(400);
    expect(top.body.error).toMatchObject({ code: 'invalid_parameter', param: 'colour' });
    const deep = await post(JSON.stringify({ name: 'a', nested: { inner: { flag: true, extra: 1 } } }));
    expect(deep.body.error).toMatchObject({ code: 'invalid_parameter', param: 'nested.inner.extra' });
  });

  it('answers missing_parameter naming the field', async () => {
    const { res, body } = await post(JSON.stringify({ count: 1 }));
    expect(res.statusCode).toBe(400);
    expect(body.error).toMatchObject({ code: 'missing_parameter', param: 'name', message: 'name is required.' });
    const nested = await post(JSON.stringify({ name: 'a', nested: { inner: {} } }));
    expect(nested.body.error).toMatchObject({ code: 'missing_parameter', param: 'nested.inner.flag' });
  });

  it('does not coerce body types', async () => {
    const { res, body } = await post(JSON.stringify({ name: 'a', count: '2' }));
    expect(res.statusCode).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'count', message: 'count must be an integer between 1 and 5.' });
    const flag = await post(JSON.stringify({ name: 'a', nested: { inner: { flag: 'true' } } }));
    expect(flag.body.error).toMatchObject({ code: 'invalid_parameter', param: 'nested.inner.flag', message: 'nested.inner.flag must be true or false.' });
  });

  it('describes what a union, a format or a length expects', async () => {
    expect((await post(JSON.stringify({ name: 'a', theme: 'blue' }))).body.error).toMatchObject({
      param: 'theme',
      message: 'theme must be one of light, dark.',
    });
    expect((await post(JSON.stringify({ name: 'a', folder_id: 'nope' }))).body.error).toMatchObject({
      param: 'folder_id',
      message: 'folder_id must be a valid uuid or null.',
    });
    expect((await post(JSON.stringify({ name: '' }))).body.error).toMatchObject({
      param: 'name',
      message: 'name must be a string of 1 to 10 characters.',
    });
  });

  it('answers invalid_parameter when the body is not an object', async () => {
    const { res, body } = await post('[1,2]');
    expect(res.statusCode).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: null, message: 'The request body must be a JSON object.' });
  });

  it('answers a clear 400 for a body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const { res, body } = await post('name=a', type);
      expect(res.statusCode).toBe(400);
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toContain('application/json');
    }
  });

  it('coerces query integers but rejects bad ones with the documented message', async () => {
    const ok = await server.app.inject({ url: '/api/v1/probes?limit=20', headers: auth });
    expect(ok.json()).toEqual({ query: { limit: 20 } });
    expect((await server.app.inject({ url: '/api/v1/probes', headers: auth })).json()).toEqual({ query: { limit: 20 } });
    for (const bad of ['abc', '0', '101', '1.5', '']) {
      const res = await server.app.inject({ url: `/api/v1/probes?limit=${bad}`, headers: auth });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({
        type: 'invalid_request_error',
        code: 'invalid_parameter',
        message: 'limit must be an integer between 1 and 100.',
        param: 'limit',
      });
    }
  });

  it('rejects unknown query parameters, also on routes that declare none', async () => {
    let res = await server.app.inject({ url: '/api/v1/probes?limit=2&sort=asc', headers: auth });
    expect(res.json().error).toMatchObject({ code: 'invalid_parameter', param: 'sort' });
    res = await server.app.inject({ url: '/api/v1/key?verbose=1', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_parameter', param: 'verbose' });
  });

  it('answers resource_not_found for a malformed path id', async () => {
    const res = await server.app.inject({ url: '/api/v1/probes/not-a-uuid', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ type: 'not_found_error', code: 'resource_not_found' });
  });

  it('answers resource_not_found for unknown routes and for a wrong method on a known path', async () => {
    for (const [method, url] of [
      ['GET', '/nowhere'],
      ['DELETE', '/api/v1/key'],
      ['PUT', '/api/v1/probes'],
      ['POST', '/healthz'],
    ] as const) {
      const res = await server.app.inject({ method, url, headers: auth });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toMatchObject({ type: 'not_found_error', code: 'resource_not_found', param: null });
    }
  });

  it('answers 500 internal_error without the stack or SQL, and logs the cause with the request id', async () => {
    const res = await server.app.inject({ url: '/api/v1/explode', headers: auth });
    expect(res.statusCode).toBe(500);
    const body = res.json() as Envelope;
    expect(body.error).toMatchObject({ type: 'api_error', code: 'internal_error', param: null });
    expect(res.body).not.toMatch(/SQLITE|SELECT|at .*\.ts/);
    const logged = server.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'unhandled error');
    expect(logged.request_id).toBe(body.request_id);
    expect(logged.err.message).toContain('SQLITE_ERROR');
  });

  it('sends no CORS headers, not even to a preflight', async () => {
    const responses = await Promise.all([
      server.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/key',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      }),
      server.app.inject({ url: '/api/v1/key', headers: { ...auth, origin: 'https://evil.example' } }),
      server.app.inject({ url: '/api/v1/openapi.json', headers: { origin: 'https://evil.example' } }),
      server.app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } }),
    ]);
    for (const res of responses) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(responses[0]!.statusCode).toBe(401);
  });

  it('puts a fresh req_ + 16 hex request id on every response, ignoring one sent by the client', async () => {
    const ids = new Set<string>();
    for (const url of ['/healthz', '/nowhere', '/api/v1/key', '/api/v1/openapi.json']) {
      const res = await server.app.inject({ url, headers: { ...auth, 'x-request-id': 'req_client' } });
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^req_[0-9a-f]{16}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(4);
  });

  it('answers a malformed URL in the envelope', async () => {
    const res = await server.app.inject({ url: '/api/v1/probes/%E0%A4%A', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter' });
    expect(res.headers['x-request-id']).toBe(res.json().request_id);
  });
});
