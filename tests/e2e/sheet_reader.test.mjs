// The spreadsheet reader runs as its own wasm module in a web worker (src/bin/sheet_reader.rs, started by
// browser::sheet_worker), reached here through the app's export `wasmBindings.trappeReadSheet`. It is not
// loaded at start; it reads an .xlsx saved by LibreOffice and a Windows-1252 CSV from Danish Excel served
// over http, offline after one visit (the service worker cached it), and in trappe.html opened from disk.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';

const DIST = process.env.TRAPPE_DIST ?? new URL('../../dist', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/sheets/', import.meta.url);
const XLSX = readFileSync(new URL('date.xlsx', FIXTURES));
const LOCKED = readFileSync(new URL('pass_protected.xlsx', FIXTURES));
// "CSV (semikolonsepareret)" as Danish Excel saves it: Windows-1252 (latin1 covers æøå), ';', CRLF.
const CSV = Buffer.from('Mødedato;Sagsnr.;Mødetype\r\n08.05.2019;S-1;Opfølgningsmøde\r\n', 'latin1');
const READER = /sheet_reader/;

const temp = mkdtempSync(join(tmpdir(), 'trappe-sheet-reader-'));
const cleanups = [() => rmSync(temp, { recursive: true, force: true })];
after(async () => { for (const c of cleanups.reverse()) await c(); });

async function browser() {
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  cleanups.push(() => b.close());
  return b;
}

async function serve() {
  const server = await startServer(DIST, 0, { prefix: '/apps/trappe/', fallback: false });
  cleanups.push(() => new Promise((ok) => server.close(ok)));
  return `http://127.0.0.1:${server.address().port}/apps/trappe/`;
}

/** A page with its errors and every request it makes (its own and its workers', not the service worker's). */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('main#indhold');
  await page.waitForFunction(() => window.wasmBindings?.trappeReadSheet);
  return { page, problems, requests };
}

/** Reads a file in the page through the app's reader; the answer as an object. */
async function read(page, name, bytes) {
  return page.evaluate(async ([n, b]) => JSON.parse(await window.wasmBindings.trappeReadSheet(n, new Uint8Array(b))),
    [name, [...bytes]]);
}

async function readsBoth(page) {
  const xlsx = await read(page, 'møder.xlsx', XLSX);
  assert.ok(xlsx.ok, JSON.stringify(xlsx));
  assert.equal(xlsx.ok.sheets[0].name, 'Sheet1');
  assert.deepEqual(xlsx.ok.sheets[0].rows[0], [{ t: 'Date', v: ['2021-01-01', null] }, { t: 'Number', v: 15 }]);
  const csv = await read(page, 'møder.csv', CSV);
  assert.deepEqual(csv, {
    ok: {
      sheets: [{
        name: 'møder',
        rows: [
          [{ t: 'Text', v: 'Mødedato' }, { t: 'Text', v: 'Sagsnr.' }, { t: 'Text', v: 'Mødetype' }],
          [{ t: 'Text', v: '08.05.2019' }, { t: 'Text', v: 'S-1' }, { t: 'Text', v: 'Opfølgningsmøde' }],
        ],
      }],
    },
  });
}

test('served: not loaded at start, loaded on the first file, reads xlsx and a Danish CSV off the main thread', async () => {
  const base = await serve();
  const b = await browser();
  const context = await b.newContext({ locale: 'da-DK' });
  const { page, problems, requests } = await open(context, base);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requests.filter((u) => READER.test(u)), [], 'the reader is not fetched at start');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /sheet_reader/.test(e.name))), false);

  await readsBoth(page);
  const fetched = requests.filter((u) => READER.test(u));
  assert.equal(fetched.length, 2, `glue and wasm, once: ${fetched}`);
  assert.ok(fetched.some((u) => u.endsWith('_bg.wasm')), fetched.join());
  // The same worker reads the next file; a locked workbook is said as such.
  assert.deepEqual(await read(page, 'låst.xlsx', LOCKED), { err: { Read: 'Encrypted' } });
  assert.deepEqual(await read(page, 'billede.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), { err: { Read: 'UnknownKind' } });
  assert.equal(requests.filter((u) => READER.test(u)).length, 2, 'the worker is kept, not started again');
  // A broken .xls that stops calamine (an assertion; panic = abort traps the wasm): said as damaged, and
  // the next file gets a fresh worker.
  const broken = await read(page, 'brudt.xls', readFileSync(new URL('broken_ole.xls', FIXTURES)));
  assert.ok(broken.err?.Read?.Damaged, JSON.stringify(broken));
  await readsBoth(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline after one visit: the service worker has the reader, though it was never used online', async () => {
  const base = await serve();
  const b = await browser();
  const context = await b.newContext({ locale: 'da-DK' });
  const { page, problems, requests } = await open(context, base);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  assert.deepEqual(requests.filter((u) => READER.test(u)), []);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('main#indhold');
  await page.waitForFunction(() => window.wasmBindings?.trappeReadSheet);
  await readsBoth(page);
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('trappe.html opened from disk: the reader is inside the file and starts from a blob: worker', async () => {
  const file = join(temp, 'trappe.html');
  copyFileSync(join(DIST, 'trappe.html'), file);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /id="trappe-sheet-reader-wasm"/);
  assert.match(html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1], /worker-src blob:/);
  const b = await browser();
  const context = await b.newContext({ locale: 'da-DK' });
  const { page, problems, requests } = await open(context, pathToFileURL(file).href);
  await readsBoth(page);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});
