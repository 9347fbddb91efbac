// Storage is input too. Each test damages one stored value in IndexedDB by hand (as a disk error or an
// extension might), reloads, and checks what a user needs: the workspace is listed on the start page and the
// Data page, it opens, every record is there or under «Lagt til side» with a Danish reason and a download,
// its id stays the same across reloads, and an edit saves and survives a reload with no word of another
// tab. Then files with one bad token (a lone surrogate, 1e309): the rest is imported, the record set aside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, openExample, waitSaved } from './harness.mjs';

const EXAMPLE = 'Socialstyrelsens indsatstrappe';
const NAME = 'Socialstyrelsens indsatstrappe – eksempel';
const ENGLISH = /hex escape|invalid|expected|out of range|\bEOF\b|surrogate|unexpected/i;
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** One operation on the app's database, from a page of the same origin without the app on it. */
function storage(raw, op, id, key = null, value = null) {
  return raw.evaluate(([op, id, key, value]) => new Promise((ok, fail) => {
    const open = indexedDB.open('trappe');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'parts'], 'readwrite');
      const meta = tx.objectStore('meta');
      const parts = tx.objectStore('parts');
      let result;
      const read = (r) => { r.onsuccess = () => { result = r.result; }; };
      if (op === 'keys') read(parts.getAllKeys(IDBKeyRange.bound(`${id}|`, `${id}|\uffff`)));
      // Packs of records are stored as their text's UTF-8 bytes.
      else if (op === 'get') parts.get(`${id}|${key}`).onsuccess = (e) => {
        const v = e.target.result;
        result = v instanceof Uint8Array ? new TextDecoder().decode(v) : v;
      };
      else if (op === 'put') parts.put(value, `${id}|${key}`);
      else if (op === 'delete') parts.delete(`${id}|${key}`);
      else if (op === 'delete-meta') meta.delete(id);
      else if (op === 'put-meta') meta.put({ id, json: value });
      else if (op === 'get-meta') read(meta.get(id));
      tx.oncomplete = () => { db.close(); ok(result); };
      tx.onerror = () => fail(tx.error);
    };
  }), [op, id, key, value]);
}

async function exportFile(page) {
  await page.goto(env.base + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

/** The page's text has no English from the JSON reader. */
async function noEnglish(page) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, ENGLISH);
}

/**
 * Stores the example, lets `damage(raw, id, parts)` change storage, then checks the workspace through
 * the app. `expect.name`: the name it is listed under; `expect.setAside`: a pattern for the reason shown
 * under «Lagt til side» and the original text its download must give; `expect.edit(page, id, parts)`: the
 * edit to make (default: a rename).
 */
async function survives(damage, expect = {}) {
  const { page, context } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened')));
  const raw = await context.newPage();
  await raw.goto(env.base + '/favicon.svg');
  const keys = (await storage(raw, 'keys', id)).map((k) => k.slice(id.length + 1));
  // Records are stored in packs (`pack/meeting/07`: an object from id to record).
  const records = [];
  for (const k of keys.filter((k) => k.startsWith('pack/'))) {
    const kind = k.split('/')[1];
    for (const rid of Object.keys(JSON.parse(await storage(raw, 'get', id, k)))) records.push(`${kind}/${rid}`);
  }
  assert.ok(records.length > 40, `the example's records are stored in packs: ${keys.length}`);
  await damage(raw, id, keys);
  // Not opened by itself at the start: it must be listed to be found.
  await raw.evaluate(() => localStorage.removeItem('trappe.last_opened'));
  const name = expect.name ?? NAME;

  await page.goto(env.base + '/data');
  await page.getByRole('rowheader', { name }).waitFor();
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: `Åbn ${name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Overblik: ${name}` }).waitFor();
  await waitSaved(page);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened'))), id);

  if (expect.setAside) {
    await page.goto(env.base + '/data');
    const entry = page.getByTestId('set-aside').getByRole('listitem').filter({ hasText: expect.setAside.what });
    await entry.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('button', { name: 'Hent originalen' }).click(),
    ]);
    const { original } = expect.setAside;
    assert.equal(await readFile(await download.path(), 'utf8'), typeof original === 'function' ? original() : original);
  }
  // Every record is in the workspace or kept under «Lagt til side».
  const exported = await exportFile(page);
  const file = JSON.parse(exported);
  assert.equal(file.workspace.id, id);
  for (const k of records) assert.ok(exported.includes(k.split('/')[1]), `${k} is kept`);
  await noEnglish(page);

  // An edit saves, with no word of another tab, and is there after two reloads with the same id.
  const edited = await (expect.edit ?? rename)(page, id, keys);
  for (let i = 0; i < 2; i += 1) {
    await page.reload();
    await page.waitForSelector('main#indhold');
    await edited.check(page);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened'))), id);
    assert.equal(await page.getByText(/en anden fane/).count(), 0, 'no other tab');
    assert.doesNotMatch(await page.getByTestId('save-status').textContent(), /Ikke gemt/);
  }
  const again = JSON.parse(await exportFile(page));
  assert.equal(again.workspace.id, id);
  assert.equal(again.workspace.meetings.length, file.workspace.meetings.length, 'no duplicates');
  if (expect.stored) await expect.stored(raw, id);
  await context.close();
  return again;
}

async function rename(page) {
  await page.goto(env.base + '/overblik');
  await page.getByLabel('Navn', { exact: true }).fill('Efter skaden');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor();
  assert.equal(await page.getByText(/en anden fane/).count(), 0);
  return {
    async check(p) {
      await p.goto(env.base + '/overblik');
      await p.getByRole('heading', { level: 1, name: 'Overblik: Efter skaden' }).waitFor();
    },
  };
}

/** Edits the decisions of meeting `meetingId` in its form; the header says it is saved. */
async function editMeeting(page, meetingId) {
  await page.goto(`${env.base}/netvaerksmoeder/${meetingId}`);
  await page.getByLabel('Beslutninger', { exact: true }).fill('Besluttet efter skaden');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByRole('status').filter({ hasText: 'Mødet er gemt.' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor();
  assert.equal(await page.getByText(/en anden fane/).count(), 0);
  return {
    async check(p) {
      await p.goto(`${env.base}/netvaerksmoeder/${meetingId}`);
      await p.getByLabel('Beslutninger', { exact: true }).waitFor();
      assert.equal(await p.getByLabel('Beslutninger', { exact: true }).inputValue(), 'Besluttet efter skaden');
    },
  };
}

test('the meta record removed: listed, rebuilt from the head, opens and saves', async () => {
  await survives((raw, id) => storage(raw, 'delete-meta', id));
});

test('the meta record junk: listed, rebuilt from the head, opens and saves', async () => {
  await survives((raw, id) => storage(raw, 'put-meta', id, null, '{"name": "Socials'));
});

test('the head junk: the workspace is restored from its records, the head kept under «Lagt til side»', async () => {
  const junk = '{"format":"trappe-workspace","version":1,"workspace":{"name":';
  await survives((raw, id) => storage(raw, 'put', id, 'head', junk), {
    setAside: { what: /egne oplysninger.*kunne ikke læses i browserens lager/, original: junk },
  });
});

test('the head junk and the meta gone: listed under a Danish name', async () => {
  await survives(async (raw, id) => {
    await storage(raw, 'put', id, 'head', 'ikke json');
    await storage(raw, 'delete-meta', id);
  }, {
    name: 'Arbejdsområde fundet i browserens lager',
    setAside: { what: /kunne ikke læses i browserens lager/, original: 'ikke json' },
  });
});

test('the head without the workspace id: the id it is stored under, the same at every load', async () => {
  const setAside = { what: /Arbejdsområdets id manglede/, original: null };
  await survives(async (raw, id) => {
    const head = JSON.parse(await storage(raw, 'get', id, 'head'));
    delete head.workspace.id;
    setAside.original = JSON.stringify(head);
    await storage(raw, 'put', id, 'head', setAside.original);
  }, { setAside });
});

test('a junk set-aside list is kept as an entry and never written over', async () => {
  const junk = '[{"found_at": "workspace.meetings[4]", "what": "Et tidligere f';
  const file = await survives((raw, id) => storage(raw, 'put', id, 'set_aside', junk), {
    setAside: { what: /Listen over poster lagt til side kunne ikke læses/, original: junk },
  });
  assert.ok(file.workspace.set_aside.some((s) => s.original === junk), 'still there after saves and reloads');
});

test('a pack of records stored as an object instead of text is read like text', async () => {
  let ids;
  const file = await survives(async (raw, id, keys) => {
    const pack = keys.find((k) => k.startsWith('pack/meeting/'));
    const text = await storage(raw, 'get', id, pack);
    ids = Object.keys(JSON.parse(text));
    await storage(raw, 'put', id, pack, JSON.parse(text));
  });
  for (const m of ids) assert.ok(file.workspace.meetings.some((x) => x.id === m), `meeting ${m} is there`);
  assert.equal(file.workspace.set_aside.length, 0, 'nothing was wrong with it');
});

test('a meeting without an id keeps the id it is stored under, and editing it makes no duplicate', async () => {
  let meetingId;
  const file = await survives(async (raw, id, keys) => {
    const key = keys.find((k) => k.startsWith('pack/meeting/'));
    const pack = JSON.parse(await storage(raw, 'get', id, key));
    meetingId = Object.keys(pack)[0];
    delete pack[meetingId].id;
    await storage(raw, 'put', id, key, JSON.stringify(pack));
  }, { edit: (page) => editMeeting(page, meetingId) });
  const ids = file.workspace.meetings.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.filter((x) => x === meetingId).length, 1);
});

test('a pack that cannot be read is set aside whole, with every record in it, and never written over', async () => {
  let broken;
  const file = await survives(async (raw, id, keys) => {
    const key = keys.find((k) => k.startsWith('pack/meeting/'));
    broken = 'x' + await storage(raw, 'get', id, key);
    await storage(raw, 'put', id, key, broken);
  }, { setAside: { what: /En samling møder i browserens lager kunne ikke læses/, original: () => broken } });
  assert.ok(file.workspace.set_aside.some((s) => s.original === broken), 'still there after saves and reloads');
});

test('a workspace stored one part per record, as Trappe before packs stored it, opens whole and is stored in packs', async () => {
  const file = await survives(async (raw, id, keys) => {
    for (const k of keys.filter((k) => k.startsWith('pack/'))) {
      const kind = k.split('/')[1];
      const pack = JSON.parse(await storage(raw, 'get', id, k));
      for (const [rid, record] of Object.entries(pack)) await storage(raw, 'put', id, `${kind}/${rid}`, JSON.stringify(record));
      await storage(raw, 'delete', id, k);
    }
    const now = (await storage(raw, 'keys', id)).map((k) => k.slice(id.length + 1));
    assert.ok(!now.some((k) => k.startsWith('pack/')) && now.some((k) => k.startsWith('meeting/')));
  }, {
    async stored(raw, id) {
      const now = (await storage(raw, 'keys', id)).map((k) => k.slice(id.length + 1));
      assert.deepEqual(now.filter((k) => /^[a-z_]+\/[0-9a-f-]{36}$/.test(k)), [], 'no record on its own any more');
      assert.ok(now.filter((k) => k.startsWith('pack/')).length > 10, 'the records are in packs');
    },
  });
  assert.equal(file.workspace.set_aside.length, 0, 'nothing was wrong with it');
});

/** A file of 3 meetings and 16 initiatives, with `note` and `amount` written into the text as they are. */
function fileWith(note, amount) {
  const meetings = [1, 2, 3].map((i) => ({ case_ref: `Sag ${i}`, notes: i === 2 ? '@@NOTE@@' : `Note ${i}` }));
  const initiatives = Array.from({ length: 16 }, (_, i) => ({
    number: `${i + 1}`, title: `Initiativ ${i + 1}`, budget: i === 5 ? [{ year: 2020, amount: 424242 }] : [],
  }));
  const text = JSON.stringify({
    format: 'trappe-workspace', version: 1,
    workspace: { name: 'Importeret med skader', meetings, plan: { initiatives } },
  }, null, 2);
  return text.replace('"@@NOTE@@"', note).replace('424242', amount);
}

async function importText(page, name, text) {
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-repairs').waitFor();
  assert.match(await page.getByTestId('import-repairs').textContent(), /1 post brød Trappes regler og er repareret/);
  await noEnglish(page);
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(page);
}

test('a lone surrogate in one meeting\'s note: the rest is imported, the meeting set aside with its note as written', async () => {
  const { page, context } = await openPage(env, '/');
  const text = fileWith('"Mødet gik godt \\ud800 og sluttede"', '1000');
  assert.ok(text.includes('\\ud800'), 'the escape is in the file as written');
  await importText(page, 'surrogat.json', text);
  const entry = page.getByTestId('set-aside').getByRole('listitem').filter({ hasText: 'Møde «Sag 2»' });
  await entry.waitFor();
  assert.match(await entry.textContent(), /Noter indeholdt tegnkoden \\ud800, der ikke er et helt tegn/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    entry.getByRole('button', { name: 'Hent originalen' }).click(),
  ]);
  assert.match(await readFile(await download.path(), 'utf8'), /"notes":"Mødet gik godt \\ud800 og sluttede"/);
  await noEnglish(page);
  const file = JSON.parse(await exportFile(page));
  assert.equal(file.workspace.meetings.length, 3);
  assert.equal(file.workspace.plan.initiatives.length, 16);
  assert.equal(file.workspace.meetings[1].notes, 'Mødet gik godt \ufffd og sluttede');
  await context.close();
});

test('1e309 in one initiative: the rest is imported, the initiative set aside with the number as written', async () => {
  const { page, context } = await openPage(env, '/');
  await importText(page, 'stort-tal.json', fileWith('"Note 2"', '1e309'));
  const entry = page.getByTestId('set-aside').getByRole('listitem').filter({ hasText: 'Initiativ «Initiativ 6»' });
  await entry.waitFor();
  assert.match(await entry.textContent(), /tallet 1e309 er for stort/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    entry.getByRole('button', { name: 'Hent originalen' }).click(),
  ]);
  assert.match(await readFile(await download.path(), 'utf8'), /"amount":1e309/);
  await noEnglish(page);
  const file = JSON.parse(await exportFile(page));
  assert.equal(file.workspace.meetings.length, 3);
  assert.equal(file.workspace.plan.initiatives.length, 16);
  await context.close();
});

test('a loop of sub-initiatives in a file: one link is cut, said under «Lagt til side», and the plan opens', async () => {
  const { page, context } = await openPage(env, '/');
  const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
  const text = JSON.stringify({
    format: 'trappe-workspace', version: 1,
    workspace: {
      name: 'Plan med ring',
      plan: { initiatives: [
        { id: a, number: '1', title: 'Udslusning', parent_id: b },
        { id: b, number: '2', title: 'Skoletilbud', parent_id: a },
      ] },
    },
  });
  await importText(page, 'ring.json', text);
  const entry = page.getByTestId('set-aside').getByRole('listitem').filter({ hasText: 'Udslusning' });
  await entry.waitFor();
  assert.match(await entry.textContent(), /Del af initiativ gør initiativet til del af sig selv gennem dets egne delinitiativer: fjernet/);
  // The plan opens with both initiatives: «Skoletilbud» is still part of «Udslusning», which stands alone.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
  await page.getByText('Viser alle 2 initiativer.').waitFor();
  await page.getByRole('link', { name: 'Skoletilbud' }).click();
  await page.locator('dt').filter({ hasText: /^Del af$/ }).waitFor();
  await context.close();
});
