/// <reference lib="dom" />
// Every dashboard page from a 360 px phone to a desktop, in real Chromium: nothing runs off the right edge
// (a wide table scrolls inside its own box), and the top bar keeps every control on screen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, newVisitor, openPage, overflowing, SCREENSHOTS, signIn, seededRig } from './browser-session.ts';

const WIDTHS = [360, 768, 1280];
/** The widths kept as screenshots: a phone and a desktop. */
const SHOT_WIDTHS: Record<number, string> = { 360: 'phone', 1280: 'desktop' };
const SHOT_PAGES = new Set(['landing', 'signin', 'docs-api', 'diagrams', 'diagram', 'modeler', 'keys', 'organization', 'billing']);

describe.skipIf(!chromiumAvailable)('the dashboard on phones, tablets and desktops', () => {
  const setup = seededRig();

  for (const width of WIDTHS) {
    it(`fits every page into ${width} px`, async () => {
      const { context, page, problems } = await newVisitor(setup.rig.browser, { width, height: 760 });
      try {
        for (const entry of setup.seeded.pages.filter((p) => !p.signedIn)) await checkPage(page, entry.name, entry.path, width);
        await signIn(page, setup.rig.server.url, setup.seeded.email);
        for (const entry of setup.seeded.pages.filter((p) => p.signedIn)) await checkPage(page, entry.name, entry.path, width);

        // The top bar keeps every control on screen, at every width.
        await openPage(page, `${setup.rig.server.url}/app`);
        for (const control of [page.locator('#space-select'), page.getByRole('button', { name: 'Test' }), page.getByRole('button', { name: 'Sign out' })]) {
          const box = await control.boundingBox();
          expect(box, `${await control.evaluate((n) => n.outerHTML.slice(0, 60))} at ${width}`).not.toBeNull();
          expect(box!.x + box!.width, `top bar control at ${width}`).toBeLessThanOrEqual(width);
        }
        // The keys table is wider than a phone: it scrolls inside its card, the page does not.
        await openPage(page, `${setup.rig.server.url}/app/settings/keys`);
        const scroller = page.locator('.table-scroll').first();
        const fits = await scroller.evaluate((node) => node.scrollWidth <= node.clientWidth);
        if (width === 360) expect(fits, 'the keys table scrolls inside its box on a phone').toBe(false);
        expect(problems.filter((p) => !/Failed to load resource: .* 404/.test(p))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  }

  async function checkPage(page: Page, name: string, pagePath: string, width: number): Promise<void> {
    await openPage(page, `${setup.rig.server.url}${pagePath}`);
    const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(sizes.scroll, `${name} at ${width} px is ${sizes.scroll} px wide`).toBeLessThanOrEqual(sizes.viewport);
    expect(await overflowing(page), `${name} at ${width} px`).toEqual([]);
    const kind = SHOT_WIDTHS[width];
    if (kind && SHOT_PAGES.has(name)) await page.screenshot({ path: path.join(SCREENSHOTS, `${kind}-${name}.png`) });
  }
});
