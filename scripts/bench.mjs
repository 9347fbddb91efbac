// Measures the release build in headless Chromium. Run through scripts/bench.sh.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, openPage, watchLongTasks } from '../tests/e2e/harness.mjs';
import { startServer } from './static-server.mjs';

const dist = process.env.TRAPPE_DIST ?? new URL('../dist/', import.meta.url).pathname;
const results = { date: new Date().toISOString(), bundle: {}, timings_ms: {} };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Bundle: raw and gzip per kind.
for (const file of readdirSync(dist)) {
  if (file === 'trappe.html') continue;
  // The spreadsheet reader's worker (its own wasm and glue) loads only when an import from a sheet opens.
  // The examples' files load only when one is opened.
  const kind = /\.(?:gz|br)$/.test(file) ? null : file.startsWith('sheet_reader') ? 'on_demand' : /^example-.*\.json$/.test(file) ? 'examples' : file.endsWith('.wasm') ? 'wasm' : file.endsWith('.js') && file !== 'sw.js' ? 'js' : file.endsWith('.css') ? 'css' : file.endsWith('.html') ? 'html' : null;
  if (!kind) continue;
  const bytes = readFileSync(dist + file);
  const b = results.bundle[kind] ??= { raw: 0, gzip: 0 };
  b.raw += statSync(dist + file).size;
  b.gzip += gzipSync(bytes, { level: 9 }).length;
}
results.bundle.total_gzip = Object.entries(results.bundle).filter(([k]) => k !== 'on_demand' && k !== 'examples').reduce((a, [, b]) => a + b.gzip, 0);

const env = await launch();
const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

// First render: navigation start to the page's first heading, a fresh context (no cache, no storage) each
// time, median of 5 runs.
const firstRender = async (url) => {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    runs.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return median(runs);
};
results.timings_ms.first_render = await firstRender(env.base + '/');

// The yardstick: a bare Leptos 0.8 counter built the same way (bench/counter, same profile and wasm-opt),
// navigation start to its heading, fresh context each time (5 runs). Start-up figures are given as ratios.
{
  const dir = new URL('../bench-results/counter-dist/', import.meta.url).pathname;
  const server = await startServer(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  results.timings_ms.counter_first_render = await firstRender(base + '/');
  await new Promise((ok) => server.close(ok));
  results.counter_bundle_gzip = readdirSync(dir).filter((f) => /\.(wasm|js|html)$/.test(f))
    .reduce((n, f) => n + gzipSync(readFileSync(dir + f), { level: 9 }).length, 0);
}

// With an example open (Socialstyrelsen's staircase), each area loaded afresh: navigation start to its
// content drawn, median of 5 (a reload: the app starts, opens the workspace from storage and draws).
{
  const { page, context } = await openPage(env, '/');
  await page.getByRole('button', { name: 'Åbn eksemplet Socialstyrelsens indsatstrappe' }).click();
  await page.getByTestId('save-status').filter({ hasText: /Gemt kl\.|Alt er gemt/ }).waitFor({ timeout: 60000 });
  for (const [name, path, ready] of [
    ['example_staircase', '/trappe', '.iv-card'],
    ['example_meetings', '/netvaerksmoeder', '[data-testid="result-count"]'],
    ['example_plan', '/handleplan', 'h1'],
  ]) {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(env.base + path);
      await page.locator(ready).first().waitFor({ timeout: 60000 });
      runs.push(await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())))));
    }
    results.timings_ms[name] = median(runs);
  }
  await context.close();
}

// The single file, trappe.html: its size, and its first render opened from disk (file://), same way.
const sizes = JSON.parse(readFileSync(dist + 'sizes.json', 'utf8'));
results.single_file = sizes.files['trappe.html'];
results.timings_ms.first_render_single_file = await firstRender(`file://${dist}trappe.html`);

// Large workspace: import (parse + validate), store, reload, export, save after an edit.
const file = new URL('../bench-results/bench-workspace.json', import.meta.url).pathname;
results.workspace_bytes = statSync(file).size;
const { page, context } = await openPage(env, '/data');

// The yardstick: the browser's own JSON.parse of the same file (median of 5).
const fileText = readFileSync(file, 'utf8');
results.timings_ms.browser_json_parse = await page.evaluate((text) => {
  const runs = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); JSON.parse(text); runs.push(performance.now() - t); }
  runs.sort((a, b) => a - b);
  return runs[2];
}, fileText);

// The longest main-thread task in a window: a MessageChannel loop (no timer clamping) notes the largest gap
// between its turns; a task that blocks the thread shows as a gap that long.
const startTaskWatch = (p) => p.evaluate(() => {
  const ch = new MessageChannel();
  window.__watch = { max: 0, last: performance.now(), on: true };
  ch.port1.onmessage = () => {
    const w = window.__watch; const t = performance.now();
    w.max = Math.max(w.max, t - w.last); w.last = t;
    if (w.on) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
});
const stopTaskWatch = (p) => p.evaluate(() => { window.__watch.on = false; return window.__watch.max; });

// Edit to "Gemt": `n` keyboard moves of the first card on the staircase board (Alt+ArrowDown swaps it with
// the next), each from the key press to the header saying "Gemt" (the edit written to the journal store
// and read back). A second apart, as a person works, so the parts save after each (600 ms) runs between.
const editToGemt = (p, n = 20) => p.evaluate(async (n) => {
  const status = document.querySelector('[data-testid="save-status"]');
  const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
  const runs = [];
  for (let i = 0; i < n; i++) {
    await pause(1000);
    const card = document.querySelector('.iv-list .iv-name');
    card.focus();
    runs.push(await new Promise((done) => {
      let left = false;
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        const saved = /Gemt kl\./.test(status.textContent);
        if (!saved) left = true;
        else if (left) { obs.disconnect(); done(performance.now() - t0); }
      });
      obs.observe(status, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { obs.disconnect(); done(null); }, 10000);
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    }));
  }
  return runs.filter((r) => r !== null);
}, n);
const saveCount = (p) => p.evaluate(() => performance.getEntriesByName('trappe-save').length);

// On an example (Socialstyrelsen's staircase), before the large workspace is imported.
{
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Åbn eksemplet Socialstyrelsens indsatstrappe' }).click();
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor({ timeout: 60000 });
  await page.getByTestId('save-status').filter({ hasText: /Gemt kl\.|Alt er gemt/ }).waitFor({ timeout: 60000 });
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe', exact: true }).click();
  await page.locator('.iv-card').first().waitFor({ timeout: 60000 });
  const runs = await editToGemt(page);
  results.edit_to_gemt_example = { n: runs.length, median: median(runs), max: Math.max(...runs) };
  results.timings_ms.edit_to_gemt_example = median(runs);
  await page.goto(env.base + '/data');
}

// The longest main-thread task as the browser's PerformanceObserver reports it (goal ≤ 50 ms), while
// importing and while opening from storage.
await page.evaluate(watchLongTasks);
// The import timed in the page, from the file's `change` event to the preview, and from the click on
// «Importér» to the workspace open: what a person waits for. Timed from Node as well, which adds
// Playwright's own work (handing the file over the DevTools protocol, checking the button before it
// clicks): about 80 ms each.
await page.evaluate(() => {
  const at = (name) => (e) => { if (!window.__import[name]) window.__import[name] = e.timeStamp; };
  window.__import = {};
  document.addEventListener('change', at('chosen'), true);
  document.addEventListener('click', at('clicked'), true);
  new MutationObserver(() => {
    const t = window.__import;
    if (t.chosen != null && t.previewed == null && document.querySelector('[data-testid="import-preview"]')) t.previewed = performance.now();
    if (t.clicked != null && t.opened == null && document.body.textContent.includes('Filen er importeret og åbnet.')) t.opened = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
});
const importFromNode = await time(async () => {
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor({ timeout: 60000 });
});
results.timings_ms.import_parse_validate = (await measures(page, 'trappe-import-parse'))[0];
const storeFromNode = await time(async () => {
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor({ timeout: 60000 });
});
{
  const t = await page.evaluate(() => window.__import);
  results.timings_ms.import_to_preview = t.previewed - t.chosen;
  results.timings_ms.import_store_and_open = t.opened - t.clicked;
  // From choosing the file to the workspace open, less the person's click in between.
  results.timings_ms.import_total = results.timings_ms.import_to_preview + results.timings_ms.import_store_and_open;
  results.timings_ms.import_total_from_node = importFromNode + storeFromNode;
}
results.timings_ms.first_save = (await measures(page, 'trappe-save')).at(-1);

results.timings_ms.import_longest_task = await page.evaluate(() => window.__longest);
await context.addInitScript(watchLongTasks);
// trunk's loader hands the wasm instance's exports (its memory among them) to this event.
await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
results.timings_ms.reload_to_open = await time(async () => {
  await page.reload();
  await page.getByTestId('save-status').filter({ hasText: 'Alt er gemt' }).waitFor({ timeout: 60000 });
});
results.timings_ms.open_from_storage = (await measures(page, 'trappe-load')).at(-1);
results.timings_ms.open_longest_task = await page.evaluate(() => window.__longest);
// Live memory: garbage collected first (the browser's own collector, through the DevTools protocol).
{
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}
results.memory_mb = await page.evaluate(() => ({
  js_heap: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
  wasm: window.__wasm?.memory ? window.__wasm.memory.buffer.byteLength / 1e6 : null,
}));

// The first open after updating from a Trappe that stored one IndexedDB value per record: the workspace's
// packs are spread out into such values by hand, then the reload reads them and writes the workspace whole,
// in packs, until «Alt er gemt». For information: it happens once.
{
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened')));
  results.stored_one_per_record = await page.evaluate((id) => new Promise((ok, fail) => {
    const open = indexedDB.open('trappe');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('parts', 'readwrite');
      const parts = tx.objectStore('parts');
      let records = 0;
      const keys = parts.getAllKeys(IDBKeyRange.bound(`${id}|pack/`, `${id}|pack/\uffff`));
      keys.onsuccess = () => {
        for (const key of keys.result) {
          const kind = key.split('/')[1];
          const get = parts.get(key);
          get.onsuccess = () => {
            for (const [rid, record] of Object.entries(JSON.parse(new TextDecoder().decode(get.result)))) {
              parts.put(JSON.stringify(record), `${id}|${kind}/${rid}`);
              records += 1;
            }
            parts.delete(key);
          };
        }
      };
      tx.oncomplete = () => { open.result.close(); ok(records); };
      tx.onerror = () => fail(tx.error);
    };
  }), id);
  results.timings_ms.open_stored_one_per_record = await time(async () => {
    await page.reload();
    // Written whole at once: the status goes from «Ikke gemt» to «Gemt kl. …».
    await page.getByTestId('save-status').filter({ hasText: /Gemt kl\./ }).waitFor({ timeout: 60000 });
  });
  results.timings_ms.open_stored_one_per_record_longest_task = await page.evaluate(() => window.__longest);
}

await page.goto(env.base + '/data');
await page.getByRole('button', { name: 'Eksportér til fil' }).waitFor();
results.timings_ms.export = await time(async () => {
  await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: 'Eksportér til fil' }).click()]);
});

// The same export protected with a passphrase, and opened again: PBKDF2 (600,000 iterations) and AES-256-GCM
// in the browser's WebCrypto. `seal` and `unseal` are the app's own marks (key derivation and encryption,
// with the envelope; key derivation and decryption); the others run from the click to the file, and from
// «Åbn filen» to the import preview (decrypting, then reading the workspace). Goal: under 2 s each.
{
  const PASS = 'Benchmark-adgangskode-2026';
  await page.getByLabel('Beskyt filen med en adgangskode').check();
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASS);
  await page.getByLabel('Gentag adgangskoden').fill(PASS);
  let download;
  results.timings_ms.export_protected = await time(async () => {
    [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: 'Eksportér til fil', exact: true }).click()]);
  });
  results.timings_ms.seal = (await measures(page, 'trappe-seal')).at(-1);
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(await download.path());
  await page.getByLabel('Adgangskode til filen').fill(PASS);
  results.timings_ms.open_protected_to_preview = await time(async () => {
    await page.getByRole('button', { name: 'Åbn filen' }).click();
    await page.getByTestId('import-preview').waitFor({ timeout: 60000 });
  });
  results.timings_ms.unseal = (await measures(page, 'trappe-unseal')).at(-1);
  await page.getByTestId('import-preview').getByRole('button', { name: 'Fortryd' }).click();
  await page.getByLabel('Beskyt filen med en adgangskode').uncheck();
}

// A colleague's copy of the large workspace (1.000 meetings differ, 50 of them in conflict) merged in: from
// «Fortsæt» (the choice) to the summary on screen, and the app's own mark for the merge itself. Then taken
// back, so the steps below work on the workspace as imported.
{
  const colleague = new URL('../bench-results/bench-colleague.json', import.meta.url).pathname;
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(colleague);
  await page.getByTestId('import-preview').waitFor({ timeout: 60000 });
  results.timings_ms.merge_choice_to_summary = await time(async () => {
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByTestId('merge-summary').waitFor({ timeout: 60000 });
  });
  results.timings_ms.merge_compute = (await measures(page, 'trappe-merge')).at(-1);
  results.merge_summary = await page.getByTestId('merge-summary').innerText();
  await page.getByTestId('merge-preview').getByRole('button', { name: 'Fortryd' }).click();
}

// A small edit on the large workspace (a meeting's notes): from the click on "Gem mødet" until it is
// stored, the save's duration and the longest main-thread task.
const bench = JSON.parse(fileText).workspace;
const saves = [];
const longest = [];
const formToGemt = [];
for (let i = 0; i < 3; i++) {
  await page.goto(`${env.base}/netvaerksmoeder/${bench.meetings[i * 100].id}`);
  await page.getByLabel('Noter', { exact: true }).waitFor({ timeout: 60000 });
  await page.getByLabel('Noter', { exact: true }).fill(`Benchmark ${i}`);
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
  const before = await saveCount(page);
  await startTaskWatch(page);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor({ timeout: 60000 });
  formToGemt.push(Date.now() - t0);
  // "Gemt" comes with the journal; the parts save follows after a pause: wait for it too.
  await page.waitForFunction((n) => performance.getEntriesByName('trappe-save').length > n, before, { timeout: 60000 });
  longest.push(await stopTaskWatch(page));
  saves.push((await measures(page, 'trappe-save')).at(-1));
}
results.timings_ms.form_save_to_gemt_large = median(formToGemt);
results.timings_ms.save_after_edit = median(saves);
results.timings_ms.edit_to_saved_longest_task = median(longest);

// Meetings: keystroke to updated list while searching 10,000 meetings (target ≤ 50 ms).
await page.goto(env.base + '/netvaerksmoeder');
await page.getByTestId('result-count').filter({ hasText: /af 10\.000 møder/ }).waitFor({ timeout: 60000 });
const keystrokes = [];
for (const ch of 'skole mor') {
  keystrokes.push(await page.evaluate((ch) => new Promise((ok) => {
    const field = document.getElementById('f-text');
    const t0 = performance.now();
    field.value += ch;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0)));
  }), ch));
}
results.timings_ms.meeting_search_keystroke_median = median(keystrokes);
results.timings_ms.meeting_search_keystroke_max = Math.max(...keystrokes);

// Staircase: 500 interventions on 12 steps; a keyboard move and a filter, key press to changed DOM.
await page.goto(env.base + '/trappe');
await page.locator('.iv-card').nth(499).waitFor({ timeout: 60000 });
const moves = [];
for (let i = 0; i < 5; i++) {
  moves.push(await page.evaluate(() => new Promise((done) => {
    const list = document.querySelector('.iv-list');
    const first = list.querySelector('.iv-name');
    const before = first.textContent;
    first.focus();
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (list.querySelector('.iv-name').textContent !== before) { obs.disconnect(); done(performance.now() - t0); }
    });
    obs.observe(list, { childList: true, subtree: true });
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
  })));
}
results.timings_ms.staircase_move_redraw_median = median(moves);
{
  const runs = await editToGemt(page);
  results.edit_to_gemt_large = { n: runs.length, median: median(runs), max: Math.max(...runs) };
  results.timings_ms.edit_to_gemt_large = median(runs);
}
results.timings_ms.staircase_filter_redraw = await page.evaluate(() => new Promise((done) => {
  const input = document.getElementById('filter-text');
  const count = document.querySelector('[data-testid="filter-count"]');
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (/matcher/.test(count.textContent)) { obs.disconnect(); done(performance.now() - t0); }
  });
  obs.observe(count, { childList: true, subtree: true, characterData: true });
  input.value = 'Indsats 1';
  input.dispatchEvent(new Event('input', { bubbles: true }));
}));

// Area screens on the large workspace: navigation to the page drawn (two frames).
for (const [name, path] of [['render_staircase', '/trappe'], ['render_meetings', '/netvaerksmoeder'], ['render_plan_list', '/handleplan'], ['render_plan_board', '/handleplan/tavle'], ['render_committee_report', '/handleplan/rapport']]) {
  results.timings_ms[name] = await time(async () => {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60000 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  });
}
// Overblik on the large workspace: every key figure computed and drawn. Reached by the menu from another
// screen (no reload), then a redraw after an edit (saving the caseload band), click to the changed figure,
// with the longest main-thread task on the way (target: one frame, ~16 ms).
await page.goto(env.base + '/trappe');
await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60000 });
results.timings_ms.overview_from_menu = await time(async () => {
  await page.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByTestId('series-table').waitFor({ timeout: 60000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
});
const redraws = [];
const redrawTasks = [];
for (const label of ['Borås: 15–22 børn', 'Herning: 22–25 børn', 'Assens: 25 børn']) {
  await page.getByLabel('Mål for børn pr. sagsbehandler').selectOption({ label });
  await startTaskWatch(page);
  redraws.push(await page.evaluate(() => new Promise((done) => {
    const shown = document.querySelector('[data-testid="band-now"]');
    const before = shown.textContent;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (shown.textContent !== before) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - t0)); }
    });
    obs.observe(shown, { childList: true, subtree: true, characterData: true });
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Gem målet').click();
  })));
  redrawTasks.push(await stopTaskWatch(page));
}
const keyFigures = await measures(page, 'trappe-key-figures');
results.timings_ms.overview_key_figures_compute = median(keyFigures);
results.overview_key_figures_computations = keyFigures.length;
results.timings_ms.overview_redraw_after_edit = median(redraws);
results.timings_ms.overview_redraw_longest_task = median(redrawTasks);
results.timings_ms.render_overview = await time(async () => {
  await page.goto(env.base + '/overblik');
  await page.getByTestId('series-table').waitFor({ timeout: 60000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
});
// Each area reached by a click in the menu with the large workspace open: from the click to the first paint
// with its content there (a frame, then a message: the paint comes between), timed in the page (a
// locator's own search of a large page would be counted too). Goal: within 100 ms. Long lists draw their
// first screenful first and the rest once the browser is idle (ui/kit/progressive.rs), so the staircase
// is also timed until every one of its cards is there.
const cardCount = JSON.parse(readFileSync(file, 'utf8')).workspace.staircase.steps.reduce((n, st) => n + st.interventions.length, 0);
for (const [name, nav, link, ready, from, count = 1] of [
  ['click_overview', 'Hovedmenu', 'Overblik', '[data-testid="series-table"]', '/data'],
  ['click_staircase', 'Hovedmenu', 'Trappe', '.iv-card', '/overblik'],
  ['click_staircase_every_card', 'Hovedmenu', 'Trappe', '.iv-card', '/overblik', cardCount],
  ['click_meetings', 'Hovedmenu', 'Netværksmøder', '[data-testid="result-count"]', '/overblik'],
  ['click_plan', 'Hovedmenu', 'Handleplan', '.plan-table', '/overblik'],
  ['click_plan_board', 'Handleplanens visninger', 'Tavle', '.plan-board', '/handleplan'],
  ['click_committee_report', 'Handleplanens visninger', 'Rapport til udvalget', '[data-testid="committee-report"]', '/handleplan'],
]) {
  await page.goto(env.base + from);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60000 });
  await page.getByRole('navigation', { name: nav }).getByRole('link', { name: link, exact: true }).waitFor();
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
  results.timings_ms[name] = await page.evaluate(([nav, link, ready, from, count]) => new Promise((done) => {
    const a = [...document.querySelectorAll(`nav[aria-label="${nav}"] a`)].find((x) => x.textContent.trim() === link);
    const t0 = performance.now();
    a.click();
    const drawn = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done(performance.now() - t0);
      ch.port2.postMessage(0);
    });
    const poll = () => (!location.pathname.endsWith(from) && document.querySelectorAll(ready).length >= count ? drawn() : setTimeout(poll, 0));
    poll();
  }), [nav, link, ready, from, count]);
}

// A 10.000-row sheet: the large workspace's meetings as Trappe's own CSV (one row per meeting), imported
// into an empty workspace. From choosing the file to the preview on screen (read in the worker, every row
// read and checked), and from «Importér» to the rows stored as one command. Goals: ≤ 2 s and ≤ 3 s.
{
  await page.goto(env.base + '/netvaerksmoeder');
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.getByRole('button', { name: 'Hent CSV med ét møde pr. række' }).click(),
  ]);
  const sheetFile = await dl.path();
  results.sheet_rows = readFileSync(sheetFile, 'utf8').split('\r\n').length - 2;
  await page.goto(env.base + '/');
  await page.getByLabel('Navn', { exact: true }).fill('Regneark');
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overblik: Regneark' }).waitFor({ timeout: 60000 });
  await page.goto(env.base + '/netvaerksmoeder/fra-regneark');
  await page.locator('#sheet-file').waitFor();
  results.timings_ms.sheet_to_preview = await time(async () => {
    await page.locator('#sheet-file').setInputFiles({ name: 'moeder.csv', mimeType: 'text/csv', buffer: readFileSync(sheetFile) });
    await page.getByTestId('sheet-summary').filter({ hasText: /nye rækker/ }).waitFor({ timeout: 120000 });
  });
  results.sheet_summary = await page.getByTestId('sheet-summary').innerText();
  const go = page.getByTestId('sheet-import-go');
  results.timings_ms.sheet_import = await time(async () => {
    await go.click();
    const done = page.getByTestId('sheet-import-done');
    const anyway = page.getByRole('button', { name: 'Importér alligevel' });
    await Promise.race([done.waitFor({ timeout: 120000 }), anyway.waitFor({ timeout: 120000 })]);
    if (await anyway.isVisible()) await anyway.click();
    await done.waitFor({ timeout: 120000 });
  });
  results.timings_ms.sheet_to_imported = results.timings_ms.sheet_to_preview + results.timings_ms.sheet_import;
}
await context.close();
await env.close();

// Each figure as a ratio to a yardstick measured in the same run, with its goal.
const ratios = (yardstick, goals) => Object.fromEntries(Object.keys(goals).map((k) => [k, results.timings_ms[k] / yardstick]));
const j = results.timings_ms.browser_json_parse;
const targets = { edit_to_saved_longest_task: 0.3, import_total: 10, open_from_storage: 5, merge_choice_to_summary: 1000 / j, sheet_to_preview: 2000 / j, sheet_to_imported: 3000 / j };
results.ratios_to_json_parse = ratios(j, targets);
const counterTargets = { first_render: 1.5, example_staircase: 2, example_meetings: 2, example_plan: 2 };
results.ratios_to_counter = ratios(results.timings_ms.counter_first_render, counterTargets);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\nTrappe benchmark', results.date);
for (const [k, v] of Object.entries(results.bundle)) if (typeof v === 'object') console.log(`  ${k.padEnd(6)} ${kb(v.raw).padStart(10)} raw  ${kb(v.gzip).padStart(10)} gzip`);
console.log(`  total gzip ${kb(results.bundle.total_gzip)} (goal ≤ 600 KB; the counter: ${kb(results.counter_bundle_gzip)})`);
console.log(`  trappe.html ${kb(results.single_file.raw)} raw, ${kb(results.single_file.gzip)} gzip, ${kb(results.single_file.br)} brotli`);
console.log(`  generated workspace ${(results.workspace_bytes / 1e6).toFixed(1)} MB`);
{
  const m = results.memory_mb;
  if (m.wasm != null && m.js_heap != null) console.log(`  with it open: wasm memory ${m.wasm.toFixed(0)} MB + JS heap ${m.js_heap.toFixed(0)} MB = ${((m.wasm + m.js_heap) / (results.workspace_bytes / 1e6)).toFixed(1)}× the file (goal ≤ 4×)`);
}
for (const [k, v] of Object.entries(results.timings_ms)) console.log(`  ${k.padEnd(24)} ${v == null ? 'n/a' : v.toFixed(1).padStart(8) + ' ms'}`);
for (const [k, label] of [['edit_to_gemt_example', 'the example'], ['edit_to_gemt_large', 'the 10.000-meeting workspace']]) {
  const r = results[k];
  console.log(`  edit to "Gemt" on ${label}: median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (${r.n} keyboard moves; goal ≤ 100 ms)`);
}
console.log(`  first open after the update from one stored value per record: ${results.stored_one_per_record} records, open_stored_one_per_record above (once)`);
console.log(`  key figures computed ${results.overview_key_figures_computations} times on Overblik (menu and 3 edits)`);
console.log(`  sheet of ${results.sheet_rows} rows: ${results.sheet_summary}`);
console.log(`  merge summary:\n    ${results.merge_summary.replace(/\n/g, '\n    ')}`);
const printRatios = (title, rs, goals) => {
  console.log(`  ratios to ${title}:`);
  for (const [k, v] of Object.entries(rs)) console.log(`  ${k.padEnd(28)} ${v.toFixed(2).padStart(6)}×  (target ≤ ${Number(goals[k]).toFixed(1)}×)`);
};
printRatios('the counter\'s first render', results.ratios_to_counter, counterTargets);
printRatios('the browser\'s JSON.parse of the file', results.ratios_to_json_parse, targets);
console.log('  from a click in the menu to the screen drawn, the large workspace open (goal ≤ 100 ms):');
for (const [k, v] of Object.entries(results.timings_ms)) if (k.startsWith('click_')) console.log(`  ${k.padEnd(28)} ${v.toFixed(0).padStart(6)} ms ${k.endsWith('_every_card') ? '(every card there; for information)' : v <= 100 ? '(met)' : '(not met)'}`);
writeFileSync(new URL('../bench-results/bench.json', import.meta.url), JSON.stringify(results, null, 2));
