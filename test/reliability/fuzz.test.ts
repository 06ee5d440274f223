// Fuzzes every route of the live OpenAPI document over real HTTP against a server on SQLite: random, boundary
// and wrong-typed values, unknown fields, odd Unicode, broken JSON, bad and duplicate headers, tampered cursors
// and malformed ids, sent with a valid key. Never a 5xx; every error is an envelope from the api-v1.md table;
// the server is alive afterwards. FUZZ_RUNS scales it (npm run bench:fuzz sends many more).
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/services/auth-types.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';
import { envelopeProblem } from './envelope.ts';
import { encodeSegment, send, sendRaw, type RawRequest } from './raw-http.ts';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 400);
const MINIMAL = readFileSync(new URL('../fixtures/bpmn/minimal-process.bpmn', import.meta.url), 'utf8');

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema?: JsonSchema }[];
  body: JsonSchema | null;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
}

const ODD_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83dy', 'a\u200bb\u200d', '\u202egnp.exe', 'שלום עולם', '\ufeffname',
  '../../etc/passwd', "'; drop table diagrams; --", '%00', '%ZZ', '${jndi:ldap://127.0.0.1/x}', '<script>alert(1)</script>',
  'null', 'true', '-1', '0', '1e309', 'NaN', '[]', '{}', '\\', '"', 'x'.repeat(256), 'é'.repeat(5000), '🙂'.repeat(2000), 'x'.repeat(100_000),
];
const BOUNDARY_NUMBERS = [0, -1, 1, 20, 99, 100, 101, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1.5, 1e308, -0];

const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const uuid = fc.uuid();
const malformedUuid = fc.oneof(
  uuid.map((id) => id.toUpperCase()),
  uuid.map((id) => id.replace(/-/g, '')),
  uuid.map((id) => id.slice(0, -1)),
  uuid.map((id) => `${id}0`),
  uuid.map((id) => `{${id}}`),
  uuid.map((id) => id.replace(/[0-9]/, 'g')),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'none', 'null'),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, fc.constantFrom(...BOUNDARY_NUMBERS));

/** Values for a schema: mostly plausible, often boundary or odd, sometimes of another type entirely. */
function valueFor(schema: JsonSchema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const variants: fc.Arbitrary<unknown>[] = [anyJson];
  if (schema?.enum) variants.push(fc.constantFrom(...schema.enum));
  for (const option of schema?.anyOf ?? []) variants.push(valueFor(option, ids));
  const types = [schema?.type ?? []].flat();
  if (types.includes('string')) {
    variants.push(oddString);
    if (schema?.format === 'uuid' || schema?.maxLength === undefined) variants.push(fc.constantFrom(...ids), uuid, malformedUuid);
    if (schema?.maxLength) variants.push(fc.constantFrom('y'.repeat(schema.maxLength), 'y'.repeat(schema.maxLength + 1)));
  }
  if (types.includes('integer') || types.includes('number')) {
    variants.push(fc.integer(), fc.constantFrom(...BOUNDARY_NUMBERS));
    if (schema?.minimum !== undefined) variants.push(fc.constantFrom(schema.minimum, schema.minimum - 1));
    if (schema?.maximum !== undefined) variants.push(fc.constantFrom(schema.maximum, schema.maximum + 1));
  }
  if (types.includes('null')) variants.push(fc.constant(null));
  return fc.oneof(...variants);
}

/** Query strings carry text: the plausible and the hostile forms of each value. */
function queryValue(schema: JsonSchema | undefined, ids: string[], cursors: string[]): fc.Arbitrary<string> {
  // Bounded so the URL stays within Node's 16 KiB header limit (beyond it, see "headers over the limit" below).
  return fc.oneof(
    valueFor(schema, ids).map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '').slice(0, 1000)),
    fc.constantFrom(...cursors),
    fc.constantFrom(...cursors).chain((cursor) => fc.nat(Math.max(0, cursor.length - 1)).map((at) => tamper(cursor, at))),
  );
}

/** `arbitrary` once in `every` draws, else null: hostile extras on top of a mostly plausible request. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

function tamper(cursor: string, at: number): string {
  const flipped = cursor[at] === 'A' ? 'B' : 'A';
  return `${cursor.slice(0, at)}${flipped}${cursor.slice(at + 1)}`;
}

const BROKEN_JSON = [
  '', '{', '}', '{"name":', '{"name":"a",}', "{'name':'a'}", '[]', 'null', '"text"', '42', 'true', '{"name":"a"}garbage',
  '{"name":"a","name":"b"}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '\ufeff{}',
  '{"name":"\\ud800"}', '{"name":"\\u0000"}', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2001)}`,
  '{"name":1e999999}', '{"limit":-0}',
];

function bodyFor(op: Operation, ids: string[]): fc.Arbitrary<string | undefined> {
  if (!op.body) return rarely(fc.constantFrom(...BROKEN_JSON), 6).map((body) => body ?? undefined);
  const properties = op.body.properties ?? {};
  const fields = Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, valueFor(schema, ids)]));
  const record = fc.record(fields, { requiredKeys: [] });
  return fc.oneof(
    { weight: 5, arbitrary: record.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.tuple(record, oddString, anyJson).map(([value, key, extra]) => JSON.stringify({ ...value, [key || 'extra']: extra })) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ bpmn_xml: MINIMAL, name: 'fuzz' })) },
    { weight: 2, arbitrary: fc.constantFrom(...BROKEN_JSON) },
    { weight: 1, arbitrary: anyJson.map((value) => JSON.stringify(value) ?? 'undefined') },
  );
}

function headersFor(op: Operation, secret: string): fc.Arbitrary<Record<string, string | string[]>> {
  const valid = `Bearer ${secret}`;
  const last = secret.at(-1) === 'a' ? 'b' : 'a';
  const authorization = fc.oneof(
    { weight: 12, arbitrary: fc.constant<string | string[] | undefined>(valid) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<string | string[] | undefined>(
        undefined, '', 'Bearer', 'Bearer ', `bearer ${secret}`, `Bearer  ${secret}`, `Bearer ${secret} `, `Basic ${Buffer.from(`${secret}:`).toString('base64')}`,
        `Bearer ${secret.slice(0, -1)}${last}`, `Bearer ${secret.replace('_live_', '_test_')}`, `Bearer ${secret}x`, `Bearer ${secret.slice(0, 20)}`,
        [valid, valid], [valid, 'Bearer jfi_sk_live_0000'], `Token ${secret}`, 'Bearer jfi_sk_live_', `Bearer ${'A'.repeat(10_000)}`,
      ),
    },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string | string[] | undefined>('application/json') },
    {
      weight: 2,
      arbitrary: fc.constantFrom<string | string[] | undefined>(
        undefined, 'text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/xml',
        'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '*/*', 'application/json, text/plain',
        ['application/json', 'text/plain'], 'APPLICATION/JSON', 'application/jsonx', ';', 'application/json; charset=utf-8',
      ),
    },
  );
  const optionalHeader = rarely(
    fc.oneof(oddString.filter((v) => v.length < 400), fc.constantFrom('"1"', '1', 'W/"1"', '*', '"999"', '"-1"', '""', 'k'.repeat(255), 'k'.repeat(256))),
    3,
  );
  const duplicate = fc.integer({ min: 0, max: 5 }).map((n) => n === 0);
  return fc.record({ authorization, contentType, idem: optionalHeader, ifMatch: optionalHeader, duplicate }).map(({ authorization, contentType, idem, ifMatch, duplicate }) => {
    const headers: Record<string, string | string[]> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    if (contentType !== undefined) headers['content-type'] = contentType;
    if (idem !== null) headers['idempotency-key'] = duplicate ? [idem, `${idem}2`] : idem;
    if (ifMatch !== null && op.method === 'PATCH') headers['if-match'] = duplicate ? [ifMatch, '"1"'] : ifMatch;
    return headers;
  });
}

function operations(document: { paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: `/api/v1${path}`,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
}

function requestFor(op: Operation, ids: string[], cursors: string[], secret: string): fc.Arbitrary<RawRequest> {
  const pathId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: uuid }, { weight: 2, arbitrary: malformedUuid }, { weight: 2, arbitrary: oddString.map((v) => v.slice(0, 1000)) });
  const query = op.parameters.filter((p) => p.in === 'query');
  const queryArb = fc.record(Object.fromEntries(query.map((p) => [p.name, queryValue(p.schema, ids, cursors)])), { requiredKeys: [] });
  const unknown = rarely(fc.tuple(oddString, oddString).map(([k, v]) => [k.slice(0, 200), v.slice(0, 1000)] as [string, string]), 6);
  const duplicateQuery = rarely(fc.constantFrom(...query.map((p) => p.name), 'limit'), 8);
  return fc
    .record({ id: pathId, query: queryArb, unknown, duplicateQuery, body: bodyFor(op, ids), headers: headersFor(op, secret) })
    .map(({ id, query: values, unknown: extra, duplicateQuery: twice, body, headers }) => {
      const pairs = Object.entries(values).filter((pair): pair is [string, string] => pair[1] !== undefined);
      if (extra) pairs.push(extra);
      if (twice) pairs.push([twice, '1'], [twice, '2']);
      const search = pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&');
      const path = op.path.replace('{id}', encodeSegment(id)) + (search ? `?${search}` : '');
      return { method: op.method, path, headers, ...(body === undefined ? {} : { body }) };
    });
}

/** fc.assert, with the counterexample cut short: a 100 kB query string is no help in a CI log. */
async function assertTruncated(property: fc.IAsyncProperty<[RawRequest]>, parameters: fc.Parameters<[RawRequest]>): Promise<void> {
  try {
    await fc.assert(property, parameters);
  } catch (error) {
    const message = (error as Error).message;
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : '';
    throw new Error(`${message.slice(0, 1500)}\n…\n${cause.slice(0, 1500)}`, { cause: error });
  }
}

describe('fuzzing every route from the OpenAPI document', async () => {
  const [sqlite] = await testEngines();
  let server: TestServer;
  let baseUrl: string;
  let secret: string;
  const ids: string[] = [];
  const cursors: string[] = [];
  let sent = 0;
  let refusedByClient = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { RATE_LIMIT_MAX: '1000000', LOG_LEVEL: 'warn' } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    ({ secret } = await server.createKey({ scopes: [...SCOPES] }));
    const auth = { ...bearer(secret), 'content-type': 'application/json' };
    for (let i = 0; i < 3; i++) {
      const folder = await send(baseUrl, { method: 'POST', path: '/api/v1/folders', headers: auth, body: JSON.stringify({ name: `f${i}` }) });
      expect(folder.status, folder.text).toBe(201);
      ids.push(JSON.parse(folder.text).id);
      const diagram = await send(baseUrl, { method: 'POST', path: '/api/v1/diagrams', headers: auth, body: JSON.stringify({ bpmn_xml: MINIMAL, name: `d${i}` }) });
      expect(diagram.status, diagram.text).toBe(201);
      ids.push(JSON.parse(diagram.text).id);
    }
    const generation = await send(baseUrl, { method: 'POST', path: '/api/v1/generations', headers: auth, body: JSON.stringify({ prompt: 'The clerk checks the order. Then the clerk ships it.' }) });
    if (generation.status < 300) ids.push(JSON.parse(generation.text).id);
    for (const list of ['folders', 'diagrams']) {
      const page = await send(baseUrl, { method: 'GET', path: `/api/v1/${list}?limit=1`, headers: auth });
      expect(JSON.parse(page.text).next_cursor, `${list}: ${page.text.slice(0, 400)}`).toBeTruthy();
      cursors.push(JSON.parse(page.text).next_cursor);
    }
  });

  afterAll(async () => {
    console.log(`fuzz: ${sent} requests sent (${refusedByClient} refused by the HTTP client), statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    await server?.close();
  });

  it('serves the OpenAPI document with every route', async () => {
    const doc = await send(baseUrl, { method: 'GET', path: '/api/v1/openapi.json' });
    expect(doc.status).toBe(200);
    expect(operations(JSON.parse(doc.text)).length).toBeGreaterThanOrEqual(17);
  });

  it('answers every fuzzed request of every route with a 2xx/3xx or a table envelope, never a 5xx', { timeout: 200_000 }, async () => {
    const doc = JSON.parse((await send(baseUrl, { method: 'GET', path: '/api/v1/openapi.json' })).text);
    for (const op of operations(doc)) {
      await assertTruncated(
        fc.asyncProperty(requestFor(op, ids, cursors, secret), async (request) => {
          let response;
          try {
            response = await send(baseUrl, request);
          } catch (error) {
            // Node's client refuses some header values (NUL, lone surrogates) before anything is sent.
            if ((error as NodeJS.ErrnoException).code === 'ERR_INVALID_CHAR' || (error as NodeJS.ErrnoException).code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
              refusedByClient++;
              return;
            }
            throw error;
          }
          sent++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${request.method} ${request.path.slice(0, 200)}`).toBeLessThan(500);
          expect(response.headers['x-request-id']).toMatch(/^req_/);
          if (response.status >= 400) expect(envelopeProblem(response.status, response.text)).toBeNull();
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      const health = await send(baseUrl, { method: 'GET', path: '/healthz' });
      expect(health.status, `after ${op.method} ${op.path}`).toBe(200);
    }
    expect(sent).toBeGreaterThan(RUNS_PER_ROUTE * 10);
  });

  it('survives bodies over the limit and unknown methods with envelopes', async () => {
    const auth = { ...bearer(secret), 'content-type': 'application/json' };
    const body = Buffer.from(JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }));
    const head = `POST /api/v1/folders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const huge = await sendRaw(baseUrl, head, body);
    expect(huge.status).toBe(400);
    const hugeBody = huge.text.slice(huge.text.indexOf('\r\n\r\n') + 4);
    expect(envelopeProblem(400, hugeBody)).toBeNull();
    expect(JSON.parse(hugeBody).error.code).toBe('payload_too_large');
    for (const method of ['PUT', 'OPTIONS', 'TRACE', 'PROPFIND', 'HEAD']) {
      const res = await send(baseUrl, { method, path: '/api/v1/diagrams', headers: auth });
      expect(res.status, method).toBeLessThan(500);
      if (method !== 'HEAD' && res.status >= 400) expect(envelopeProblem(res.status, res.text)).toBeNull();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    sent += 6;
    expect((await send(baseUrl, { method: 'GET', path: '/readyz' })).status).toBe(200);
  });
});
