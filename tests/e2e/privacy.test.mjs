// Personal data before a file leaves the machine: a CPR number, an e-mail address and a phone number in
// free-text fields are found before a JSON export, each with its kind and its place in words and a link
// there; one can be left out («[fjernet]» in the file, the stored text unchanged); the same check stands
// before a CSV download, «Eksportér alligevel» exports the text as it is, and with nothing found the
// export goes straight through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, openExample, axe, waitSaved } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const MEETING_ID = '7a1c1a52-0000-4000-8000-000000000001';
const INITIATIVE_ID = '7a1c1a52-0000-4000-8000-000000000002';
const CPR = '010203-1234';
const EMAIL = 'mor@example.dk';
const PHONE = '12 34 56 78';

function fileWithPersonalData() {
  return JSON.stringify({
    format: 'trappe-workspace', version: 1,
    workspace: {
      name: 'Personoplysninger', municipality: 'Testkommune',
      meetings: [{
        id: MEETING_ID, case_ref: 'Sag P-1', date: '2026-03-02', time: '10:00:00',
        meeting_type: 'interdisciplinary', status: 'held', minutes_kind: 'full',
        notes: `Mor oplyste ${CPR} ved mødet. Beløb 2.500.000 kr. Sag 2019-008869-1, mødet 01-02-2019.`,
      }],
      plan: {
        initiatives: [{
          id: INITIATIVE_ID, number: '1.1', title: 'Tidlig indsats',
          description: `Kontakt forælderen på ${EMAIL}.`,
          history: [{ date: '2026-03-01', text: `Mor ringer fra ${PHONE}.` }],
        }],
      },
    },
  });
}

async function importFile(page) {
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles({ name: 'personoplysninger.json', mimeType: 'application/json', buffer: Buffer.from(fileWithPersonalData()) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(page);
}

async function downloadBy(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

const check = (page) => page.getByTestId('privacy-check');

test('a JSON export lists each piece of personal data with its place, and leaves out the chosen one', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await importFile(page);
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: 'Eksportér til fil' }).click();
  await check(page).waitFor();
  // Focus is on the warning's heading, so a screen reader reads it first.
  await page.waitForFunction(() => document.activeElement?.id === 'privacy-export-heading');
  const items = check(page).getByTestId('privacy-hits').locator('li');
  assert.equal(await items.count(), 3, 'the CPR number, the e-mail address and the phone number; no amount, reference or date');
  const texts = (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
  assert.match(texts[0], new RegExp(`^CPR-nummer «${CPR}» i Møde «Sag P-1 – [^»]*», Noter`));
  assert.match(texts[1], new RegExp(`^E-mailadresse «${EMAIL}» i Initiativ «1\\.1 Tidlig indsats», Beskrivelse`));
  assert.match(texts[2], new RegExp(`^Telefonnummer «${PHONE}» i Initiativ «1\\.1 Tidlig indsats», note 01\\.03\\.2026, Notat`));
  for (const t of texts) assert.doesNotMatch(t, /workspace\.|\[\d+\]/, 'no paths of the file');
  assert.deepEqual(await axe(page), [], 'the warning');

  // «Fortryd» exports nothing, and focus goes back to the button.
  await check(page).getByRole('button', { name: 'Fortryd' }).click();
  await check(page).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'export-file');

  // Leave the CPR number out, by keyboard: the file carries «[fjernet]» there, the rest as written.
  await page.keyboard.press('Enter');
  await check(page).waitFor();
  const box = check(page).getByLabel(`Udelad i denne eksport: CPR-nummer «${CPR}»`);
  await box.focus();
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
  assert.match(await page.getByTestId('privacy-left-out').textContent(), /^Ét sted udelades og står som «\[fjernet\]» i eksporten\.$/);
  const file = await downloadBy(page, () => check(page).getByRole('button', { name: 'Eksportér alligevel' }).click());
  assert.match(file.name, /^trappe-personoplysninger-\d{4}-\d\d-\d\d\.json$/);
  const ws = JSON.parse(file.text).workspace;
  assert.equal(ws.meetings[0].notes, 'Mor oplyste [fjernet] ved mødet. Beløb 2.500.000 kr. Sag 2019-008869-1, mødet 01-02-2019.');
  assert.ok(!file.text.includes(CPR));
  assert.equal(ws.plan.initiatives[0].description, `Kontakt forælderen på ${EMAIL}.`);
  assert.equal(ws.plan.initiatives[0].history[0].text, `Mor ringer fra ${PHONE}.`);
  await check(page).waitFor({ state: 'detached' });

  // The link leads to the meeting, where the stored text is unchanged.
  await page.getByRole('button', { name: 'Eksportér til fil' }).click();
  await check(page).getByRole('link', { name: /^Møde «Sag P-1/ }).click();
  await page.waitForURL((u) => u.pathname === `/netvaerksmoeder/${MEETING_ID}`);
  const notes = page.getByLabel('Noter', { exact: true });
  await notes.waitFor();
  assert.match(await notes.inputValue(), new RegExp(`Mor oplyste ${CPR} ved mødet`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV download is checked for what it carries; «Eksportér alligevel» keeps the text, «Udelad alle» removes it', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await importFile(page);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: /fundet/ }).waitFor();
  await page.getByRole('button', { name: 'Hent CSV med ét møde pr. række' }).click();
  await check(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'privacy-meetings-csv-heading');
  // Only what the file carries: the meeting's CPR number, not the plan's e-mail address or phone number.
  const items = check(page).getByTestId('privacy-hits').locator('li');
  assert.equal(await items.count(), 1);
  assert.match(await items.first().textContent(), new RegExp(`CPR-nummer «${CPR}» i Møde «Sag P-1`));
  assert.deepEqual(await axe(page), [], 'the warning on the meetings list');

  const asIs = await downloadBy(page, () => check(page).getByRole('button', { name: 'Eksportér alligevel' }).click());
  assert.match(asIs.name, /\.csv$/);
  assert.ok(asIs.text.includes(CPR), 'exported anyway: as written');

  await page.getByRole('button', { name: 'Hent CSV med ét møde pr. række' }).click();
  await check(page).getByLabel('Udelad alle i denne eksport').check();
  const left = await downloadBy(page, () => check(page).getByRole('button', { name: 'Eksportér alligevel' }).click());
  assert.ok(!left.text.includes(CPR));
  assert.ok(left.text.includes('Mor oplyste [fjernet] ved mødet.'), left.text);

  // The plan's CSV carries the e-mail address (the description) or the phone number (the latest note).
  await page.goto(env.base + '/handleplan');
  await page.getByRole('button', { name: 'Hent initiativer (CSV)' }).click();
  await check(page).waitFor();
  const planTexts = (await check(page).getByTestId('privacy-hits').locator('li').allTextContents()).join(' | ');
  assert.match(planTexts, new RegExp(`Telefonnummer «${PHONE}» i Initiativ «1\\.1 Tidlig indsats»`), planTexts);
  assert.doesNotMatch(planTexts, /CPR-nummer/, planTexts);
  await check(page).getByRole('button', { name: 'Fortryd' }).click();
  await check(page).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing the minutes is checked too, and a left-out text is «[fjernet]» only while the page prints', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await importFile(page);
  await page.goto(env.base + `/netvaerksmoeder/${MEETING_ID}/referat`);
  const print = page.getByRole('button', { name: 'Udskriv' });
  await print.waitFor();
  // What the page holds when the browser prints it.
  await page.evaluate(() => { window.print = () => { window.__printed = document.querySelector('main').innerText; }; });
  await print.click();
  await check(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'privacy-minutes-print-heading');
  const items = check(page).getByTestId('privacy-hits').locator('li');
  assert.equal(await items.count(), 1, 'the minutes show the meeting only');
  assert.match(await items.first().textContent(), new RegExp(`CPR-nummer «${CPR}» i Møde «Sag P-1`));
  await check(page).getByLabel(`Udelad i denne eksport: CPR-nummer «${CPR}»`).check();
  await check(page).getByRole('button', { name: 'Udskriv alligevel' }).click();
  await check(page).waitFor({ state: 'detached' });
  const printed = await page.evaluate(() => window.__printed);
  assert.ok(printed.includes('Mor oplyste [fjernet] ved mødet.'), printed);
  assert.ok(!printed.includes(CPR));
  const after = await page.evaluate(() => document.querySelector('main').innerText);
  assert.ok(after.includes(`Mor oplyste ${CPR} ved mødet.`), 'the page is put back after printing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('linking a copy on disk shows the same check first, with nothing to leave out of a copy of everything', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await importFile(page);
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: 'Forbind med en fil…' }).click();
  await check(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'privacy-linked-heading');
  assert.equal(await check(page).getByTestId('privacy-hits').locator('li').count(), 3);
  assert.equal(await check(page).getByRole('checkbox').count(), 0, 'the copy holds the whole workspace: nothing is left out');
  await check(page).getByRole('button', { name: 'Forbind alligevel' }).waitFor();
  assert.deepEqual(await axe(page), [], 'the check before linking');
  await check(page).getByRole('button', { name: 'Fortryd' }).click();
  await check(page).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('with nothing found, export and CSV go straight through', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await page.goto(env.base + '/data');
  const file = await downloadBy(page, () => page.getByRole('button', { name: 'Eksportér til fil' }).click());
  assert.match(file.name, /\.json$/);
  assert.equal(await check(page).count(), 0);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: /møder fundet/ }).waitFor();
  const csv = await downloadBy(page, () => page.getByRole('button', { name: 'Hent CSV med ét møde pr. række' }).click());
  assert.match(csv.name, /\.csv$/);
  assert.equal(await check(page).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
