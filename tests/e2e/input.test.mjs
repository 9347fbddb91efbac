// What the user puts in is never lost or changed without a word: the browser's back and forward with an
// unsaved form ask the question the links ask (in the hosted app and in trappe.html from disk), a paste
// longer than a field holds is told at the field, and a price with a dot that is no thousands separator
// ("1234.50") is refused with an example instead of read as 123.450 kr.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const EXAMPLE = 'Socialstyrelsens indsatstrappe';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const status = (page) => page.getByTestId('save-status');
const nav = (page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: 20000 });

/** Replaces the harness's dialog handling with `answer` (true accepts), and records the questions. */
function answerDialogs(page, answer) {
  const seen = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => {
    seen.push({ type: d.type(), message: d.message() });
    if (d.type() === 'beforeunload' || answer()) d.accept(); else d.dismiss();
  });
  return seen;
}

/** The browser's back or forward, as its buttons do it; returns once the app has had time to answer. */
async function step(page, way) {
  await page.evaluate((w) => (w === 'back' ? history.back() : history.forward()), way);
  await page.waitForTimeout(400);
}

/** Back (or forward) with an unsaved form: asked once, the user stays, and nothing moved. */
async function stays(page, way, dialogs, label, field, text, heading) {
  const url = page.url();
  const before = dialogs.length;
  await step(page, way);
  const asked = dialogs.slice(before);
  assert.equal(asked.length, 1, `${way}: asked once`);
  assert.equal(asked[0].type, 'confirm');
  assert.match(asked[0].message, new RegExp(`«${label}», som ikke er gemt`));
  await page.waitForTimeout(200);
  assert.equal(page.url(), url, `${way}: the address is put back`);
  assert.equal(await field.inputValue(), text, `${way}: the text is still there`);
  await h1(page, heading);
  assert.equal(dialogs.length, before + 1, `${way}: the way back asks nothing`);
}

test('hosted: back and forward with an unsaved initiative ask; staying keeps text and address, leaving goes', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, KOEGE);
  await waitSaved(page);
  await nav(page).getByRole('link', { name: 'Handleplan' }).click();
  await page.getByRole('link', { name: 'Nyt initiativ' }).click();
  await h1(page, 'Nyt initiativ');
  const title = page.getByLabel(/^Titel/);
  await title.fill('Tidlig opsporing i dagtilbud');
  await status(page).filter({ hasText: 'Ikke gemt: kladde i «Initiativ»' }).waitFor();

  let accept = false;
  const dialogs = answerDialogs(page, () => accept);
  await stays(page, 'back', dialogs, 'Initiativ', title, 'Tidlig opsporing i dagtilbud', 'Nyt initiativ');
  // Asked again at the next try, and the form is still a draft.
  await stays(page, 'back', dialogs, 'Initiativ', title, 'Tidlig opsporing i dagtilbud', 'Nyt initiativ');
  assert.match(await status(page).textContent(), /kladde i «Initiativ»/);

  // Leaving: the list, and the dropped draft is gone.
  accept = true;
  await step(page, 'back');
  await page.waitForURL((u) => u.pathname === '/handleplan');
  await h1(page, /Handleplan/);
  assert.equal(dialogs.length, 3);
  await waitSaved(page);
  assert.doesNotMatch(await status(page).textContent(), /kladde/);

  // Forward to a clean form and back from it: nothing to lose, nothing asked.
  await step(page, 'forward');
  await h1(page, 'Nyt initiativ');
  await step(page, 'back');
  await h1(page, /Handleplan/);
  assert.equal(dialogs.length, 3, 'no question without a draft');

  // Forward away from an unsaved form (the workspace's own on Overblik).
  await step(page, 'back');
  await h1(page, /Overblik/);
  const name = page.getByLabel('Navn', { exact: true });
  await name.fill('Køge, vores udgave');
  await status(page).filter({ hasText: 'Ikke gemt: kladde i «Om arbejdsområdet»' }).waitFor();
  accept = false;
  await stays(page, 'forward', dialogs, 'Om arbejdsområdet', name, 'Køge, vores udgave', /Overblik/);
  accept = true;
  await step(page, 'forward');
  await page.waitForURL((u) => u.pathname === '/handleplan');
  await h1(page, /Handleplan/);
  assert.equal(dialogs.length, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hosted: back and forward with an unsaved intervention ask; a kept meeting draft asks nothing', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  await nav(page).getByRole('link', { name: 'Trappe' }).click();
  await h1(page, 'Indsatstrappen');
  const edit = page.locator('.iv-card button').filter({ hasText: /^Redigér / });
  const first = (await edit.nth(0).textContent()).replace(/^Redigér /, '');
  await edit.nth(0).click();
  const name = page.locator('#iv-name');
  await name.fill(first + ' (ny)');
  await status(page).filter({ hasText: 'Ikke gemt: kladde i «Indsats»' }).waitFor();

  let accept = false;
  const dialogs = answerDialogs(page, () => accept);
  await stays(page, 'back', dialogs, 'Indsats', name, first + ' (ny)', 'Indsatstrappen');
  assert.equal(await page.locator('dialog.editor-dialog[open]').count(), 1, 'the editor is still open');
  accept = true;
  await step(page, 'back');
  await page.waitForURL((u) => u.pathname === '/overblik');
  await h1(page, /Overblik/);

  // Forward: back on the staircase (clean, no question), on to Data and back, an unsaved edit, forward.
  await step(page, 'forward');
  await h1(page, 'Indsatstrappen');
  await nav(page).getByRole('link', { name: 'Data' }).click();
  await page.waitForURL((u) => u.pathname === '/data');
  await step(page, 'back');
  await h1(page, 'Indsatstrappen');
  assert.equal(dialogs.length, 2);
  await edit.nth(0).click();
  await name.fill(first + ' (igen)');
  accept = false;
  await stays(page, 'forward', dialogs, 'Indsats', name, first + ' (igen)', 'Indsatstrappen');
  accept = true;
  await step(page, 'forward');
  await page.waitForURL((u) => u.pathname === '/data');
  await page.getByRole('heading', { level: 1, name: /Data/ }).first().waitFor();
  assert.equal(dialogs.length, 4);

  // A meeting keeps its draft when left: back asks nothing, as the links.
  await nav(page).getByRole('link', { name: 'Netværksmøder' }).click();
  await page.getByTestId('result-count').filter({ hasText: /møder fundet/ }).waitFor();
  await page.locator('table th[scope="row"] a').first().click();
  await page.getByRole('button', { name: 'Gem mødet' }).waitFor();
  const notes = page.getByLabel('Noter', { exact: true });
  await notes.fill('Aftalt at mødes igen.');
  await status(page).filter({ hasText: /kladde i «/ }).waitFor();
  await step(page, 'back');
  await page.waitForURL((u) => u.pathname === '/netvaerksmoeder');
  assert.equal(dialogs.length, 4, 'a kept draft: no question');
  await step(page, 'forward');
  await page.getByRole('button', { name: 'Gem mødet' }).waitFor();
  assert.equal(await notes.inputValue(), 'Aftalt at mødes igen.', 'the kept draft is back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('trappe.html from disk: back and forward with an unsaved form ask, and staying keeps the route after #', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'Mine filer '));
  const file = join(dir, 'trappe.html');
  copyFileSync(join(process.env.TRAPPE_DIST ?? new URL('../../dist', import.meta.url).pathname, 'trappe.html'), file);
  const url = pathToFileURL(file).href;
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let accept = false;
  const dialogs = answerDialogs(page, () => accept);
  try {
    await page.goto(url);
    await h1(page, 'Velkommen til Trappe');
    await page.getByRole('button', { name: `Åbn eksemplet ${KOEGE}` }).click();
    await h1(page, `Overblik: ${KOEGE}`);
    await waitSaved(page);
    await nav(page).getByRole('link', { name: 'Handleplan' }).click();
    await page.getByRole('link', { name: 'Nyt initiativ' }).click();
    await h1(page, 'Nyt initiativ');
    assert.equal(page.url(), `${url}#/handleplan/ny`);
    const title = page.getByLabel(/^Titel/);
    await title.fill('Tidlig opsporing i dagtilbud');
    await status(page).filter({ hasText: 'Ikke gemt: kladde i «Initiativ»' }).waitFor();

    await stays(page, 'back', dialogs, 'Initiativ', title, 'Tidlig opsporing i dagtilbud', 'Nyt initiativ');
    accept = true;
    await step(page, 'back');
    await page.waitForURL(`${url}#/handleplan`);
    await h1(page, /Handleplan/);
    assert.equal(dialogs.length, 2);

    // Forward away from an unsaved form.
    await step(page, 'back');
    await page.waitForURL(`${url}#/overblik`);
    await h1(page, /Overblik/);
    const name = page.getByLabel('Navn', { exact: true });
    await name.fill('Køge i filen');
    await status(page).filter({ hasText: 'Ikke gemt: kladde i «Om arbejdsområdet»' }).waitFor();
    accept = false;
    await stays(page, 'forward', dialogs, 'Om arbejdsområdet', name, 'Køge i filen', /Overblik/);
    accept = true;
    await step(page, 'forward');
    await page.waitForURL(`${url}#/handleplan`);
    await h1(page, /Handleplan/);
    assert.equal(dialogs.length, 4);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a paste longer than a field holds is told at the field', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByTestId('result-count').filter({ hasText: /møder fundet/ }).waitFor();
  await page.locator('table th[scope="row"] a').first().click();
  await page.getByRole('button', { name: 'Gem mødet' }).waitFor();
  const notes = page.getByLabel('Noter', { exact: true });

  // A megabyte pasted over the whole note.
  const megabyte = 'Referat fra mødet. '.repeat(52632).slice(0, 1_000_000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), megabyte);
  await notes.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const message = 'Teksten var for lang: de sidste 950.000 tegn kom ikke med. Feltet rummer højst 50.000 tegn.';
  const note = page.locator('#m-notes-for-lang');
  await note.waitFor();
  assert.equal((await note.textContent()).trim(), message);
  assert.equal((await notes.inputValue()).length, 50_000, 'the field keeps what it holds');
  assert.ok((await notes.getAttribute('aria-describedby')).split(' ').includes('m-notes-for-lang'), 'tied to the field');
  // Above the input, after the label and hint (DKFDS order).
  assert.equal(await note.evaluate((n) => n.nextElementSibling.id), 'm-notes');
  assert.equal(await notes.evaluate((n) => n.closest('.form-group').contains(document.getElementById('m-notes-for-lang'))), true);
  await page.getByTestId('app-live').filter({ hasText: 'Teksten var for lang' }).waitFor();
  assert.deepEqual(await axe(page), [], 'meeting form with the note');

  // Typed in as one piece (dictation, an input method): told too.
  await notes.fill('');
  await page.waitForTimeout(50);
  await notes.focus();
  await page.keyboard.insertText('x'.repeat(50_010));
  await note.filter({ hasText: 'de sidste 10 tegn' }).waitFor();
  assert.equal((await notes.inputValue()).length, 50_000);

  // Text that fits takes the note away.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Kort referat.');
  await note.waitFor({ state: 'detached' });
  assert.ok(!((await notes.getAttribute('aria-describedby')) ?? '').includes('for-lang'));
  assert.equal(await notes.inputValue(), 'Kort referat.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a price with a dot that is no thousands separator is refused with an example; 1.234 is 1234', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/trappe');
  await h1(page, 'Indsatstrappen');
  const edit = page.locator('.iv-card button').filter({ hasText: /^Redigér / });
  await edit.nth(0).click();
  const cost = page.getByLabel('Pris (kr.)');
  const period = page.getByLabel('Pr.', { exact: true });
  const save = page.getByRole('button', { name: 'Gem indsats' });

  await cost.fill('1234.50');
  await save.click();
  assert.equal(await cost.getAttribute('aria-invalid'), 'true');
  const error = page.locator('#iv-cost-error');
  assert.equal((await error.textContent()).trim(), 'Skriv beløbet i hele kroner, fx 1234 eller 1.234. «1234.50» kan ikke læses.');
  assert.ok((await cost.getAttribute('aria-describedby')).split(' ').includes('iv-cost-error'));
  assert.equal(await page.locator('dialog.editor-dialog[open]').count(), 1, 'not saved');
  assert.deepEqual(await axe(page), [], 'intervention form with the refused price');

  // A paste longer than the price field holds: told at the field, and the note stays tied to it when the
  // field's error comes and goes.
  await page.evaluate(() => navigator.clipboard.writeText('1.234 kr. pr. måned inkl. moms og kørsel'));
  await cost.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const note = page.locator('#iv-cost-for-lang');
  await note.filter({ hasText: 'Feltet rummer højst 20 tegn.' }).waitFor();
  assert.equal(await cost.inputValue(), '1.234 kr. pr. måned ');
  await save.click();
  await page.waitForTimeout(200);
  const described = (await cost.getAttribute('aria-describedby')).split(' ');
  assert.ok(described.includes('iv-cost-error') && described.includes('iv-cost-for-lang'), described.join(' '));
  assert.deepEqual(await axe(page), [], 'intervention form with the note and an error');

  // Written as Danes group thousands: read as 1234.
  await cost.fill('1.234');
  if (!(await period.inputValue())) await period.selectOption({ label: 'pr. måned' });
  await save.click();
  await page.locator('dialog.editor-dialog[open]').waitFor({ state: 'detached' });
  await waitSaved(page);
  await edit.nth(0).click();
  assert.equal(await cost.inputValue(), '1.234', 'stored as 1234 kr., shown grouped');
  assert.deepEqual(errors, []);
  await context.close();
});
