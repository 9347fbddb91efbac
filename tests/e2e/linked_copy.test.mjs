// A copy on disk that keeps itself current (File System Access), walked as a user: link a file on the Data
// page, edit, and find the edit in the file; reload and find the link; permission asked again after a
// restart; a write that fails; browser storage wiped and the workspace opened again from the file.
//
// Headless Chromium cannot drive the native pickers, so an init script replaces them with functions that
// return handles from the Origin Private File System: real FileSystemFileHandles with createWritable,
// which survive clearing IndexedDB and localStorage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const FILE = 'trappe-koege-2019-strategier-for-indsatsen.json';
const SHOTS = new URL('../../bench-results/shots/', import.meta.url).pathname;
let env;
before(async () => { env = await launch(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env?.close(); });

/** Pickers over the OPFS, and a switchable permission: `sessionStorage['test.permission'] = 'prompt'` makes
 * the page start as after a browser restart (queryPermission says "prompt", writing is refused) until
 * requestPermission is called, which grants (or denies with `test.decline`). */
function fakeFileSystemAccess() {
  window.__pickerCalls = [];
  const root = () => navigator.storage.getDirectory();
  window.showSaveFilePicker = async (options = {}) => {
    window.__pickerCalls.push({ kind: 'save', suggestedName: options.suggestedName, types: options.types });
    return (await root()).getFileHandle(options.suggestedName ?? 'kopi.json', { create: true });
  };
  window.showOpenFilePicker = async (options = {}) => {
    window.__pickerCalls.push({ kind: 'open', types: options.types });
    for await (const handle of (await root()).values()) {
      if (handle.kind === 'file' && handle.name.endsWith('.json')) return [handle];
    }
    throw new DOMException('The user aborted a request.', 'AbortError');
  };
  let state = sessionStorage.getItem('test.permission') ?? 'granted';
  window.__requests = [];
  const proto = FileSystemHandle.prototype;
  proto.queryPermission = async function () { return state; };
  proto.requestPermission = async function () {
    window.__requests.push({ activated: navigator.userActivation.isActive });
    state = sessionStorage.getItem('test.decline') ? 'denied' : 'granted';
    sessionStorage.removeItem('test.permission');
    return state;
  };
  const createWritable = FileSystemFileHandle.prototype.createWritable;
  FileSystemFileHandle.prototype.createWritable = function (...args) {
    if (state !== 'granted') return Promise.reject(new DOMException('Permission not granted.', 'NotAllowedError'));
    // What Chrome says for a file moved away on disk (the OPFS itself would quietly create it again).
    if (window.__failWith) return Promise.reject(new DOMException('A requested file could not be found.', window.__failWith));
    return createWritable.apply(this, args);
  };
}

/** The text of a file in the OPFS, or null when it is not there. */
async function opfsText(page, name) {
  return page.evaluate(async (name) => {
    try {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(name);
      return await (await handle.getFile()).text();
    } catch { return null; }
  }, name);
}

async function opfsNames(page) {
  return page.evaluate(async () => {
    const names = [];
    for await (const h of (await navigator.storage.getDirectory()).values()) names.push(h.name);
    return names;
  });
}

/** Waits until the linked file holds JSON for which `check` is true; returns it parsed. */
async function waitForFile(page, name, check, what) {
  for (let i = 0; i < 100; i++) {
    const text = await opfsText(page, name);
    if (text) {
      try {
        const json = JSON.parse(text);
        if (check(json)) return { json, text };
      } catch { /* being written */ }
    }
    await page.waitForTimeout(100);
  }
  assert.fail(`the linked file never held ${what}`);
}

/** Renames on the Data page, reached through the menu (no reload: a reload is a new start of the app). */
async function renameOnData(page, from, to) {
  if (new URL(page.url()).pathname !== '/data') {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  }
  await page.getByRole('button', { name: `Omdøb ${from}` }).click();
  await page.getByLabel('Nyt navn').fill(to);
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await page.getByText('Navnet er ændret.').waitFor();
  await waitSaved(page);
}

/** The stored list entry (meta) of the open workspace, read from IndexedDB as it is. */
async function storedMeta(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const id = JSON.parse(localStorage.getItem('trappe.last_opened'));
    const open = indexedDB.open('trappe');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const r = open.result.transaction('meta').objectStore('meta').get(id);
      r.onsuccess = () => { open.result.close(); ok(r.result ? JSON.parse(r.result.json) : null); };
    };
  }));
}

/** What a cleaning tool does: every IndexedDB database and localStorage gone; the disk (OPFS) stays. The
 * page leaves the app first, so no connection holds a database open. */
async function wipeBrowserStorage(page) {
  await page.goto(env.base + '/favicon.svg');
  await page.evaluate(async () => {
    localStorage.clear();
    for (const db of await indexedDB.databases()) {
      await new Promise((ok, fail) => {
        const r = indexedDB.deleteDatabase(db.name);
        r.onsuccess = () => ok(); r.onerror = () => fail(r.error); r.onblocked = () => fail(new Error(`blocked: ${db.name}`));
      });
    }
  });
}

test('a linked file on disk follows every save, survives a reload, asks again after a restart, reports a failed write, and brings the workspace back after storage is wiped', async () => {
  const { page, context, errors } = await openPage(env, '/', { init: fakeFileSystemAccess });
  await openExample(page, KOEGE);
  await waitSaved(page);
  await page.goto(env.base + '/data');
  const section = page.getByTestId('linked-copy');
  await section.getByRole('heading', { level: 2, name: 'Kopi på disken' }).waitFor();
  assert.equal(await page.getByTestId('linked-status').textContent(), '', 'no line before a file is linked');

  // Link: the picker suggests a name from the workspace, .json, as JSON.
  await section.getByRole('button', { name: 'Forbind med en fil…' }).click();
  await section.getByText(`Forbundet med filen «${FILE}».`).waitFor();
  const [call] = await page.evaluate(() => window.__pickerCalls);
  assert.equal(call.kind, 'save');
  assert.equal(call.suggestedName, FILE);
  assert.deepEqual(call.types, [{ description: 'Trappe-fil (JSON)', accept: { 'application/json': ['.json'] } }]);
  await page.getByTestId('linked-state').filter({ hasText: /^Sidst skrevet til filen kl\. \d\d\.\d\d$/ }).waitFor();
  const first = await waitForFile(page, FILE, (j) => j.workspace?.name === KOEGE, 'the workspace');
  assert.equal(first.json.format, 'trappe-workspace');

  // An edit: renamed on the Data page. The file gets it after the save reached browser storage.
  await renameOnData(page, KOEGE, 'Køge – kopi på disken');
  const renamed = await waitForFile(page, FILE, (j) => j.workspace?.name === 'Køge – kopi på disken', 'the new name');
  assert.equal(renamed.json.format, 'trappe-workspace');
  assert.equal(renamed.json.version, 1);
  assert.equal(renamed.json.workspace.plan.initiatives.length, 16);
  assert.equal((await storedMeta(page)).name, 'Køge – kopi på disken');
  await page.getByTestId('linked-state').filter({ hasText: /^Sidst skrevet til filen kl\. \d\d\.\d\d$/ }).waitFor();
  await page.getByTestId('linked-status').filter({ hasText: /^Kopi på disken: skrevet kl\. \d\d\.\d\d$/ }).waitFor();

  // The file is exactly what «Eksportér til fil» downloads (but for the export time).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  const withoutTime = (s) => s.replace(/"exported_at": "[^"]*"/, '"exported_at": "…"');
  assert.equal(withoutTime(renamed.text), withoutTime(exported));

  // The section with a linked file: accessible, and as it looks on a laptop.
  assert.deepEqual(await axe(page), []);
  await page.locator('.banners').getByRole('button', { name: 'Luk besked' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}i11-linked-copy-laptop.png` });

  // Reload: the link is still there, and no notice (permission is still granted).
  await page.reload();
  await section.getByText(`Forbundet med filen «${FILE}».`).waitFor();
  await page.getByTestId('linked-state').filter({ hasText: 'Sidst skrevet til filen' }).waitFor();
  assert.equal(await page.getByTestId('linked-permission').count(), 0);

  // A restart: the browser wants permission again. One calm notice, on any page; nothing is written.
  await page.evaluate(() => sessionStorage.setItem('test.permission', 'prompt'));
  await page.goto(env.base + '/trappe');
  const notice = page.getByTestId('linked-permission');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await notice.textContent(), new RegExp(`Trappe skal have lov til at skrive til filen «${FILE}» igen`));
  await page.getByTestId('linked-status').filter({ hasText: 'Kopi på disken: mangler lov' }).waitFor();
  assert.deepEqual(await axe(page), [], 'with the permission notice');
  // «Ikke nu»: the work goes on in browser storage, and later saves do not ask again.
  await notice.getByRole('button', { name: 'Ikke nu' }).click();
  assert.equal(await page.getByTestId('linked-permission').count(), 0);
  await renameOnData(page, 'Køge – kopi på disken', 'Køge – uden lov');
  assert.equal((await storedMeta(page)).name, 'Køge – uden lov');
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('linked-permission').count(), 0, 'no nagging at the next save');
  assert.equal(JSON.parse(await opfsText(page, FILE)).workspace.name, 'Køge – kopi på disken', 'not written without permission');
  await page.getByTestId('linked-state').filter({ hasText: /^Venter på, at du giver lov/ }).waitFor();
  // «Giv lov» on the Data page (a click: the browser asks), and the file catches up.
  await section.getByRole('button', { name: 'Giv lov' }).click();
  await waitForFile(page, FILE, (j) => j.workspace?.name === 'Køge – uden lov', 'the edit made without permission');
  assert.deepEqual(await page.evaluate(() => window.__requests), [{ activated: true }], 'asked once, in the click');
  await page.getByTestId('linked-status').filter({ hasText: /^Kopi på disken: skrevet kl\./ }).waitFor();

  // The same after a restart, granted from the notice itself.
  await page.evaluate(() => sessionStorage.setItem('test.permission', 'prompt'));
  await page.reload();
  await notice.waitFor();
  await notice.getByRole('button', { name: 'Giv lov' }).click();
  await notice.waitFor({ state: 'detached' });
  await renameOnData(page, 'Køge – uden lov', 'Køge – med lov igen');
  await waitForFile(page, FILE, (j) => j.workspace?.name === 'Køge – med lov igen', 'the edit after permission');

  // The file is moved away: the write fails, the user is told what and what to do, storage keeps the edit.
  await page.evaluate(() => { window.__failWith = 'NotFoundError'; });
  await renameOnData(page, 'Køge – med lov igen', 'Køge – filen flyttet');
  const failure = page.getByTestId('linked-failure');
  await failure.waitFor();
  assert.match(await failure.textContent(), new RegExp(`Trappe kunne ikke skrive til filen «${FILE}»: den findes ikke længere`));
  assert.match(await failure.textContent(), /Dit arbejde er gemt i browseren, og intet er tabt/);
  assert.match(await page.getByTestId('linked-failure-text').textContent(), /findes ikke længere/);
  await page.getByTestId('linked-status').filter({ hasText: 'Kopi på disken: ikke opdateret' }).waitFor();
  assert.equal(await page.getByTestId('save-status').textContent().then((s) => /Gemt kl\./.test(s)), true);
  assert.equal((await storedMeta(page)).name, 'Køge – filen flyttet', 'browser storage has the edit');
  assert.deepEqual(await axe(page), [], 'with a failed write');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}i11-linked-copy-failed-laptop.png` });
  // The next save tries again quietly (no second notice once closed) …
  await failure.getByRole('button', { name: 'Luk besked' }).click();
  await renameOnData(page, 'Køge – filen flyttet', 'Køge – stadig væk');
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('linked-failure').count(), 0, 'told once, not at every save');
  // … and once the file is back where it was, the next save writes it.
  assert.equal(JSON.parse(await opfsText(page, FILE)).workspace.name, 'Køge – med lov igen', 'the file as last written');
  await page.evaluate(() => { window.__failWith = null; });
  await renameOnData(page, 'Køge – stadig væk', 'Køge – filen er tilbage');
  await waitForFile(page, FILE, (j) => j.workspace?.name === 'Køge – filen er tilbage', 'the edit after the failure');
  await page.getByTestId('linked-status').filter({ hasText: /^Kopi på disken: skrevet kl\./ }).waitFor();
  assert.equal(await page.getByTestId('linked-failure-text').count(), 0);

  // A cleaning tool wipes browser storage. The start page offers the copy on disk, which comes back
  // through the import's checks and is linked again.
  await wipeBrowserStorage(page);
  await page.goto(env.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Velkommen til Trappe' }).waitFor();
  const offer = page.getByTestId('open-copy');
  await offer.getByRole('heading', { level: 2, name: 'Har du en kopi på din computer?' }).waitFor();
  assert.deepEqual(await axe(page), [], 'start page with the offer');
  await offer.getByRole('button', { name: 'Åbn en kopi fra din computer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overblik: Køge – filen er tilbage' }).waitFor();
  await page.getByText(`«Køge – filen er tilbage» er åbnet fra filen «${FILE}»`).waitFor();
  await waitSaved(page);
  assert.equal((await storedMeta(page)).name, 'Køge – filen er tilbage');
  await page.goto(env.base + '/data');
  await section.getByText(`Forbundet med filen «${FILE}».`).waitFor();
  await renameOnData(page, 'Køge – filen er tilbage', 'Køge – hentet fra disken');
  const back = await waitForFile(page, FILE, (j) => j.workspace?.name === 'Køge – hentet fra disken', 'the edit after the wipe');
  assert.equal(back.json.workspace.plan.initiatives.length, 16);
  assert.deepEqual(await opfsNames(page), [FILE], 'the same file, no second one');
  assert.equal(await page.getByTestId('open-copy').count(), 0);

  // «Afbryd forbindelsen»: no more writes; the file stays as it was.
  await section.getByRole('button', { name: 'Afbryd forbindelsen' }).click();
  await page.getByTestId('linked-message').filter({ hasText: 'Forbindelsen er afbrudt.' }).waitFor();
  await renameOnData(page, 'Køge – hentet fra disken', 'Køge – ikke forbundet');
  await page.waitForTimeout(500);
  assert.equal(JSON.parse(await opfsText(page, FILE)).workspace.name, 'Køge – hentet fra disken');
  await page.reload();
  await section.getByRole('button', { name: 'Forbind med en fil…' }).waitFor();
  assert.equal(await page.getByTestId('linked-status').textContent(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file that is not a workspace is refused on the start page with the import\'s reason', async () => {
  const { page, context, errors } = await openPage(env, '/', { init: fakeFileSystemAccess });
  await page.evaluate(async () => {
    const h = await (await navigator.storage.getDirectory()).getFileHandle('noter.json', { create: true });
    const w = await h.createWritable();
    await w.write('{"format": "noget-andet"}');
    await w.close();
  });
  const offer = page.getByTestId('open-copy');
  await offer.getByRole('button', { name: 'Åbn en kopi fra din computer' }).click();
  const error = offer.getByRole('alert');
  await error.waitFor();
  assert.match(await error.textContent(), /^Kopien er ikke åbnet\. «noter\.json» er ikke indlæst\. /);
  assert.equal(await page.getByRole('heading', { name: 'Dine arbejdsområder' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the browser cannot keep a copy on disk, the Data page says so and export stays the safety net', async () => {
  const { page, context, errors } = await openPage(env, '/', {
    init: () => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; delete Window.prototype.showSaveFilePicker; delete Window.prototype.showOpenFilePicker; },
  });
  assert.equal(await page.getByTestId('open-copy').count(), 0);
  await openExample(page, KOEGE);
  await page.goto(env.base + '/data');
  await page.getByTestId('linked-unsupported').filter({ hasText: 'Denne browser kan ikke holde en kopi på disken opdateret' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Forbind med en fil…' }).count(), 0);
  await page.getByTestId('export-reminder').waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
