/// <reference lib="dom" />
// A diagram's History in real Chromium: an imported diagram edited twice, its versions newest first, the default
// compare (previous against current) with the marked-up image in the dashboard's theme and the list of changes,
// another pair picked with the form, a restore after its confirmation, a stale restore told as such (without
// JavaScript), a phone without sideways scrolling, axe-core, a long history in pages, malformed addresses and
// missing versions, and another account's history as 404s.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/tenancy.ts';
import { seriousViolations } from './axe.ts';
import { chromiumAvailable, newVisitor, openPage, overflowing, PASSWORD, POOL_BPMN, SCREENSHOTS, signIn, seededRig } from './browser-session.ts';

// Version 2 renames a task; version 3 replaces the last task with another (its two flows now end at the new one).
const RENAMED = POOL_BPMN.replace('name="Check policy"', 'name="Verify coverage"');
const REPLACED = RENAMED.replace('<task id="t5" name="Archive file"/>', '<task id="t6" name="Notify claimant"/>').replace('targetRef="t5"', 'targetRef="t6"').replace('sourceRef="t5"', 'sourceRef="t6"');

/** The image of a themed pair that the page shows (the other one is display: none and never loaded). */
async function shownImage(scope: Locator): Promise<{ src: string; width: number }> {
  const image = scope.locator('.viewer:visible img');
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  return image.evaluate((img) => ({ src: (img as HTMLImageElement).src, width: (img as HTMLImageElement).naturalWidth }));
}

async function groupItems(page: Page, kind: string): Promise<string[]> {
  return page.locator(`.change-${kind} > ul > li > strong`).allInnerTexts();
}

describe.skipIf(!chromiumAvailable)("a diagram's History in the dashboard", () => {
  const setup = seededRig();
  const diagram = { id: '', actor: null as unknown as Actor };

  beforeAll(async () => {
    const { accounts, diagrams } = setup.rig.server.services;
    const user = await accounts.getUserByEmail(setup.seeded.email);
    diagram.actor = { owner: { tenant_type: 'user', tenant_id: user.id, mode: 'live' }, userId: user.id };
    const imported = await diagrams.importXml(diagram.actor, { name: 'Claims with history', bpmn_xml: POOL_BPMN });
    await diagrams.update(diagram.actor, imported.id, { bpmn_xml: RENAMED }, 1);
    await diagrams.update(diagram.actor, imported.id, { bpmn_xml: REPLACED }, 2);
    diagram.id = imported.id;
  }, 60_000);

  it('lists the versions, compares two side by side in the theme shown, and restores one after a confirmation', async () => {
    const { context, page, problems } = await newVisitor(setup.rig.browser, { width: 1280, height: 900 });
    const base = setup.rig.server.url;
    try {
      await signIn(page, base, setup.seeded.email);
      await openPage(page, `${base}/app/diagrams/${diagram.id}`);
      await page.getByRole('link', { name: 'Versions and compare' }).click();
      await page.waitForURL(/\/history$/);

      // Newest first, with source and author; the newest is current and has no restore.
      const rows = page.locator('.versions-table tbody tr');
      expect(await rows.locator('td:nth-child(3) a').allInnerTexts()).toEqual(['v3', 'v2', 'v1']);
      expect(await rows.locator('td:nth-child(4)').allInnerTexts()).toEqual(['edited', 'edited', 'imported']);
      expect(await rows.first().locator('td:nth-child(5)').innerText()).toBe('Pat Example');
      expect(await rows.first().getByRole('link', { name: 'Restore…' }).count()).toBe(0);

      // By default the previous version against the current one.
      await expect.poll(() => page.locator('#compare-title').innerText()).toBe('Version 2 compared with version 3');
      expect(await groupItems(page, 'added')).toEqual(['Notify claimant']);
      expect(await groupItems(page, 'removed')).toEqual(['Archive file']);
      expect((await groupItems(page, 'changed')).length).toBe(2);
      expect(await page.locator('.compare-legend li').allInnerTexts()).toEqual(['Added', 'Changed', 'Removed (drawn faded where it was)']);
      const compare = page.locator('.compare-grid figure').nth(1);
      const light = await shownImage(compare);
      expect(light.src).toContain('theme=light');
      expect(await shownImage(page.locator('.compare-grid figure').nth(0))).toMatchObject({ src: expect.stringContaining(`/versions/2/image.svg?theme=light`) });
      // The image marks what changed and carries its legend; the browser's copy stays valid (ETag → 304).
      const svg = await page.request.get(light.src);
      const body = await svg.text();
      expect(body).toContain('class="compare-legend"');
      expect(body).toContain('class="compare-removed"');
      const again = await page.request.get(light.src, { headers: { 'If-None-Match': svg.headers().etag! } });
      expect(again.status()).toBe(304);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'history-light.png'), fullPage: true });

      // The dashboard's dark theme shows the dark renders.
      await page.locator('[data-theme-toggle]').click();
      expect((await shownImage(compare)).src).toContain('theme=dark');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'history-dark.png'), fullPage: true });
      await page.locator('[data-theme-toggle]').click();

      // Another pair: the first version against the current one shows the rename with its old and new name.
      await page.getByLabel('Compare from version 1').check();
      await page.getByRole('button', { name: 'Compare selected' }).click();
      await page.waitForURL((url) => url.searchParams.get('from') === '1' && url.searchParams.get('to') === '3');
      expect(await page.locator('#compare-title').innerText()).toBe('Version 1 compared with version 3');
      const renamed = page.locator('.change-changed li', { hasText: 'Verify coverage' }).first();
      expect(await renamed.locator('del').allInnerTexts()).toContain('Check policy');

      // Restore version 1: a confirmation first, then a new current version with its content.
      await rows.filter({ hasText: 'v1' }).getByRole('link', { name: 'Restore…' }).click();
      await expect.poll(() => page.locator('#restore-title').innerText()).toBe('Restore version 1?');
      expect((await setup.rig.server.services.diagrams.get(diagram.actor.owner, diagram.id)).version).toBe(3);
      await page.getByRole('button', { name: 'Restore version 1' }).click();
      await page.waitForURL(/restored=1/);
      expect(await page.getByRole('status').filter({ hasText: 'Version 1 restored' }).count()).toBe(1);
      expect(await rows.first().locator('td:nth-child(3)').innerText()).toContain('v4');
      expect(await rows.first().locator('td:nth-child(4)').innerText()).toBe('restored');
      const now = await setup.rig.server.services.diagrams.getWithXml(diagram.actor.owner, diagram.id);
      expect(now.version).toBe(4);
      expect(now.bpmn_xml).toContain('Check policy');
      expect(now.bpmn_xml).toContain('Archive file');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('works without JavaScript on a phone, and a restore from a stale page changes nothing and says why', async () => {
    const context = await setup.rig.browser.newContext({ viewport: { width: 360, height: 760 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const base = setup.rig.server.url;
    try {
      await signIn(page, base, setup.seeded.email);
      await openPage(page, `${base}/app/diagrams/${diagram.id}/history`);
      await page.getByLabel('Compare from version 1').check();
      await page.getByLabel('Compare to version 2').check();
      await page.getByRole('button', { name: 'Compare selected' }).click();
      await page.waitForURL((url) => url.searchParams.get('from') === '1' && url.searchParams.get('to') === '2');
      expect(await groupItems(page, 'changed')).toEqual(['Verify coverage']);
      await page.locator('.versions-table tbody tr', { hasText: 'v2' }).getByRole('link', { name: 'Restore…' }).click();
      await page.waitForLoadState('networkidle');
      await page.locator('.compare-grid figure').nth(1).locator('.viewer:visible img').scrollIntoViewIfNeeded();
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.viewport);
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'history-phone.png'), fullPage: true });

      // Someone saves in between: the page's restore is refused with a message, not applied over their work.
      const before = await setup.rig.server.services.diagrams.get(diagram.actor.owner, diagram.id);
      await setup.rig.server.services.diagrams.update(diagram.actor, diagram.id, { bpmn_xml: REPLACED }, before.version);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/versions/2/restore')), page.getByRole('button', { name: 'Restore version 2' }).click()]);
      expect(response.status()).toBe(409);
      expect(await page.getByRole('alert').innerText()).toContain('This diagram changed since you opened the page, so nothing was restored.');
      const after = await setup.rig.server.services.diagrams.get(diagram.actor.owner, diagram.id);
      expect(after.version).toBe(before.version + 1);
      expect((await setup.rig.server.services.versions.current(diagram.actor.owner, diagram.id)).source).toBe('edited');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('pages a long history, 20 versions at a time, the compare staying on the newest pair', async () => {
    const { diagrams } = setup.rig.server.services;
    const long = await diagrams.importXml(diagram.actor, { name: 'Often edited', bpmn_xml: POOL_BPMN });
    for (let version = 2; version <= 22; version++) {
      await diagrams.update(diagram.actor, long.id, { bpmn_xml: POOL_BPMN.replace('name="Check policy"', `name="Check policy, round ${version}"`) }, version - 1);
    }
    const { context, page, problems } = await newVisitor(setup.rig.browser);
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await openPage(page, `${setup.rig.server.url}/app/diagrams/${long.id}/history`);
      const numbers = () => page.locator('.versions-table tbody td:nth-child(3) a').allInnerTexts();
      expect(await numbers()).toEqual(Array.from({ length: 20 }, (_, i) => `v${22 - i}`));
      expect(await page.getByRole('link', { name: 'Newest' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Older versions' }).click();
      await page.waitForURL(/before=3/);
      expect(await numbers()).toEqual(['v2', 'v1']);
      expect(await page.getByRole('link', { name: 'Older versions' }).count()).toBe(0);
      expect(await page.locator('#compare-title').innerText()).toBe('Version 21 compared with version 22');
      await page.getByRole('link', { name: 'Newest' }).click();
      await page.waitForURL((url) => !url.searchParams.has('before'));
      expect((await numbers())[0]).toBe('v22');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('serves version and compare images with ETags, and answers a missing version or a malformed address clearly, never with a 500', async () => {
    const { context, page } = await newVisitor(setup.rig.browser);
    const base = `${setup.rig.server.url}/app/diagrams/${diagram.id}`;
    try {
      await signIn(page, setup.rig.server.url, setup.seeded.email);
      await openPage(page, `${base}/history?from=99&to=1`);
      expect(await page.locator('.compare [role="alert"]').innerText()).toContain('has no version 99');
      // A version's image and a compare as PNG, with the dashboard image's caching.
      for (const address of ['/versions/1/image.png?theme=dark', '/compare/image.png?from=1&to=2']) {
        const image = await page.request.get(`${base}${address}`);
        expect([image.status(), image.headers()['content-type'], image.headers()['cache-control']], address).toEqual([200, 'image/png', 'private, max-age=300']);
        expect((await page.request.get(`${base}${address}`, { headers: { 'If-None-Match': image.headers().etag! } })).status(), address).toBe(304);
      }
      for (const address of ['/versions/99/image.svg', '/versions/abc/image.svg', '/versions/1/image.gif', '/compare/image.svg?to=2', '/compare/image.svg?from=1&to=99', '/compare/image.svg?from=x']) {
        expect((await page.request.get(`${base}${address}`)).status(), address).toBe(404);
      }
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      for (const version of ['0', '99']) {
        expect((await page.request.post(`${base}/versions/${version}/restore`, { form: { _csrf: csrf }, maxRedirects: 0 })).status(), version).toBe(404);
      }
      expect((await page.request.post(`${base}/versions/1/restore`, { form: { _csrf: 'forged' }, maxRedirects: 0 })).status()).toBe(403);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("answers 404 for another account's diagram history, images, compare and restore", async () => {
    const { accounts } = setup.rig.server.services;
    const stranger = await accounts.createUser({ email: `stranger-${Date.now()}@example.com`, name: 'Stranger', password: PASSWORD });
    const { context, page } = await newVisitor(setup.rig.browser);
    const base = `${setup.rig.server.url}/app/diagrams/${diagram.id}`;
    try {
      await signIn(page, setup.rig.server.url, stranger.email);
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      for (const address of ['/history', '/history?from=1&to=2', '/versions/1/image.svg', '/compare/image.svg?from=1&to=2']) {
        expect((await page.request.get(`${base}${address}`)).status(), address).toBe(404);
      }
      const restore = await page.request.post(`${base}/versions/1/restore`, { form: { _csrf: csrf, expected_version: '4' }, maxRedirects: 0 });
      expect(restore.status()).toBe(404);
      expect((await setup.rig.server.services.versions.current(diagram.actor.owner, diagram.id)).source).toBe('edited');
    } finally {
      await context.close();
    }
  }, 60_000);
});
