// One figure, one value: each key figure read from every place it is shown (Overblik, its summary, the
// committee print page, the comparison with a colleague, the committee report and the CSV files) must
// read the same. Nothing is computed here: the pages are held against each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, openExample, axe } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** A CSV file written by the app (BOM, `;`, CRLF, quoted cells) as rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = []; let cell = ''; let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r') { /* CRLF */ } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8'), path: await d.path() };
}

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

test('the placement share and meetings per month read the same on Overblik, the summary, the print page, the comparison and the CSV', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await page.goto(env.base + '/overblik');
  const series = page.getByTestId('series-table');
  await series.waitFor();

  // The newest measurement that is not a target: the one the print page and the summary call «now».
  const shares = await series.locator('tbody tr[data-measurement]').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.dataset.measurement,
    target: tr.dataset.kind === 'target',
    share: tr.querySelector('[data-col="placed-share"]').textContent.trim(),
  })));
  assert.ok(shares.length >= 2, 'the example has several measurements');
  const now = [...shares].reverse().find((s) => !s.target);
  assert.match(now.share, /^\d+,\d %$/, 'one decimal');

  // The summary says the same share for the same measurement.
  const summary = await text(page.getByTestId('summary'));
  assert.ok(summary.includes(`til ${now.share}`), `${summary} names ${now.share}`);

  const perMonth = await text(page.getByTestId('meetings-per-month'));

  // The series CSV: the same share, the decimal as Danish Excel reads it.
  const csv = parseCsv((await download(page, () => series.locator('xpath=following::button[normalize-space()="Hent tabellen (CSV)"][1]').click())).text);
  const col = csv[0].indexOf('Andel anbragt (%)');
  assert.ok(col > 0, 'the share column');
  const csvRow = csv.find((r) => r[0] === now.name);
  // The CSV leaves out trailing zeros («20» for 20,0 %), so Excel reads a plain number.
  assert.equal(`${csvRow[col].replace(/^(\d+)$/, '$1,0')} %`, now.share);

  // The comparison: the workspace's own export opened as the colleague's file; both sides read the same
  // measurement, so both shares are the share on Overblik and the difference is 0,0.
  await page.goto(env.base + '/data');
  const exported = await download(page, () => page.getByRole('button', { name: 'Eksportér til fil' }).click());
  await page.goto(env.base + '/overblik');
  await page.getByLabel('Vælg den anden kommunes Trappe-fil (.json)').setInputFiles(exported.path);
  const shareRow = page.getByTestId('colleague-placement-share');
  await shareRow.waitFor();
  const cells = await shareRow.locator('td').allTextContents();
  assert.deepEqual(cells.map((c) => c.trim()), [now.share, now.share, '0,0 procentpoint']);
  const meetings = await page.getByTestId('colleague-meetings').locator('td').allTextContents();
  assert.ok(meetings[0].includes(perMonth), `${meetings[0]} has ${perMonth}`);
  assert.ok(meetings[1].includes(perMonth));
  // Choosing another measurement on our side changes our share to that measurement's, as on Overblik.
  const other = shares.find((s) => s.name !== now.name && !s.target);
  if (other) {
    const select = page.getByLabel('Vores måling');
    const option = await select.locator('option').filter({ hasText: `«${other.name}»` }).getAttribute('value');
    const field = await select.elementHandle();
    await select.selectOption(option);
    await page.waitForFunction((want) => document.querySelector('[data-testid="colleague-placement-share"] td')?.textContent.trim() === want, other.share);
    assert.equal(await field.evaluate((s) => s.isConnected && s.value), option, 'the same field, not drawn again (the focus stays in it)');
  }
  assert.deepEqual(await axe(page), []);

  // The committee print page: the same share and the same meetings per month.
  await page.goto(env.base + '/overblik/udskriv');
  const tiles = page.getByTestId('print-tiles');
  await tiles.waitFor();
  assert.equal(await text(tiles.locator('[data-figure="placement-share"] .tile-now')), now.share);
  assert.equal(await text(tiles.locator('[data-figure="meetings-per-month"] .tile-now')), perMonth);
  assert.ok((await text(page.getByTestId('print-summary'))).includes(`til ${now.share}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('initiatives per status and deadlines passed read the same on Overblik, its print page, the committee report and the CSV', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Køge');
  await page.goto(env.base + '/overblik');
  const counts = {};
  for (const s of ['NotStarted', 'InProgress', 'Delayed', 'Done', 'Paused', 'Dropped']) {
    counts[s] = Number(await text(page.locator(`.stat-value[data-status="${s}"]`)));
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  assert.ok(total > 0, 'the example has initiatives');
  const overdue = Number(await text(page.getByTestId('overdue')));
  // The summary names the statuses by their names and the deadlines passed in the same words.
  const summary = await text(page.getByTestId('summary'));
  assert.ok(summary.includes(`${counts.Done} «Afsluttet»`), summary);
  assert.ok(summary.includes(`${counts.Delayed} «Forsinket»`), summary);
  assert.ok(!/gennemført/.test(summary));
  if (overdue > 0) assert.ok(summary.includes(`${overdue} har overskredet fristen uden at være afsluttet`), summary);

  // The committee print page.
  await page.goto(env.base + '/overblik/udskriv');
  const tile = page.getByTestId('print-tiles').locator('[data-figure="initiatives-done"]');
  await tile.waitFor();
  assert.equal(await text(tile.locator('.tile-now')), `${counts.Done} af ${total}`);
  assert.equal(await text(tile.locator('.tile-before')), `${counts.Delayed} med status «Forsinket», ${overdue} har overskredet fristen uden at være afsluttet`);

  // The committee report, as of today.
  await page.goto(env.base + '/handleplan/rapport');
  const report = page.getByTestId('report-summary');
  await report.waitFor();
  for (const [s, n] of Object.entries(counts)) {
    const cell = report.locator(`td[data-status="${s}"]`);
    if (await cell.count()) assert.equal(Number(await text(cell)), n, s);
  }
  assert.equal(Number(await text(page.getByTestId('report-overdue'))), overdue);

  // The plan's CSV: one row per initiative with its status by name.
  await page.goto(env.base + '/handleplan');
  const csv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Hent initiativer (CSV)' }).click())).text);
  const col = csv[0].indexOf('Status');
  const byName = (name) => csv.slice(1).filter((r) => r[col] === name).length;
  assert.equal(byName('Afsluttet'), counts.Done);
  assert.equal(byName('Forsinket'), counts.Delayed);
  assert.equal(byName('I gang'), counts.InProgress);
  assert.equal(byName('Ikke startet'), counts.NotStarted);
  assert.equal(csv.length - 1, total);
  assert.deepEqual(errors, []);
  await context.close();
});
