/// <reference lib="dom" />
// The smaller things a newcomer noticed, each checked in real Chromium: thumbnails inside their cards, the
// modeler fitted to its box, the signed-in 404, the system's dark preference, Billing for a Pro user, one
// spelling, operator commands that run as written, and an API Reference that says what each success is.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, newVisitor, openPage, signIn, seededRig } from './browser-session.ts';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('The element is not visible.');
  return found;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe.skipIf(!chromiumAvailable)('the details of the dashboard', () => {
  const setup = seededRig();

  it('keeps a tall diagram\'s thumbnail inside its card and opens the modeler fitted beside the palette', async () => {
    const { context, page, problems } = await newVisitor(setup.rig.browser, { width: 1280, height: 800 });
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await openPage(page, `${setup.rig.server.url}/app`);
      const card = page.locator('.diagram-card', { hasText: 'A very tall process' });
      await expect.poll(() => card.locator('img').evaluate((img) => (img as HTMLImageElement).naturalHeight), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(inside(await box(card.locator('img')), await box(card.locator('.thumb')))).toBe(true);

      for (const size of [{ width: 1280, height: 800 }, { width: 768, height: 900 }]) {
        await page.setViewportSize(size);
        await openPage(page, `${setup.rig.server.url}/app/diagrams/${setup.seeded.diagramId}/edit`);
        const palette = await box(page.locator('.djs-palette'));
        const start = await box(page.locator('.djs-element[data-element-id="start"]'));
        expect(overlap(palette, start), `the palette covers the start event at ${size.width} px`).toBe(false);
        expect(inside(await box(page.locator('.djs-element[data-element-id="insurer"] .djs-visual')), await box(page.locator('#modeler'))), `the pool is cut at ${size.width} px`).toBe(true);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the signed-in chrome on a 404 or an expired form, and the sign-in links only to visitors', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      expect((await page.goto(`${setup.rig.server.url}/app/no-such-page`))?.status()).toBe(404);
      expect(await page.getByRole('link', { name: 'Get started' }).count()).toBe(1);
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      for (const address of ['/app/no-such-page', `/app/diagrams/00000000-0000-4000-8000-000000000000`]) {
        const response = await page.goto(`${setup.rig.server.url}${address}`);
        expect(response?.status()).toBe(404);
        expect(await page.getByRole('button', { name: 'Sign out' }).count(), address).toBe(1);
        expect(await page.getByRole('link', { name: 'Get started' }).count(), address).toBe(0);
        expect(await page.getByRole('navigation', { name: 'Main' }).count(), address).toBe(1);
      }
      // A form whose security token no longer matches: refused, still in the signed-in chrome.
      await page.goto(`${setup.rig.server.url}/app/settings/billing`);
      await page.locator('form.plan-actions input[name=_csrf]').evaluate((input) => ((input as HTMLInputElement).value = 'stale'));
      await page.locator('form.plan-actions button').click();
      await page.waitForSelector('.error-page');
      expect(await page.locator('h1').innerText()).toBe('This form has expired');
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('follows the system dark preference until the person chooses a theme', async () => {
    const { context, page } = await newVisitor(setup.rig.browser, { colorScheme: 'dark' });
    try {
      await page.goto(`${setup.rig.server.url}/signin`);
      const darkSignIn = await background(page);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await background(page)).not.toBe(darkSignIn);
      await page.emulateMedia({ colorScheme: 'dark' });

      await signIn(page, setup.rig.server.url, setup.seeded.email);
      const systemDark = await background(page);
      expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
      // Choosing light wins over the system and is kept on the next page.
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.goto(`${setup.rig.server.url}/app/settings/billing`);
      expect(await background(page)).not.toBe(systemDark);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows a Pro user what the plan gives and what to do next on Billing', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await page.goto(`${setup.rig.server.url}/app/settings/billing`);
      const personal = page.locator('section.plan', { hasText: 'Personal' });
      expect(await personal.getByRole('link', { name: 'Create an API key' }).getAttribute('href')).toBe('/app/settings/keys');
      expect(await personal.getByRole('link', { name: 'Generate a diagram' }).count()).toBe(1);
      expect(await personal.innerText()).toMatch(/\d+ of \d+ dashboard generations left/);
      expect(await personal.innerText()).toContain(`npx jfi user set-plan --email ${setup.seeded.email} --plan free`);
      const team = page.locator('section.plan', { hasText: 'Northwind Logistics' });
      expect(await team.getByRole('button', { name: 'Switch to Northwind Logistics' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('spells "organization" one way and gives operator commands as npx jfi with the server\'s DATABASE_URL', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      const texts: Record<string, string> = {};
      const read = async (name: string, address: string) => {
        await openPage(page, `${setup.rig.server.url}${address}`);
        texts[name] = await page.locator('body').innerText();
      };
      for (const entry of setup.seeded.pages.filter((p) => !p.signedIn)) await read(entry.name, entry.path);
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      for (const entry of setup.seeded.pages.filter((p) => p.signedIn)) await read(entry.name, entry.path);
      for (const [name, text] of Object.entries(texts)) {
        expect(text, name).not.toMatch(/organis/i);
        // Every operator command is run with npx, in the server's folder.
        expect(text.match(/(?<!npx )\bjfi (user|org|key) /g) ?? [], name).toEqual([]);
      }
      expect(texts['docs-quickstart']).toContain('npx jfi user set-plan');
      expect(texts['docs-quickstart']).toContain('DATABASE_URL');
      expect(texts.billing).toContain('DATABASE_URL');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('labels API Reference successes by what they are and shows the image options\' defaults', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      await openPage(page, `${setup.rig.server.url}/docs/api`);
      expect(await page.locator('body').innerText()).not.toContain('Default Response');
      const image = page.locator('.endpoint', { hasText: '/diagrams/{id}/image' }).first();
      const row = (name: string) => image.locator('tr', { has: page.locator(`code:text-is("${name}")`) });
      expect(await row('format').innerText()).toMatch(/default\s+"png"/);
      expect(await row('theme').innerText()).toMatch(/default\s+"light"/);
      expect(await row('scale').innerText()).toMatch(/default\s+2/);
      expect(await page.locator('.endpoint', { hasText: 'Create a folder' }).locator('tr', { hasText: '201' }).innerText()).not.toMatch(/^\s*201\s*$/);
    } finally {
      await context.close();
    }
  }, 120_000);
});
