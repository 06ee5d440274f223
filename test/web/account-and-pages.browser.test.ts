// Issue 18 in real Chromium against a real server: the account page (reached from the avatar) with its forms, the
// operator's reset link made by the real CLI, deleting an account; a four-page MIWG import with its page picker on
// the diagram page and in the modeler; failed forms that keep what was typed. Screenshots at phone and desktop width.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIWG_DIR } from '../helpers/shared.ts';
import { startWebServer, type WebServer } from './web-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-screenshots-'));
const PASSWORD = 'velvet tundra marching 42';
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const C40 = path.join(MIWG_DIR, 'C.4.0.bpmn');
const run = promisify(execFile);

const available = fs.existsSync(CHROMIUM) && fs.existsSync(C40);
if (!available) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} and ${C40} are required under CI.`);
  console.warn(`Skipping the account and page-picker browser tests: ${CHROMIUM} or ${C40} is missing.`);
}

describe.skipIf(!available)('account care and multi-page diagrams in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startWebServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh visitor; script errors and 5xx answers are problems, refused forms (4xx) are expected here. */
  async function visitor(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  async function signUp(page: Page, name: string): Promise<string> {
    const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/app\?welcome=1$/);
    return email;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('looks after the account: name, password with other sessions signed out, a reset link from the CLI, deletion', async () => {
    problems = [];
    const page = await visitor();
    const email = await signUp(page, 'Ada');
    const elsewhere = await visitor();
    await signIn(elsewhere, email, PASSWORD);
    await elsewhere.waitForURL(/\/app$/);

    await page.getByRole('link', { name: /account settings/ }).click();
    await page.waitForURL(/\/app\/settings\/account$/);
    expect(await page.locator('#session-count').innerText()).toContain('1 other signed-in session');

    // A refused name keeps what was typed.
    await page.getByLabel('Your name').fill('  ');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.locator('.flash-error').first().innerText()).toContain('name is required.');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.locator('.flash-success').innerText()).toBe('Your name was saved.');

    // A weak new password is refused without echoing it; a good one signs the other browser out.
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('.flash-error').first().innerText()).toBe('password must be at least 12 characters.');
    expect(await page.getByLabel('New password').inputValue()).toBe('');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('fresh orbit lantern 77');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('.flash-success').innerText()).toContain('Every other session was signed out.');
    await elsewhere.reload();
    expect(elsewhere.url()).toContain('/signin?next=');

    await page.setViewportSize(DESKTOP);
    await shot(page, '20-account');
    await page.setViewportSize(PHONE);
    await shot(page, '21-account-phone');
    await page.setViewportSize(DESKTOP);

    // The sign-in page says how to get a reset link; the operator makes one with the real CLI.
    await signIn(elsewhere, email, 'wrong password 123');
    expect(await elsewhere.getByText('Forgot your password?').innerText()).toContain('jfi user reset-password');
    const cli = await run(process.execPath, ['bin/jfi.mjs', 'user', 'reset-password', '--email', email, '--base-url', server.url, '--json'], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'silent' },
    });
    const link = JSON.parse(cli.stdout) as { url: string; email: string };
    expect(link.email).toBe(email);
    await elsewhere.goto(link.url);
    await elsewhere.getByLabel('New password').fill('quiet meadow sketch 31');
    await elsewhere.getByRole('button', { name: 'Set new password' }).click();
    await elsewhere.waitForURL(/\/signin\?notice=reset$/);
    await page.reload();
    expect(page.url()).toContain('/signin?next=');
    await signIn(page, email, 'quiet meadow sketch 31');
    await page.waitForURL(/\/app$/);
    await elsewhere.goto(link.url);
    expect(await elsewhere.locator('.flash-error').innerText()).toContain('This reset link does not work any more');

    // Deleting the account (confirmed in a dialog) signs out; the email no longer signs in.
    await page.goto(`${server.url}/app/settings/account`);
    await page.getByLabel('Your password', { exact: true }).last().fill('quiet meadow sketch 31');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/signin\?notice=deleted$/);
    expect(await page.locator('.flash-success').innerText()).toBe('Your account was deleted.');
    await signIn(page, email, 'quiet meadow sketch 31');
    await expect.poll(() => page.locator('.flash-error').innerText()).toContain('do not match an account');
    expect(problems).toEqual([]);
  }, 180_000);

  it('keeps a failed import, then shows every page of a four-page diagram on its page and in the modeler', async () => {
    problems = [];
    const page = await visitor();
    await signUp(page, 'Pia');
    const xml = fs.readFileSync(C40, 'utf8');

    // A failed import keeps the pasted XML and the name.
    await page.goto(`${server.url}/app?panel=import`);
    const broken = xml.replace('</semantic:definitions>', '');
    expect(broken).not.toBe(xml);
    await page.getByLabel('…or paste the XML').fill(broken);
    await page.getByLabel('Name (optional)').fill('Onboarding');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.locator('.flash-error').innerText()).toContain('Import failed:');
    expect(await page.getByLabel('…or paste the XML').inputValue()).toBe(broken);
    expect(await page.getByLabel('Name (optional)').inputValue()).toBe('Onboarding');
    await page.getByLabel('…or paste the XML').fill(xml);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/app\/diagrams\/[0-9a-f-]{36}\?notice=imported$/);

    const picker = page.getByRole('navigation', { name: 'Pages of this diagram' });
    expect(await picker.getByRole('link').allInnerTexts()).toEqual(['Onboarding employee', 'IT', 'Payroll', 'Facilities']);
    expect(await picker.locator('[aria-current="page"]').innerText()).toBe('Onboarding employee');
    const firstImage = await page.locator('.viewer img').getAttribute('src');
    const detailUrl = page.url();
    // The list's thumbnail is the first page, the default render.
    await page.goto(`${server.url}/app`);
    const thumbnail = await page.locator('.diagram-card img').getAttribute('src');
    expect(thumbnail).not.toContain('diagram=');
    const svgOf = async (src: string | null) => (await page.request.get(`${server.url}${src}`)).text();
    expect(await svgOf(thumbnail)).toBe(await svgOf(firstImage));
    await page.goto(detailUrl);
    await picker.getByRole('link', { name: 'Payroll' }).click();
    await page.waitForURL(/diagram=_a90a886a/);
    expect(await picker.locator('[aria-current="page"]').innerText()).toBe('Payroll');
    const payrollImage = await page.locator('.viewer img').getAttribute('src');
    expect(payrollImage).not.toBe(firstImage);
    await expect.poll(() => page.locator('.viewer img').evaluate((node) => (node as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    expect(await svgOf(payrollImage)).not.toBe(await svgOf(firstImage));
    await shot(page, '22-page-picker');
    await page.setViewportSize(PHONE);
    await shot(page, '23-page-picker-phone');
    await page.setViewportSize(DESKTOP);

    // The modeler opens on the page shown, and its picker switches pages.
    await page.getByRole('link', { name: 'Edit in modeler' }).click();
    await page.waitForURL(/\/edit\?diagram=_a90a886a/);
    const select = page.getByLabel('Page');
    await expect.poll(() => select.inputValue()).toBe('_a90a886a-6aa2-4cce-9593-8729f9f15e12');
    const shownIds = () => page.locator('#modeler .djs-element').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-element-id')));
    await expect.poll(async () => (await shownIds()).length).toBeGreaterThan(3);
    const payrollIds = await shownIds();
    await select.selectOption({ label: 'IT' });
    await expect.poll(async () => (await shownIds()).join()).not.toBe(payrollIds.join());
    const itIds = await shownIds();
    expect(itIds.filter((id) => !payrollIds.includes(id)).length).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, '24-modeler-pages.png') });
    expect(problems).toEqual([]);
  }, 180_000);
});
