// Shared set-up for the end-to-end tests: serve dist/ on loopback and drive Debian's Chromium.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch() {
  const server = await startServer(process.env.TRAPPE_DIST ?? new URL('../../dist', import.meta.url).pathname, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base, browser,
    async close() { await browser.close(); await new Promise((ok) => server.close(ok)); },
  };
}

/** A fresh context (own storage) with a page at `path`, waiting for the app to mount. */
export async function openPage(env, path = '/', { viewport = { width: 1366, height: 768 }, init, locale = 'da-DK' } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true, locale });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  // The app asks before leaving with unsaved edits; a test that navigates on means to leave.
  context.on('page', (p) => p.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss())));
  page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.base + path);
  await page.waitForSelector('main#indhold');
  return { context, page, errors };
}

/** Runs axe-core (WCAG 2.1 A and AA) and returns the violations. */
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

export async function openExample(page, title) {
  await page.goto(new URL('/', page.url()).href);
  await page.getByRole('button', { name: `Åbn eksemplet ${title}` }).click();
  await page.waitForURL(/overblik/);
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
}

/**
 * A built-in example opens as of its own date (Køge as of 8 May 2019); a test that works in today's time
 * (notes, meetings and moves dated today, deadlines passed) first shows it as of today.
 */
export async function showAsOfToday(page) {
  await page.getByRole('button', { name: 'Vis pr. i dag' }).click();
  await page.getByTestId('as-of-notice').waitFor({ state: 'detached' });
}

/** Waits until the header says everything is stored. */
export async function waitSaved(page) {
  await page.getByTestId('save-status').filter({ hasText: /Gemt kl\.|Alt er gemt/ }).waitFor();
}

/**
 * Keeps the longest main-thread task the browser's PerformanceObserver reports in `window.__longest`
 * (run in the page: `page.evaluate(watchLongTasks)`, or for every load: `context.addInitScript(watchLongTasks)`,
 * which counts the page's own start too).
 */
export function watchLongTasks() {
  window.__longest = 0;
  // Only tasks from now on: in a page already open, the buffer still holds its start (and this script
  // cannot run during a task, so a task that began earlier has ended).
  const since = performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime >= since) window.__longest = Math.max(window.__longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}
