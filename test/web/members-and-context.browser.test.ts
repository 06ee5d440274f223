// Issue 18, points 4 and 5, in real Chromium against a real server: the keys of a member who leaves a Team
// organization show as revoked with the reason and are refused over real HTTP with a message that says why; a
// folder's context gives a generated diagram exactly the folder's lanes and the folder's words in every label.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, newVisitor, PASSWORD, SCREENSHOTS, signIn, startBrowserRig, type BrowserRig, type Visitor } from './browser-session.ts';

const run = promisify(execFile);

describe.skipIf(!chromiumAvailable)('member keys and folder context in Chromium', () => {
  let rig: BrowserRig;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    rig = await startBrowserRig();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(visitors.map((visitor) => visitor.context.close()));
    await rig?.close();
  });

  /** A person with an account, signed in in a browser profile of their own that accepts confirmation dialogs. */
  async function person(name: string, plan: 'free' | 'pro' = 'free'): Promise<Visitor & { email: string }> {
    const email = `${name.split(' ')[0]!.toLowerCase()}-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`;
    await rig.server.services.accounts.createUser({ email, name, password: PASSWORD, plan });
    const visitor = await newVisitor(rig.browser);
    visitors.push(visitor);
    visitor.page.on('dialog', (dialog) => void dialog.accept());
    await signIn(visitor.page, rig.server.url, email);
    return { ...visitor, email };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('revokes the keys of a removed member, says so on the owner\'s keys page and in the API\'s 401', async () => {
    const owner = await person('Olga Owner');
    const member = await person('Milo Member');

    // The owner creates the organization and adds the member; the operator sets the Team plan with the real CLI.
    await owner.page.goto(`${rig.server.url}/app/organizations`);
    await owner.page.getByLabel('Organization name').fill('Harbour Freight');
    await owner.page.getByRole('button', { name: 'Create', exact: true }).click();
    await owner.page.waitForURL(/\/app\/organizations\/[0-9a-f-]{36}\?notice=created$/);
    const orgId = /organizations\/([0-9a-f-]{36})/.exec(owner.page.url())![1]!;
    await owner.page.getByLabel('Email of an existing account').fill(member.email);
    await owner.page.getByLabel('Role', { exact: true }).selectOption('member');
    await owner.page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => owner.page.locator('table.table').innerText()).toContain(member.email);
    const cli = await run(process.execPath, ['bin/jfi.mjs', 'org', 'set-plan', '--org', orgId, '--plan', 'team'], {
      env: { ...process.env, DATABASE_URL: rig.server.databaseUrl, LOG_LEVEL: 'silent' },
    });
    expect(cli.stdout + cli.stderr).toMatch(/team/);

    // The member switches to the organization and creates an organization key in the browser.
    await member.page.goto(`${rig.server.url}/app/settings/keys`);
    await member.page.locator('#space-select').selectOption(orgId);
    await member.page.getByRole('button', { name: 'Switch workspace' }).click();
    await expect.poll(() => member.page.locator('.sidebar-label').first().innerText()).toMatch(/Harbour Freight/i);
    await member.page.goto(`${rig.server.url}/app/settings/keys`);
    await member.page.getByLabel('Name', { exact: true }).fill('Harbour CI');
    await member.page.getByRole('button', { name: 'Create key' }).click();
    await member.page.waitForSelector('#new-secret');
    const secret = await member.page.locator('#new-secret').inputValue();
    expect(secret).toMatch(/^jfi_sk_live_[A-Za-z0-9]{32,}$/);
    const before = await fetch(`${rig.server.url}/api/v1/key`, { headers: { authorization: `Bearer ${secret}` } });
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ name: 'Harbour CI', owner: { type: 'organization', id: orgId } });

    // The owner removes the member (confirmed in a dialog); the key shows as revoked, with why, on the keys page.
    await owner.page.goto(`${rig.server.url}/app/organizations/${orgId}`);
    await owner.page.locator('table.table tr', { hasText: member.email }).getByRole('button', { name: 'Remove' }).click();
    await owner.page.waitForURL(/\?notice=removed$/);
    expect(await owner.page.locator('table.table').innerText()).not.toContain(member.email);
    await owner.page.getByRole('link', { name: 'API keys' }).click();
    await owner.page.waitForURL(/\/app\/settings\/keys$/);
    const row = owner.page.locator('table.table tbody tr', { hasText: 'Harbour CI' });
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('Revoked');
    expect(rowText).toContain('its creator left');
    expect(rowText).not.toContain('Active');
    expect(await row.getByRole('link', { name: /Revoke/ }).count()).toBe(0);
    await owner.page.setViewportSize({ width: 1280, height: 800 });
    await shot(owner.page, '25-member-key-revoked');

    // The key's holder is told why over real HTTP, and no person is named.
    const refused = await fetch(`${rig.server.url}/api/v1/key`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('revoked_api_key');
    expect(body.error.message).toContain('the member who created it left the organization');
    for (const personal of ['Milo', 'Member', member.email, 'Olga', owner.email]) expect(body.error.message).not.toContain(personal);
    expect([...owner.problems, ...member.problems]).toEqual([]);
  }, 180_000);

  it('gives a generated diagram exactly the folder\'s lanes and its preferred word in every label', async () => {
    const user = await person('Fay Folder', 'pro');
    const { page } = user;

    await page.getByRole('link', { name: 'New folder', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Client accounts');
    await page.getByLabel('Context for generation (optional)').fill("Our lanes are: Front office, Finance. Say 'client', not 'customer'.");
    await page.getByRole('button', { name: 'Create folder' }).click();
    await page.waitForURL(/\/app\/folders\/[0-9a-f-]+\?notice=created$/);
    await page.getByLabel('Describe the process').fill(
      'The service desk receives the customer request and registers the customer. Finance checks the customer credit. ' +
        'If the customer is approved, the front office opens the customer account; ' +
        'otherwise the service desk informs the customer.',
    );
    await page.getByRole('button', { name: 'Generate diagram' }).click();
    await page.waitForURL(/\/app\/diagrams\/[0-9a-f-]+\?notice=generated$/);

    // The BPMN the page offers for download, fetched with the browser's session.
    const href = await page.getByRole('link', { name: 'BPMN', exact: true }).getAttribute('href');
    const xml = await (await page.request.get(new URL(href!, rig.server.url).toString())).text();
    const names = (tag: string) => [...xml.matchAll(new RegExp(`<(?:bpmn:)?${tag}\\b[^>]*\\bname="([^"]*)"`, 'g'))].map((m) => m[1]!);
    expect(names('lane')).toEqual(['Front office', 'Finance']);
    // The builtin generator leaves gateways unnamed and puts the decision on the outgoing flows: there must be one.
    expect(xml.match(/<(?:bpmn:)?exclusiveGateway\b/g)?.length ?? 0).toBeGreaterThan(0);
    const conditions = names('sequenceFlow');
    expect(conditions.join(' | ')).toMatch(/\bclient\b/i);
    const labels = [...names('[a-zA-Z]*Task'), ...names('task'), ...names('[a-zA-Z]*Event'), ...names('[a-zA-Z]*Gateway'), ...conditions];
    expect(labels.join(' | ')).toMatch(/\bclient\b/i);
    // Nowhere in the model: tasks, events, gateways, conditions, lanes, the pool and the process.
    expect(xml).not.toMatch(/customer/i);

    // What the page shows, its text and the drawn image, uses the folder's word too.
    expect(await page.locator('main').innerText()).not.toMatch(/customer/i);
    await expect.poll(() => page.locator('.viewer img').evaluate((node) => (node as unknown as { naturalWidth: number }).naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    const image = await page.locator('.viewer img').getAttribute('src');
    const svg = await (await page.request.get(new URL(image!, rig.server.url).toString())).text();
    expect(svg).toMatch(/\bclient\b/i);
    expect(svg).not.toMatch(/customer/i);
    await shot(page, '26-folder-context');
    expect(user.problems).toEqual([]);
  }, 180_000);
});
