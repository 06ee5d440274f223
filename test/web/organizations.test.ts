import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, csrfOf, inject, startWebServer, type WebServer } from './web-server.ts';

let server: WebServer;
let counter = 0;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

function send(jar: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) {
  return inject(server.app, jar, method, url, form);
}

async function member(name: string) {
  const jar = new CookieJar();
  const email = `${name.toLowerCase()}${++counter}-${Date.now()}@example.com`;
  const form = await send(jar, 'GET', '/signup');
  expect((await send(jar, 'POST', '/signup', { _csrf: csrfOf(form.body), name, email, password: PASSWORD })).statusCode).toBe(303);
  return { jar, email };
}

async function createOrganization(jar: CookieJar, name: string): Promise<string> {
  const page = await send(jar, 'GET', '/app/organizations');
  const created = await send(jar, 'POST', '/app/organizations', { _csrf: csrfOf(page.body), name });
  return /\/app\/organizations\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
}

describe('organizations in the dashboard', () => {
  it('lets a member of a Team organization create an organization key that acts for the organization', async () => {
    const owner = await member('Olivia');
    const colleague = await member('Max');
    const orgId = await createOrganization(owner.jar, 'Acme');
    const orgPage = await send(owner.jar, 'GET', `/app/organizations/${orgId}`);
    const added = await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(orgPage.body), email: colleague.email, role: 'member' });
    expect(added.statusCode).toBe(303);

    // The colleague switches to the organization: on the Free plan the page explains plan_required.
    const home = await send(colleague.jar, 'GET', '/app/organizations');
    await send(colleague.jar, 'POST', '/app/space', { _csrf: csrfOf(home.body), space: orgId });
    const free = await send(colleague.jar, 'GET', '/app/settings/keys');
    expect(free.body).toContain('Organization keys need the Team plan');
    expect(free.body).toContain(`jfi org set-plan --org ${orgId} --plan team`);

    await server.services.accounts.setOrganizationPlan(orgId, 'team');
    const keys = await send(colleague.jar, 'GET', '/app/settings/keys');
    const created = await send(colleague.jar, 'POST', '/app/settings/keys', { _csrf: csrfOf(keys.body), name: 'Org CI', mode: 'live', scopes: ['folders:read'] });
    const secret = /value="(jfi_sk_live_[A-Za-z0-9]+)"/.exec(created.body)?.[1];
    expect(secret).toBeDefined();
    const key = await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
    expect(key.json()).toMatchObject({ name: 'Org CI', owner: { type: 'organization', id: orgId } });

    // The owner removes the colleague: the key is revoked, the owner's list says so and why, and the key's holder
    // is told why too.
    const members = await send(owner.jar, 'GET', `/app/organizations/${orgId}`);
    expect((await send(owner.jar, 'POST', `/app/organizations/${orgId}/members/remove`, { _csrf: csrfOf(members.body), email: colleague.email })).statusCode).toBe(303);
    await send(owner.jar, 'POST', '/app/space', { _csrf: csrfOf(members.body), space: orgId });
    const list = await send(owner.jar, 'GET', '/app/settings/keys');
    const row = /<tr[^>]*>\s*<td class="strong">Org CI<\/td>[\s\S]*?<\/tr>/.exec(list.body)?.[0] ?? '';
    expect(row).toContain('Revoked');
    expect(row).toContain('its creator left');
    expect(row).not.toContain('Active');
    const refused = await server.app.inject({ url: '/api/v1/key', headers: { authorization: `Bearer ${secret}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain('the member who created it left the organization');
  });

  it('lets only owners and admins add members, and says who is missing an account', async () => {
    const owner = await member('Pat');
    const plain = await member('Quinn');
    const orgId = await createOrganization(owner.jar, 'Beta');
    const page = await send(owner.jar, 'GET', `/app/organizations/${orgId}`);
    const unknown = await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(page.body), email: 'nobody@example.com', role: 'member' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No account uses nobody@example.com');
    expect(unknown.body).toContain('value="nobody@example.com"');
    await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(page.body), email: plain.email, role: 'member' });

    const theirs = await send(plain.jar, 'GET', `/app/organizations/${orgId}`);
    expect(theirs.body).not.toContain('Add a member');
    const refused = await send(plain.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(theirs.body), email: owner.email, role: 'owner' });
    expect(refused.statusCode).toBe(403);
  });

  it('changes roles in place: admins manage members, only owners manage owners, one owner always stays', async () => {
    const owner = await member('Uma');
    const admin = await member('Vic');
    const plain = await member('Wes');
    const orgId = await createOrganization(owner.jar, 'Gamma');
    let page = await send(owner.jar, 'GET', `/app/organizations/${orgId}`);
    for (const who of [admin, plain]) {
      await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(page.body), email: who.email, role: 'member' });
    }
    const promoted = await send(owner.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrfOf(page.body), email: admin.email, role: 'admin' });
    expect(promoted.statusCode).toBe(303);
    page = await send(owner.jar, 'GET', String(promoted.headers.location));
    expect(page.body).toContain('Role changed.');
    expect(page.body).toMatch(new RegExp(`value="${admin.email}"><label class="sr-only"[^>]*>[^<]*</label><select[^>]*>.*?<option value="admin" selected>`));

    // The admin can promote a member to admin but not to owner, and cannot touch the owner.
    const adminPage = await send(admin.jar, 'GET', `/app/organizations/${orgId}`);
    expect(adminPage.body).not.toContain('<option value="owner"');
    const csrf = csrfOf(adminPage.body);
    expect((await send(admin.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrf, email: plain.email, role: 'admin' })).statusCode).toBe(303);
    expect((await send(admin.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrf, email: plain.email, role: 'owner' })).statusCode).toBe(403);
    expect((await send(admin.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrf, email: owner.email, role: 'member' })).statusCode).toBe(403);

    // A plain member changes nothing; the last owner cannot step down.
    const lastOwner = await send(owner.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrfOf(page.body), email: owner.email, role: 'admin' });
    expect(lastOwner.statusCode).toBe(400);
    expect(lastOwner.body).toContain('The last owner cannot stop being an owner');
    const roles = (await server.services.accounts.listMemberships({ organizationId: orgId })).map((m) => [m.email, m.role]);
    expect(roles).toEqual([
      [owner.email, 'owner'],
      [admin.email, 'admin'],
      [plain.email, 'admin'],
    ]);
  });

  it('refuses an admin who demotes or removes an owner, even with a padded or upper-case email', async () => {
    const owner = await member('Xena');
    const coOwner = await member('Yuri');
    const admin = await member('Zoe');
    const orgId = await createOrganization(owner.jar, 'Delta');
    const page = await send(owner.jar, 'GET', `/app/organizations/${orgId}`);
    await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(page.body), email: coOwner.email, role: 'owner' });
    await send(owner.jar, 'POST', `/app/organizations/${orgId}/members`, { _csrf: csrfOf(page.body), email: admin.email, role: 'admin' });
    const csrf = csrfOf((await send(admin.jar, 'GET', `/app/organizations/${orgId}`)).body);
    for (const email of [` ${coOwner.email}`, `${coOwner.email.toUpperCase()} `]) {
      const demoted = await send(admin.jar, 'POST', `/app/organizations/${orgId}/members/role`, { _csrf: csrf, email, role: 'member' });
      expect(demoted.statusCode).toBe(403);
      expect(demoted.body).toContain('Only owners can make or unmake owners.');
      const removed = await send(admin.jar, 'POST', `/app/organizations/${orgId}/members/remove`, { _csrf: csrf, email });
      expect(removed.statusCode).toBe(403);
      expect(removed.body).toContain('Only owners can remove owners.');
    }
    const roles = (await server.services.accounts.listMemberships({ organizationId: orgId })).map((m) => [m.email, m.role]);
    expect(roles).toEqual([
      [owner.email, 'owner'],
      [coOwner.email, 'owner'],
      [admin.email, 'admin'],
    ]);
  });

  it('shows only notices the server chose, never text from the link', async () => {
    const owner = await member('Nia');
    const orgId = await createOrganization(owner.jar, 'Epsilon');
    const spoofed = await send(owner.jar, 'GET', `/app/organizations/${orgId}?notice=${encodeURIComponent('Your account is locked: call +1 555 0100')}`);
    expect(spoofed.statusCode).toBe(200);
    expect(spoofed.body).not.toContain('call +1 555 0100');
    const proto = await send(owner.jar, 'GET', `/app/organizations/${orgId}?notice=constructor`);
    expect(proto.body).not.toContain('function Object');
    const chosen = await send(owner.jar, 'GET', `/app/organizations/${orgId}?notice=created`);
    expect(chosen.body).toContain('Organization created. You are now working in it.');
  });

  it('does not show another organization to a non-member', async () => {
    const owner = await member('Rita');
    const stranger = await member('Sam');
    const orgId = await createOrganization(owner.jar, 'Private');
    const response = await send(stranger.jar, 'GET', `/app/organizations/${orgId}`);
    expect(response.statusCode).toBe(404);
    const home = await send(stranger.jar, 'GET', '/app/organizations');
    await send(stranger.jar, 'POST', '/app/space', { _csrf: csrfOf(home.body), space: orgId });
    const keys = await send(stranger.jar, 'GET', '/app/settings/keys');
    expect(keys.body).toContain('Keys for <strong>Personal</strong>');
  });
});
