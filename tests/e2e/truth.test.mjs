// Every screen, print and file tells the same story: the import preview compares the file with the copy here
// by content (never by stamps) and never preselects «Erstat»; each example carries only the figures its own
// source gives and marks what is made up, on screen and in print; and each example is shown as of its own
// date, so a 2019 plan is under way and its meetings lie in the year before, until the user asks for today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launch, openPage, openExample, axe, waitSaved } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const HALSNAES = 'Halsnæs';
const STAIR = 'Socialstyrelsens indsatstrappe';
const I11 = '1.1 Analyse af udslusningsboliger/egne værelser til udsatte unge';
const I12 = '1.2 Analyse af skole- og dagbehandlingstilbud';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const nav = (page, name) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name }).click();

async function exportFile(page) {
  await nav(page, 'Data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  return dl.path();
}

async function importFile(page, path) {
  await nav(page, 'Data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-verdict').waitFor();
}

async function pdfText(page) {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    text += (await (await doc.getPage(i)).getTextContent()).items.map((x) => x.str).join(' ') + ' ';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: text.replace(/\s+/g, ' '), pages };
}

test('the import preview compares content: edits here after the export are named, «Erstat» is never preselected, and a fresh export is «ens»', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await waitSaved(page);
  const first = await exportFile(page);

  // Three edits after the export, without leaving the page: a note on 1.1, a board move of 1.2 and a new
  // intervention on the staircase.
  await nav(page, 'Handleplan');
  await page.getByRole('link', { name: I11.slice(4) }).click();
  await page.getByRole('heading', { level: 1, name: I11 }).waitFor();
  await page.getByLabel('Note', { exact: true }).fill('Skrevet efter eksporten.');
  await page.getByRole('button', { name: 'Gem i historikken' }).click();
  await page.getByText('Noten er skrevet i historikken.').waitFor();
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Tavle' }).click();
  const inProgress = page.getByRole('region', { name: /^I gang/ });
  await inProgress.getByRole('listitem', { name: I12 }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('board-announcement').filter({ hasText: `${I12} er flyttet til «Forsinket»` }).waitFor();
  await nav(page, 'Trappe');
  await page.getByRole('button', { name: /^Tilføj indsats på .*Netværksbaserede indsatser$/ }).click();
  const form = page.getByRole('region', { name: 'Ny indsats' });
  await form.getByLabel('Navn', { exact: true }).fill('Familierådslagning');
  await form.getByRole('button', { name: 'Tilføj indsatsen' }).click();
  await page.getByRole('button', { name: 'Redigér Familierådslagning', exact: true }).waitFor();
  await waitSaved(page);

  // The file from before the edits: the copy here holds what the file lacks, and the file nothing new.
  await importFile(page, first);
  assert.match(await page.getByTestId('import-verdict').textContent(), /^Udgaven her har ændringer, som filen ikke har, og filen har intet, som ikke er her\./);
  assert.deepEqual(await page.getByTestId('import-differences').getByRole('listitem').allTextContents(),
    ['Her er 1 indsats og 2 ændrede initiativer, som filen ikke har.']);
  assert.equal(await page.getByLabel(/^Flet filen ind i «/).isChecked(), true, 'merging, which keeps both sides, is the first choice');
  assert.equal(await page.getByLabel('Erstat udgaven her med filen').isChecked(), false, '«Erstat» is never preselected');
  assert.deepEqual(await axe(page), [], 'import preview');
  await page.getByRole('button', { name: 'Fortryd' }).last().click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached' });

  // Export again and import at once: the same content, «ens», whatever the stamps say; opening is the only
  // sensible choice and «Erstat» is not offered.
  const second = await exportFile(page);
  await importFile(page, second);
  assert.match(await page.getByTestId('import-verdict').textContent(), /^Filen og udgaven her er ens/);
  assert.equal(await page.getByTestId('import-differences').count(), 0);
  assert.equal(await page.getByLabel('Åbn udgaven her i browseren, og importér ikke filen').isChecked(), true, 'the same content: nothing to merge, opening comes first');
  assert.equal(await page.getByLabel('Erstat udgaven her med filen').count(), 0);
  await page.getByRole('button', { name: 'Åbn', exact: true }).click();
  await page.getByText('Filen er ikke importeret').waitFor();

  // The same comparison when the copy here is not the open one (read from storage): open another example,
  // then bring the older file again.
  await openExample(page, HALSNAES);
  await importFile(page, first);
  assert.deepEqual(await page.getByTestId('import-differences').getByRole('listitem').allTextContents(),
    ['Her er 1 indsats og 2 ændrede initiativer, som filen ikke har.']);
  assert.equal(await page.getByLabel('Erstat udgaven her med filen').isChecked(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each example carries its own source\'s figures, and made-up numbers say so on screen and in print', async () => {
  const { page, context, errors } = await openPage(env, '/');
  // The start page says what the examples are built on.
  await page.getByText(/Køge og Halsnæs bygger på de to kommuners offentlige planer fra 2019/).waitFor();

  // Køge and Halsnæs: the plans give no staircase figures, so Overblik has no measurement to show (no
  // 865 children, no 164.790.500 kr., no 30,2 per caseworker under the municipality's name).
  for (const example of [KOEGE, HALSNAES]) {
    await openExample(page, example);
    await page.getByTestId('notices').getByText('Der er ingen målinger endnu.', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('series-table').count(), 0, example);
    assert.doesNotMatch(await page.locator('main').textContent(), /865|164\.790\.500|30,2/, example);
    await nav(page, 'Trappe');
    await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
    await page.getByTestId('iv-card').first().waitFor();
    assert.equal(await page.getByTestId('iv-card').filter({ hasText: 'kr.' }).count(), 0, `${example}: no prices on its staircase`);
  }
  // Køge's indicators are made up, and said to be.
  await openExample(page, KOEGE);
  assert.match(await page.getByTestId('made-up-notice').textContent(),
    /^Indikatorerne «Anbragte børn i familiepleje og på døgntilbud», «Netværksrådslagninger i nye sager pr\. måned» og «Børnefaglige undersøgelser afsluttet inden for fire måneder» har opdigtede eksempeltal\.$/);
  // And in the printed committee report, whose indicator table shows them.
  await nav(page, 'Handleplan');
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Rapport til udvalget' }).click();
  await page.getByTestId('committee-report').waitFor();
  const report = await pdfText(page);
  assert.ok(report.text.includes('har opdigtede eksempeltal'), report.text.slice(0, 400));
  assert.ok(report.text.includes('Vist pr. 8. maj 2019'));
  await openExample(page, HALSNAES);
  assert.equal(await page.getByTestId('made-up-notice').count(), 0, 'Halsnæs holds no made-up number');

  // Socialstyrelsen's made-up municipality: figures, each measurement marked on Overblik, on the staircase and
  // in both prints.
  await openExample(page, STAIR);
  await page.getByTestId('series-table').waitFor();
  const notice = 'Opdigtede tal: målingerne «Baseline 2016», «Status 2018», «Status 2019» og «Mål 2020» er eksempeltal, ikke en kommunes egne tal';
  assert.ok((await page.getByTestId('made-up-notice').textContent()).startsWith(notice));
  assert.deepEqual(await axe(page), [], 'Overblik with the notices');
  await page.getByRole('link', { name: 'Udskriv til udvalget' }).click();
  await page.locator('.overview-print h1').waitFor();
  const committee = await pdfText(page);
  assert.equal(committee.pages, 1, 'the committee page still fits one A4 page');
  assert.ok(committee.text.includes('Opdigtede tal: målingerne «Baseline 2016»'), committee.text.slice(0, 400));
  assert.ok(committee.text.includes('Vist pr. 31. december 2019'));
  await nav(page, 'Trappe');
  await page.getByRole('navigation', { name: 'Trappens visninger' }).getByRole('link', { name: 'Målinger' }).click();
  const list = page.getByTestId('measurement-list');
  await list.waitFor();
  assert.equal(await list.getByTestId('made-up-tag').count(), 4);
  await nav(page, 'Trappe');
  await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
  await page.getByTestId('figures-table').waitFor();
  const printed = await pdfText(page);
  assert.ok(printed.text.includes('Opdigtede tal: målingerne'), printed.text.slice(0, 400));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Køge opens as of 8 May 2019: the plan under way and the meetings of the year before, until «Vis pr. i dag»', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, KOEGE);
  // Overblik says which day it is shown as of.
  await page.getByTestId('as-of-notice').filter({ hasText: 'Vist pr. 8. maj 2019' }).waitFor();
  assert.equal(await page.getByTestId('overdue').textContent(), '0', 'no deadline passed on 8 May 2019');
  assert.equal(await page.getByTestId('stale').textContent(), '0');
  // The meetings lie in the twelve months before 8 May 2019: the window is May 2018 – April 2019.
  const perMonth = Number((await page.getByTestId('meetings-per-month').textContent()).replace(',', '.'));
  assert.ok(perMonth > 0, `meetings held in the last 12 months: ${perMonth}`);
  assert.match(await page.locator('main').textContent(), /maj 2018 – april 2019/);
  // The board: nothing flagged late.
  await nav(page, 'Handleplan');
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Tavle' }).click();
  await page.getByRole('heading', { level: 1, name: 'Handleplan: tavle' }).waitFor();
  assert.equal(await page.getByText('Fristen er overskredet').count(), 0);
  assert.deepEqual(await axe(page), [], 'board as of 8 May 2019');

  // As of today instead: the same plan is past its deadlines, and the screens say nothing of 2019.
  await page.getByRole('button', { name: 'Vis pr. i dag' }).click();
  await page.getByTestId('app-live').filter({ hasText: 'Arbejdsområdet vises nu pr. i dag.' }).waitFor();
  await nav(page, 'Overblik');
  await page.getByTestId('overdue').waitFor();
  assert.equal(await page.getByTestId('as-of-notice').count(), 0);
  assert.ok(Number(await page.getByTestId('overdue').textContent()) > 0);
  await waitSaved(page);
  await page.reload();
  await page.getByTestId('overdue').waitFor();
  assert.equal(await page.getByTestId('as-of-notice').count(), 0, 'kept after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});
