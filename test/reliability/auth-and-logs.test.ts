// Authentication under attack on a real server: checksum-invalid keys are refused without a database read
// (shown by closing the database), revoked and expired keys, and a full scenario logged at trace level in
// which no key secret and no password ever reaches a log line or an error body.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/services/auth-types.ts';
import { generateKey } from '../../src/services/key-format.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';
import { envelopeProblem } from './envelope.ts';

const MINIMAL = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:startEvent id="S"/></bpmn:process></bpmn:definitions>';

/** The key with its last body character changed: same shape, wrong checksum. */
function mistype(secret: string): string {
  const last = secret.at(-1) === 'a' ? 'b' : 'a';
  return `${secret.slice(0, -1)}${last}`;
}

describe('API keys under attack', async () => {
  const [sqlite] = await testEngines();

  describe('with the database gone', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'warn' } });
    });
    afterAll(() => server?.close().catch(() => {}));

    it('keeps refusing checksum-invalid keys with 401 (no read) while a well-formed key gets a clean 5xx envelope', async () => {
      const { secret } = await server.createKey({ scopes: ['diagrams:read'] });
      await server.services.store.close();
      for (const bad of [mistype(secret), `${secret.slice(0, 20)}`, 'jfi_sk_live_' + 'A'.repeat(40), mistype(generateKey('test'))]) {
        const res = await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(bad) });
        expect(res.statusCode, bad.slice(0, 14)).toBe(401);
        expect(res.json().error.code).toBe('invalid_api_key');
      }
      const unknown = await server.app.inject({ url: '/api/v1/diagrams', headers: bearer(generateKey('live')) });
      expect(unknown.statusCode).toBeGreaterThanOrEqual(500);
      expect(unknown.json().error.type).toBe('api_error');
      expect(unknown.body).not.toMatch(/sqlite|select|database connection|\.ts:\d+/i);
    });
  });

  describe('revoked, expired and the logs of a full run', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'trace' } });
    });
    afterAll(() => server?.close());

    it('refuses revoked and expired keys with their own codes', async () => {
      const revoked = await server.createKey({ scopes: ['diagrams:read'] });
      expect((await server.app.inject({ url: '/api/v1/key', headers: bearer(revoked.secret) })).statusCode).toBe(200);
      await server.services.keys.revokeAnyKey(revoked.keyId);
      const afterRevoke = await server.app.inject({ url: '/api/v1/key', headers: bearer(revoked.secret) });
      expect(afterRevoke.statusCode).toBe(401);
      expect(afterRevoke.json().error.code).toBe('revoked_api_key');
      expect(afterRevoke.headers['www-authenticate']).toContain('invalid_token');

      const expiring = await server.createKey({ scopes: ['diagrams:read'], expiresInDays: 1 });
      expect((await server.app.inject({ url: '/api/v1/key', headers: bearer(expiring.secret) })).statusCode).toBe(200);
      server.clock.advance(2 * 86_400_000);
      const afterExpiry = await server.app.inject({ url: '/api/v1/key', headers: bearer(expiring.secret) });
      expect(afterExpiry.statusCode).toBe(401);
      expect(afterExpiry.json().error.code).toBe('expired_api_key');
      expect(envelopeProblem(401, afterExpiry.body)).toBeNull();
    });

    it('writes no key secret and no password to any log line or error body, even at trace level', async () => {
      const secrets: string[] = [];
      const passwords: string[] = [];
      const bodies: string[] = [];
      const record = (res: { body: string }) => bodies.push(res.body);
      for (let i = 0; i < 3; i++) {
        const key = await server.createKey({ scopes: [...SCOPES], mode: i === 2 ? 'test' : 'live' });
        secrets.push(key.secret);
        const auth = { ...bearer(key.secret), 'content-type': 'application/json' };
        record(await server.app.inject({ url: '/api/v1/key', headers: auth }));
        record(await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: JSON.stringify({ name: 'F' }) }));
        record(await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: { ...auth, 'idempotency-key': `i-${i}` }, payload: JSON.stringify({ bpmn_xml: MINIMAL }) }));
        record(await server.app.inject({ method: 'POST', url: '/api/v1/diagrams', headers: auth, payload: '{"bpmn_xml": broken' }));
        record(await server.app.inject({ method: 'POST', url: '/api/v1/generations', headers: auth, payload: JSON.stringify({ prompt: 'The clerk checks the order.' }) }));
        // The secret where it does not belong: in the query, in a body field, in another header, mistyped.
        record(await server.app.inject({ url: `/api/v1/diagrams?api_key=${key.secret}`, headers: auth }));
        record(await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers: auth, payload: JSON.stringify({ name: 'x', secret: key.secret }) }));
        record(await server.app.inject({ url: '/api/v1/key', headers: { 'x-api-key': key.secret } }));
        record(await server.app.inject({ url: '/api/v1/key', headers: bearer(mistype(key.secret)) }));
        record(await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Basic ${key.secret}` } }));
      }
      // The dashboard: sign up, a failed and a good sign-in, each with a password.
      for (let i = 0; i < 2; i++) {
        const password = `pw-${randomBytes(9).toString('base64url')}`;
        passwords.push(password);
        const email = `leak${i}-${Date.now()}@example.com`;
        await server.services.accounts.createUser({ email, name: 'Leak', password, plan: 'pro' });
        const form = await server.app.inject({ url: '/signin' });
        const cookie = String(form.headers['set-cookie'] ?? '').split(';')[0]!;
        const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
        for (const attempt of [`${password}-wrong`, password]) {
          passwords.push(attempt);
          const res = await server.app.inject({
            method: 'POST',
            url: '/signin',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ email, password: attempt, _csrf: csrf }).toString(),
          });
          expect(res.statusCode).toBeLessThan(500);
        }
      }
      const logs = server.logs.join('');
      expect(server.logs.length).toBeGreaterThan(30);
      for (const secret of secrets) {
        const body = secret.replace(/^jfi_sk_(live|test)_/, '');
        expect(logs).not.toContain(body);
        expect(logs).not.toContain(body.slice(0, 24));
        expect(bodies.join('')).not.toContain(body.slice(0, 24));
      }
      for (const password of passwords) expect(logs).not.toContain(password);
      console.log(`log leak check: ${server.logs.length} log lines at trace, ${secrets.length} keys, ${passwords.length} passwords, 0 found`);
    });
  });
});
