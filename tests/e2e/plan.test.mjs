// Handleplan end to end, as a manager would use it on the Køge example: a status change with a note, a note
// edit that keeps the earlier wording, a keyboard move on the board, a new indicator measurement, the
// committee report for a date, the CSV exports for Danish Excel, and axe on every plan screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, showAsOfToday } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const I11 = '1.1 Analyse af udslusningsboliger/egne værelser til udsatte unge';
const I12 = '1.2 Analyse af skole- og dagbehandlingstilbud';
const NETWORK = 'Netværksrådslagninger i nye sager pr. måned';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name }).click();
}

async function assertNoAxeViolations(page, screen) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations on ${screen}: ${JSON.stringify(violations, null, 2)}`);
}

async function download(page, buttonName) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).first().click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

test('handleplan: status, tavle, måling, udvalgsrapport, CSV og tilgængelighed', async () => {
  const { page, context, errors } = await openPage(env, '/');
  try {
    await openExample(page, KOEGE);
    // A manager working today: notes and moves dated today, after the report date used below. The example
    // opens as of 8 May 2019, so it is shown as of today first.
    await showAsOfToday(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handleplan' }).waitFor();

    // The list, grouped by goal and track, with all 16 initiatives (two numbered 4.2, as in the paper).
    await assert.doesNotReject(page.getByText('Viser alle 16 initiativer.').waitFor());
    assert.ok(await page.getByRole('heading', { level: 2, name: /Kvalitet for borgerne · .*Samskabelsesstrategi/ }).count() > 0);
    assert.equal(await page.getByRole('link', { name: I11.slice(4) }).count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Handleplanens visninger' })
      .getByRole('link', { name: 'Liste' }).getAttribute('aria-current'), 'page');
    // Filter by status: the two finished initiatives.
    await page.getByRole('checkbox', { name: 'Afsluttet' }).check();
    await page.getByText('Viser 2 af 16 initiativer.').waitFor();
    await page.getByRole('checkbox', { name: 'Afsluttet' }).uncheck();
    await page.getByText('Viser alle 16 initiativer.').waitFor();
    await assertNoAxeViolations(page, 'listen');

    // Change 1.1's status with a dated note.
    await page.getByRole('link', { name: I11.slice(4) }).click();
    await page.getByRole('heading', { level: 1, name: I11 }).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Forsinket' });
    await page.getByLabel('Dato', { exact: true }).fill('2019-06-15');
    await page.getByLabel('Skrevet af').fill('Birte Bøgh');
    await page.getByLabel('Note', { exact: true }).fill('Høringssvarene er forsinket; sagen går til udvalget igen.');
    await page.getByRole('button', { name: 'Gem i historikken' }).click();
    await page.getByText('Status sat til «Forsinket» og skrevet i historikken.').waitFor();
    const history = page.getByTestId('history');
    const entry = history.getByRole('listitem').filter({ hasText: '15. juni 2019' });
    await assert.doesNotReject(entry.getByText('Birte Bøgh').waitFor());
    await assert.doesNotReject(entry.getByText('Forsinket').first().waitFor());
    assert.match(await page.locator('.plan-detail-status').innerText(), /Forsinket/);

    // A plain note dated today (after the report date used below).
    await page.getByLabel('Note', { exact: true }).fill('Ny note skrevet efter rapportdatoen.');
    await page.getByRole('button', { name: 'Gem i historikken' }).click();
    await page.getByText('Noten er skrevet i historikken.').waitFor();
    assert.equal(await history.getByRole('listitem').filter({ hasText: 'Ny note skrevet efter rapportdatoen.' }).count(), 1);

    // Edit the June note: the earlier text is kept under "Tidligere udgave".
    await page.getByRole('button', { name: 'Ret note fra 15. juni 2019' }).click();
    await page.getByLabel('Ret noten').fill('Høringssvarene er forsinket til august (rettet).');
    await page.getByRole('button', { name: 'Gem rettelse' }).click();
    const edited = history.getByRole('listitem').filter({ hasText: 'Høringssvarene er forsinket til august (rettet).' }).first();
    await edited.waitFor();
    await edited.getByText('Tidligere udgave (1)').click();
    await assert.doesNotReject(edited.getByText('Høringssvarene er forsinket; sagen går til udvalget igen.').waitFor());
    // Undo and redo the edit with the area's buttons (Ctrl+Z works too, outside text fields).
    await page.getByRole('button', { name: 'Fortryd', exact: true }).click();
    await history.getByText('Høringssvarene er forsinket til august (rettet).').waitFor({ state: 'detached' });
    assert.equal(await history.getByText('Høringssvarene er forsinket; sagen går til udvalget igen.').count(), 1);
    assert.equal(await history.getByText('Tidligere udgave (1)').count(), 0);
    await page.getByRole('button', { name: 'Gentag', exact: true }).click();
    await history.getByText('Høringssvarene er forsinket til august (rettet).').waitFor();
    await assertNoAxeViolations(page, 'initiativets side');

    // Board: move 1.2 from "I gang" to "Forsinket" with the keyboard.
    await tab(page, 'Tavle');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: tavle' }).waitFor();
    const inProgress = page.getByRole('region', { name: /^I gang/ });
    const delayed = page.getByRole('region', { name: /^Forsinket/ });
    await inProgress.getByRole('listitem', { name: I12 }).waitFor();
    assert.equal(await delayed.getByRole('listitem', { name: I12 }).count(), 0);
    await inProgress.getByRole('listitem', { name: I12 }).focus();
    await page.keyboard.press('ArrowRight');
    await delayed.getByRole('listitem', { name: I12 }).waitFor();
    assert.equal(await inProgress.getByRole('listitem', { name: I12 }).count(), 0);
    await page.getByTestId('board-announcement').filter({ hasText: `${I12} er flyttet til «Forsinket»` }).waitFor();
    // Focus follows the card into its new column, so the user can keep moving it.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')?.startsWith('kort-titel-')), true);
    assert.match(await delayed.getByRole('heading', { level: 2 }).innerText(), /\(2\)/);
    // And with the "Flyt til" field: 1.3 to "Sat i bero".
    const card13 = inProgress.getByRole('listitem', { name: /^1\.3 / });
    await card13.getByLabel(/^Flyt 1\.3 .* til$/).selectOption({ label: 'Sat i bero' });
    await card13.getByRole('button', { name: /^Flyt/ }).click();
    await page.getByRole('region', { name: /^Sat i bero/ }).getByRole('listitem', { name: /^1\.3 / }).waitFor();
    await assertNoAxeViolations(page, 'tavlen');

    // The move is a history entry on 1.2.
    await delayed.getByRole('link', { name: I12 }).click();
    await page.getByRole('heading', { level: 1, name: I12 }).waitFor();
    await assert.doesNotReject(page.getByTestId('history').getByText('Status ændret fra «I gang» til «Forsinket».').waitFor());

    // Indicators: a new measurement, shown in the table, the chart's text alternative and the list.
    await tab(page, 'Indikatorer');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: indikatorer' }).waitFor();
    const form = page.getByRole('form', { name: `Ny måling for ${NETWORK}` });
    await form.getByLabel('Dato for målingen').fill('2019-08-31');
    await form.getByLabel('Værdi').fill('3,5');
    await form.getByRole('button', { name: 'Tilføj måling' }).click();
    const table = page.getByRole('table', { name: `Målinger for ${NETWORK}` });
    await table.getByRole('row').filter({ hasText: '31.08.2019' }).filter({ hasText: '3,5 møder pr. måned' }).waitFor();
    const chart = page.getByRole('img', { name: `Udvikling for ${NETWORK}` });
    assert.equal(await chart.count(), 1);
    assert.match(await chart.locator('desc').textContent(), /Seneste måling 3,5 møder pr\. måned den 31\. august 2019/);
    // A value that is not a number is refused next to the field.
    await form.getByLabel('Værdi').fill('mange');
    await form.getByRole('button', { name: 'Tilføj måling' }).click();
    const valueField = form.getByLabel('Værdi');
    assert.equal(await valueField.getAttribute('aria-invalid'), 'true');
    const describedBy = await valueField.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${describedBy.split(' ').pop()}`).innerText(), /Skriv et tal/);
    await form.getByLabel('Værdi').fill('');
    await assertNoAxeViolations(page, 'indikatorerne');

    // Timeline.
    await tab(page, 'Tidslinje');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: tidslinje' }).waitFor();
    assert.ok(await page.getByText('Overstået').count() >= 4, 'the 2019 activities are past');
    await assertNoAxeViolations(page, 'tidslinjen');

    // Committee report as of 1 September 2019, previous report 8 May 2019.
    await tab(page, 'Rapport til udvalget');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: rapport til udvalget' }).waitFor();
    await page.getByLabel('Rapportdato').fill('2019-09-01');
    await page.getByLabel('Noterne dækker').selectOption({ label: 'Siden forrige rapport' });
    await page.getByLabel('Forrige rapport').fill('2019-05-08');
    const report = page.getByTestId('committee-report');
    await report.getByRole('heading', { name: 'Status til udvalget: 1. september 2019' }).waitFor();
    const reportText = await report.innerText();
    assert.match(reportText, /Noter fra 9\. maj 2019 til og med 1\. september 2019/);
    assert.match(reportText, /Høringssvarene er forsinket til august \(rettet\)\./, 'the note inside the window is listed');
    assert.doesNotMatch(reportText, /Ny note skrevet efter rapportdatoen/, 'a note dated after the report is left out');
    assert.doesNotMatch(reportText, /Status ændret fra «I gang» til «Forsinket»/, "today's board move is after the report date");
    assert.doesNotMatch(reportText, /Budgetanalysen er sendt i høring/, 'notes from the previous report are left out');
    const counts = {};
    for (const row of await report.getByTestId('report-summary').locator('tbody tr').all()) {
      const label = (await row.locator('th').innerText()).replace(/^[^A-Za-zÆØÅæøå]+/, '').trim();
      counts[label] = Number(await row.locator('td').innerText());
    }
    assert.deepEqual(
      [counts['Ikke startet'], counts['I gang'], counts['Forsinket'], counts['Afsluttet'], counts['Sat i bero'], counts['Opgivet'], counts['I alt']],
      [1, 12, 1, 2, 0, 0, 16],
      JSON.stringify(counts),
    );
    // 1.2 is listed with its status as of the report date (still "I gang").
    const item12 = report.locator('.plan-report-item').filter({ has: page.getByRole('heading', { name: I12 }) });
    assert.match(await item12.innerText(), /I gang/);
    assert.doesNotMatch(await item12.innerText(), /Forsinket/);
    // Indicators with their latest value on or before the report date.
    assert.match(reportText, /3,5 møder pr\. måned \(31\.08\.2019\)/);
    await assertNoAxeViolations(page, 'rapporten');
    // Limited to one committee, matched as a set: 1.2 (Børneudvalget og Skoleudvalget) is in both.
    await page.getByLabel('Udvalg', { exact: true }).selectOption({ label: 'Skoleudvalget' });
    await report.getByText('Skoleudvalget', { exact: true }).first().waitFor();
    assert.equal(await report.getByRole('heading', { name: I12 }).count(), 1);
    assert.equal(await report.getByRole('heading', { name: I11 }).count(), 0);
    await page.getByLabel('Udvalg', { exact: true }).selectOption({ label: 'Børneudvalget' });
    await report.getByText('Børneudvalget', { exact: true }).first().waitFor();
    assert.equal(await report.getByRole('heading', { name: I12 }).count(), 1);
    assert.equal(await report.getByRole('heading', { name: I11 }).count(), 1);

    // CSV for Danish Excel.
    await tab(page, 'Liste');
    const ini = await download(page, 'Hent initiativer (CSV)');
    assert.match(ini.name, /\.csv$/);
    assert.deepEqual([...ini.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const iniText = ini.bytes.subarray(3).toString('utf8');
    const lines = iniText.split('\r\n');
    assert.match(lines[0], /^Nummer;Titel;Mål;Spor;Ejer;Udvalg;Start;Frist;Periode;Status;/);
    assert.match(iniText, /æ/); assert.match(iniText, /ø/); assert.match(iniText, /å/);
    const row11 = lines.find((l) => l.startsWith('1.1;'));
    assert.ok(row11, 'a row for 1.1');
    assert.match(row11, /;Forsinket;/);
    const ind = await download(page, 'Hent indikatorer (CSV)');
    assert.deepEqual([...ind.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const indText = ind.bytes.subarray(3).toString('utf8');
    assert.match(indText.split('\r\n')[0], /^Navn;Enhed;Baseline;Baselinedato;Mål;Måldato;Seneste værdi;Dato;Fremdrift i %/);
    assert.match(indText, new RegExp(`${NETWORK};møder pr\\. måned;0;31-12-2018;5;31-12-2020;3,5;31-08-2019;`));

    // Goals, tracks and settings.
    await tab(page, 'Mål, spor og indstillinger');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: mål, spor og indstillinger' }).waitFor();
    await assertNoAxeViolations(page, 'mål og spor');

    assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('handleplan: et kort kan trækkes med musen til en anden kolonne', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openExample(page, KOEGE);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
    await tab(page, 'Tavle');
    const card = page.getByRole('region', { name: /^I gang/ }).getByRole('listitem', { name: /^2\.1 / });
    await card.dragTo(page.getByRole('region', { name: /^Sat i bero/ }));
    await page.getByRole('region', { name: /^Sat i bero/ }).getByRole('listitem', { name: /^2\.1 / }).waitFor();
    await page.getByTestId('board-announcement').filter({ hasText: 'er flyttet til «Sat i bero»' }).waitFor();
  } finally {
    await context.close();
  }
});
