/// <reference lib="dom" />
// Real Chromium against a real server for the dashboard's page-wide checks (phones, accessibility, details):
// a seeded account that reaches every kind of page, and a signed-in page that records console problems.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startWebServer, type WebServer } from './web-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'velvet tundra marching 42';

export const chromiumAvailable = fs.existsSync(CHROMIUM);
if (!chromiumAvailable) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI (apt-get install -y chromium).`);
  console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

/** docs/screenshots/ with UPDATE_SCREENSHOTS=1, else a temp folder, so a test run leaves the work tree clean. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.resolve('docs/screenshots')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-screenshots-'));

/** A pool whose process has no diagram interchange: the importer lays it out, wide and flat. */
export const POOL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://example.com/claims">
  <collaboration id="collab"><participant id="insurer" name="Insurer" processRef="claims"/></collaboration>
  <process id="claims" name="Claim handling">
    <startEvent id="start" name="Claim received"/>
    ${['Register claim', 'Check policy', 'Assess damage', 'Decide payout', 'Pay claimant', 'Archive file'].map((name, i) => `<task id="t${i}" name="${name}"/>`).join('')}
    <endEvent id="done" name="Claim closed"/>
    ${['start', 't0', 't1', 't2', 't3', 't4', 't5'].map((from, i, all) => `<sequenceFlow id="f${i}" sourceRef="${from}" targetRef="${all[i + 1] ?? 'done'}"/>`).join('')}
  </process>
</definitions>`;

/** A diagram far taller than wide: nine steps drawn top to bottom. */
export function tallBpmn(): string {
  const ids = ['start', ...Array.from({ length: 7 }, (_, i) => `s${i}`), 'end'];
  const element = (id: string) => (id === 'start' ? '<startEvent id="start"/>' : id === 'end' ? '<endEvent id="end"/>' : `<task id="${id}" name="Step ${id.slice(1)}"/>`);
  const size = (id: string) => (id.startsWith('s') && id !== 'start' ? { w: 100, h: 80 } : { w: 36, h: 36 });
  const shapes = ids.map((id, i) => {
    const { w, h } = size(id);
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${150 - w / 2}" y="${40 + i * 140}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
  });
  const flows = ids.slice(1).map((id, i) => `<sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}"/>`);
  const edges = ids.slice(1).map((_, i) => {
    const from = size(ids[i]!);
    return `<bpmndi:BPMNEdge id="f${i}_di" bpmnElement="f${i}"><di:waypoint x="150" y="${40 + i * 140 + from.h}"/><di:waypoint x="150" y="${40 + (i + 1) * 140}"/></bpmndi:BPMNEdge>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" targetNamespace="https://example.com/tall">
  <process id="tall">${ids.map(element).join('')}${flows.join('')}</process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="tall">${shapes.join('')}${edges.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;
}

/** Every kind of page the dashboard has, by a short name, for an account that holds one of each. */
export type PageList = { name: string; path: string; signedIn: boolean }[];

export interface Seeded {
  email: string;
  pages: PageList;
  diagramId: string;
  tallId: string;
  organizationId: string;
}

/** A Pro user in a Team organization with a colleague, a folder, a wide pool, a tall diagram and a key. */
export async function seedAccount(server: WebServer): Promise<Seeded> {
  const stamp = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const { accounts, keys, folders, diagrams } = server.services;
  const user = await accounts.createUser({ email: `pat-${stamp}@example.com`, name: 'Pat Example', password: PASSWORD, plan: 'pro' });
  const colleague = await accounts.createUser({ email: `sam-${stamp}@example.com`, name: 'Sam Colleague', password: PASSWORD });
  const organization = await accounts.createOrganization(user.id, 'Northwind Logistics', 'team');
  await accounts.addMember(organization.id, colleague.email, 'member', { userId: user.id });
  const actor = { owner: { tenant_type: 'user' as const, tenant_id: user.id, mode: 'live' as const }, userId: user.id };
  const folder = await folders.create(actor, { name: 'Claims', context: 'The lanes are Intake and Finance.' });
  const pool = await diagrams.importXml(actor, { name: 'Claim handling', bpmn_xml: POOL_BPMN, folder_id: folder.id });
  const tall = await diagrams.importXml(actor, { name: 'A very tall process', bpmn_xml: tallBpmn() });
  await keys.createKey({ userId: user.id, name: 'Reporting job with a long name', mode: 'live', scopes: ['diagrams:read', 'diagrams:write', 'folders:read', 'folders:write', 'generate'], expiresInDays: 30 });
  const pages: PageList = [
    { name: 'landing', path: '/', signedIn: false },
    { name: 'signin', path: '/signin', signedIn: false },
    { name: 'signup', path: '/signup', signedIn: false },
    { name: 'docs', path: '/docs', signedIn: false },
    { name: 'docs-quickstart', path: '/docs/quickstart', signedIn: false },
    { name: 'docs-api', path: '/docs/api', signedIn: false },
    { name: 'docs-authentication', path: '/docs/authentication', signedIn: false },
    { name: 'docs-generate', path: '/docs/generate', signedIn: false },
    { name: 'docs-versions', path: '/docs/versions', signedIn: false },
    { name: 'diagrams', path: '/app', signedIn: true },
    { name: 'folder', path: `/app/folders/${folder.id}`, signedIn: true },
    { name: 'folder-generate', path: `/app/folders/${folder.id}?panel=generate`, signedIn: true },
    { name: 'diagram', path: `/app/diagrams/${pool.id}`, signedIn: true },
    { name: 'modeler', path: `/app/diagrams/${pool.id}/edit`, signedIn: true },
    { name: 'keys', path: '/app/settings/keys', signedIn: true },
    { name: 'organizations', path: '/app/organizations', signedIn: true },
    { name: 'organization', path: `/app/organizations/${organization.id}`, signedIn: true },
    { name: 'billing', path: '/app/settings/billing', signedIn: true },
    { name: 'account', path: '/app/settings/account', signedIn: true },
    { name: 'not-found', path: '/app/no-such-page', signedIn: true },
  ];
  return { email: user.email, pages, diagramId: pool.id, tallId: tall.id, organizationId: organization.id };
}

export interface BrowserRig {
  server: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserRig(): Promise<BrowserRig> {
  const server = await startWebServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A running rig with a seeded account for the test file that calls it (inside its describe): started before its tests, closed after. */
export function seededRig(): { rig: BrowserRig; seeded: Seeded } {
  const setup = {} as { rig: BrowserRig; seeded: Seeded };
  beforeAll(async () => {
    setup.rig = await startBrowserRig();
    setup.seeded = await seedAccount(setup.rig.server);
  }, 180_000);
  afterAll(async () => setup.rig?.close());
  return setup;
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Console errors and warnings, page errors and 5xx answers seen so far. */
  problems: string[];
}

/** A fresh browser profile at the given size and colour scheme, recording console problems. */
export async function newVisitor(browser: Browser, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Visitor> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} for ${response.url()}`);
  });
  return { context, page, problems };
}

/** Signs in through the form, as a person does. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app$/);
}

/** Opens a page and waits until what it loads late (images, the modeler) has settled. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (url.endsWith('/edit')) await page.waitForSelector('.djs-element[data-element-id="start"]');
  await page.waitForLoadState('networkidle');
}

/** Elements that end past the right edge without a scrolling or clipping box between them and the page. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (node: Element) => {
      for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > width + 0.5 && !clipped(node);
      })
      .map((node) => `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} ends at ${Math.round(node.getBoundingClientRect().right)}`);
  });
}
