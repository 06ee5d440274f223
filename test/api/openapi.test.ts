import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

async function scopedRoute(api: FastifyInstance): Promise<void> {
  api.post(
    '/widgets',
    { schema: { body: Type.Object({ name: Type.String() }) }, config: { scopes: ['diagrams:write', 'generate'] } },
    async () => ({}),
  );
}

describe('GET /api/v1/openapi.json', () => {
  let server: TestServer;
  let document: any;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { routes: scopedRoute });
    const res = await server.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-limit']).toBe('120');
    document = res.json();
  });
  afterAll(() => server.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('declares bearer auth and the base path', () => {
    expect(document.components.securitySchemes.api_key).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ api_key: [] }]);
    expect(document.servers[0].url).toBe('/api/v1');
  });

  it('lists API routes only, each with its required scopes and every error response', () => {
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(expect.arrayContaining(['/key', '/widgets']));
    expect(paths.filter((p) => /healthz|readyz|openapi/.test(p))).toEqual([]);
    expect(document.paths['/key'].get['x-required-scopes']).toEqual([]);
    expect(document.paths['/widgets'].post['x-required-scopes']).toEqual(['diagrams:write', 'generate']);
    const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item)) as any[];
    for (const operation of operations) {
      expect(Array.isArray(operation['x-required-scopes'])).toBe(true);
      for (const status of ['400', '401', '403', '404', '429', '500']) {
        const response = operation.responses[status];
        expect(response.description).toBeTruthy();
        const schema = response.content['application/json'].schema;
        expect(schema.properties.error.required).toEqual(['type', 'code', 'message', 'param']);
      }
    }
  });

  it('documents request bodies from the validating schemas, closed to unknown fields', () => {
    const body = document.paths['/widgets'].post.requestBody.content['application/json'].schema;
    expect(body).toMatchObject({ type: 'object', required: ['name'], additionalProperties: false });
  });
});

describe('response headers in the OpenAPI document', () => {
  it('documents the request id and rate-limit headers on every response, Retry-After on 429', async () => {
    const server = await startTestServer(sqlite!);
    try {
      const document = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
      const responses = document.paths['/key'].get.responses;
      for (const status of ['200', '400', '401', '429']) {
        expect(Object.keys(responses[status].headers)).toEqual(
          expect.arrayContaining(['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
        );
      }
      expect(responses['429'].headers['Retry-After'].schema.type).toBe('integer');
      expect(responses['401'].headers['WWW-Authenticate']).toBeDefined();
      expect(responses['200'].headers['Retry-After']).toBeUndefined();
      expect(responses['200'].content['application/json'].schema.properties.object).toBeDefined();
    } finally {
      await server.close();
    }
  });
});
