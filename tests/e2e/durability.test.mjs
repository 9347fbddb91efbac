// No edit lost when the browser dies or the disk is full.
//
// 1. A killed browser: Chromium runs on a persistent profile of its own; after an edit (a keyboard move of
//    an intervention card, a meeting deleted, an initiative's status saved, an undo of a move, an
//    intervention form saved) every Chromium process is killed with SIGKILL 50 ms, 100 ms, or right after
//    the header says "Gemt". The same profile is started again and the edit looked for on the screen. It
//    must be there in every try where "Gemt" was shown before the kill; kept/tried is printed per case, with
//    the time from the edit to "Gemt" in the page.
// 2. A full disk: the profile lives on a small tmpfs; the disk is filled until an edit's save fails. The
//    banner says in Danish what happened and what to do (no browser error text), with the download
//    button; the filler is removed, and without a new edit or a reload the header says "Gemt" again within
//    the retry time; after a reload the edit is there. Needs root for `mount` (skipped with a message
//    otherwise).
//
// 3. A journal cut in half that held the only copy of an edit (the browser killed right after "Gemt", the
//    record then damaged): its text is set aside under «Lagt til side», and removed from storage only once
//    that is stored.
//
// DURABILITY_TRIES (default 1) repeats the 50 ms and 100 ms kills that many times per case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';

const STAIR = 'Socialstyrelsens indsatstrappe';
const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const I11 = '1.1 Analyse af udslusningsboliger/egne værelser til udsatte unge';
const COSP = 'COS-P forældreforløb';
const ICDP = 'ICDP-forældrekursus';
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TRIES = Number(process.env.DURABILITY_TRIES ?? 1);
/** DURABILITY_CASES: a comma-separated list of the cases to run (all by default). */
const ONLY = process.env.DURABILITY_CASES?.split(',');
const log = (...a) => { if (process.env.DURABILITY_VERBOSE) console.log(new Date().toISOString().slice(11, 23), ...a); };

let server;
let base;
before(async () => {
  server = await startServer(process.env.TRAPPE_DIST ?? new URL('../../dist', import.meta.url).pathname, 0);
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => { await new Promise((ok) => server?.close(ok)); });

/**
 * Starts Chromium on `profile` in a process group of its own (so the whole browser can be killed at once)
 * and connects to it over CDP.
 */
async function startBrowser(profile) {
  rmSync(join(profile, 'DevToolsActivePort'), { force: true });
  const child = spawn(EXECUTABLE, [
    ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { detached: true, stdio: 'ignore' });
  const exited = new Promise((ok) => child.once('exit', ok));
  let port;
  for (let i = 0; i < 200 && !port; i++) {
    await sleep(50);
    try { port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]; } catch { /* not yet */ }
  }
  assert.ok(port, 'Chromium started and wrote its DevTools port');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] ?? await context.newPage();
  page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (process.env.DURABILITY_VERBOSE) {
    page.on('console', (m) => { if (m.type() !== 'log') console.log('console', m.type(), m.text().slice(0, 300)); });
    page.on('pageerror', (e) => console.log('pageerror', e.message));
  }
  // The header's save status, pushed to this process as it changes (see `watchStatus`).
  const status = { log: [], waiting: [] };
  await page.exposeBinding('__trappeStatus', (_source, text, sinceEdit) => {
    status.log.push({ at: Date.now(), text, sinceEdit });
    for (const w of status.waiting) w();
  });
  return {
    browser, context, page, errors, status,
    /** Every Chromium process at once, as a crash or a killed session does. */
    async kill() {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone already */ }
      await exited;
      await browser.close().catch(() => {});
    },
    async close() {
      await browser.close().catch(() => {});
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([exited, sleep(5000)]);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

/** Pushes every text the header's save status shows to `b.status.log`, with the time since the edit's key
 * press or click in the page. */
async function watchStatus(b) {
  await b.page.evaluate(() => {
    const el = document.querySelector('[data-testid="save-status"]');
    window.__statusObserver?.disconnect();
    window.__statusObserver = new MutationObserver(() => {
      const since = window.__editAt == null ? null : performance.now() - window.__editAt;
      window.__trappeStatus(el.textContent, since);
    });
    window.__statusObserver.observe(el, { childList: true, characterData: true, subtree: true });
  });
}

/** Starts the log afresh; the edit's key press or click, when it comes, is noted with the page's clock. */
async function markEdit(b) {
  await b.page.evaluate(() => {
    window.__editAt = null;
    const note = () => {
      if (window.__editAt != null) return;
      window.__editAt = performance.now();
      window.__trappeStatus('(edit)', 0);
    };
    for (const type of ['keydown', 'click']) document.addEventListener(type, note, { capture: true, once: true });
  });
  b.status.log = [];
}

/** The first "Gemt" this process heard of since the edit (and before `until`), or undefined. */
const gemtHeard = (b, until = Infinity) => b.status.log.find((s) => /Gemt kl\./.test(s.text) && s.at <= until);

/** Resolves when the status log has an entry matching `re` (the edit itself: `(edit)`). */
function until(b, re, timeout = 10000) {
  return new Promise((ok, fail) => {
    const check = () => { if (b.status.log.some((s) => re.test(s.text))) { ok(); return true; } return false; };
    if (check()) return;
    const timer = setTimeout(() => fail(new Error(`${re} not seen`)), timeout);
    b.status.waiting.push(() => { if (check()) clearTimeout(timer); });
  });
}
const untilGemt = (b, timeout) => until(b, /Gemt kl\./, timeout);

const nav = async (page, name, heading) => {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
};

const cardOrder = (page) => page.locator('.iv-name').allTextContents()
  .then((names) => names.map((s) => s.replace(/^Redigér /, '').trim()));

async function openExample(page, title) {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: `Åbn eksemplet ${title}` }).click();
  await page.waitForURL(/overblik/);
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: /Gemt kl\.|Alt er gemt/ }).waitFor();
}

/** After a restart: the stored workspace opened from the start page's list. */
async function reopen(page, name = /^Åbn (?!eksemplet|en kopi)/) {
  await page.goto(`${base}/`);
  const open = page.getByRole('button', { name }).first();
  try {
    await open.waitFor({ timeout: 20000 });
  } catch (e) {
    if (process.env.DURABILITY_VERBOSE) {
      console.log('reopen failed at', page.url(), 'mode banner:', await page.locator('.alert').allTextContents());
      await page.reload();
      await sleep(4000);
      console.log('after another reload', await page.getByRole('button', { name: /^Åbn / }).allTextContents());
      console.log('meta', await page.evaluate(() => new Promise((ok) => {
        const open = indexedDB.open('trappe');
        open.onerror = () => ok(String(open.error));
        open.onsuccess = () => {
          const tx = open.result.transaction(['meta', 'parts', 'journal']);
          const m = tx.objectStore('meta').getAll(); const p = tx.objectStore('parts').count(); const j = tx.objectStore('journal').getAllKeys();
          tx.oncomplete = () => { open.result.close(); ok(JSON.stringify({ meta: m.result, parts: p.result, journal: j.result })); };
        };
      })));
    }
    throw e;
  }
  await open.click();
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
}

async function moveUp(page) {
  await page.getByRole('button', { name: `Redigér ${COSP}`, exact: true }).focus();
  await page.keyboard.press('Alt+ArrowUp');
}
const movedUp = async (page) => {
  const order = await cardOrder(page);
  return order.indexOf(COSP) < order.indexOf(ICDP);
};

/** Each case: where it starts, the edit, and how to see it after a restart. */
const CASES = {
  'keyboard move': {
    example: STAIR,
    prepare: (page) => nav(page, 'Trappe', 'Indsatstrappen'),
    act: moveUp,
    kept: async (page) => { await nav(page, 'Trappe', 'Indsatstrappen'); return movedUp(page); },
  },
  'meeting deleted': {
    example: STAIR,
    async prepare(page, state) {
      await nav(page, 'Netværksmøder', 'Netværksmøder');
      state.before = await page.getByTestId('result-count').textContent();
      await page.locator('main a[href*="/netvaerksmoeder/"]').filter({ hasText: /Sag/ }).first().click();
      await page.getByRole('button', { name: 'Slet mødet' }).click();
    },
    act: (page) => page.getByRole('button', { name: 'Ja, slet mødet' }).click(),
    async kept(page, state) {
      await nav(page, 'Netværksmøder', 'Netværksmøder');
      const n = (t) => Number(t.match(/\d+/)[0]);
      const now = await page.getByTestId('result-count').textContent();
      return n(now) === n(state.before) - 1;
    },
  },
  'status saved': {
    example: KOEGE,
    async prepare(page) {
      await nav(page, 'Handleplan', 'Handleplan');
      await page.getByRole('link', { name: I11.slice(4) }).click();
      await page.getByRole('heading', { level: 1, name: I11 }).waitFor();
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Forsinket' });
      await page.getByLabel('Dato', { exact: true }).fill('2019-06-15');
      await page.getByLabel('Note', { exact: true }).fill('Forsinket, skrevet lige før browseren døde.');
    },
    act: (page) => page.getByRole('button', { name: 'Gem i historikken' }).click(),
    async kept(page) {
      await nav(page, 'Handleplan', 'Handleplan');
      await page.getByRole('link', { name: I11.slice(4) }).click();
      await page.getByRole('heading', { level: 1, name: I11 }).waitFor();
      return /Forsinket/.test(await page.locator('.plan-detail-status').innerText());
    },
  },
  'undo of a move': {
    example: STAIR,
    async prepare(page) {
      await nav(page, 'Trappe', 'Indsatstrappen');
      await moveUp(page);
      await page.getByTestId('stair-live').filter({ hasText: `${COSP} flyttet` }).waitFor();
      await page.getByTestId('save-status').filter({ hasText: /Gemt kl\./ }).waitFor();
      assert.ok(await movedUp(page));
    },
    act: (page) => page.keyboard.press('Control+z'),
    kept: async (page) => { await nav(page, 'Trappe', 'Indsatstrappen'); return !(await movedUp(page)); },
  },
  'form saved': {
    example: STAIR,
    async prepare(page, state) {
      await nav(page, 'Trappe', 'Indsatstrappen');
      await page.getByRole('button', { name: 'Redigér Ungepsykolog', exact: true }).click();
      state.name = `Ungepsykolog (rettet ${Date.now() % 100000})`;
      await page.getByLabel('Navn', { exact: true }).fill(state.name);
    },
    act: (page) => page.getByRole('button', { name: 'Gem indsats' }).click(),
    kept: async (page, state) => { await nav(page, 'Trappe', 'Indsatstrappen'); return (await cardOrder(page)).includes(state.name); },
  },
};

/** One try: edit, kill at `when` (ms after the edit began, or 'Gemt'), start again, look. */
async function tryOnce(name, when) {
  const c = CASES[name];
  const profile = mkdtempSync(join(tmpdir(), 'trappe-kill-'));
  try {
    log(name, when, 'start', profile);
    let b = await startBrowser(profile);
    await openExample(b.page, c.example);
    const state = {};
    log('prepare');
    await c.prepare(b.page, state).catch(async (e) => {
      if (process.env.DURABILITY_VERBOSE) {
        await b.page.screenshot({ path: '/tmp/durability-failed.png' }).catch(() => {});
        console.log(b.page.url(), (await b.page.locator('body').innerText().catch(() => '')).slice(0, 3000));
      }
      throw e;
    });
    log('act');
    await b.page.getByTestId('save-status').filter({ hasText: /Gemt kl\.|Alt er gemt|kladde/ }).waitFor();
    await watchStatus(b);
    await markEdit(b);
    const acted = c.act(b.page).catch((e) => e);
    // Timed from the edit's key press or click in the page, as this process hears of it.
    await until(b, /^\(edit\)$/);
    const t0 = Date.now();
    if (when === 'Gemt') {
      await untilGemt(b);
    } else {
      await sleep(when);
    }
    const killTime = Date.now();
    await b.kill();
    await acted;
    const killedAt = killTime - t0;
    const heard = gemtHeard(b, killTime);
    const gemt = heard ? heard.sinceEdit : null;
    log('killed', killedAt, gemt);
    b = await startBrowser(profile);
    await reopen(b.page);
    log('reopened');
    const kept = await c.kept(b.page, state);
    log('kept', kept);
    assert.deepEqual(b.errors.filter((e) => /panicked/.test(e)), []);
    await b.close();
    return { kept, gemt, killedAt };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

test('a killed browser keeps every edit the header called "Gemt"', { timeout: 30 * 60 * 1000 }, async () => {
  const rows = [];
  const lost = [];
  const toGemt = [];
  for (const name of Object.keys(CASES).filter((n) => !ONLY || ONLY.includes(n))) {
    const tally = { case: name, tried: 0, kept: 0, gemtShown: 0, keptWhenGemt: 0 };
    const whens = [...Array(TRIES).fill(50), ...Array(TRIES).fill(100), 'Gemt'];
    for (const when of whens) {
      const r = await tryOnce(name, when);
      tally.tried += 1;
      tally.kept += r.kept ? 1 : 0;
      if (r.gemt !== null) {
        tally.gemtShown += 1;
        tally.keptWhenGemt += r.kept ? 1 : 0;
        toGemt.push(r.gemt);
        if (!r.kept) lost.push(`${name}, killed ${r.killedAt} ms after the edit, "Gemt" shown after ${r.gemt.toFixed(0)} ms`);
      }
      console.log(`  ${name}: killed ${when === 'Gemt' ? 'after "Gemt"' : `at ${when} ms`} (${r.killedAt} ms), "Gemt" ${r.gemt === null ? 'not shown' : `shown after ${r.gemt.toFixed(0)} ms`}: ${r.kept ? 'kept' : 'lost'}`);
    }
    rows.push(tally);
  }
  console.log('\nKilled browser, kept/tried per case (and where "Gemt" was shown before the kill):');
  for (const t of rows) {
    console.log(`  ${t.case.padEnd(16)} kept ${t.kept}/${t.tried}; "Gemt" shown ${t.gemtShown}, kept ${t.keptWhenGemt}/${t.gemtShown}`);
  }
  toGemt.sort((a, b) => a - b);
  if (toGemt.length) {
    console.log(`  edit to "Gemt": median ${toGemt[Math.floor(toGemt.length / 2)].toFixed(0)} ms, max ${toGemt.at(-1).toFixed(0)} ms (${toGemt.length} edits)`);
  }
  assert.deepEqual(lost, [], 'an edit the header called "Gemt" was lost');
  for (const t of rows) assert.ok(t.gemtShown >= 1, `${t.case}: "Gemt" was shown at least once`);
});

/** The journal store's records, read from a page of the same origin without the app on it. */
const journalRecords = (page) => page.evaluate(() => new Promise((ok, fail) => {
  const open = indexedDB.open('trappe');
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('journal');
    const keys = tx.objectStore('journal').getAllKeys();
    const values = tx.objectStore('journal').getAll();
    tx.oncomplete = () => { db.close(); ok(keys.result.map((k, i) => [k, values.result[i]])); };
  };
}));

test('a journal cut in half is set aside under «Lagt til side», not dropped', { timeout: 5 * 60 * 1000 }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'trappe-half-'));
  let b;
  try {
    b = await startBrowser(profile);
    await openExample(b.page, STAIR);
    await nav(b.page, 'Trappe', 'Indsatstrappen');
    await watchStatus(b);
    await markEdit(b);
    await moveUp(b.page);
    await untilGemt(b);
    // Killed before the parts were saved: the journal store holds the only copy of the move.
    await b.kill();
    b = await startBrowser(profile);
    await b.page.goto(`${base}/favicon.svg`);
    const records = await journalRecords(b.page);
    assert.equal(records.length, 1, 'the move is in the journal store');
    const [key, text] = records[0];
    assert.match(text, new RegExp(COSP.replace(/[()]/g, '.')));
    const half = text.slice(0, Math.floor(text.length / 2));
    await b.page.evaluate(([key, half]) => new Promise((ok) => {
      localStorage.clear();
      const open = indexedDB.open('trappe');
      open.onsuccess = () => {
        const tx = open.result.transaction('journal', 'readwrite');
        tx.objectStore('journal').put(half, key);
        tx.oncomplete = () => { open.result.close(); ok(); };
      };
    }), [key, half]);
    await reopen(b.page);
    await b.page.getByText(/kunne ikke læses\. Dens tekst er lagt til side/).waitFor();
    await b.page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor();
    await b.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Data', exact: true }).click();
    const aside = b.page.getByTestId('set-aside');
    await aside.waitFor();
    assert.match(await aside.textContent(), /Fundet i kladden af ikke gemte ændringer/);
    const shown = await aside.locator('.set-aside-original').first().textContent();
    assert.ok(half.startsWith(shown.replace(/…$/, '').slice(0, 40)), 'the text of the journal, as it was found');
    // Stored with the workspace now, so the damaged record is gone from the journal store.
    await b.page.waitForFunction(() => /Gemt kl\./.test(document.querySelector('[data-testid="save-status"]').textContent));
    await sleep(1500);
    const page2 = await b.context.newPage();
    await page2.goto(`${base}/favicon.svg`);
    const left = await journalRecords(page2);
    assert.ok(left.every(([, t]) => t !== half), 'removed once the set-aside entry was stored');
    await page2.close();
  } finally {
    await b?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Fills the filesystem at `dir` up to the last byte it gives. */
function fill(dir, name) {
  const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
  try { execFileSync('fallocate', ['-l', String(free), join(dir, name)]); } catch { /* partly filled */ }
  // Whatever fallocate left (it rounds to blocks): the rest with dd until ENOSPC.
  try { execFileSync('dd', ['if=/dev/zero', `of=${join(dir, `${name}-rest`)}`, 'bs=4k'], { stdio: 'ignore' }); } catch { /* full */ }
}

test('a full disk: told in Danish, and saved on its own once space is free, without an edit or a reload', { timeout: 10 * 60 * 1000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'trappe-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    t.skip(`mount of a small tmpfs refused (needs root): ${String(e.stderr ?? e.message).trim()}`);
    return;
  }
  const profile = join(dir, 'profil');
  let b;
  try {
    b = await startBrowser(profile);
    // A second workspace, not open while the disk is full: it must come through too.
    await openExample(b.page, KOEGE);
    await openExample(b.page, STAIR);
    await nav(b.page, 'Trappe', 'Indsatstrappen');
    // Let the browser's own start-up writes settle, then fill the disk.
    await sleep(1500);
    fill(dir, 'fyld');
    // Edits until one fails (the first may still fit in a block the database had free).
    let failed = false;
    const moves = [];
    for (let i = 0; i < 12 && !failed; i++) {
      await moveUp(b.page);
      moves.push(i);
      failed = await b.page.getByTestId('save-status').filter({ hasText: 'Ikke gemt' })
        .waitFor({ timeout: 4000 }).then(() => true, () => false);
      if (!failed) await b.page.getByRole('button', { name: `Redigér ${COSP}`, exact: true }).waitFor();
    }
    assert.ok(failed, 'an edit on the full disk was refused');
    const order = await cardOrder(b.page);
    const banner = b.page.locator('.alert-error').first();
    await banner.waitFor();
    const text = await banner.innerText();
    console.log(`  full disk, the banner: ${text.split('\n')[0]}`);
    assert.match(text, /disken|lager/);
    assert.match(text, /Frigør plads|frigøre plads/);
    const body = await b.page.locator('body').innerText();
    assert.doesNotMatch(body, /IdbError|DomException|DOMException|AbortError|InvalidStateError|QuotaExceeded/);
    await b.page.getByRole('button', { name: 'Download dine ændringer som fil' }).first().waitFor();
    // Space is freed. Nobody edits or reloads: the retry (5 s, then 10 s, 20 s …) opens the connection again.
    rmSync(join(dir, 'fyld'), { force: true });
    rmSync(join(dir, 'fyld-rest'), { force: true });
    const freedAt = Date.now();
    await b.page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor({ timeout: 130000 });
    console.log(`  full disk: "Gemt" again ${((Date.now() - freedAt) / 1000).toFixed(1)} s after space was freed, without an edit or a reload`);
    assert.equal(await b.page.locator('.alert-error').count(), 0, 'the banner is gone');
    // Reloaded, and after a restart of the browser: the edits are there.
    await b.page.reload();
    await sleep(3000);
    await reopen(b.page, /^Åbn Socialstyrelsen/);
    await nav(b.page, 'Trappe', 'Indsatstrappen');
    assert.deepEqual(await cardOrder(b.page), order);
    await b.close();
    // Started again later (the browser then opens its database files afresh): both workspaces are there.
    await sleep(3000);
    b = await startBrowser(profile);
    await b.page.goto(`${base}/`);
    await b.page.getByRole('button', { name: /^Åbn Køge/ }).waitFor();
    await reopen(b.page, /^Åbn Socialstyrelsen/);
    await nav(b.page, 'Trappe', 'Indsatstrappen');
    assert.deepEqual(await cardOrder(b.page), order);
    assert.deepEqual(b.errors.filter((e) => /panicked/.test(e)), []);
  } finally {
    await b?.close();
    try { execFileSync('umount', [dir]); } catch { try { execFileSync('umount', ['-l', dir]); } catch { /* left */ } }
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
});
