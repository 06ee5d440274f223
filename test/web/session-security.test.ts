import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, csrfOf, inject, startWebServer, type WebServer } from './web-server.ts';

let server: WebServer;
let counter = 0;

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

const PASSWORD = 'correct horse battery';

function request(jar: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  return inject(server.app, jar, method, url, form, headers);
}

async function signUp(jar = new CookieJar(), email = `web${++counter}-${Date.now()}@example.com`) {
  const form = await request(jar, 'GET', '/signup');
  const response = await request(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name: 'Ada Lovelace', email, password: PASSWORD });
  expect(response.statusCode).toBe(303);
  return { jar, email, response };
}

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and a referrer policy on pages', async () => {
    const response = await server.app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends the same headers on docs pages', async () => {
    const response = await server.app.inject({ url: '/docs/quickstart' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('sends no CORS headers from /api/v1, not even to a preflight or a request with an Origin', async () => {
    const origin = { origin: 'https://evil.example' };
    const preflight = await server.app.inject({ method: 'OPTIONS', url: '/api/v1/diagrams', headers: { ...origin, 'access-control-request-method': 'POST' } });
    const get = await server.app.inject({ url: '/api/v1/key', headers: origin });
    for (const response of [preflight, get]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(get.statusCode).toBe(401);
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, not Secure over plain HTTP, and stored only as a hash', async () => {
    const { jar, response } = await signUp();
    const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('jfi_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const token = jar.cookies.get('jfi_session')!;
    const rows = await server.services.store.db.selectFrom('sessions').select(['token_hash']).execute();
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('is Secure behind an HTTPS proxy when the proxy is trusted', async () => {
    const proxied = await startWebServer({ TRUST_PROXY: 'true' });
    try {
      const page = await proxied.app.inject({ url: '/signin', headers: { 'x-forwarded-proto': 'https' } });
      const cookies = [page.headers['set-cookie']].flat().join('\n');
      expect(cookies).toMatch(/jfi_presession=[^;]+;.*Secure/i);
      expect(page.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });

  it('stops working after sign-out', async () => {
    const { jar } = await signUp();
    const before = await request(jar, 'GET', '/app/settings/billing');
    expect(before.statusCode).toBe(200);
    const token = jar.cookies.get('jfi_session')!;
    const out = await request(jar, 'POST', '/signout', { _csrf: csrfOf(before.body) });
    expect(out.statusCode).toBe(303);
    const replay = await server.app.inject({ url: '/app/settings/billing', headers: { cookie: `jfi_session=${token}` } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/signin?next=%2Fapp%2Fsettings%2Fbilling');
  });
});

describe('CSRF', () => {
  it('refuses a sign-up without the form token', async () => {
    const jar = new CookieJar();
    await request(jar, 'GET', '/signup');
    const response = await request(jar, 'POST', '/signup', { name: 'Mallory', email: 'mallory@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('text/html');
    await expect(server.services.accounts.getUserByEmail('mallory@example.com')).rejects.toThrow();
  });

  it('refuses a token taken from another visitor’s form', async () => {
    const other = new CookieJar();
    const stolen = csrfOf((await request(other, 'GET', '/signin')).body);
    const jar = new CookieJar();
    await request(jar, 'GET', '/signin');
    const response = await request(jar, 'POST', '/signin', { _csrf: stolen, email: 'x@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(403);
  });

  it('refuses signed-in forms without the session token or with a stale one, and accepts the right one', async () => {
    const { jar } = await signUp();
    const page = await request(jar, 'GET', '/app/organizations');
    const token = csrfOf(page.body);
    expect((await request(jar, 'POST', '/app/organizations', { name: 'No token' })).statusCode).toBe(403);
    expect((await request(jar, 'POST', '/app/organizations', { name: 'Wrong', _csrf: token.slice(0, -2) + 'xx' })).statusCode).toBe(403);
    const ok = await request(jar, 'POST', '/app/organizations', { name: 'Right', _csrf: token });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/app\/organizations\/[0-9a-f-]{36}\?notice=created$/);
  });
});

describe('sign-up and sign-in forms', () => {
  it('explains password rules and keeps what was typed, never the password', async () => {
    const jar = new CookieJar();
    const form = await request(jar, 'GET', '/signup');
    const response = await request(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name: 'Grace <Hopper>', email: 'grace@example.com', password: 'short-pw' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('password must be at least 12 characters.');
    expect(response.body).toContain('value="grace@example.com"');
    expect(response.body).toContain('value="Grace &lt;Hopper&gt;"');
    expect(response.body).not.toContain('short-pw');
  });

  it('says so when the email is taken', async () => {
    const { email } = await signUp();
    const jar = new CookieJar();
    const form = await request(jar, 'GET', '/signup');
    const response = await request(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name: 'Again', email, password: PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A user with this email already exists.');
  });

  it('throttles sign-in after 5 failures for one email and address, but not from another address', async () => {
    const { email } = await signUp();
    const attacker = new CookieJar();
    const token = csrfOf((await request(attacker, 'GET', '/signin')).body);
    for (let i = 0; i < 5; i++) {
      const failed = await request(attacker, 'POST', '/signin', { _csrf: token, email, password: `wrong password ${i}` }, {});
      expect(failed.statusCode).toBe(401);
      expect(failed.body).toContain('do not match');
    }
    const blocked = await request(attacker, 'POST', '/signin', { _csrf: token, email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('Too many sign-in attempts');
    expect(blocked.headers['set-cookie'] ?? '').not.toContain('jfi_session');

    const elsewhere = new CookieJar();
    const otherToken = csrfOf((await request(elsewhere, 'GET', '/signin')).body);
    const ok = await server.app.inject({
      method: 'POST',
      url: '/signin',
      remoteAddress: '10.1.2.3',
      headers: { cookie: elsewhere.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: otherToken, email, password: PASSWORD }).toString(),
    });
    expect(ok.statusCode).toBe(303);
  });

  it('limits attempts on one account from many addresses, and one address spraying many accounts', async () => {
    const { email } = await signUp();
    const jar = new CookieJar();
    const token = csrfOf((await request(jar, 'GET', '/signin')).body);
    const attempt = (account: string, remoteAddress: string) =>
      server.app.inject({
        method: 'POST',
        url: '/signin',
        remoteAddress,
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, email: account, password: 'wrong password here' }).toString(),
      });
    const onAccount: number[] = [];
    for (let i = 1; i <= 21; i++) onAccount.push((await attempt(` ${email.toUpperCase()}`, `10.20.${i}.1`)).statusCode);
    expect(onAccount.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(onAccount[20]).toBe(429);

    const sprayed: number[] = [];
    for (let i = 1; i <= 31; i++) sprayed.push((await attempt(`victim${i}-${Date.now()}@example.com`, '10.30.0.1')).statusCode);
    expect(sprayed.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(sprayed[30]).toBe(429);
  });

  it('limits sign-ups per address (SIGNUPS_PER_HOUR)', async () => {
    const limited = await startWebServer({ SIGNUPS_PER_HOUR: '2' });
    try {
      const signUpFrom = async (remoteAddress: string, n: number) => {
        const jar = new CookieJar();
        const form = await limited.app.inject({ url: '/signup', remoteAddress });
        jar.store(form.headers['set-cookie']);
        return limited.app.inject({
          method: 'POST',
          url: '/signup',
          remoteAddress,
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfOf(form.body), name: 'N', email: `n${n}-${Date.now()}@example.com`, password: PASSWORD }).toString(),
        });
      };
      expect((await signUpFrom('10.40.0.1', 1)).statusCode).toBe(303);
      expect((await signUpFrom('10.40.0.1', 2)).statusCode).toBe(303);
      const third = await signUpFrom('10.40.0.1', 3);
      expect(third.statusCode).toBe(429);
      expect(third.body).toContain('Too many sign-ups from your network');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await signUpFrom('10.41.0.1', 4)).statusCode).toBe(303);
    } finally {
      await limited.close();
    }
  });

  it('sends a signed-in user back only to a path on this site', async () => {
    const { email } = await signUp();
    const jar = new CookieJar();
    const token = csrfOf((await request(jar, 'GET', '/signin')).body);
    const response = await request(jar, 'POST', '/signin', { _csrf: token, email, password: PASSWORD, next: '//evil.example/x' });
    expect(response.headers.location).toBe('/app');
  });

  it('redirects only to dashboard paths: tabs, backslashes, CR/LF and other sites all land on /app', async () => {
    const { jar, email } = await signUp();
    const hostile = ['/\t/evil.example/phish', '/\\evil.example', '/app\r\nSet-Cookie: x=1', '/app\n/x', 'https://evil.example', '/\u0000/evil.example', '/docs', '/app//evil.example'];
    for (const next of hostile) {
      const response = await request(jar, 'GET', `/signin?next=${encodeURIComponent(next)}`);
      expect(response.statusCode, JSON.stringify(next)).toBe(303);
      expect(response.headers.location, JSON.stringify(next)).toBe('/app');
    }
    const kept = await request(jar, 'GET', `/signin?next=${encodeURIComponent('/app/settings/keys?mode=test')}`);
    expect(kept.headers.location).toBe('/app/settings/keys?mode=test');

    const visitor = new CookieJar();
    const token = csrfOf((await request(visitor, 'GET', `/signin?next=${encodeURIComponent('/\t/evil.example/phish')}`)).body);
    const signedIn = await request(visitor, 'POST', '/signin', { _csrf: token, email, password: PASSWORD, next: '/\t/evil.example/phish' });
    expect(signedIn.headers.location).toBe('/app');
  });
});

describe('API keys page', () => {
  it('explains plan_required to a free user instead of showing the form', async () => {
    const { jar, email } = await signUp();
    const page = await request(jar, 'GET', '/app/settings/keys');
    expect(page.body).toContain('API keys need the Pro plan');
    expect(page.body).toContain(`jfi user set-plan --email ${email} --plan pro`);
    expect(page.body).not.toContain('action="/app/settings/keys"');
  });

  it('shows a new key’s secret once, and only its hint afterwards', async () => {
    const { jar, email } = await signUp();
    const user = await server.services.accounts.getUserByEmail(email);
    await server.services.accounts.setUserPlan(user.id, 'pro');
    const page = await request(jar, 'GET', '/app/settings/keys');
    const created = await request(jar, 'POST', '/app/settings/keys', { _csrf: csrfOf(page.body), name: 'CI', mode: 'test', scopes: ['diagrams:read', 'folders:read'], expires_in_days: '30' });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const secret = /value="(jfi_sk_test_[A-Za-z0-9]+)"/.exec(created.body)?.[1];
    expect(secret).toBeDefined();
    const key = await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
    expect(key.statusCode).toBe(200);
    expect(key.json()).toMatchObject({ name: 'CI', mode: 'test', scopes: ['diagrams:read', 'folders:read'] });
    const again = await request(jar, 'GET', '/app/settings/keys');
    expect(again.body).not.toContain(secret!);
    expect(again.body).toContain(`${secret!.slice(0, 12)}`);
  });

  it('keeps the form values and names the problem when no scope is chosen', async () => {
    const { jar, email } = await signUp();
    const user = await server.services.accounts.getUserByEmail(email);
    await server.services.accounts.setUserPlan(user.id, 'pro');
    const page = await request(jar, 'GET', '/app/settings/keys');
    const response = await request(jar, 'POST', '/app/settings/keys', { _csrf: csrfOf(page.body), name: 'No scopes', mode: 'live' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('scopes must list at least one of');
    expect(response.body).toContain('value="No scopes"');
  });

  it('says so when the workspace has as many active keys as allowed (API_KEYS_PER_USER)', async () => {
    const capped = await startWebServer({ API_KEYS_PER_USER: '1' });
    try {
      const jar = new CookieJar();
      const form = await capped.app.inject({ url: '/signup' });
      jar.store(form.headers['set-cookie']);
      const email = `capped-${Date.now()}@example.com`;
      const post = (url: string, fields: Record<string, string | string[]>) =>
        capped.app.inject({
          method: 'POST',
          url,
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => [v].flat().map((item) => [k, item] as [string, string]))).toString(),
        });
      jar.store((await post('/signup', { _csrf: csrfOf(form.body), name: 'Cap', email, password: PASSWORD })).headers['set-cookie']);
      await capped.services.accounts.setUserPlan((await capped.services.accounts.getUserByEmail(email)).id, 'pro');
      const page = await capped.app.inject({ url: '/app/settings/keys', headers: { cookie: jar.header() } });
      const create = (name: string) => post('/app/settings/keys', { _csrf: csrfOf(page.body), name, mode: 'live', scopes: ['diagrams:read'] });
      expect((await create('first')).statusCode).toBe(200);
      const refused = await create('second');
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('Your personal space already has 1 active API keys, the most allowed. Revoke one you no longer use first.');
    } finally {
      await capped.close();
    }
  });

  it('revokes only after the confirmation form is posted', async () => {
    const { jar, email } = await signUp();
    const user = await server.services.accounts.getUserByEmail(email);
    await server.services.accounts.setUserPlan(user.id, 'pro');
    const { key, secret } = await server.services.keys.createKey({ userId: user.id, name: 'Old', mode: 'live', scopes: ['diagrams:read'] });
    const confirm = await request(jar, 'GET', `/app/settings/keys/${key.id}/revoke`);
    expect(confirm.body).toContain('Revoke “Old”?');
    expect((await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
    const revoked = await request(jar, 'POST', `/app/settings/keys/${key.id}/revoke`, { _csrf: csrfOf(confirm.body) });
    expect(revoked.statusCode).toBe(303);
    const after = await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
    expect(after.json().error.code).toBe('revoked_api_key');
    const notice = await request(jar, 'GET', String(revoked.headers.location));
    expect(notice.body).toContain('Key Old was revoked.');
  });

  it('names a revoked key only from the database, never from the link', async () => {
    const { jar } = await signUp();
    const spoofed = await request(jar, 'GET', `/app/settings/keys?revoked=${encodeURIComponent('Production. Your account is suspended')}`);
    expect(spoofed.statusCode).toBe(200);
    expect(spoofed.body).not.toContain('Your account is suspended');
  });

  it('does not let one user revoke another user’s key', async () => {
    const owner = await signUp();
    const ownerUser = await server.services.accounts.getUserByEmail(owner.email);
    await server.services.accounts.setUserPlan(ownerUser.id, 'pro');
    const { key } = await server.services.keys.createKey({ userId: ownerUser.id, name: 'Mine', mode: 'live', scopes: ['diagrams:read'] });
    const { jar } = await signUp();
    const page = await request(jar, 'GET', '/app/settings/keys');
    const response = await request(jar, 'POST', `/app/settings/keys/${key.id}/revoke`, { _csrf: csrfOf(page.body) });
    expect(response.statusCode).toBe(404);
    expect((await server.services.keys.listKeys({ kind: 'user', id: ownerUser.id }))[0]?.revokedAt).toBeNull();
  });
});

describe('pages', () => {
  it('answers unknown dashboard pages with an HTML 404', async () => {
    const { jar } = await signUp();
    const response = await request(jar, 'GET', '/app/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('renders the API reference from the live OpenAPI document', async () => {
    const document = (await server.app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { summary?: string }>> };
    const page = await server.app.inject({ url: '/docs/api' });
    expect(page.statusCode).toBe(200);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(page.body).toContain(`<span class="method method-${method}">${method}</span><span class="path">/api/v1${path.replace(/&/g, '&amp;')}</span>`);
        if (operation.summary) expect(page.body).toContain(operation.summary.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
      }
    }
  });
});
