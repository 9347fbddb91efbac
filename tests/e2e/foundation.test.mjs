// The foundation as a user meets it: first start, examples, rename and reload, export, clear storage and
// import, broken files, storage refused or full, a stored value of a newer version, two tabs, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function rename(page, name) {
  await page.goto(env.base + '/overblik');
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor();
}

async function exportFile(page) {
  await page.goto(env.base + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** Deletes the app's IndexedDB and localStorage from a page of the same origin without the app on it. */
async function clearStorage(context) {
  const page = await context.newPage();
  await page.goto(env.base + '/favicon.svg');
  await page.evaluate(() => new Promise((ok, fail) => {
    localStorage.clear();
    const r = indexedDB.deleteDatabase('trappe');
    r.onsuccess = () => ok(); r.onerror = () => fail(r.error); r.onblocked = () => fail(new Error('blocked'));
  }));
  await page.close();
}

test('first start offers examples and a new workspace, and is accessible', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await page.getByRole('heading', { level: 1, name: 'Velkommen til Trappe' }).waitFor();
  for (const title of [KOEGE, 'Halsnæs – Handleplan 2019–2020', 'Socialstyrelsens indsatstrappe']) {
    assert.ok(await page.getByRole('button', { name: `Åbn eksemplet ${title}` }).isVisible(), title);
  }
  // An empty name is refused with an error tied to the field.
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  const field = page.getByLabel('Navn', { exact: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /new-ws-error/);
  assert.deepEqual(await axe(page), []);
  await field.fill('Workshop i Assens');
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overblik: Workshop i Assens' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('every area shows the example read-only and passes axe', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, KOEGE);
  assert.deepEqual(await axe(page), [], 'overblik');
  for (const [path, heading] of [['/trappe', /trappe/i], ['/netvaerksmoeder', /Netværksmøder/], ['/handleplan', /Handleplan/], ['/data', 'Data']]) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
    assert.deepEqual(await axe(page), [], path);
  }
  // Keyboard: the skip link is the first stop and moves focus to the content.
  await page.goto(env.base + '/data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Gå til indhold');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'indhold');
  assert.deepEqual(errors, []);
  await context.close();
});

test('rename, reload, export, clear storage, import: the workspace comes back identical', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await rename(page, 'Køge – workshop 2026');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Overblik: Køge – workshop 2026' }).waitFor();

  const exported = await exportFile(page);
  assert.match(exported.name, /^trappe-koege-workshop-2026-\d{4}-\d{2}-\d{2}\.json$/);
  const original = JSON.parse(exported.text);
  assert.equal(original.format, 'trappe-workspace');
  assert.equal(original.version, 1);
  assert.equal(original.workspace.name, 'Køge – workshop 2026');
  assert.equal(original.workspace.plan.initiatives.length, 16);
  await page.getByTestId('export-reminder').filter({ hasText: 'Sidst eksporteret' }).waitFor();

  await clearStorage(context);
  await page.goto(env.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Velkommen til Trappe' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Dine arbejdsområder' }).count(), 0);

  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(exported.path);
  await page.getByTestId('import-preview').waitFor();
  assert.match(await page.getByTestId('import-preview').textContent(), /16 initiativer/);
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(page);

  const again = JSON.parse((await exportFile(page)).text);
  assert.deepEqual(again.workspace, original.workspace);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken file is refused with line and column; a bad record opens repaired with its original set aside', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await page.goto(env.base + '/data');
  const input = page.getByLabel('Vælg en Trappe-fil (.json)');
  await input.setInputFiles({ name: 'ødelagt.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "trappe-workspace",\n  "version": 1,\n  "workspace": {"name": "x",}\n}') });
  const error = page.locator('#import-file-error');
  await error.waitFor();
  assert.match(await error.textContent(), /«ødelagt\.json» er ikke indlæst\. Filen er ikke gyldig JSON: linje 4, kolonne \d+/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await input.getAttribute('aria-describedby'), /import-file-error/);
  assert.equal(await page.getByTestId('import-preview').count(), 0);

  // A bad value inside a Trappe file does not lock the file: the record opens repaired, and its original
  // is kept under «Lagt til side» with where it was.
  await input.setInputFiles({ name: 'forkert.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'trappe-workspace', version: 1, workspace: { name: 'Fra regneark', staircase: { steps: [{ name: 'Trin 1' }, { name: 'Trin 2' }, { name: 'Trin 3', interventions: [{ name: 'ICDP', unit_cost: '1.200 kr.' }] }] } } })) });
  await page.getByTestId('import-repairs').waitFor();
  assert.match(await page.getByTestId('import-repairs').textContent(), /1 post brød Trappes regler og er repareret/);
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  const setAside = page.getByTestId('set-aside');
  await setAside.waitFor();
  assert.match(await setAside.textContent(), /Sted i filen: Trin nr\. 3, indsats nr\. 1/);
  assert.doesNotMatch(await setAside.textContent(), /workspace\./);
  assert.match(await setAside.textContent(), /Indsats «ICDP»: Pris kunne ikke læses/);
  const [original] = await Promise.all([page.waitForEvent('download'), setAside.getByRole('button', { name: 'Hent originalen' }).click()]);
  assert.match(await readFile(await original.path(), 'utf8'), /1\.200 kr\./);
  assert.deepEqual(await axe(page), []);
  // Removing the entry asks first, then it is gone.
  await setAside.getByRole('button', { name: 'Fjern fra listen' }).click();
  await setAside.getByRole('button', { name: 'Ja, fjern' }).click();
  await page.getByText('Originalen er fjernet fra listen.').waitFor();
  assert.equal(await page.getByTestId('set-aside').count(), 0);
  // A newer version says so.
  await input.setInputFiles({ name: 'ny.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"trappe-workspace","version":9,"workspace":{}}') });
  await page.locator('#import-file-error', { hasText: 'ny.json' }).waitFor();
  assert.match(await error.textContent(), /formatversion 9 af en nyere Trappe/);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('delete goes to the trash and can be restored; emptying asks first', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, 'Halsnæs – Handleplan 2019–2020');
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: /^Slet Halsnæs/ }).click();
  await page.getByRole('button', { name: 'Ja, læg i papirkurven' }).click();
  await page.getByText('Arbejdsområdet er lagt i papirkurven.').waitFor();
  await page.getByRole('button', { name: /^Gendan Halsnæs/ }).click();
  await page.getByText('Arbejdsområdet er gendannet.').waitFor();
  assert.ok(await page.getByRole('rowheader', { name: /Halsnæs/ }).isVisible());
  await context.close();
});

test('storage refused: the app says so, works in memory and offers a download', async () => {
  const { page, context, errors } = await openPage(env, '/', {
    init: () => { Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } }); },
  });
  await page.getByText(/Browseren tillader ikke, at Trappe gemmer data her/).waitFor();
  await openExample(page, KOEGE);
  await page.getByRole('button', { name: 'Download dine ændringer som fil' }).first().waitFor();
  await context.close();
  assert.ok(errors.every((e) => !/panicked/.test(e)), errors.join('\n'));
});

test('storage full: the edit stays on screen, the user is told and can download it', async () => {
  const { page, context } = await openPage(env, '/', {
    init: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    },
  });
  await openExample(page, KOEGE);
  await page.evaluate(() => { window.__full = true; });
  await page.getByLabel('Navn', { exact: true }).fill('Køge uden plads');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await page.getByText(/Browserens lager er fuldt/).waitFor();
  assert.equal(await page.getByTestId('save-status').textContent(), 'Ikke gemt');
  assert.match(await page.locator('.workspace-name').textContent(), /Køge uden plads/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download dine ændringer som fil' }).first().click(),
  ]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.workspace.name, 'Køge uden plads');
  await context.close();
});

test('an unreadable stored workspace is reported, offered as download, and left untouched', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await waitSaved(page);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened')));
  // A head of a newer format version: the one thing that is not read (damaged values are restored, see
  // damage.test.mjs).
  const garbage = '{"format":"trappe-workspace","version":7,"workspace":{"name":"Fra en nyere Trappe"}}';
  const raw = await context.newPage();
  await raw.goto(env.base + '/favicon.svg');
  await raw.evaluate(([id, garbage]) => new Promise((ok) => {
    const open = indexedDB.open('trappe');
    open.onsuccess = () => {
      const tx = open.result.transaction('parts', 'readwrite');
      tx.objectStore('parts').put(garbage, `${id}|head`);
      tx.oncomplete = () => { open.result.close(); ok(); };
    };
  }), [id, garbage]);
  await page.reload();
  await page.getByRole('heading', { name: /Et gemt arbejdsområde kan ikke læses/ }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent de gemte data som fil' }).click(),
  ]);
  const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(downloaded.trappe_stored_parts.head, garbage, 'the stored parts, as they are');
  assert.ok(Object.keys(downloaded.trappe_stored_parts).length > 10);
  const stored = await raw.evaluate((id) => new Promise((ok) => {
    const open = indexedDB.open('trappe');
    open.onsuccess = () => {
      const r = open.result.transaction('parts').objectStore('parts').get(`${id}|head`);
      r.onsuccess = () => { open.result.close(); ok(r.result); };
    };
  }), id);
  assert.equal(stored, garbage, 'never overwritten');
  await context.close();
});

test('a workspace stored by a newer version of Trappe is refused read-only and never overwritten', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await waitSaved(page);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened')));
  const raw = await context.newPage();
  await raw.goto(env.base + '/favicon.svg');
  const parts = (mutate) => raw.evaluate(([id, mutate]) => new Promise((ok) => {
    const open = indexedDB.open('trappe');
    open.onsuccess = () => {
      const tx = open.result.transaction('parts', 'readwrite');
      const store = tx.objectStore('parts');
      const r = store.get(`${id}|head`);
      r.onsuccess = () => {
        if (mutate) store.put(r.result.replace(/"version":\s*1\b/, '"version":2'), `${id}|head`);
        tx.oncomplete = () => { open.result.close(); ok(r.result); };
      };
    };
  }), [id, mutate]);
  await parts(true);
  const newer = await parts(false);
  assert.match(newer, /"version":2/);
  await page.reload();
  await page.getByRole('heading', { name: /Et gemt arbejdsområde kan ikke læses/ }).waitFor();
  await page.getByText(/formatversion 2 af en nyere Trappe/).waitFor();
  // Edits elsewhere and time passing never write over it.
  await page.waitForTimeout(1500);
  assert.equal(await parts(false), newer, 'never overwritten');
  await context.close();
});

test('two tabs: a rename in one shows in the other', async () => {
  const { page: a, context } = await openPage(env, '/');
  await openExample(a, KOEGE);
  await waitSaved(a);
  const b = await context.newPage();
  await b.goto(env.base + '/overblik');
  await b.getByRole('heading', { level: 1, name: `Overblik: ${KOEGE}` }).waitFor();
  await rename(a, 'Omdøbt i fane A');
  await b.getByRole('heading', { level: 1, name: 'Overblik: Omdøbt i fane A' }).waitFor();
  await b.getByText('opdateret med ændringer fra en anden fane').waitFor();
  await context.close();
});

test('offline: after the first visit the app opens with the network off', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.goto(env.base + '/handleplan');
  await page.getByRole('heading', { level: 1, name: /Handleplan/ }).first().waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Handleplan/ }).first().waitFor();
  await context.close();
});

test('two tabs editing at once: both edits are kept, field by field', async () => {
  const { page: a, context } = await openPage(env, '/');
  await openExample(a, KOEGE);
  await waitSaved(a);
  // Tab B does not hear tab A's announcements, so it edits on top of an old revision.
  await context.addInitScript(() => { window.BroadcastChannel = class { postMessage() {} close() {} set onmessage(_) {} }; });
  const b = await context.newPage();
  await b.goto(env.base + '/overblik');
  await b.getByRole('heading', { level: 1, name: `Overblik: ${KOEGE}` }).waitFor();
  await rename(a, 'Fane A vandt');
  // B's form still shows the old name; B changes only the description.
  await b.getByLabel('Beskrivelse').fill('Skrevet i fane B');
  await b.getByRole('button', { name: 'Gem oplysninger' }).click();
  await b.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor();
  await b.getByRole('heading', { level: 1, name: 'Overblik: Fane A vandt' }).waitFor();
  // Both are stored: a fresh tab sees A's name and B's description.
  const c = await context.newPage();
  await c.goto(env.base + '/overblik');
  await c.getByRole('heading', { level: 1, name: 'Overblik: Fane A vandt' }).waitFor();
  assert.equal(await c.getByLabel('Beskrivelse').inputValue(), 'Skrevet i fane B');
  await c.goto(env.base + '/data');
  await c.getByRole('rowheader', { name: /Fane A vandt/ }).waitFor();
  assert.equal(await c.getByRole('rowheader').count(), 1, 'no copy was needed');
  await context.close();
});

test('import can replace a workspace after confirmation, keeping the old one in the trash', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, KOEGE);
  const exported = await exportFile(page);
  await rename(page, 'Køge ændret');
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(exported.path);
  await page.getByTestId('import-preview').waitFor();
  // The file is this workspace before the rename: recognised, and the name is what differs.
  await page.getByTestId('import-differences').filter({ hasText: 'Arbejdsområdets navn, kommune eller beskrivelse er forskellig' }).waitFor();
  assert.equal(await page.getByLabel(/^Flet filen ind i «/).isChecked(), true, 'merging, which keeps both sides, is the first choice');
  await page.getByLabel('Erstat udgaven her med filen').check();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Bekræft, at arbejdsområdet skal erstattes.').waitFor();
  await page.getByLabel(/Ja, erstat det/).check();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  assert.match(await page.locator('.workspace-name').textContent(), new RegExp(KOEGE));
  await page.getByRole('button', { name: /^Gendan Køge ændret \(før import\)/ }).waitFor();
  assert.equal(await page.getByRole('rowheader').count(), 1, 'replaced, not added');
  await context.close();
});
