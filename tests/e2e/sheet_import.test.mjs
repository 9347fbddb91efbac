// «Importér fra regneark» as a caseworker meets it: a CSV saved by Danish Excel (semicolons, Windows-1252,
// CRLF, a title row) chosen on the meetings page, the suggested columns confirmed, the preview read (a day
// that does not exist and a misspelt status named by row and column, a misspelt type offered its closest
// name), the rows to fix downloaded, personal data caught before import, one undo taking it all back, the
// same file again duplicating nothing; and Trappe's own meetings CSV imported into an empty workspace gives
// the same meetings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** A CSV as Danish Excel saves «CSV (semikolonsepareret)»: Windows-1252 (Latin-1 for these letters), CRLF. */
function danishExcelCsv(lines) {
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

const SHEET = [
  'Netværksmøder i Familieafdelingen;;;;',
  ';;;;',
  'Mødedato;Sagsnr.;Mødetype;Status;Aftaler',
  '08.05.2024;S-101;Familierådslagning;Afholdt;Mor ringer til skolen',
  '8. maj 2024;S-102;FRL;Planlagt;',
  '31.04.2024;S-103;Familierådslagning;Afholdt;',
  '10-05-2024;S-104;Familieraadslagning;Afholdt;Se CPR 010203-1234',
  '11/5 2024;S-105;Opfølgningsmøde;Afhodlt;',
];

async function newWorkspace(page, name) {
  await page.goto(env.base + '/');
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.getByRole('heading', { level: 1, name: `Overblik: ${name}` }).waitFor();
}

async function chooseSheet(page, name, bytes) {
  await page.locator('#sheet-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('heading', { name: 'Hvad indeholder kolonnerne?' }).waitFor();
}

const summary = (page) => page.getByTestId('sheet-summary');

test('a Danish Excel CSV: confirm the columns, read the preview, import, undo, and import again without duplicates', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await newWorkspace(page, 'Import fra Excel');
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByRole('link', { name: 'Importér fra regneark' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importér netværksmøder fra regneark' }).waitFor();
  assert.deepEqual(await axe(page), [], 'the empty import page');

  // A broken workbook is refused at the field, in Danish, with what to do: no program text.
  await page.locator('#sheet-file').setInputFiles({ name: 'ødelagt.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]) });
  const fieldError = page.locator('#sheet-file-error');
  await fieldError.waitFor();
  assert.equal(await fieldError.innerText(), 'Filen kan ikke læses; den er måske beskadiget eller ikke gemt helt. Åbn den i Excel eller LibreOffice, gem den igen som .xlsx, og vælg den nye fil.');
  assert.equal(await page.locator('#sheet-file').getAttribute('aria-invalid'), 'true');

  await chooseSheet(page, 'møder.csv', danishExcelCsv(SHEET));
  assert.equal(await fieldError.count(), 0, 'the error leaves with a file that reads');
  // The header row is found under the title and the empty row; each column is matched from its header.
  assert.equal(await page.getByLabel('Overskrifterne står i række').inputValue(), '3');
  const columns = [];
  for (let c = 0; c < 5; c++) columns.push(await page.getByTestId(`sheet-column-${c}`).inputValue());
  assert.deepEqual(columns, ['Date', 'CaseRef', 'MeetingType', 'MeetingStatus', 'Decisions']);

  // The preview: three rows read, two named with row, column and reason.
  await summary(page).filter({ hasText: '3 nye rækker, 2 rækker kan ikke læses.' }).waitFor();
  const problems = await page.getByTestId('sheet-problems').innerText();
  assert.match(problems, /Række 6: Kolonne A \(Mødedato\): Datoen «31\.04\.2024» findes ikke\./);
  assert.match(problems, /Række 8: Kolonne D \(Status\): Status «Afhodlt» kendes ikke\. Mente du «Afholdt»\?/);
  const sample = await page.getByTestId('sheet-sample').innerText();
  assert.match(sample, /08\.05\.2024/);
  assert.match(sample, /Ukendt type: «Familieraadslagning»/, 'a misspelt type stays visibly unknown');
  assert.deepEqual(await axe(page), [], 'the mapping and the preview');

  // The misspelt values get the offered names.
  await page.getByLabel('Mødetype «Familieraadslagning» (1 række)').selectOption({ label: 'Mente du «Familierådslagning»?' });
  await page.getByLabel('Status «Afhodlt» (1 række)').selectOption({ label: 'Mente du «Afholdt»?' });
  await summary(page).filter({ hasText: '4 nye rækker, 1 række kan ikke læses.' }).waitFor();

  // The row that still cannot be read comes as a CSV to fix.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-rejects').click()]);
  assert.equal(dl.suggestedFilename(), 'moeder-rettes.csv');
  const rejects = (await readFile(await dl.path())).toString('utf8');
  assert.match(rejects, /^\uFEFFMødedato;Sagsnr\.;Mødetype;Status;Aftaler;Hvad skal rettes\r\n31\.04\.2024;S-103;/);
  assert.match(rejects, /findes ikke/);

  // Personal data is caught before anything is stored; left out, it never arrives.
  await page.getByRole('button', { name: 'Importér 4 rækker' }).click();
  const check = page.getByTestId('privacy-check');
  await check.waitFor();
  assert.match(await check.innerText(), /010203-1234/);
  assert.match(await check.innerText(), /Regnearkets række 7, kolonne E/);
  assert.match(await check.innerText(), /personoplysninger i regnearket/);
  await check.getByRole('checkbox', { name: /^Udelad i denne import/ }).check();
  await check.getByRole('button', { name: 'Importér alligevel' }).click();
  await page.getByTestId('sheet-import-done').filter({ hasText: '4 netværksmøder er importeret' }).waitFor();
  await waitSaved(page);

  // To the list by the menu (the undo history lives in the open page).
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Netværksmøder' }).click();
  await page.getByTestId('result-count').filter({ hasText: '4 møder fundet.' }).waitFor();
  assert.ok(!(await page.locator('main').innerText()).includes('010203-1234'));

  // One undo takes the whole import back.
  await page.getByRole('button', { name: 'Fortryd', exact: true }).click();
  await page.getByTestId('result-count').filter({ hasText: /^0 møder|Ingen møder/ }).waitFor().catch(async () => {
    assert.fail(`after undo: ${await page.getByTestId('result-count').innerText()}`);
  });
  await page.getByRole('button', { name: 'Gentag', exact: true }).click();
  await page.getByTestId('result-count').filter({ hasText: '4 møder fundet.' }).waitFor();

  // The same file again: every readable row is there already, and nothing is imported twice.
  await page.getByRole('link', { name: 'Importér fra regneark' }).click();
  await chooseSheet(page, 'møder.csv', danishExcelCsv(SHEET));
  await page.getByLabel('Mødetype «Familieraadslagning» (1 række)').selectOption({ label: 'Mente du «Familierådslagning»?' });
  await page.getByLabel('Status «Afhodlt» (1 række)').selectOption({ label: 'Mente du «Afholdt»?' });
  await summary(page).filter({ hasText: /^0 nye rækker, 4 rækker findes allerede/ }).waitFor();
  assert.equal(await page.getByTestId('sheet-import-go').getAttribute('aria-disabled'), 'true');
  assert.match(await page.getByTestId('sheet-sample').innerText(), /Findes allerede/);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: '4 møder fundet.' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("Trappe's own meetings CSV imported into an empty workspace gives the same meetings", async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: '9 møder fundet.' }).waitFor();
  const exportCsv = async () => {
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent CSV med ét møde pr. række' }).click(),
    ]);
    return (await readFile(await dl.path())).toString('utf8');
  };
  const original = await exportCsv();

  await newWorkspace(page, 'Tomt');
  await page.goto(env.base + '/netvaerksmoeder/fra-regneark');
  await chooseSheet(page, 'netvaerksmoeder.csv', Buffer.from(original, 'utf8'));
  await summary(page).filter({ hasText: '9 nye rækker.' }).waitFor();
  // The example's own meeting type is new to this workspace: the user says it is the municipality's own.
  await page.getByLabel('Mødetype «Overgangsmøde 17½ år» (1 række)').selectOption({ label: 'Kommunens egen mødetype med dette navn' });
  await page.getByRole('button', { name: 'Importér 9 rækker' }).click();
  await page.getByTestId('sheet-import-done').waitFor();
  await waitSaved(page);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: '9 møder fundet.' }).waitFor();
  const again = await exportCsv();

  // The same meetings: every column the import takes is equal; the ones Trappe works out from the staircase
  // or the action items (which a CSV does not carry) are left out of the comparison.
  const rows = (csv) => csv.replace(/^\uFEFF/, '').split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter(Boolean)
    .map((r) => r.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/));
  const [head, ...a] = rows(original);
  const [, ...b] = rows(again);
  const compared = head.map((h, i) => [h, i]).filter(([h]) => !['Handlinger (åbne/i alt)', 'Næste opfølgning', 'Koblede indsatser', 'Trin'].includes(h));
  const pick = (r) => compared.map(([, i]) => r[i]);
  assert.equal(b.length, 9);
  assert.deepEqual(b.map(pick), a.map(pick));
  assert.deepEqual(errors, []);
  await context.close();
});

test('children per intervention from a sheet become measurements on the staircase, one per column', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await page.goto(env.base + '/trappe/maalinger');
  await page.getByRole('link', { name: 'Importér fra regneark' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importér målinger fra regneark' }).waitFor();
  const counts = ['Antal børn pr. indsats;;', 'Indsats;Status 2021;Mål 2020', 'Familiebehandling;120;100',
    '4. Netværksbaserede indsatser;30;45', 'Familiebehandlnig;5;', 'Sundhedspleje med ekstra hjemmebesøg;x;'];
  await chooseSheet(page, 'tal.csv', Buffer.from(counts.join('\r\n'), 'utf8'));
  assert.deepEqual(
    [await page.getByTestId('sheet-column-0').inputValue(), await page.getByTestId('sheet-column-1').inputValue(), await page.getByTestId('sheet-column-2').inputValue()],
    ['Place', 'Count', 'Count'],
  );
  await summary(page).filter({ hasText: '1 ny måling: «Status 2021»; «Mål 2020» findes allerede, med andre tal. 2 rækker med tal for en indsats eller et trin, 2 rækker kan ikke læses.' }).waitFor();
  assert.match(await page.getByTestId('sheet-problems').innerText(), /Række 5: Kolonne A \(Indsats\): Trappen har ingen indsats eller trin ved navn «Familiebehandlnig»\. Mente du «Familiebehandling»\?/);
  await page.getByLabel('Indsats eller trin «Familiebehandlnig» (1 række)').selectOption({ label: 'Mente du «Familiebehandling»?' });
  await summary(page).filter({ hasText: /3 rækker med tal/ }).waitFor();
  assert.deepEqual(await axe(page), [], 'the measurements preview');
  // Only the new measurement unless the existing one is chosen to be updated.
  await page.getByRole('button', { name: 'Importér 1 måling' }).click();
  await page.getByTestId('sheet-import-done').filter({ hasText: '1 måling er importeret' }).waitFor();
  await page.goto(env.base + '/trappe/maalinger');
  assert.match(await page.getByTestId('measurement-list').innerText(), /Status 2021/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the action plan's own initiatives CSV, imported from the Data page into an empty workspace, gives the same initiatives", async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Halsnæs – Handleplan 2019–2020');
  await page.goto(env.base + '/handleplan');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent initiativer (CSV)' }).click(),
  ]);
  const original = await readFile(await dl.path());
  await newWorkspace(page, 'Ny handleplan');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('link', { name: 'Importér initiativer fra regneark' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importér initiativer fra regneark' }).waitFor();
  await chooseSheet(page, 'initiativer.csv', original);
  await summary(page).filter({ hasText: /^\d+ nye rækker\.$/ }).waitFor();
  const n = Number((await summary(page).innerText()).match(/^(\d+)/)[1]);
  assert.ok(n >= 10, `${n} initiatives`);
  await page.getByRole('button', { name: `Importér ${n} rækker` }).click();
  await page.getByTestId('sheet-import-done').getByRole('link', { name: 'Se handleplanen' }).click();
  await page.getByText(`Viser alle ${n} initiativer.`).waitFor();
  // The same initiatives: the plan's CSV of the new workspace has the same columns the import takes.
  const [dl2] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent initiativer (CSV)' }).click(),
  ]);
  const again = (await readFile(await dl2.path())).toString('utf8').split('\r\n');
  const before = original.toString('utf8').split('\r\n');
  // Goals, tracks and the latest note are not taken from a sheet; the other columns are equal row by row.
  const cols = (line) => line.split(';');
  const head = cols(before[0]);
  const keep = head.map((h, i) => [h, i]).filter(([h]) => !['Mål', 'Spor', 'Seneste note, dato', 'Seneste note'].includes(h)).map(([, i]) => i);
  const pick = (line) => keep.map((i) => cols(line)[i]);
  assert.deepEqual(again.slice(1).filter(Boolean).map(pick).sort(), before.slice(1).filter(Boolean).map(pick).sort());
  assert.deepEqual(errors, []);
  await context.close();
});
