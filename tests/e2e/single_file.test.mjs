// trappe.html, the whole app in one file, opened from disk (file://) with no server: it starts, every
// screen of the menu opens, routes survive a reload and back/forward, data created there is still there
// after a reload, the file names no file beside it, and its policy runs only its own hashed scripts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, axe, waitSaved } from './harness.mjs';

const DIST = process.env.TRAPPE_DIST ?? new URL('../../dist', import.meta.url).pathname;
const KOEGE = 'Køge 2019 – Strategier for indsatsen';
// A folder with a space, as on a user's disk ("Mine filer").
const dir = mkdtempSync(join(tmpdir(), 'Mine filer '));
const file = join(dir, 'trappe.html');
copyFileSync(join(DIST, 'trappe.html'), file);
const url = pathToFileURL(file).href;
let browser;
after(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });

async function h1(page, name) {
  await page.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: 20000 });
}

test('the file holds everything: no address of a file beside it, hashed scripts only', () => {
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /(?:href|src)="\.?\/?[\w.-]+\.(?:js|wasm|css|svg|png|webmanifest)"/);
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const scriptSrc = policy.match(/script-src ([^;]*)/)[1];
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), scriptSrc);
  assert.equal((scriptSrc.match(/'sha256-/g) ?? []).length, 2, `the start script and the app: ${scriptSrc}`);
  assert.match(policy, /connect-src 'none'/);
});

test('opened from disk: start, every screen, reload on a route, back, data kept', async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  await page.goto(url);
  await h1(page, 'Velkommen til Trappe');
  await page.getByRole('button', { name: `Åbn eksemplet ${KOEGE}` }).click();
  await h1(page, `Overblik: ${KOEGE}`);
  assert.equal(page.url(), `${url}#/overblik`);

  // Every screen of the menu, by click (no reload), then reloaded where it is.
  const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
  const names = (await menu.getByRole('link').allTextContents()).map((s) => s.trim());
  assert.ok(names.length >= 5, names.join());
  for (const name of names) {
    await page.evaluate(() => { window.__same = true; });
    const link = menu.getByRole('link', { name, exact: true });
    if ((await link.getAttribute('aria-current')) !== 'page') {
      const before = page.url();
      await link.click();
      await page.waitForURL((u) => u.href !== before);
    }
    await page.waitForFunction(() => document.querySelector('main h1'));
    const heading = (await page.locator('main h1').first().textContent()).trim();
    assert.ok(heading && !/findes ikke/.test(heading), `${name}: ${heading}`);
    assert.equal(await page.evaluate(() => window.__same), true, `${name}: the page reloaded`);
    const here = page.url();
    assert.ok(here.startsWith(`${url}#/`) || here === url, here);
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, heading, { timeout: 20000 })
      .catch(async () => assert.fail(`${name}: after reload ${page.url()} shows ${await page.locator('main h1').first().textContent()}, not ${heading}`));
    assert.equal(page.url(), here);
  }
  assert.deepEqual(await axe(page), []);

  // Create data in the file: rename the workspace, reload, it is there.
  await menu.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByLabel('Navn', { exact: true }).fill('Lavet i filen');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await waitSaved(page);
  await page.reload();
  await h1(page, 'Overblik: Lavet i filen');

  // A place on the page (not a route) scrolls there and stays on the route.
  const toBand = page.locator('a[href="#maal-sagsbehandler"]');
  if (await toBand.count()) {
    await toBand.first().click();
    await h1(page, 'Overblik: Lavet i filen');
  }

  // Back and forward move between routes within the file.
  await menu.getByRole('link', { name: 'Handleplan', exact: true }).click();
  await h1(page, /Handleplan/);
  await page.goBack();
  await h1(page, 'Overblik: Lavet i filen');
  assert.equal(page.url(), `${url}#/overblik`);
  await page.goForward();
  await h1(page, /Handleplan/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('opened from disk where the browser refuses storage for files: told plainly, work goes on and is saved to a file', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK', acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByText(/Trappe er åbnet som en fil fra din computer, og denne browser tillader ikke/).waitFor();
  await page.getByRole('button', { name: `Åbn eksemplet ${KOEGE}` }).click();
  await h1(page, `Overblik: ${KOEGE}`);
  await page.getByLabel('Navn', { exact: true }).fill('Kun i hukommelsen');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await h1(page, 'Overblik: Kun i hukommelsen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download dine ændringer som fil' }).first().click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.workspace.name, 'Kun i hukommelsen');
  assert.deepEqual(errors, []);
  await context.close();
});
