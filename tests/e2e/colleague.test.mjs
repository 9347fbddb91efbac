// "Sammenlign med en anden kommune" on Overblik: Socialstyrelsen's example is open; a colleague
// municipality's file (built here by hand after docs/file-format.md) is opened beside it, read-only. The
// table's figures are checked against values computed here from the two JSON files; storage must not
// change; a broken file gets the Data page's Danish message at the field. Needs <ColleagueComparison/>
// mounted on /overblik.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const OURS = 'Socialstyrelsens indsatstrappe';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// ---- Danish formats, as the app writes them -----------------------------------------------------------
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const group = (n) => (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const kr = (n) => `${group(n)} kr.`;
const signedKr = (d) => (d == null ? '–' : d > 0 ? `+${kr(d)}` : kr(d));
const signedN = (d) => (d == null ? '–' : d > 0 ? `+${group(d)}` : group(d));
// Shares with one decimal, as every page shows them; a difference of shares is taken from the shares shown.
const shown = (v) => Math.round(v * 1000) / 10;
const pct = (v) => (v == null ? '–' : `${shown(v).toFixed(1).replace('.', ',')} %`);
const round1 = (v) => Math.sign(v) * Math.round(Math.abs(v) * 10) / 10;
const num1 = (v) => String(round1(v) || 0).replace('.', ',');
const signedNum1 = (v) => (round1(v) > 0 ? `+${num1(v)}` : num1(v));
const points = (p) => {
  if (p == null) return '–';
  const s = (Math.sign(p) * Math.round(Math.abs(p) * 10) / 10).toFixed(1).replace('.', ',');
  return `${p > 0 && s !== '0,0' ? '+' : ''}${s} procentpoint`;
};

// ---- The figures, computed from a workspace's JSON -----------------------------------------------------
const PER_YEAR = { per_month: 12, per_year: 1, per_course: 1 };
const yearly = (price, period) => (price == null ? null : price * PER_YEAR[period ?? 'per_month']);

/** The newest dated measurement that is neither a scenario nor a target (list order breaks ties). */
function latest(ws) {
  const pts = ws.staircase.measurements
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.kind !== 'scenario' && m.date);
  pts.sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : a.i - b.i));
  return pts.reverse().find(({ m }) => m.kind !== 'target')?.m ?? null;
}

function figures(children, spend, unpriced) {
  const priced = children - unpriced;
  return { children, spend, unpriced, perChild: priced > 0 ? Math.round(spend / priced) : null };
}

/** Children, yearly spend and spend per child (sum of children × yearly price / children with a price). */
function steps(ws) {
  const m = latest(ws);
  return ws.staircase.steps.map((step) => {
    let children = 0; let spend = 0; let unpriced = 0;
    const add = (n, price) => { children += n; if (price == null) unpriced += n; else spend += n * price; };
    for (const iv of step.interventions ?? []) add(m.per_intervention?.[iv.id] ?? 0, yearly(iv.unit_cost, iv.cost_period));
    add(m.per_step?.[step.id] ?? 0, step.yearly_cost_per_child ?? null);
    return { name: step.name, category: step.category, ...figures(children, spend, unpriced) };
  });
}

function category(list, c) {
  const of = list.filter((s) => s.category === c);
  const sum = (k) => of.reduce((a, s) => a + s[k], 0);
  return figures(sum('children'), sum('spend'), sum('unpriced'));
}

const ym = (d) => d.getFullYear() * 12 + d.getMonth();
const ymOf = (iso) => { const [y, mo] = iso.split('-').map(Number); return y * 12 + mo - 1; };

/** Held meetings per month over the side's own 12 whole months (ending early at an old file's newest). */
function meetings(ws, today) {
  const last = ym(today) - 1;
  const held = ws.meetings.filter((m) => ['held', 'followed_up'].includes(m.status) && m.date).map((m) => ymOf(m.date));
  const newest = Math.max(-Infinity, ...held.filter((x) => x <= last));
  const to = newest < last - 11 ? newest : last;
  const n = held.filter((x) => x >= to - 11 && x <= to).length;
  return { held: n, perMonth: n / 12 };
}

// ---- The colleague's file, by hand ---------------------------------------------------------------------
const isoDay = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const monthsAgo = (today, k, day = 10) => isoDay(new Date(today.getFullYear(), today.getMonth() - k, day));

function colleagueFile(today) {
  const iv = (name, unit_cost, cost_period) => ({ id: randomUUID(), name, unit_cost, cost_period });
  const step = (name, cat, interventions, yearly_cost_per_child = null) => ({ id: randomUUID(), name, category: cat, yearly_cost_per_child, interventions });
  const s = [
    step('Almene tilbud', 'universal', [iv('Sundhedspleje', 1000, 'per_year')]),
    step('tidlig forebyggende  indsats', 'preventive', [iv('ICDP', 3500, 'per_course'), iv('Rådgivning uden pris', null, 'per_month')]),
    step('Hjemmebaserede foranstaltninger', 'preventive', [iv('Familiebehandling', 8000, 'per_month')]),
    step('4. Netværksbaserede indsatser', 'preventive', [], 30000),
    step('Anbringelse i familiepleje', 'placement', [iv('Plejefamilie', 470000, 'per_year')]),
    step('Opholdssted', 'placement', [iv('Opholdssted', 95000, 'per_month')]),
  ];
  const counts = (ns, stepCount) => {
    const per_intervention = {};
    s.forEach((st, i) => st.interventions.forEach((x, j) => { per_intervention[x.id] = ns[i][j]; }));
    return { per_intervention, per_step: { [s[3].id]: stepCount } };
  };
  const measurement = (name, kind, date, ns, stepCount) => ({ id: randomUUID(), name, kind, date, ...counts(ns, stepCount) });
  const now = new Date().toISOString();
  const meeting = (date, status) => ({ id: randomUUID(), meeting_type: 'family_group_conference', date, status, case_ref: 'Sag T-1' });
  const ws = {
    id: randomUUID(), name: 'Testkommunens trappe', municipality: 'Testkommune', description: '', created_at: now, updated_at: now,
    staircase: {
      steps: s,
      measurements: [
        measurement('Baseline 2019', 'baseline', '2019-01-01', [[40], [5, 2], [20], [], [12], [6]], 9),
        // The one the comparison uses: the newest that is not a target or a scenario.
        measurement('Status 2024', 'actual', '2024-01-01', [[50], [10, 5], [12], [], [8], [3]], 6),
        measurement('Mål 2027', 'target', '2027-01-01', [[50], [12, 5], [10], [], [6], [1]], 8),
        measurement('Hvad nu hvis', 'scenario', '2025-01-01', [[0], [0, 0], [0], [], [0], [0]], 0),
      ],
    },
    meetings: [
      ...[1, 2, 3, 4, 5, 6].map((k) => meeting(monthsAgo(today, k), k % 2 ? 'held' : 'followed_up')),
      meeting(monthsAgo(today, 0, 1), 'held'), // this month: not a whole month yet
      meeting(monthsAgo(today, 1, 20), 'planned'),
      meeting(monthsAgo(today, 2, 20), 'cancelled'),
      meeting(monthsAgo(today, 20), 'held'), // before the window
    ],
  };
  return { ws, text: JSON.stringify({ format: 'trappe-workspace', version: 1, app_version: 'test', exported_at: now, workspace: ws }, null, 2) };
}

async function exportOpen(page) {
  await page.goto(env.base + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

async function workspaceNames(page) {
  await page.goto(env.base + '/data');
  const list = page.locator('section[aria-labelledby="data-list"] tbody th');
  await list.first().waitFor();
  return (await list.allTextContents()).map((s) => s.replace(/Åben$/, '').trim());
}

/** The rows of a table as text: the row head (without its note), then each cell. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const th = tr.querySelector('th');
    const note = th.querySelector('.row-note')?.textContent ?? '';
    const head = th.textContent.slice(0, th.textContent.length - note.length).trim();
    const cells = [...tr.querySelectorAll('td')].map((td) => (td.firstChild?.textContent ?? '').trim());
    return { head, note, cells };
  }));
}

test('a colleague municipality side by side, read-only, with the differences', async () => {
  const { page, errors } = await openPage(env, '/');
  await openExample(page, OURS);
  await waitSaved(page);
  const before = await exportOpen(page);
  const namesBefore = await workspaceNames(page);
  const today = new Date();
  const { ws: theirs, text } = colleagueFile(today);

  await page.goto(env.base + '/overblik');
  const section = page.getByRole('region', { name: 'Sammenlign med en anden kommune' });
  await section.waitFor();
  const input = section.getByLabel('Vælg den anden kommunes Trappe-fil (.json)');
  assert.equal(await input.getAttribute('accept'), '.json,application/json');
  await section.getByText('Filen åbnes kun til sammenligning. Den gemmes ikke og blandes ikke med dit arbejdsområde.').waitFor();

  // A broken file: the Data page's message at the field, and the page goes on.
  await input.setInputFiles({ name: 'ødelagt.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"trappe-workspace",') });
  const error = section.locator('#colleague-file-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await error.textContent(), /^«ødelagt\.json» kan ikke sammenlignes\. Filen er ikke gyldig JSON: linje 1, kolonne \d+/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await input.getAttribute('aria-describedby'), /colleague-file-hint colleague-file-error/);
  assert.equal(await section.getByTestId('colleague-table').count(), 0);

  await input.setInputFiles({ name: 'testkommune.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const table = section.getByTestId('colleague-table');
  await table.waitFor();
  assert.equal(await error.count(), 0);
  assert.equal(await input.getAttribute('aria-invalid'), 'false');

  // Both sides and what they are measured on.
  const ourName = before.workspace.municipality.trim() || before.workspace.name.trim();
  const ourLatest = latest(before.workspace);
  const sides = await section.getByTestId('colleague-sides').locator('li').allTextContents();
  assert.match(sides[0], new RegExp(`^${esc(ourName)}: målingen «${esc(ourLatest.name)}» fra `));
  assert.match(sides[1], /^Testkommune: målingen «Status 2024» fra 1\. januar 2024, netværksmøder i /);
  assert.match(await table.locator('caption').textContent(), new RegExp(`${esc(ourName)} og Testkommune`));

  // Every step pairs with the colleague's step on the same place: by name where the names agree
  // (numbering, case and space aside), by position for steps 3 and 6.
  const ours = steps(before.workspace);
  const their = steps(theirs);
  assert.equal(ours.length, 6);
  const rows = await tableRows(table);
  assert.equal(rows.length, 8);
  for (let i = 0; i < 6; i++) {
    const [o, t] = [ours[i], their[i]];
    const r = rows[i];
    const cell = (f) => (f.perChild != null ? kr(f.perChild) : f.children > 0 ? 'ingen kendt pris' : '–');
    const dSpend = o.perChild != null && t.perChild != null ? t.perChild - o.perChild : null;
    assert.deepEqual(r.cells, [cell(o), cell(t), signedKr(dSpend), group(o.children), group(t.children), signedN(t.children - o.children)], `row ${i + 1}: ${o.name}`);
    if (i === 2 || i === 5) assert.equal(r.note, `matchet på placering med «${t.name}»`);
    else assert.ok(!r.note.startsWith('matchet på placering'), r.note);
  }
  // Hand-checked against the file: step 2 has 3.500 kr. × 10 children priced and 5 without a price.
  assert.equal(their[1].perChild, 3500);
  assert.equal(rows[1].cells[1], '3.500 kr.');
  // Step 6: 95.000 kr. a month = 1.140.000 kr. a year.
  assert.equal(rows[5].cells[1], '1.140.000 kr.');
  for (const [k, c, label] of [[6, 'placement', 'Anbringelsestrin i alt'], [7, 'preventive', 'Forebyggende trin i alt']]) {
    const [o, t] = [category(ours, c), category(their, c)];
    assert.equal(rows[k].head, label);
    assert.deepEqual(rows[k].cells, [kr(o.perChild), kr(t.perChild), signedKr(t.perChild - o.perChild), group(o.children), group(t.children), signedN(t.children - o.children)], label);
  }

  // Share placed and meetings per month.
  const share = (list) => { const all = list.reduce((a, s) => a + s.children, 0); return all ? category(list, 'placement').children / all : null; };
  const [so, st] = [share(ours), share(their)];
  const placed = await section.getByTestId('colleague-placement-share').locator('td').allTextContents();
  assert.deepEqual(placed, [pct(so), pct(st), points(shown(st) - shown(so))]);
  // Each side as of its own date: the example as of the date it is shown at.
  const asOf = (ws) => (ws.as_of ? new Date(`${ws.as_of}T12:00:00`) : today);
  const [mo, mt] = [meetings(before.workspace, asOf(before.workspace)), meetings(theirs, asOf(theirs))];
  assert.equal(mt.held, 6);
  const perMonth = await tableRows(section.getByTestId('colleague-shares'));
  assert.equal(perMonth[1].head, 'Netværksmøder holdt pr. måned');
  assert.deepEqual(perMonth[1].cells, [num1(mo.perMonth), num1(mt.perMonth), signedNum1(mt.perMonth - mo.perMonth)]);

  // The CSV holds the same figures as plain integers.
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download som CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^sammenligning-.*testkommune\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(';'));
  assert.equal(csv[3][1], 'placering');
  assert.equal(csv[3][3], String(ours[2].perChild));
  assert.equal(csv[3][4], String(their[2].perChild));
  assert.equal(csv[3][5], String(their[2].perChild - ours[2].perChild));

  // Accessibility of the section, with the comparison shown.
  await axe(page); // loads axe-core
  const v = await page.evaluate(async () => {
    const r = await window.axe.run('[data-testid="colleague"]', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((x) => ({ id: x.id, nodes: x.nodes.map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(v, [], JSON.stringify(v));

  // Closing drops it; nothing of the colleague was stored.
  await section.getByRole('button', { name: 'Luk sammenligningen' }).click();
  assert.equal(await table.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'colleague-file');
  assert.deepEqual(await workspaceNames(page), namesBefore);
  const after = await exportOpen(page);
  assert.deepEqual(after.workspace, before.workspace);
  const stored = JSON.stringify(after);
  for (const mark of ['Testkommune', 'Hjemmebaserede foranstaltninger', theirs.id, theirs.staircase.steps[0].id]) {
    assert.ok(!stored.includes(mark), `export holds ${mark}`);
  }
  assert.deepEqual(errors, []);
});
