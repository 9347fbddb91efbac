// Netværksmøder as a caseworker meets them: log a family group conference from its template, a CPR-like
// case reference refused at the field, the follow-up view, marking it followed up, search and filters, CSV
// for Danish Excel, the printable minutes; own templates and the follow-up settings; axe on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, openPage, axe, openExample, waitSaved, showAsOfToday, watchLongTasks } from './harness.mjs';

const EXAMPLE = 'Socialstyrelsens indsatstrappe';
const CASE = 'Sag Æ-4711 Ødegård';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** A local date `days` from today: as typed in a date field (dd.mm.åååå), as ISO, and as the CSV writes it. */
function dayIn(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return { dk: `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`, iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`, csv: `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}` };
}

async function noViolations(page, where) {
  assert.deepEqual(await axe(page), [], where);
}

async function download(page, buttonName) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

test('log a family group conference, follow it up, find it, export it and print the minutes', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  // A caseworker logs today's meeting: the example, shown as of 31 December 2019, is shown as of today.
  await showAsOfToday(page);
  await waitSaved(page);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByRole('heading', { level: 1, name: 'Netværksmøder' }).waitFor();
  await page.getByTestId('result-count').filter({ hasText: '9 møder fundet.' }).waitFor();
  await noViolations(page, 'list');

  // New meeting from the family group conference template.
  await page.getByRole('link', { name: 'Nyt møde', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nyt møde' }).waitFor();
  await noViolations(page, 'template chooser');
  await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nyt møde: Familierådslagning' }).waitFor();
  assert.equal(await page.getByLabel('Mødetype').inputValue(), 'family_group_conference');
  for (const phase of ['Forberedelse', 'Information', 'Familiens egen tid', 'Planen', 'Opfølgning']) {
    assert.equal(await page.getByRole('checkbox', { name: phase, exact: true }).isChecked(), false, phase);
  }
  assert.match(await page.getByLabel('Spørgsmål 1', { exact: true }).inputValue(), /trives/);
  assert.equal(await page.getByLabel('Dato', { exact: true }).inputValue(), dayIn(0).dk, 'dated today, in Danish format');

  // A CPR-like case reference is refused at the field, and saving is refused with a summary.
  const caseRef = page.getByLabel(/^Sagsreference/);
  await caseRef.fill('010203-1234');
  await caseRef.press('Tab');
  assert.equal(await caseRef.getAttribute('aria-invalid'), 'true');
  assert.match(await caseRef.getAttribute('aria-describedby'), /\bm-case-ref-error\b/);
  assert.match(await page.locator('#m-case-ref-error').textContent(), /ligner et CPR-nummer/);
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Mødet er ikke gemt' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /CPR-nummer/);
  await noViolations(page, 'editor with an error');
  assert.match(page.url(), /\/netvaerksmoeder\/ny\?/, 'not saved');
  await caseRef.fill(CASE);
  assert.equal(await caseRef.getAttribute('aria-invalid'), 'false', 'the error clears once the value is right');

  // The meeting: date 20 days ago, roles, participants by role, the plan with two action items.
  await page.getByLabel('Dato', { exact: true }).fill(dayIn(-20).dk);
  await page.getByLabel('Klokkeslæt').fill('09:30');
  await page.getByRole('radio', { name: 'Afholdt' }).check();
  await page.getByLabel('Initiativtager').fill('Sagsbehandler, Børn og Unge');
  await page.getByLabel('Samordner').fill('Samordner fra Familiecentret');
  await page.getByLabel('Mødeleder').fill('Samordneren');
  await page.getByLabel('Referent').fill('Sagsbehandleren');
  await page.getByRole('button', { name: 'Tilføj fra familien' }).click();
  await page.getByRole('group', { name: 'Deltager 1' }).getByLabel('Relation til barnet').fill('Mor');
  await page.getByRole('button', { name: 'Tilføj fra netværket' }).click();
  const p2 = page.getByRole('group', { name: 'Deltager 2' });
  await p2.getByLabel('Relation til barnet').fill('Mormor');
  await p2.getByLabel('Navn (valgfrit)').fill('Kirsten');
  await page.getByRole('button', { name: 'Tilføj fagperson' }).click();
  await page.getByRole('group', { name: 'Deltager 3' }).getByLabel('Enhed eller fagområde').fill('PPR');
  await page.getByRole('checkbox', { name: 'Forberedelse', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Familiens egen tid', exact: true }).check();
  await page.getByLabel('Beslutninger', { exact: true }).fill('Familiens plan er godkendt: mormor henter i børnehaven.');
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  const a1 = page.getByRole('group', { name: 'Handling 1' });
  await a1.getByLabel('Hvad', { exact: true }).fill('Mormor henter i børnehaven tirsdag og torsdag');
  await a1.getByLabel('Hvem', { exact: true }).fill('Mormor');
  await a1.getByLabel('Frist', { exact: true }).fill(dayIn(5).dk);
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  const a2 = page.getByRole('group', { name: 'Handling 2' });
  await a2.getByLabel('Hvad', { exact: true }).fill('Skolen sender en fraværsoversigt');
  await a2.getByLabel('Hvem', { exact: true }).fill('Klasselæreren');
  await a2.getByLabel('Frist', { exact: true }).fill(dayIn(60).dk);
  await page.getByLabel('Opfølgningsdato').fill(dayIn(7).dk);
  await page.getByLabel('Opfølgningsdato').press('Tab');
  await page.getByLabel('Trin på trappen').selectOption({ index: 4 });
  assert.match(await page.getByTestId('next-follow-up').textContent(), /om 7 dage/);
  await noViolations(page, 'filled editor');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.waitForURL(/\/netvaerksmoeder\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: `Familierådslagning, ${CASE}` }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Mødet er gemt.' }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Handling 2' }).getByLabel('Hvem', { exact: true }).inputValue(), 'Klasselæreren');

  // Follow-up: the meeting's follow-up and the action item due in 5 days, not the one due in 60.
  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Opfølgning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Opfølgning' }).waitFor();
  const soon = page.locator('section').filter({ has: page.getByRole('heading', { name: /Forfalder inden for 14 dage/ }) });
  const followUpRow = soon.getByRole('row').filter({ hasText: CASE }).filter({ hasText: 'Opfølgning af mødet' });
  const actionRow = soon.getByRole('row').filter({ hasText: 'Handling: Mormor henter i børnehaven' });
  await followUpRow.waitFor();
  await actionRow.waitFor();
  assert.match(await followUpRow.textContent(), /om 7 dage/);
  assert.equal(await page.getByText('Skolen sender en fraværsoversigt').count(), 0);
  // Oldest first: the action item (5 days) comes before the follow-up (7 days).
  const texts = await soon.getByRole('row').allTextContents();
  assert.ok(texts.findIndex((t) => t.includes('Mormor henter')) < texts.findIndex((t) => t.includes('Opfølgning af mødet') && t.includes(CASE)));
  await noViolations(page, 'follow-up');
  await followUpRow.getByRole('button', { name: `Markér som fulgt op – ${CASE}` }).click();
  await page.getByRole('status').filter({ hasText: 'Mødet er markeret som fulgt op.' }).waitFor();
  await followUpRow.waitFor({ state: 'detached' });
  assert.equal(await actionRow.count(), 1, 'its open action item is still due');
  // One click from the due item to its meeting, now followed up.
  await actionRow.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: `Familierådslagning, ${CASE}` }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Fulgt op' }).isChecked(), true);

  // Search and filters.
  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Møder' }).click();
  const count = page.getByTestId('result-count');
  await count.filter({ hasText: '10 møder fundet.' }).waitFor();
  assert.equal(await count.getAttribute('role'), 'status');
  await page.getByLabel('Søg', { exact: true }).fill('mormor BØRNEHAVEN');
  await count.filter({ hasText: /^1 møde fundet/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: CASE, exact: true }).count(), 1);
  await page.getByLabel('Søg', { exact: true }).fill('');
  await page.getByLabel('Mødetype').selectOption({ label: 'Familierådslagning' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Fulgt op' });
  await count.filter({ hasText: /^2 møder fundet/ }).waitFor();
  await page.getByLabel('Kun møder med åbne handlinger').check();
  await count.filter({ hasText: /^1 møde fundet/ }).waitFor();
  await page.getByLabel('Fra dato').fill(dayIn(-19).dk);
  await page.getByLabel('Fra dato').press('Tab');
  await count.filter({ hasText: /^Ingen møder fundet/ }).waitFor();
  await page.getByLabel('Fra dato').fill(dayIn(-21).iso);
  await page.getByLabel('Fra dato').press('Tab');
  await count.filter({ hasText: /^1 møde fundet/ }).waitFor();
  await noViolations(page, 'filtered list');

  // CSV of the filtered list for Danish Excel.
  const perMeeting = await download(page, 'Hent CSV med ét møde pr. række');
  assert.match(perMeeting.name, /^netvaerksmoeder-\d{4}-\d\d-\d\d\.csv$/);
  assert.deepEqual([...perMeeting.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = perMeeting.bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines.length, 3, 'header, one meeting, and the final line break');
  assert.ok(lines[0].startsWith('Dato;Tid;Type;Sagsreference;Status;Initiativtager;Samordner;Deltagere;Spørgsmål;'));
  assert.ok(lines[1].startsWith(`${dayIn(-20).csv};09:30;Familierådslagning;${CASE};Fulgt op;Sagsbehandler, Børn og Unge;`), lines[1]);
  // One participant per line inside the quoted cell, so a ';' in a name cannot split it.
  assert.match(lines[1], /"Familie: Mor\nNetværk: Kirsten \(Mormor\)\nFagperson: PPR"/);
  assert.match(lines[1], /;2 af 2;/);
  const perItem = await download(page, 'Hent CSV med én handling pr. række');
  const itemLines = perItem.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(itemLines[0], 'Dato;Tid;Type;Sagsreference;Status;Handling;Ansvarlig;Frist;Udført');
  assert.equal(itemLines[1], `${dayIn(-20).csv};09:30;Familierådslagning;${CASE};Fulgt op;Mormor henter i børnehaven tirsdag og torsdag;Mormor;${dayIn(5).csv};Nej`);
  assert.equal(itemLines[2], `${dayIn(-20).csv};09:30;Familierådslagning;${CASE};Fulgt op;Skolen sender en fraværsoversigt;Klasselæreren;${dayIn(60).csv};Nej`);

  // The minutes, for A4.
  await page.getByRole('link', { name: `Referat ${CASE}` }).click();
  await page.getByRole('heading', { level: 1, name: `Beslutningsreferat: Familierådslagning, ${CASE}` }).waitFor();
  const minutes = page.locator('article.minutes');
  for (const t of ['Kirsten (Mormor)', 'PPR', 'Mormor henter i børnehaven tirsdag og torsdag', 'Familiens plan er godkendt', 'Fulgt op']) {
    assert.ok((await minutes.textContent()).includes(t), t);
  }
  await noViolations(page, 'minutes');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-nav').isVisible(), false, 'navigation hidden in print');
  assert.equal(await page.getByRole('button', { name: 'Udskriv' }).isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'a page size in the PDF');
  assert.ok(Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, `A4 portrait, got ${box[1]}×${box[2]}`);

  assert.deepEqual(errors, []);
  await context.close();
});

test('own templates, Signs of Safety scale, duplicate and delete, settings and monthly statistics', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);

  // Signs of Safety: three questions and a 0–10 scale.
  await page.goto(env.base + '/netvaerksmoeder/skabeloner');
  await page.getByRole('heading', { level: 1, name: 'Skabeloner' }).waitFor();
  await noViolations(page, 'templates');
  await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Signs of Safety' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nyt møde: Signs of Safety' }).waitFor();
  assert.equal(await page.getByLabel('Spørgsmål 1', { exact: true }).inputValue(), 'Hvad er vi bekymrede for?');
  assert.equal(await page.getByLabel('Spørgsmål 3', { exact: true }).inputValue(), 'Hvad skal der ske?');
  const scale = page.getByRole('group', { name: 'Sikkerhedsskala (Signs of Safety)' });
  assert.equal(await scale.getByRole('radio').count(), 12, 'not scored, 0 … 10');
  await scale.getByRole('radio', { name: '6', exact: true }).check();
  await page.getByLabel(/^Sagsreference/).fill('Sag S-0007');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signs of Safety-møde, Sag S-0007' }).waitFor();
  assert.equal(await scale.getByRole('radio', { name: '6', exact: true }).isChecked(), true);

  // Save it as an own template; it appears among the templates and prefills a new meeting.
  await page.getByRole('button', { name: 'Gem som skabelon' }).click();
  await page.getByRole('button', { name: 'Gem skabelonen' }).click();
  const nameField = page.getByLabel('Skabelonens navn');
  assert.equal(await nameField.getAttribute('aria-invalid'), 'true');
  await nameField.fill('Vores sikkerhedsmøde');
  await page.getByRole('button', { name: 'Gem skabelonen' }).click();
  await page.getByRole('status').filter({ hasText: 'Skabelonen «Vores sikkerhedsmøde» er gemt' }).waitFor();

  // Duplicate: a new, unsaved copy of the same case.
  await page.getByRole('button', { name: 'Duplikér mødet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nyt møde som kopi af Sag S-0007' }).waitFor();
  assert.equal(await page.getByLabel(/^Sagsreference/).inputValue(), 'Sag S-0007');
  assert.equal(await page.getByRole('radio', { name: 'Planlagt' }).isChecked(), true);
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signs of Safety-møde, Sag S-0007' }).waitFor();
  await waitSaved(page);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByLabel('Søg', { exact: true }).fill('S-0007');
  await page.getByTestId('result-count').filter({ hasText: /^2 møder fundet/ }).waitFor();

  // Delete one (asked in place), then undo with the area's own button.
  await page.getByRole('link', { name: 'Sag S-0007', exact: true }).first().click();
  await page.getByRole('button', { name: 'Slet mødet' }).click();
  await page.getByRole('button', { name: 'Ja, slet mødet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Netværksmøder' }).waitFor();
  await page.getByTestId('result-count').filter({ hasText: /^1 møde fundet/ }).waitFor();
  await page.getByRole('button', { name: 'Fortryd' }).click();
  await page.getByTestId('result-count').filter({ hasText: /^2 møder fundet/ }).waitFor();

  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Skabeloner' }).click();
  const own = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Vores sikkerhedsmøde' }) });
  await own.waitFor();
  assert.match(await own.textContent(), /Egen skabelon/);
  await own.getByRole('link', { name: /Nyt møde ud fra skabelonen/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Nyt møde: Vores sikkerhedsmøde' }).waitFor();
  assert.equal(await page.getByLabel('Spørgsmål 2', { exact: true }).inputValue(), 'Hvad fungerer godt?');
  assert.equal(await page.getByRole('group', { name: 'Sikkerhedsskala (Signs of Safety)' }).getByRole('radio', { name: 'Ikke vurderet' }).isChecked(), true);
  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Skabeloner' }).click();
  await page.getByRole('button', { name: 'Slet skabelonen Vores sikkerhedsmøde' }).click();
  await page.getByRole('button', { name: 'Ja, slet skabelonen' }).click();
  await own.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: /Slet skabelonen Familierådslagning/ }).count(), 0, 'built-ins cannot be deleted');

  // Settings: the model's rules, said at their fields: no follow-ups a year is refused with the model's
  // range, a target above 1,000 (which the model allows) is not, a reversed band is refused; a valid
  // target is saved.
  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Indstillinger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indstillinger for opfølgning' }).waitFor();
  await noViolations(page, 'settings');
  const perYear = page.getByLabel('Opfølgninger om året for anbringelser');
  const perYearBefore = await perYear.inputValue();
  await perYear.fill('0');
  const target = page.getByRole('group', { name: 'Mål 1' });
  await target.getByLabel('Højst').fill('5000');
  await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
  assert.equal(await perYear.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#' + (await perYear.getAttribute('aria-describedby')).split(' ').pop()).textContent(), 'Skriv et helt tal fra 1 til 52.');
  await page.waitForFunction(() => document.activeElement?.id === 'r-placement', null, { timeout: 3000 });
  assert.equal(await target.getByLabel('Højst').getAttribute('aria-invalid'), 'false', 'the model allows 5.000 a month');
  await perYear.fill('x');
  await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
  assert.equal(await perYear.getAttribute('aria-invalid'), 'true');
  await perYear.fill(perYearBefore);
  await target.getByLabel('Mindst').fill('1');
  await target.getByLabel('Højst').fill('0');
  await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
  const max = target.getByLabel('Højst');
  assert.equal(await max.getAttribute('aria-invalid'), 'true');
  assert.match(await max.getAttribute('aria-describedby'), /-max-error/);
  await noViolations(page, 'settings with an error');
  await max.fill('2');
  await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
  await page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' }).waitFor();

  // Statistics: the chart is an image with a title and description, and the table says the same.
  await page.getByRole('navigation', { name: 'Netværksmøder' }).getByRole('link', { name: 'Statistik' }).click();
  await page.getByRole('heading', { level: 2, name: 'Familierådslagning: mål 1–2 om måneden' }).waitFor();
  const chart = page.getByRole('img', { name: /Søjlediagram: Familierådslagning pr\. måned/ });
  assert.equal(await chart.count(), 1);
  assert.match(await chart.locator('desc').textContent(), /Målet er 1–2 om måneden/);
  const table = page.getByRole('table', { name: /Familierådslagning pr\. måned sammenholdt med målet/ });
  assert.equal(await table.getByRole('row').count(), 13, 'header and twelve months');
  assert.ok(await table.getByText('Inden for målet').count() >= 1, 'a month within the new band');
  await noViolations(page, 'statistics');

  assert.deepEqual(errors, []);
  await context.close();
});

// 10,000 meetings: the search updates the list and the count, and paging works (the 50 ms keystroke budget
// is measured by scripts/bench.sh, not asserted here). The test makes its own workspace with the generator
// (or uses TRAPPE_BENCH_WORKSPACE), then exports it and imports the export again.
const BIG = process.env.TRAPPE_BENCH_WORKSPACE ?? new URL('../../target/e2e-workspace-10000.json', import.meta.url).pathname;
function generateBig() {
  if (existsSync(BIG)) return;
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_workspace', '--', BIG], {
    cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit',
  });
}
test('search, paging, export and import again work with 10,000 meetings', { timeout: 900000 }, async () => {
  generateBig();
  const { page, context, errors } = await openPage(env, '/data');
  // The longest main-thread task while importing and while opening from storage, as the browser's own
  // PerformanceObserver reports it (reported, not a timed pass/fail; scripts/bench.sh keeps the figures).
  await page.evaluate(watchLongTasks);
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(BIG);
  await page.getByTestId('import-preview').waitFor({ timeout: 120000 });
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor({ timeout: 120000 });
  const longestImport = await page.evaluate(() => window.__longest);
  await context.addInitScript(watchLongTasks);
  await page.reload();
  await page.getByTestId('save-status').filter({ hasText: 'Alt er gemt' }).waitFor({ timeout: 120000 });
  const longestOpen = await page.evaluate(() => window.__longest);
  console.log(`longest main-thread task: importing ${longestImport.toFixed(0)} ms, opening from storage ${longestOpen.toFixed(0)} ms (goal ≤ 50 ms)`);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Netværksmøder' }).click();
  const count = page.getByTestId('result-count');
  await count.filter({ hasText: 'Viser 1–50 af 10.000 møder.' }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('table.meet-table tbody tr').count(), 50, 'one page of rows');
  await page.getByLabel('Søg', { exact: true }).focus();
  const timings = [];
  for (const ch of 'skole mor') {
    timings.push(await page.evaluate((ch) => new Promise((ok) => {
      const field = document.getElementById('f-text');
      const t0 = performance.now();
      field.value += ch;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0)));
    }), ch));
  }
  const text = await count.textContent();
  assert.match(text, /af [\d.]+ møder \(ud af 10\.000\)/, text);
  console.log(`keystroke to updated list: ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
  await page.getByRole('button', { name: 'Næste side' }).click();
  await count.filter({ hasText: /^Viser 51–100 af / }).waitFor();
  await page.getByRole('button', { name: 'Første side' }).click();
  await count.filter({ hasText: /^Viser 1–50 af / }).waitFor();
  // The plan's list and board with 300 initiatives: their groups and columns draw their first rows at once
  // and the rest a moment later (ui/kit/progressive.rs); every row and every card comes.
  const initiatives = JSON.parse(await readFile(BIG, 'utf8')).workspace.plan.initiatives.length;
  assert.ok(initiatives > 200, `${initiatives} initiatives`);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
  await page.locator('.plan-table tbody tr').nth(initiatives - 1).waitFor();
  assert.equal(await page.locator('.plan-table tbody tr').count(), initiatives);
  assert.equal(await page.locator('.plan-groups').getAttribute('aria-busy'), null);
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Tavle' }).click();
  await page.locator('.plan-card').nth(initiatives - 1).waitFor();
  assert.equal(await page.locator('.plan-card').count(), initiatives);
  assert.equal(await page.locator('.plan-board').getAttribute('aria-busy'), null);
  // The list's groups are stacked: the first screenful of rows comes at once, counted over the groups,
  // and the rest a moment later, each row in its group and each group in its place.
  await page.evaluate(() => {
    window.__groupsNow = () => [...document.querySelectorAll('.plan-group')].map((g) => ({
      heading: g.querySelector('h2').textContent,
      numbers: [...g.querySelectorAll('tbody td.col-number')].map((td) => td.textContent),
    }));
  });
  const inPart = await page.evaluate(() => new Promise((done) => {
    const a = [...document.querySelectorAll('nav[aria-label="Handleplanens visninger"] a')].find((x) => x.textContent.trim() === 'Liste');
    a.click();
    const poll = () => (document.querySelector('.plan-table tbody tr')
      ? done({ busy: document.querySelector('.plan-groups').getAttribute('aria-busy'), groups: window.__groupsNow() })
      : setTimeout(poll, 0));
    poll();
  }));
  await page.locator('.plan-table tbody tr').nth(initiatives - 1).waitFor();
  assert.equal(await page.locator('.plan-groups').getAttribute('aria-busy'), null);
  const whole = await page.evaluate(() => window.__groupsNow());
  const drawnAtOnce = inPart.groups.reduce((n, g) => n + g.numbers.length, 0);
  console.log(`plan list at once: ${inPart.groups.length} of ${whole.length} groups, ${drawnAtOnce} of ${initiatives} rows (aria-busy ${inPart.busy})`);
  assert.equal(inPart.busy, 'true');
  assert.ok(drawnAtOnce > 0 && drawnAtOnce < initiatives, `${drawnAtOnce} rows at once`);
  assert.deepEqual(whole.slice(0, inPart.groups.length).map((g) => g.heading), inPart.groups.map((g) => g.heading), 'the first groups stay first');
  inPart.groups.forEach((g, k) => assert.deepEqual(whole[k].numbers.slice(0, g.numbers.length), g.numbers, `${g.heading}: its first rows stay first`));
  assert.equal(whole.reduce((n, g) => n + g.numbers.length, 0), initiatives, 'every row once');
  // The committee report draws its first initiatives at once and the rest after the first paint. A print
  // asked for at once waits for the rest: the page printed holds every initiative.
  const atPrint = await page.evaluate(() => new Promise((done) => {
    window.print = () => { window.__printedItems = document.querySelectorAll('.plan-report-item').length; };
    const a = [...document.querySelectorAll('nav[aria-label="Handleplanens visninger"] a')].find((x) => x.textContent.trim() === 'Rapport til udvalget');
    a.click();
    const poll = () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Udskriv eller gem som PDF');
      if (!button || !document.querySelector('.plan-report-item')) return setTimeout(poll, 0);
      const inPart = { items: document.querySelectorAll('.plan-report-item').length, busy: document.querySelector('[data-testid="committee-report"] [aria-busy]')?.getAttribute('aria-busy') };
      button.click();
      done(inPart);
    };
    poll();
  }));
  console.log(`committee report when «Udskriv» was clicked: ${atPrint.items} initiatives drawn, aria-busy ${atPrint.busy}`);
  assert.equal(atPrint.busy, 'true', 'the print was asked for while the report was drawn in part');
  const anyway = page.getByRole('button', { name: 'Udskriv alligevel' });
  await page.waitForFunction(() => window.__printedItems != null || document.getElementById('privacy-report-print-heading') != null, null, { timeout: 30000 });
  if (await anyway.isVisible()) await anyway.click();
  await page.waitForFunction(() => window.__printedItems != null, null, { timeout: 30000 });
  const reportItems = await page.locator('.plan-report-item').count();
  assert.ok(reportItems > 200, `${reportItems} initiatives in the report`);
  assert.equal(await page.evaluate(() => window.__printedItems), reportItems, 'the print holds every initiative');
  assert.equal(await page.locator('[data-testid="committee-report"] [aria-busy]').count(), 0);
  // Its export is its only backup: it must import again, identical.
  await page.goto(env.base + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  const exported = await download.path();
  const original = JSON.parse(await readFile(BIG, 'utf8')).workspace;
  const again = JSON.parse(await readFile(exported, 'utf8')).workspace;
  assert.equal(again.meetings.length, 10000);
  assert.deepEqual(again.meetings.slice(0, 50), original.meetings.slice(0, 50));
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(exported);
  await page.getByTestId('import-preview').waitFor({ timeout: 120000 });
  assert.equal(await page.getByTestId('import-repairs').count(), 0, 'nothing to repair');
  // The same workspace, recognised: imported as a copy beside it.
  await page.getByLabel(/^Importér filen som en kopi ved siden af/).check();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor({ timeout: 120000 });
  await page.reload();
  await page.getByRole('rowheader').first().waitFor({ timeout: 120000 });
  assert.equal(await page.getByRole('rowheader').count(), 2, 'the original and the re-import, side by side');
  assert.deepEqual(errors, []);
  await context.close();
});

// Long work shows how far it has come: with the processor slowed down 20 times (a very old laptop), reading
// the 10,000-meeting file and opening it from storage take over a second, and the page shows a labelled
// progress bar that fills up while the work goes on in slices, and goes once the work is done.
test('on a slow machine, reading and opening 10,000 meetings show a progress bar', { timeout: 900000 }, async () => {
  generateBig();
  const { page, context, errors } = await openPage(env, '/data');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  // Every state of the bar: its label (as tied to it) and value.
  const watchBar = () => {
    window.__bars = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="work-progress"] progress');
      if (bar) window.__bars.push([bar.labels[0]?.textContent ?? '', Number(bar.value)]);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  };
  const seen = (label) => page.evaluate((label) => window.__bars.filter(([l]) => l === label).map(([, v]) => v), label);
  await page.evaluate(watchBar);
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(BIG);
  await page.getByTestId('import-preview').waitFor({ timeout: 600000 });
  const reading = await seen('Læser filen …');
  assert.ok(reading.length >= 2, `the bar was drawn while the file was read: ${reading}`);
  assert.ok(reading.every((v, i) => i === 0 || v >= reading[i - 1]), `it only fills up: ${reading}`);
  assert.ok(reading.at(-1) >= 50 && reading.at(-1) <= 100, `it came far: ${reading}`);
  assert.equal(await page.getByTestId('work-progress').count(), 0, 'gone once the file is read');
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor({ timeout: 600000 });
  await context.addInitScript(watchBar);
  await page.reload();
  await page.getByTestId('save-status').filter({ hasText: 'Alt er gemt' }).waitFor({ timeout: 600000 });
  const opening = await seen('Åbner arbejdsområdet …');
  assert.ok(opening.length >= 2, `the bar was drawn while the workspace opened: ${opening}`);
  assert.equal(await page.getByTestId('work-progress').count(), 0, 'gone once it is open');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});
