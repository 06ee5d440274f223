// Settings → Account and the reset link through the web app: forms that keep what was typed (never a password),
// sessions ended, the account deleted with the cookie, and the one-time /reset/:token page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_CONFIRMATIONS } from '../../src/web/auth-throttle.ts';
import { CookieJar, csrfOf, inject, startWebServer, type WebServer } from './web-server.ts';

let server: WebServer;
let counter = 0;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

function send(jar: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
  return inject(server.app, jar, method, url, form);
}

async function signUp(name = 'Ada') {
  const jar = new CookieJar();
  const email = `ada${++counter}-${Date.now()}@example.com`;
  const form = await send(jar, 'GET', '/signup');
  expect((await send(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name, email, password: PASSWORD })).statusCode).toBe(303);
  const page = await send(jar, 'GET', '/app/settings/account');
  return { jar, email, csrf: csrfOf(page.body), page };
}

async function signIn(email: string, password = PASSWORD) {
  const jar = new CookieJar();
  const form = await send(jar, 'GET', '/signin');
  const response = await send(jar, 'POST', '/signin', { _csrf: csrfOf(form.body), email, password });
  return { jar, status: response.statusCode };
}

describe('the account page', () => {
  it('is linked from the avatar and says what deleting the account does', async () => {
    const { page } = await signUp();
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<a class="avatar" href="\/app\/settings\/account"[^>]*title="Account settings for [^"]+">[A-Z]{1,2}<span class="sr-only"> — account settings<\/span><\/a>/);
    for (const text of ['Your personal diagrams and folders', 'Every API key you created is deleted', 'stay there, for its members', 'Delete my account']) {
      expect(page.body).toContain(text);
    }
  });

  it('keeps a refused name or email and never sends a password back', async () => {
    const { jar, csrf, email } = await signUp();
    const name = await send(jar, 'POST', '/app/settings/account/name', { _csrf: csrf, name: 'n'.repeat(201) });
    expect(name.statusCode).toBe(400);
    expect(name.body).toContain(`value="${'n'.repeat(201)}" aria-invalid="true"`);
    const changed = await send(jar, 'POST', '/app/settings/account/email', { _csrf: csrf, email: 'typed-new@example.com', password: 'not my password 9' });
    expect(changed.statusCode).toBe(400);
    expect(changed.body).toContain('That is not your current password.');
    expect(changed.body).toContain('value="typed-new@example.com"');
    expect(changed.body).not.toContain('not my password 9');
    const weak = await send(jar, 'POST', '/app/settings/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('password must be at least 12 characters.');
    expect(weak.body).not.toContain(PASSWORD);
    const saved = await send(jar, 'POST', '/app/settings/account/email', { _csrf: csrf, email: `new-${email}`, password: PASSWORD });
    expect(saved.headers.location).toBe('/app/settings/account?notice=email');
    expect((await signIn(`new-${email}`)).status).toBe(303);
  });

  it('changes the password and signs out the other sessions, or only signs them out', async () => {
    const { jar, csrf, email } = await signUp();
    const other = await signIn(email);
    expect((await send(other.jar, 'GET', '/app')).statusCode).toBe(200);
    expect((await send(jar, 'GET', '/app/settings/account')).body).toContain('You have 1 other signed-in session');
    const changed = await send(jar, 'POST', '/app/settings/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'fresh orbit lantern 77' });
    expect(changed.headers.location).toBe('/app/settings/account?notice=password');
    expect((await send(jar, 'GET', '/app')).statusCode).toBe(200);
    expect((await send(other.jar, 'GET', '/app')).headers.location).toBe('/signin?next=%2Fapp');

    const third = await signIn(email, 'fresh orbit lantern 77');
    expect((await send(jar, 'POST', '/app/settings/account/sessions', { _csrf: csrf })).statusCode).toBe(303);
    expect((await send(third.jar, 'GET', '/app')).statusCode).toBe(303);
    expect((await send(jar, 'GET', '/app/settings/account')).body).toContain('This is your only session.');
  });

  it('refuses to delete the last owner of an organisation, then deletes the account and signs out', async () => {
    const { jar, csrf, email } = await signUp('Olivia');
    const org = await server.services.accounts.createOrganization((await server.services.accounts.getUserByEmail(email)).id, 'Acme');
    const page = await send(jar, 'GET', '/app/settings/account');
    expect(page.body).toContain('You are the last owner of <strong>Acme</strong>');
    expect(page.body).not.toContain('Delete my account</button>');
    const refused = await send(jar, 'POST', '/app/settings/account/delete', { _csrf: csrf, password: PASSWORD });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('You are the last owner of the organization Acme');

    const colleague = await signUp('Max');
    await server.services.accounts.addMember(org.id, colleague.email, 'owner', 'operator');
    const wrong = await send(jar, 'POST', '/app/settings/account/delete', { _csrf: csrf, password: 'not my password 9' });
    expect(wrong.statusCode).toBe(400);
    const deleted = await send(jar, 'POST', '/app/settings/account/delete', { _csrf: csrf, password: PASSWORD });
    expect(deleted.headers.location).toBe('/signin?notice=deleted');
    expect(jar.cookies.has('jfi_session')).toBe(false);
    await expect(server.services.accounts.getUserByEmail(email)).rejects.toThrow('No user with email');
  });
  it('counts the passwords typed to confirm changes: guessing them is throttled', async () => {
    const { jar, csrf } = await signUp();
    const tries = [];
    for (let i = 0; i <= PASSWORD_CONFIRMATIONS; i++) tries.push((await send(jar, 'POST', '/app/settings/account/delete', { _csrf: csrf, password: `guess number ${i} abc` })).statusCode);
    expect(tries).toEqual([...Array(PASSWORD_CONFIRMATIONS).fill(400), 429]);
    const blocked = await send(jar, 'POST', '/app/settings/account/email', { _csrf: csrf, email: 'other@example.com', password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many password attempts.');
  });
});

describe('password reset links', () => {
  it('says on the sign-in page how to get one, sets a new password once and signs out everywhere', async () => {
    const signInPage = await send(new CookieJar(), 'GET', '/signin');
    expect(signInPage.body).toContain('Forgot your password?');
    expect(signInPage.body).toContain('jfi user reset-password');

    const { jar, email } = await signUp();
    const link = await server.services.passwordResets.createLink(email);
    const visitor = new CookieJar();
    const form = await send(visitor, 'GET', `/reset/${link.token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`For ${email}.`);
    const weak = await send(visitor, 'POST', `/reset/${link.token}`, { _csrf: csrfOf(form.body), password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('password must be at least 12 characters.');
    const done = await send(visitor, 'POST', `/reset/${link.token}`, { _csrf: csrfOf(weak.body), password: 'fresh orbit lantern 77' });
    expect(done.headers.location).toBe('/signin?notice=reset');
    expect((await send(jar, 'GET', '/app')).statusCode).toBe(303);
    expect((await signIn(email, 'fresh orbit lantern 77')).status).toBe(303);

    const used = await send(visitor, 'GET', `/reset/${link.token}`);
    expect(used.statusCode).toBe(404);
    expect(used.body).toContain('This reset link does not work any more');
    const again = await send(visitor, 'POST', `/reset/${link.token}`, { _csrf: csrfOf(form.body), password: 'another fine phrase 88' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This reset link does not work any more');
  });
});
