// Forms as a caseworker meets them: a meeting draft survives leaving the page (and the header never says
// "Alt er gemt" meanwhile), other forms ask before their draft is lost, dates and times read and show in
// Danish in an English browser, focus after choosing a template, the sticky save bar never covers the
// focused field, undo is announced, re-importing the same workspace is recognised, and messages name
// places in the user's words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const EXAMPLE = 'Socialstyrelsens indsatstrappe';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const status = (page) => page.getByTestId('save-status');

/** Replaces the harness's dialog handling with `answer` (true accepts), and records the messages. */
function answerDialogs(page, answer) {
  const seen = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => {
    seen.push({ type: d.type(), message: d.message() });
    if (d.type() === 'beforeunload' || answer()) d.accept(); else d.dismiss();
  });
  return seen;
}

async function openFirstMeeting(page) {
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: /møder fundet/ }).waitFor();
  const link = page.locator('table th[scope="row"] a').first();
  const name = (await link.textContent()).trim();
  await link.click();
  await page.getByRole('button', { name: 'Gem mødet' }).waitFor();
  return name;
}

test('a meeting draft is kept when the user leaves, and the header says it is not saved', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  await openFirstMeeting(page);
  const meetingUrl = page.url();
  const notes = page.getByLabel('Noter', { exact: true });
  const before = await notes.inputValue();
  await notes.fill(before + '\nAftalt at mødes igen om tre uger.');
  await status(page).filter({ hasText: /^Ikke gemt: kladde i «/ }).waitFor();
  assert.doesNotMatch(await status(page).textContent(), /Alt er gemt|Gemt kl\./);

  // Away through the main navigation: no question (the draft is kept), and the header still says so.
  const dialogs = answerDialogs(page, () => false);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  assert.deepEqual(dialogs, [], 'leaving a meeting draft asks nothing: it is kept');
  assert.match(await status(page).textContent(), /^Ikke gemt: kladde i «/);
  assert.deepEqual(await axe(page), [], 'header with a draft link');

  // The header leads back to the draft, with the text still there.
  await page.getByTestId('draft-link').click();
  await page.waitForURL(meetingUrl);
  assert.equal(await page.getByLabel('Noter', { exact: true }).inputValue(), before + '\nAftalt at mødes igen om tre uger.');
  assert.equal(await page.getByTestId('draft-link').count(), 0, 'no link to the page the user is on');

  // Saved: the draft is gone and the header tells the save.
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await waitSaved(page);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik' }).click();
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
  assert.doesNotMatch(await status(page).textContent(), /kladde/);
  await page.goto(meetingUrl);
  assert.match(await page.getByLabel('Noter', { exact: true }).inputValue(), /om tre uger/, 'stored after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form that cannot keep its draft asks before the user leaves, and closing the tab asks too', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  const name = page.getByLabel('Navn', { exact: true });
  await name.fill('Indsatstrappen i vores kommune');
  await status(page).filter({ hasText: 'Ikke gemt: kladde i «Om arbejdsområdet»' }).waitFor();

  let accept = false;
  const dialogs = answerDialogs(page, () => accept);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Trappe' }).click();
  await page.waitForTimeout(200);
  assert.equal(dialogs.length, 1, 'asked once');
  assert.equal(dialogs[0].type, 'confirm');
  assert.match(dialogs[0].message, /«Om arbejdsområdet», som ikke er gemt/);
  assert.match(page.url(), /\/overblik$/, 'the user chose to stay');
  assert.equal(await name.inputValue(), 'Indsatstrappen i vores kommune', 'the draft is still there');

  // Closing the tab with the draft asks (beforeunload), which the browser shows as its own question.
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(dialogs.some((d) => d.type === 'beforeunload'), 'closing the tab asked first');
  assert.ok(page.isClosed());

  // A new tab: this time the user agrees to leave without saving.
  const tab = await context.newPage();
  await tab.goto(env.base + '/overblik');
  await tab.getByLabel('Navn', { exact: true }).fill('Andet navn');
  accept = true;
  const seen = answerDialogs(tab, () => accept);
  await tab.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await tab.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  assert.equal(seen.filter((d) => d.type === 'confirm').length, 1);
  await waitSaved(tab);
  assert.doesNotMatch(await tab.getByTestId('save-status').textContent(), /kladde/, 'the dropped draft is gone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dates and times read and show in Danish in an English browser', async () => {
  const { page, context, errors } = await openPage(env, '/', { locale: 'en-US' });
  await openExample(page, EXAMPLE);
  await openFirstMeeting(page);
  const date = page.getByLabel('Dato', { exact: true });
  assert.equal(await date.getAttribute('type'), 'text', 'not a date picker that follows the browser language');
  assert.match(await date.inputValue(), /^\d\d\.\d\d\.\d{4}$/);
  assert.match(await page.locator('#m-date-hint').textContent(), /dd\.mm\.åååå/);
  await date.fill('3.4.2026');
  await date.press('Tab');
  assert.equal(await date.inputValue(), '03.04.2026', 'shown back in the one Danish format');
  const time = page.getByLabel('Klokkeslæt');
  await time.fill('9.30');
  await time.press('Tab');
  assert.equal(await time.inputValue(), '09.30', 'shown back as Danes write the time');
  await time.fill('16:05');
  await time.press('Tab');
  assert.equal(await time.inputValue(), '16.05', 'a colon is read too');

  // A date that does not exist is kept as typed, tied to the field, and stops the save.
  await date.fill('31.02.2026');
  await date.press('Tab');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await date.getAttribute('aria-describedby'), /m-date-error/);
  assert.match(await page.locator('#m-date-error').textContent(), /dd\.mm\.åååå, fx 12\.03\.2026/);
  assert.equal(await date.inputValue(), '31.02.2026');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Mødet er ikke gemt' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /Datoen kan ikke læses/);
  await date.fill('01.03.2026');
  await date.press('Tab');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await waitSaved(page);
  assert.equal(await date.inputValue(), '01.03.2026');

  // The meeting statistics' months, and the plan's dates, too.
  await page.goto(env.base + '/netvaerksmoeder/statistik');
  const from = page.getByLabel('Fra måned');
  assert.equal(await from.getAttribute('type'), 'text');
  assert.match(await from.inputValue(), /^\d\d\.\d{4}$/, 'a month shows as mm.åååå');
  await from.fill('2026-03');
  await from.press('Tab');
  assert.equal(await from.inputValue(), '03.2026', 'the ISO form is read too, and shown the Danish way');
  await from.fill('13.2026');
  await from.press('Tab');
  assert.equal(await from.getAttribute('aria-invalid'), 'true');
  await page.goto(env.base + '/handleplan/ny');
  const start = page.getByLabel(/^Start/);
  assert.equal(await start.getAttribute('type'), 'text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after choosing a template, focus is on the form\'s first field', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/netvaerksmoeder/ny');
  await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Nyt møde: Familierådslagning' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'm-type');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'm-date', 'Tab goes on to the next field');
  await context.close();
});

test('the sticky save bar never covers the focused field', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await openFirstMeeting(page);
  const covered = () => page.evaluate(() => {
    const el = document.activeElement;
    const bar = document.querySelector('.meet-form .form-actions');
    if (!el || !bar || bar.contains(el)) return null;
    const r = el.getBoundingClientRect();
    const top = bar.getBoundingClientRect().top;
    return r.bottom > top + 0.5 ? { id: el.id || el.tagName, bottom: r.bottom, barTop: top } : null;
  });
  // Tab through the whole form, as a keyboard user would.
  await page.getByLabel('Mødetype').focus();
  const hits = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(30);
    const c = await covered();
    if (c) hits.push(c);
    if (await page.evaluate(() => document.activeElement?.closest('.form-actions') !== null)) break;
  }
  assert.deepEqual(hits, [], 'no focused field under the bar');
  // After "Tilføj handling" the new row's first field is in view above the bar.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Tilføj handling' }).click();
  await page.waitForTimeout(150);
  assert.match(await page.evaluate(() => document.activeElement.id), /^a-.*-what$/);
  assert.equal(await covered(), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('undo says what it did, and the staircase no longer announces the undone move', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/trappe');
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  const card = page.locator('.iv-card button[aria-label^="Redigér"], .iv-card button').filter({ hasText: /^Redigér / }).first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  const live = page.getByTestId('stair-live');
  await live.filter({ hasText: /flyttet til trin/ }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).click();
  await page.keyboard.press('Control+z');
  await page.getByTestId('app-live').filter({ hasText: 'Den seneste ændring er fortrudt.' }).waitFor();
  await page.waitForTimeout(100);
  assert.equal((await live.textContent()).trim(), '', 'the undone move is no longer announced');
  await page.keyboard.press('Control+Shift+z');
  await page.getByTestId('app-live').filter({ hasText: 'Ændringen er gentaget.' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

async function exportFile(page) {
  await page.goto(env.base + '/data');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  return dl.path();
}

async function chooseFile(page, path) {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor();
}

test('importing a file of a workspace that is here already says so, and offers open, replace or copy', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  const file = await exportFile(page);
  const list = page.locator('section[aria-labelledby="data-list"] tbody tr');
  const rows = () => list.count();
  const before = await rows();

  // The same file back: recognised, the same content («ens»), and opening the copy here is the default;
  // replacing it with itself is not offered.
  await chooseFile(page, file);
  const same = page.getByTestId('import-same');
  await same.waitFor();
  assert.match(await same.textContent(), /Socialstyrelsens indsatstrappe/);
  await page.getByTestId('import-verdict').filter({ hasText: 'Filen og udgaven her er ens' }).waitFor();
  assert.equal(await page.getByLabel('Åbn udgaven her i browseren, og importér ikke filen').isChecked(), true, 'the same content: nothing to merge, opening comes first');
  assert.equal(await page.getByLabel('Erstat udgaven her med filen').count(), 0);
  assert.deepEqual(await axe(page), [], 'import preview of the same workspace');
  await page.getByRole('button', { name: 'Åbn', exact: true }).click();
  await page.getByText('Filen er ikke importeret').waitFor();
  assert.equal(await rows(), before, 'nothing imported');

  // A file edited elsewhere (a later stamp and another description): the difference is named, and keeping the
  // copy here stays the default; a copy gets a name of its own.
  const json = JSON.parse(await readFile(file, 'utf8'));
  json.workspace.updated_at = new Date(Date.now() + 3600_000).toISOString();
  json.workspace.description = 'Rettet hos en kollega';
  const newer = file + '-newer.json';
  await writeFile(newer, JSON.stringify(json));
  await chooseFile(page, newer);
  await page.getByTestId('import-differences').filter({ hasText: 'beskrivelse er forskellig i filen og her' }).waitFor();
  assert.equal(await page.getByLabel('Erstat udgaven her med filen').isChecked(), false);
  assert.equal(await page.getByLabel(/^Flet filen ind i «/).isChecked(), true, 'merging, which keeps both sides, is the first choice');
  await page.getByLabel(/^Importér filen som en kopi ved siden af/).check();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await list.filter({ hasText: /importeret \d\d\.\d\d\.\d{4}/ }).first().waitFor();
  const names = await list.allTextContents();
  const copies = names.filter((n) => /Socialstyrelsens indsatstrappe/.test(n));
  assert.ok(copies.some((n) => /\(importeret \d\d\.\d\d\.\d{4}\)/.test(n)), `the copy is named apart: ${copies.join(' | ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export warns of a CPR number by record and field, with a link to where it is edited', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  const caseName = await openFirstMeeting(page);
  const meetingPath = new URL(page.url()).pathname;
  await page.getByLabel('Noter', { exact: true }).fill('Mor oplyste 010203-1234 ved mødet.');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await waitSaved(page);
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: 'Eksportér til fil' }).click();
  const places = page.getByTestId('privacy-hits');
  await places.waitFor();
  const text = await places.textContent();
  assert.match(text, new RegExp(`CPR-nummer «010203-1234» i Møde «${caseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*», Noter`));
  assert.doesNotMatch(text, /workspace\.|\[\d+\]/, 'no paths of the file');
  await places.getByRole('link').first().click();
  await page.waitForURL((u) => u.pathname === meetingPath);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving a workspace to the trash asks by name', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: /^Slet Socialstyrelsens indsatstrappe/ }).first().click();
  await page.getByText(/^Vil du lægge «Socialstyrelsens indsatstrappe[^»]*» i papirkurven\? Du kan gendanne det nederst på siden\.$/).waitFor();
  await context.close();
});

test('an intervention being edited is not dropped by Escape without asking', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/trappe');
  const edit = page.locator('.iv-card button').filter({ hasText: /^Redigér / });
  const first = (await edit.nth(0).textContent()).replace(/^Redigér /, '');
  await edit.nth(0).click();
  const name = page.locator('#iv-name');
  await name.fill(first + ' (ny)');
  await status(page).filter({ hasText: 'Ikke gemt: kladde i «Indsats»' }).waitFor();
  let accept = false;
  const dialogs = answerDialogs(page, () => accept);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  assert.equal(dialogs.filter((d) => d.type === 'confirm').length, 1, 'asked');
  assert.equal(await page.locator('dialog.editor-dialog[open]').count(), 1, 'the editor stays open');
  assert.equal(await name.inputValue(), first + ' (ny)', 'with the draft');
  accept = true;
  await name.focus();
  await page.keyboard.press('Escape');
  await page.locator('dialog.editor-dialog[open]').waitFor({ state: 'detached' });
  await page.waitForTimeout(100);
  assert.doesNotMatch(await status(page).textContent(), /kladde/, 'the dropped draft is gone');
  assert.equal(dialogs.filter((d) => d.type === 'confirm').length, 2);
  // A clean editor closes on Escape without a question.
  await edit.nth(0).click();
  await name.waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog.editor-dialog[open]').waitFor({ state: 'detached' });
  assert.equal(dialogs.filter((d) => d.type === 'confirm').length, 2, 'nothing to lose, nothing asked');
  assert.deepEqual(errors, []);
  await context.close();
});
