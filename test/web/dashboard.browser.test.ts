// The dashboard as a person uses it, in real Chromium against a real server: sign up, get a plan from the
// operator's CLI, create a key with the keyboard only, call the API with it, see and edit the diagram, export.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from './web-server.ts';

const CHROMIUM = '/usr/bin/chromium';
// Screenshots refresh docs/screenshots/ only when asked (UPDATE_SCREENSHOTS=1); otherwise they go to a temp folder,
// so a test run leaves the work tree clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.resolve('docs/screenshots')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-screenshots-'));
const PASSWORD = 'velvet tundra marching 42';
const run = promisify(execFile);

const HELLO_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://example.com/orders">
  <process id="orders" name="Order handling">
    <startEvent id="start" name="Order received"/>
    <task id="check" name="Check credit"/>
    <exclusiveGateway id="approved" name="Credit approved?"/>
    <task id="ship" name="Ship goods"/>
    <task id="inform" name="Inform customer"/>
    <endEvent id="done" name="Order closed"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
    <sequenceFlow id="f2" sourceRef="check" targetRef="approved"/>
    <sequenceFlow id="f3" name="yes" sourceRef="approved" targetRef="ship"/>
    <sequenceFlow id="f4" name="no" sourceRef="approved" targetRef="inform"/>
    <sequenceFlow id="f5" sourceRef="ship" targetRef="done"/>
    <sequenceFlow id="f6" sourceRef="inform" targetRef="done"/>
  </process>
</definitions>`;

const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI (apt-get install -y chromium).`);
  console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

describe.skipIf(!available)('the dashboard in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startWebServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  // Each test is a fresh visitor: its own cookies, its own list of console problems.
  beforeEach(async () => {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()} on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} for ${response.url()}`);
    });
  });

  afterEach(() => context.close());

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });

  it('takes a newcomer from sign-up to a key, an API-made diagram, an edit in the modeler and an export', async () => {
    const email = `newcomer-${Date.now()}@example.com`;

    await page.goto(server.url);
    await shot('01-landing');
    await page.getByRole('link', { name: 'Create a free account' }).click();

    // A too-short password: the form says why and keeps name and email.
    await page.getByLabel('Your name').fill('Nora Newcomer');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.field-error').allInnerTexts()).toEqual(['password must be at least 12 characters.']);
    expect(await page.getByLabel('Work email').inputValue()).toBe(email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await shot('02-signup-error');
    // The refused form answers 400 on purpose; Chromium reports that status, and nothing else may appear.
    expect(problems.splice(0)).toEqual([expect.stringMatching(/\/signup: Failed to load resource: .* 400/)]);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/app\?welcome=1$/);
    await expect.poll(() => text(page.locator('.flash-success'))).toContain('Welcome, Nora Newcomer!');
    await shot('03-diagrams-empty');

    // Free plan: the keys page explains plan_required instead of offering a form that would fail.
    await page.getByRole('link', { name: 'API keys' }).click();
    await expect.poll(() => text(page.locator('#plan-required'))).toContain('jfi user set-plan');
    expect(await page.locator('form.key-form').count()).toBe(0);
    await shot('04-keys-free-plan');

    // The operator upgrades the user with the real CLI.
    const cli = await run(process.execPath, ['bin/jfi.mjs', 'user', 'set-plan', '--email', email, '--plan', 'pro'], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'silent' },
    });
    expect(cli.stdout + cli.stderr).toMatch(/pro/);

    // Keyboard only: reach the form with Tab, fill it, untick one scope with Space, submit with Enter, copy with Enter.
    await page.reload();
    await tabTo(page, '#key-name');
    await page.keyboard.type('Production server');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('key-expiry');
    await page.keyboard.type('90');
    await tabTo(page, 'input[name=scopes][value=generate]');
    await page.keyboard.press('Space');
    await tabTo(page, 'form.key-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#new-secret');
    const secret = await page.locator('#new-secret').inputValue();
    expect(secret).toMatch(/^jfi_sk_live_[A-Za-z0-9]{32,}$/);
    await tabTo(page, 'button[data-copy]');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page.locator('button[data-copy]'))).toBe('Copied');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await expect.poll(() => page.locator('table.table tbody tr').count()).toBe(1);
    await expect.poll(() => text(page.locator('table.table tbody tr td.scopes'))).not.toContain('generate');
    await shot('05-keys-created');

    // The key works over real HTTP.
    const created = await fetch(`${server.url}/api/v1/diagrams`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Order handling', bpmn_xml: HELLO_BPMN }),
    });
    expect(created.status).toBe(201);
    const diagram = (await created.json()) as { id: string; version: number };
    expect(created.headers.get('access-control-allow-origin')).toBeNull();

    // The diagram shows in the dashboard with a rendered thumbnail.
    await page.getByRole('link', { name: 'Diagrams' }).click();
    const card = page.locator('.diagram-card', { hasText: 'Order handling' });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => imageWidth(card.locator('img')), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('06-diagrams-list');
    await card.click();
    await page.waitForURL(new RegExp(`/app/diagrams/${diagram.id}$`));
    await expect.poll(() => imageWidth(page.locator('.viewer img')), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('07-diagram-light');
    await page.getByRole('button', { name: 'Dark', exact: true }).click();
    await expect.poll(() => page.locator('.viewer.dark img').count()).toBe(1);
    await expect.poll(() => imageWidth(page.locator('.viewer img')), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('08-diagram-dark');

    // Downloads are the real files.
    const png = await download(page, 'PNG');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await download(page, 'SVG')).toString('utf8')).toMatch(/^<svg[^>]+data-theme="dark"/);

    // Edit in the bpmn-js modeler (served from our origin, watermark visible) and save a new version.
    await page.getByRole('link', { name: 'Edit in modeler' }).click();
    await page.waitForSelector('.djs-element[data-element-id="check"]');
    await page.locator('.bjs-powered-by').waitFor({ state: 'visible' });
    await page.locator('.djs-element[data-element-id="check"]').dblclick();
    await page.waitForSelector('.djs-direct-editing-parent');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Check credit limit');
    await page.locator('.djs-container svg').first().click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.locator('#save').isEnabled()).toBe(true);
    await shot('09-modeler');
    await page.locator('#save').click();
    await expect.poll(() => text(page.locator('#save-status')), { timeout: 10_000 }).toBe(`Saved as version ${diagram.version + 1}`);

    const exported = await fetch(`${server.url}/api/v1/diagrams/${diagram.id}/export`, { headers: { authorization: `Bearer ${secret}` } });
    expect(exported.status).toBe(200);
    const xml = await exported.text();
    expect(xml).toContain('name="Check credit limit"');
    const after = (await (await fetch(`${server.url}/api/v1/diagrams/${diagram.id}`, { headers: { authorization: `Bearer ${secret}` } })).json()) as { version: number };
    expect(after.version).toBe(diagram.version + 1);

    // The page's BPMN download is the new version too.
    await page.goto(`${server.url}/app/diagrams/${diagram.id}`);
    expect((await download(page, 'BPMN')).toString('utf8')).toContain('Check credit limit');

    // Test mode shows the other data set.
    await page.getByRole('button', { name: 'Test' }).click();
    await page.locator('.test-banner').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.diagram-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Live' }).click();
    await expect.poll(() => page.locator('.diagram-card').count()).toBe(1);

    // Revoke with the keyboard: Tab to Revoke, Enter; the confirmation focuses its button, Enter again.
    await page.goto(`${server.url}/app/settings/keys`);
    await tabTo(page, 'a[aria-label="Revoke Production server"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revoke$/);
    // Autofocus lands after load; on a loaded machine a moment later.
    await expect.poll(() => page.evaluate<string>("document.activeElement?.textContent ?? ''")).toBe('Revoke key');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/settings\/keys\?revoked=/);
    await expect.poll(() => text(page.locator('table.table tbody'))).toContain('Revoked');
    const refused = await fetch(`${server.url}/api/v1/key`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('revoked_api_key');

    expect(problems).toEqual([]);
  }, 180_000);

  it('creates an organization, adds a member and shows plans, folders, generation and the docs', async () => {
    const colleague = await server.services.accounts.createUser({ email: `colleague-${Date.now()}@example.com`, name: 'Carl Colleague', password: PASSWORD });
    const owner = await server.services.accounts.createUser({ email: `owner-${Date.now()}@example.com`, name: 'Nora Newcomer', password: PASSWORD });
    await page.goto(`${server.url}/app/organizations`);
    await page.waitForURL(/\/signin\?next=%2Fapp%2Forganizations$/);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/organizations$/);
    await page.getByLabel('Organization name').fill('Acme Operations');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/app\/organizations\/[0-9a-f-]+\?notice=created$/);
    await expect.poll(() => page.locator('#space-select').inputValue()).toMatch(/[0-9a-f-]{36}/);
    await page.getByLabel('Email of an existing account').fill(colleague.email);
    await page.getByLabel('Role', { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => text(page.locator('table.table'))).toContain(colleague.email);
    // Each member's role is an in-place select: the new member's shows the role chosen on adding.
    await expect.poll(() => page.getByLabel(`Role of ${colleague.email}`).inputValue()).toBe('admin');
    expect(await page.getByLabel(`Role of ${owner.email}`).inputValue()).toBe('owner');
    await shot('10-organization');

    // The organization's own, empty diagram space: a folder with context, then a generated diagram in it
    // (generating needs the Team plan, as over the API).
    const orgId = await page.locator('#space-select').inputValue();
    await server.services.accounts.setOrganizationPlan(orgId, 'team');
    await page.getByRole('link', { name: 'Diagrams' }).click();
    await page.getByRole('link', { name: 'New folder', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sales');
    await page.getByLabel('Context for generation (optional)').fill('The lanes are Sales and Warehouse.');
    await page.getByRole('button', { name: 'Create folder' }).click();
    await page.waitForURL(/\/app\/folders\/[0-9a-f-]+\?notice=created$/);
    await page.getByLabel('Describe the process').fill(
      'When an order arrives, Sales checks the credit. If it is approved, the warehouse ships the goods; otherwise Sales informs the customer.',
    );
    await expect.poll(() => text(page.locator('#gen-quota'))).toContain('generations left in this workspace');
    await page.getByRole('button', { name: 'Generate diagram' }).click();
    await page.waitForURL(/\/app\/diagrams\/[0-9a-f-]+\?notice=generated$/);
    await expect.poll(() => imageWidth(page.locator('.viewer img')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('.breadcrumbs a', { hasText: 'Sales' }).click();
    await expect.poll(() => page.locator('.diagram-card').count()).toBe(1);
    await expect.poll(() => text(page.locator('.tree a.active'))).toBe('Sales');
    await shot('11-folder');

    // Import a .bpmn file through the file chooser (read in the browser, sent with the form).
    await page.getByRole('link', { name: 'Import .bpmn' }).click();
    await page.getByLabel('BPMN 2.0 file').setInputFiles({ name: 'orders.bpmn', mimeType: 'application/xml', buffer: Buffer.from(HELLO_BPMN) });
    await expect.poll(() => page.getByLabel('Name (optional)').inputValue()).toBe('orders');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/app\/diagrams\/[0-9a-f-]+\?notice=imported$/);
    await expect.poll(() => text(page.locator('h1'))).toBe('orders');

    await page.getByRole('link', { name: 'Billing' }).click();
    await expect.poll(() => text(page.locator('main'))).toContain('jfi org set-plan');
    await shot('12-billing');

    await page.goto(`${server.url}/docs/quickstart`);
    await shot('13-docs-quickstart');
    await page.goto(`${server.url}/docs/api`);
    await page.locator('.endpoint').first().waitFor({ state: 'visible' });
    await shot('14-docs-api');
    expect(problems).toEqual([]);
  }, 180_000);
});

/** The natural width of a loaded image, 0 while it loads or when it failed. */
async function imageWidth(image: Locator): Promise<number> {
  return image.evaluate((node) => {
    const img = node as unknown as { complete: boolean; naturalWidth: number };
    return img.complete ? img.naturalWidth : 0;
  });
}

/** The visible text of every element the locator matches. */
async function text(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>("document.activeElement?.id ?? ''");
}

/** Presses Tab until the element matching `selector` has focus (fails if it is not reachable by keyboard). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} cannot be reached with the Tab key.`);
}

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName, exact: true }).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
