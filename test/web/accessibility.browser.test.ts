/// <reference lib="dom" />
// Accessibility in real Chromium: axe-core on every page in both themes, state attributes that say true or
// false, focus on the first field in error, a theme switch that says which theme is on, and a workspace
// switcher that changes only when asked.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { chromiumAvailable, newVisitor, openPage, SCREENSHOTS, signIn, seededRig } from './browser-session.ts';

/** Pages kept as screenshots of the dark theme. */
const DARK_SHOTS = new Set(['landing', 'diagrams', 'diagram', 'keys', 'billing']);

/** aria-expanded, aria-pressed and friends whose value is neither "true" nor "false". */
function unclearStates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-expanded], [aria-pressed], [aria-selected], [aria-checked]')].flatMap((node) =>
      ['aria-expanded', 'aria-pressed', 'aria-selected', 'aria-checked']
        .filter((name) => node.hasAttribute(name) && !['true', 'false'].includes(node.getAttribute(name) ?? ''))
        .map((name) => `${node.outerHTML.slice(0, 80)} has ${name}="${node.getAttribute(name)}"`),
    ),
  );
}

describe.skipIf(!chromiumAvailable)('the dashboard for keyboard and screen reader users', () => {
  const setup = seededRig();

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violation on any page, ${colorScheme} theme`, async () => {
      const { context, page } = await newVisitor(setup.rig.browser, { colorScheme });
      try {
        const found: string[] = [];
        const check = async (name: string, url: string) => {
          await openPage(page, url);
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), `${name} uses the ${colorScheme} theme`).toBe(colorScheme);
          found.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
          found.push(...(await unclearStates(page)).map((v) => `${name}: ${v}`));
          if (colorScheme === 'dark' && DARK_SHOTS.has(name)) await page.screenshot({ path: path.join(SCREENSHOTS, `dark-${name}.png`) });
        };
        for (const entry of setup.seeded.pages.filter((p) => !p.signedIn)) await check(entry.name, `${setup.rig.server.url}${entry.path}`);
        await signIn(page, setup.rig.server.url, setup.seeded.email);
        for (const entry of setup.seeded.pages.filter((p) => p.signedIn)) await check(entry.name, `${setup.rig.server.url}${entry.path}`);
        await check('diagram-dark-image', `${setup.rig.server.url}/app/diagrams/${setup.seeded.diagramId}?theme=dark`);
        await check('folder-import', `${setup.rig.server.url}/app?panel=import`);
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  }

  it('moves focus to the first field in error after a refused form', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      await page.goto(`${setup.rig.server.url}/signup`);
      await page.getByLabel('Your name').fill('Fay Focus');
      await page.getByLabel('Work email').fill(`fay-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForSelector('.field-error');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-password');

      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await page.goto(`${setup.rig.server.url}/app/settings/keys`);
      await page.getByLabel('Name', { exact: true }).fill('Nightly export');
      await page.getByLabel('Expires after (days)').fill('99999');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.waitForSelector('.field-error');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('key-expiry');
      expect(await page.locator('#key-expiry').getAttribute('aria-invalid')).toBe('true');

      await page.goto(`${setup.rig.server.url}/app/organizations/${setup.seeded.organizationId}`);
      await page.getByLabel('Email of an existing account').fill('nobody-here@example.com');
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.waitForSelector('.flash-error');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('member-email');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('says which theme is on, in the top bar and for the diagram image', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      const dark = page.getByRole('button', { name: 'Dark theme' });
      expect(await dark.getAttribute('aria-pressed')).toBe('false');
      await dark.click();
      expect(await dark.getAttribute('aria-pressed')).toBe('true');

      await page.goto(`${setup.rig.server.url}/app/diagrams/${setup.seeded.diagramId}`);
      const group = page.getByRole('group', { name: 'Image theme' });
      expect(await group.getByRole('button', { name: 'Light', pressed: true }).count()).toBe(1);
      await group.getByRole('button', { name: 'Dark' }).click();
      await page.waitForURL(/theme=dark/);
      expect(await group.getByRole('button', { name: 'Dark', pressed: true }).count()).toBe(1);
      expect(await group.getByRole('button', { name: 'Light', pressed: false }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('switches the workspace only on an explicit choice, never on ArrowDown', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await page.goto(`${setup.rig.server.url}/app/settings/keys`);
      await page.locator('#space-select').focus();
      await page.keyboard.press('ArrowDown');
      // Give a navigation the time it would take, then check none happened.
      await page.waitForTimeout(1000);
      expect(new URL(page.url()).pathname).toBe('/app/settings/keys');
      expect(await page.locator('.sidebar-label').first().innerText()).toMatch(/personal/i);

      await page.locator('#space-select').selectOption(setup.seeded.organizationId);
      await page.getByRole('button', { name: 'Switch workspace' }).click();
      await page.waitForLoadState('load');
      await expect.poll(() => page.locator('.sidebar-label').first().innerText()).toMatch(/Northwind Logistics/i);
    } finally {
      await context.close();
    }
  }, 120_000);
});
