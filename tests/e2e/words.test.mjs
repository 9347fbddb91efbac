// The words a caseworker reads (issue 21): a message stays with its page and workspace; an import's result
// is where the eyes are; the file field and the Data page speak Danish; a hostile file's set-aside texts
// hold no program text (JSON paths, serde's English, ISO patterns); a meeting whose type a file named and
// Trappe does not know stays visibly unknown and counts in no figure; times read «kl. 11.00»; months
// mm.åååå; and no screen shows reversed quotes »…« or «ÅÅÅÅ-MM-DD».
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openExample, waitSaved } from './harness.mjs';

const EXAMPLE = 'Socialstyrelsens indsatstrappe';
const OTHER = 'Halsnæs – Handleplan 2019–2020';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** A local date `days` from today as ISO, for the file. */
function isoIn(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const KNOWN_ID = '6f1c1a52-0000-4000-8000-000000000001';
const UNKNOWN_ID = '6f1c1a52-0000-4000-8000-000000000002';

/** A file with a meeting of a type Trappe does not know, a known one at 11.00, and one full of bad values. */
function hostileFile() {
  return JSON.stringify({
    format: 'trappe-workspace', version: 1,
    workspace: {
      name: 'Ordene', municipality: 'Testkommune',
      meetings: [
        { id: KNOWN_ID, case_ref: 'Sag F-1001', date: isoIn(-3), time: '11:00:00', meeting_type: 'interdisciplinary', status: 'held' },
        { id: UNKNOWN_ID, case_ref: 'Sag F-2041', date: isoIn(-3), time: '09:30:00', meeting_type: 'sikkerhedsplan', status: 'held' },
        { case_ref: 'Sag F-3003', date: '8. maj 2019', status: 'maybe', participants: [{ role: 'aunt' }] },
      ],
      staircase: { steps: [{ name: 'Trin 1', category: 'bla', interventions: [{ name: 'ICDP', cost_period: 'weekly', target_ages: ['baby'] }] }] },
    },
  });
}

async function importHostile(page) {
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles({ name: 'ordene.json', mimeType: 'application/json', buffer: Buffer.from(hostileFile()) });
  await page.getByTestId('import-repairs').waitFor();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(page);
}

/** The visible text of the page, without the hidden original JSON of set-aside entries. */
async function visibleText(page) {
  return page.evaluate(() => document.querySelector('main').innerText);
}

function noProgramText(text, where) {
  for (const bad of ['workspace.', 'one of', '`', 'ÅÅÅÅ-MM-DD', 'Feltet «', 'tilladt:', 'IndexedDB', 'Invalid {', 'unknown variant']) {
    assert.ok(!text.includes(bad), `«${bad}» on ${where}:\n${text}`);
  }
  assert.doesNotMatch(text, /»[\p{L}\d]|[\p{L}\d]«/u, `reversed quotes on ${where}`);
}

test('a message stays with its page and its workspace', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByRole('link', { name: 'Nyt møde', exact: true }).click();
  await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).click();
  await page.getByLabel(/^Sagsreference/).fill('Sag B-17');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  const saved = page.getByTestId('banner').filter({ hasText: 'Mødet er gemt.' });
  await saved.waitFor();
  await waitSaved(page);

  // Another page: the message is gone, and does not come back.
  await page.getByRole('navigation').getByRole('link', { name: 'Overblik' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
  assert.equal(await saved.count(), 0, 'gone after moving to another page');
  assert.doesNotMatch(await page.getByTestId('app-live').textContent(), /Mødet er gemt/);

  // Saved again, then another workspace opened: gone there too.
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByRole('link', { name: 'Nyt møde', exact: true }).click();
  await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).click();
  await page.getByLabel(/^Sagsreference/).fill('Sag B-18');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await saved.waitFor();
  await waitSaved(page);
  await openExample(page, OTHER);
  assert.equal(await page.getByTestId('banner').filter({ hasText: 'Mødet er gemt.' }).count(), 0, 'gone in another workspace');
  await page.goto(env.base + '/netvaerksmoeder');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByText('Mødet er gemt.').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Data page: a Danish file field, «browserens lager», sizes in GB or MB, the import result in view', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await page.goto(env.base + '/data');
  const button = page.getByTestId('import-file-button');
  await button.waitFor();
  assert.equal((await button.textContent()).trim(), 'Vælg fil');
  const text = await visibleText(page);
  assert.match(text, /Ingen fil valgt/);
  assert.doesNotMatch(text, /Choose File|No file chosen|\bBrowse\b|IndexedDB/);
  assert.match(text, /browserens lager/);
  assert.doesNotMatch(text, /\d\.\d{3},\d MB/, 'a size over 1.000 MB is said in GB');
  noProgramText(text, 'Data');

  await importHostile(page);
  // The result is where the eyes are: focused and in view.
  const banner = page.getByTestId('banner').filter({ hasText: 'Filen er importeret og åbnet.' });
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="banner"]'));
  assert.ok(await banner.isVisible());
  const box = await banner.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 768, `in view: ${JSON.stringify(box)}`);

  // The set-aside texts: Danish labels, places in words, allowed values by their Danish names.
  const aside = page.getByTestId('set-aside');
  await aside.waitFor();
  const said = await aside.evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('details').forEach((d) => d.remove());
    return copy.innerText;
  });
  noProgramText(said, 'Lagt til side');
  assert.match(said, /Sted i filen: Møde nr\. 3/);
  assert.match(said, /Dato kunne ikke læses \(der står «8\. maj 2019»/);
  assert.match(said, /«Planlagt», «Afholdt», «Fulgt op» eller «Aflyst»/);
  assert.match(said, /Rolle \(deltager nr\. 1\)/);
  assert.match(said, /Sted i filen: Trin nr\. 1, indsats nr\. 1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a meeting of a type Trappe does not know stays unknown, counts in no figure, and asks for a type', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await importHostile(page);

  // The list: «Ukendt type», times as «kl. 11.00».
  await page.goto(env.base + '/netvaerksmoeder');
  const list = page.locator('main');
  await list.getByText('Sag F-2041').first().waitFor();
  const listed = await visibleText(page);
  assert.match(listed, /Ukendt type: «sikkerhedsplan»/);
  assert.match(listed, /kl\. 11\.00/);
  assert.match(listed, /kl\. 09\.30/);
  assert.doesNotMatch(listed, /\b\d\d:\d\d\b/, 'no times with a colon on screen');
  noProgramText(listed, 'Netværksmøder');

  // Statistik: says one meeting is left out, and does not count it; months as mm.åååå.
  await page.goto(env.base + '/netvaerksmoeder/statistik');
  const notice = page.getByTestId('unknown-types');
  await notice.waitFor();
  assert.match(await notice.textContent(), /1 møde har en ukendt type og tælles ikke med/);
  assert.match(await page.getByLabel('Fra måned').inputValue(), /^\d\d\.\d{4}$/);
  const stats = await visibleText(page);
  assert.doesNotMatch(stats, /Familierådslagning\s+[1-9]/, 'the unknown meeting is not a family group conference');
  assert.doesNotMatch(stats, /sikkerhedsplan/, 'nor a type of its own in the figures');
  noProgramText(stats, 'Statistik');

  // The form asks for a type and refuses to save until one is chosen.
  await page.goto(`${env.base}/netvaerksmoeder/${UNKNOWN_ID}`);
  const type = page.locator('#m-type');
  await type.waitFor();
  assert.equal((await type.locator('option:checked').textContent()).trim(), 'Vælg en type …');
  assert.match(await page.locator('#m-type-hint').textContent(), /typen «sikkerhedsplan», som Trappe ikke kender/);
  assert.equal(await page.getByLabel('Klokkeslæt').inputValue(), '09.30');
  await page.getByLabel('Beslutninger', { exact: true }).fill('Aftalt');
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.locator('#m-type-error').filter({ hasText: 'Vælg en mødetype.' }).waitFor();
  assert.equal(await type.getAttribute('aria-invalid'), 'true');
  await type.selectOption({ label: 'Tværfagligt møde' });
  assert.equal(await page.locator('#m-type-error').count(), 0);
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByTestId('banner').filter({ hasText: 'Mødet er gemt.' }).waitFor();
  await waitSaved(page);

  // Now known, it counts, and the notice is gone.
  await page.goto(env.base + '/netvaerksmoeder/statistik');
  await page.getByLabel('Fra måned').waitFor();
  assert.equal(await page.getByTestId('unknown-types').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the main screens show no program text, no reversed quotes and no «ÅÅÅÅ-MM-DD»', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  for (const path of ['/overblik', '/trappe', '/netvaerksmoeder', '/netvaerksmoeder/statistik', '/netvaerksmoeder/ny', '/handleplan', '/data']) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const text = await visibleText(page);
    noProgramText(text, path);
    assert.doesNotMatch(text, /\b\d\d:\d\d\b/, `a time with a colon on ${path}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
