// The staircase as a workshop uses it: build a six-step staircase from nothing, add interventions, move
// them by keyboard and by drag, count children in two measurements, compare them, play what-if, export the
// chart as SVG and PNG, and print. Figures are computed by hand in the comments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe } from './harness.mjs';

/** Text without the soft hyphens (U+00AD) the app puts in long words, as a reader sees it unbroken. */
const plain = (t) => t.replace(/\u00ad/g, '');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const STEPS = [
  ['Almene tilbud', 'Almene tilbud', ''],
  ['Tidlig forebyggende indsats', 'Forebyggende', ''],
  ['Forebyggende foranstaltninger', 'Forebyggende', ''],
  ['Netværksbaserede indsatser', 'Forebyggende', ''],
  ['Familiepleje', 'Anbringelse', '470.000'],
  ['Døgninstitution', 'Anbringelse', ''],
];

async function noViolations(page, label) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${label}: ${JSON.stringify(v, null, 1)}`);
}

async function addStep(page, [name, category, cost]) {
  await page.getByRole('button', { name: 'Tilføj trin', exact: true }).click();
  await page.getByRole('heading', { name: 'Nyt trin' }).waitFor();
  await page.getByLabel('Navn på trinnet').fill(name);
  await page.getByRole('radio', { name: category, exact: true }).check();
  if (cost) await page.getByLabel('Pris pr. barn om året for trinnet som helhed (kr.)').fill(cost);
  await page.getByRole('button', { name: 'Tilføj trinnet' }).click();
  await page.getByRole('heading', { level: 3, name: new RegExp(`^Trin \\d+ ${name}$`) }).waitFor();
}

async function addIntervention(page, step, { name, cost, period, provider, method }) {
  await page.getByRole('button', { name: `Tilføj indsats på ${step}` }).click();
  const form = page.getByRole('region', { name: 'Ny indsats' });
  await form.waitFor();
  await form.getByLabel('Navn', { exact: true }).fill(name);
  if (provider) await form.getByLabel('Udfører', { exact: true }).fill(provider);
  if (method) await form.getByLabel('Metode eller evidens').fill(method);
  if (cost) await form.getByLabel('Pris (kr.)').fill(cost);
  if (period) await form.getByLabel('Pr.', { exact: true }).selectOption({ label: period });
  await form.getByRole('button', { name: 'Tilføj indsatsen' }).click();
  await page.getByRole('button', { name: `Redigér ${name}`, exact: true }).waitFor();
}

/** Names of the interventions on step `n` (1-based), top to bottom, as shown. */
async function namesOn(page, n) {
  // (Without the soft hyphens the app puts in long words.)
  const names = (await page.getByRole('list', { name: `Indsatser på Trin ${n}`, exact: true }).locator('.iv-name').allTextContents()).map(plain);
  return names.map((s) => s.replace(/^Redigér /, '').trim());
}

async function setCount(page, label, value) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(String(value));
  await field.press('Tab');
  await page.waitForFunction(([l, v]) => {
    const lab = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === l);
    return lab && document.getElementById(lab.htmlFor)?.value === String(v);
  }, [label, value]);
}

test('build a staircase from empty, move, measure, compare, export and print', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await page.getByLabel('Navn', { exact: true }).fill('Trappe-workshop');
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.waitForURL(/overblik/);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  await page.getByText('Trappen har ingen trin endnu.').waitFor();
  await noViolations(page, 'empty staircase');

  // An empty step name is refused next to the field.
  await page.getByRole('button', { name: 'Tilføj trin', exact: true }).click();
  await page.getByRole('button', { name: 'Tilføj trinnet' }).click();
  const stepName = page.getByLabel('Navn på trinnet');
  assert.equal(await stepName.getAttribute('aria-invalid'), 'true');
  assert.match(await stepName.getAttribute('aria-describedby'), /step-name-error/);
  assert.equal(await page.locator('#step-name-error').textContent(), 'Skriv et navn til trinnet.');
  await noViolations(page, 'step form with error');
  await page.getByRole('button', { name: 'Fortryd', exact: true }).click();

  for (const s of STEPS) await addStep(page, s);
  const headings = (await page.locator('.step-head h3').allTextContents()).map(plain);
  assert.deepEqual(headings, STEPS.map(([n], i) => `Trin ${i + 1} ${n}`));

  await addIntervention(page, 'Tidlig forebyggende indsats', { name: 'ICDP-forældrekursus', cost: '4.500', period: 'pr. forløb', provider: 'Familiecenter Køge', method: 'ICDP' });
  await addIntervention(page, 'Tidlig forebyggende indsats', { name: 'Åben anonym rådgivning' });
  await addIntervention(page, 'Tidlig forebyggende indsats', { name: 'KIFF', cost: '3.000', period: 'pr. forløb', method: 'KIFF' });
  await addIntervention(page, 'Forebyggende foranstaltninger', { name: 'Familiebehandling', cost: '15.000', period: 'pr. måned', provider: 'Familiecenter Køge' });
  await addIntervention(page, 'Døgninstitution', { name: 'Opholdssted', cost: '1.160.000', period: 'pr. år', provider: 'Glostrup Observationshjem' });
  assert.deepEqual(await namesOn(page, 2), ['ICDP-forældrekursus', 'Åben anonym rådgivning', 'KIFF']);

  // A bad price is refused next to its field.
  await page.getByRole('button', { name: 'Redigér KIFF', exact: true }).click();
  await page.getByLabel('Pris (kr.)').fill('dyr');
  await page.getByRole('button', { name: 'Gem indsats' }).click();
  assert.equal(await page.getByLabel('Pris (kr.)').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#iv-cost-error').textContent(), /hele kroner/);
  await noViolations(page, 'intervention form with error');
  await page.getByRole('button', { name: 'Fortryd', exact: true }).click();

  // A new price has no unit until the user picks one; the form says what the price is a year.
  await page.getByRole('button', { name: 'Tilføj indsats på Familiepleje' }).click();
  const form = page.getByRole('region', { name: 'Ny indsats' });
  await form.getByLabel('Navn', { exact: true }).fill('Kursus uden enhed');
  assert.equal(await form.getByLabel('Pr.', { exact: true }).inputValue(), '');
  await form.getByLabel('Pris (kr.)').fill('4.500');
  assert.match(await form.getByTestId('iv-yearly').textContent(), /^Vælg, om prisen gælder/);
  await form.getByRole('button', { name: 'Tilføj indsatsen' }).click();
  assert.equal(await form.getByLabel('Pr.', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#iv-period-error').textContent(), 'Vælg, om prisen gælder en måned, et år eller et forløb.');
  // Focus moves to the field after the next frame.
  await page.waitForFunction(() => document.activeElement?.id === 'iv-period', null, { timeout: 3000 });
  await noViolations(page, 'intervention form without a unit');
  await form.getByLabel('Pr.', { exact: true }).selectOption({ label: 'pr. forløb' });
  assert.equal(await form.getByTestId('iv-yearly').textContent(), 'Svarer til 4.500 kr. pr. barn pr. år, regnet som 1 forløb pr. barn pr. år.');
  await form.getByLabel('Pr.', { exact: true }).selectOption({ label: 'pr. måned' });
  assert.equal(await form.getByTestId('iv-yearly').textContent(), 'Svarer til 54.000 kr. pr. barn pr. år.');
  await page.getByRole('button', { name: 'Fortryd', exact: true }).click();
  // Closing hands focus back to the button that opened the editor, a frame later: let it land first.
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  // Keyboard: Alt+Up moves KIFF one place up; Alt+Right moves open counselling to step 3.
  const live = page.getByTestId('stair-live');
  await page.getByRole('button', { name: 'Redigér KIFF', exact: true }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await live.filter({ hasText: 'KIFF flyttet til trin 2, position 2' }).waitFor();
  assert.deepEqual(await namesOn(page, 2), ['ICDP-forældrekursus', 'KIFF', 'Åben anonym rådgivning']);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Redigér KIFF', 'focus stays on the moved card');
  await page.getByRole('button', { name: 'Redigér Åben anonym rådgivning', exact: true }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await live.filter({ hasText: 'Åben anonym rådgivning flyttet til trin 3, position 2' }).waitFor();
  assert.deepEqual(await namesOn(page, 2), ['ICDP-forældrekursus', 'KIFF']);
  assert.deepEqual(await namesOn(page, 3), ['Familiebehandling', 'Åben anonym rådgivning']);

  // Drag: open counselling back to step 2, dropped on the upper half of ICDP, so it lands first.
  const card = (name) => page.locator('.iv-card', { has: page.getByRole('button', { name: `Redigér ${name}`, exact: true }) });
  await card('Åben anonym rådgivning').dragTo(card('ICDP-forældrekursus'), { targetPosition: { x: 20, y: 4 } });
  await live.filter({ hasText: 'Åben anonym rådgivning flyttet til trin 2, position 1' }).waitFor();
  assert.deepEqual(await namesOn(page, 2), ['Åben anonym rådgivning', 'ICDP-forældrekursus', 'KIFF']);
  assert.deepEqual(await namesOn(page, 3), ['Familiebehandling']);

  // Undo and redo the drag with the page's buttons.
  await page.getByRole('button', { name: 'Fortryd (Ctrl+Z)' }).click();
  assert.deepEqual(await namesOn(page, 3), ['Familiebehandling', 'Åben anonym rådgivning']);
  await page.getByRole('button', { name: 'Gentag (Ctrl+Y)' }).click();
  assert.deepEqual(await namesOn(page, 2), ['Åben anonym rådgivning', 'ICDP-forældrekursus', 'KIFF']);

  // Filter: one of five interventions is a course ("kursus"); it is marked, and the count says so.
  await page.getByLabel('Søg i indsatser').fill('kursus');
  await page.getByTestId('filter-count').filter({ hasText: '1 af 5 indsatser matcher' }).waitFor();
  assert.equal(await page.locator('.iv-card.match').count(), 1);
  assert.match(plain(await page.locator('.iv-card.match').textContent()), /ICDP-forældrekursus.*Matcher/);
  await page.getByRole('search').getByLabel('Udfører').selectOption('Familiecenter Køge');
  await page.getByTestId('filter-count').filter({ hasText: '1 af 5 indsatser matcher' }).waitFor();
  await page.getByLabel('Søg i indsatser').fill('');
  await page.getByTestId('filter-count').filter({ hasText: '2 af 5 indsatser matcher' }).waitFor();
  await noViolations(page, 'filtered staircase');
  await page.getByRole('button', { name: 'Nulstil filter' }).click();
  await page.getByTestId('filter-count').filter({ hasText: 'Viser alle 5 indsatser' }).waitFor();

  // Measurements.
  await page.getByRole('navigation', { name: 'Trappens visninger' }).getByRole('link', { name: 'Målinger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen: målinger' }).waitFor();
  await page.getByRole('button', { name: 'Ny måling' }).click();
  await page.getByLabel('Navn', { exact: true }).fill('Baseline 2024');
  await page.getByLabel('Dato').fill('2024-01-31');
  await page.getByLabel('Antal sagsbehandlere').fill('4');
  await page.getByRole('button', { name: 'Gem måling' }).click();
  await page.getByRole('rowheader', { name: 'Baseline 2024' }).waitFor();
  // 10 × 4.500 + 20 × 15.000 × 12 + 6 × 470.000 (step as a whole) + 5 × 1.160.000 = 12.265.000 kr.
  await setCount(page, 'Børn i ICDP-forældrekursus', 10);
  await setCount(page, 'Børn i Familiebehandling', 20);
  await setCount(page, 'Børn Talt på trinnet som helhed, Trin 5 Familiepleje', 6);
  await setCount(page, 'Børn i Opholdssted', 5);
  assert.equal(await page.getByTestId('counts-total-children').textContent(), '41');
  assert.equal(await page.getByTestId('counts-total-spend').textContent(), '12.265.000 kr.');
  assert.equal(await page.getByTestId('counts-per-course').textContent(), 'Priser pr. forløb er regnet som 1 forløb pr. barn pr. år (10 børn i «Baseline 2024»).');
  assert.match(await page.getByRole('row', { name: /ICDP-forældrekursus/ }).textContent(), /4\.500 kr\.regnet som 1 forløb pr\. barn pr\. år/);
  // A bad count is refused next to its field.
  const icdp = page.getByLabel('Børn i KIFF', { exact: true });
  await icdp.fill('-2');
  await icdp.press('Tab');
  assert.equal(await icdp.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${await icdp.getAttribute('aria-describedby')}`).textContent(), /negativt/);
  await icdp.fill('0');
  await icdp.press('Tab');
  assert.equal(await icdp.getAttribute('aria-invalid'), 'false');
  // Caseload counts children with a case: no intervention here needs a referral, so only the 6 counted on the
  // foster-care step (not universal) count, on 4 caseworkers.
  assert.equal(await page.getByRole('row', { name: /Baseline 2024/ }).getByTestId('caseload').textContent(), '1,5 børn pr. sagsbehandler');

  // The target starts from the baseline's numbers.
  await page.getByRole('button', { name: 'Ny måling' }).click();
  await page.getByLabel('Navn', { exact: true }).fill('Mål 2026');
  await page.getByLabel('Type').selectOption({ label: 'Mål' });
  await page.getByLabel('Antal sagsbehandlere').fill('5');
  await page.getByLabel('Start med tallene fra').selectOption({ label: 'Baseline 2024' });
  await page.getByRole('button', { name: 'Gem måling' }).click();
  await page.getByRole('rowheader', { name: 'Mål 2026' }).waitFor();
  assert.equal(await page.getByLabel('Måling, der tælles i').inputValue() !== '', true);
  await page.locator('#counts-measurement').selectOption({ label: 'Mål 2026' });
  await page.getByRole('table', { name: 'Antal børn i «Mål 2026»' }).waitFor();
  assert.equal(await page.getByTestId('counts-total-children').textContent(), '41');
  // 30 × 4.500 + 22 × 180.000 + 5 × 470.000 + 3 × 1.160.000 = 9.925.000 kr.; 60 children.
  await setCount(page, 'Børn i ICDP-forældrekursus', 30);
  await setCount(page, 'Børn i Familiebehandling', 22);
  await setCount(page, 'Børn Talt på trinnet som helhed, Trin 5 Familiepleje', 5);
  await setCount(page, 'Børn i Opholdssted', 3);
  assert.equal(await page.getByTestId('counts-total-spend').textContent(), '9.925.000 kr.');
  assert.equal(await page.getByRole('row', { name: /Mål 2026/ }).getByTestId('caseload').textContent(), '1 barn pr. sagsbehandler');
  await noViolations(page, 'measurements');

  // Compare.
  await page.getByRole('navigation', { name: 'Trappens visninger' }).getByRole('link', { name: 'Sammenlign og hvad nu hvis' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen: sammenlign' }).waitFor();
  // Totals 41 → 60 children, 12.265.000 → 9.925.000 kr.; placement steps (familiepleje and døgninstitution)
  // 6 + 5 = 11 → 5 + 3 = 8 children, 6 × 470.000 + 5 × 1.160.000 = 8.620.000 → 5 × 470.000 + 3 × 1.160.000
  // = 5.830.000 kr., so 2.790.000 kr. lower.
  assert.equal(await page.getByTestId('comparison-summary').textContent(),
    'I forhold til «Baseline 2024» har «Mål 2026» 19 børn flere i alt og 3 børn færre på anbringelsestrinnene. '
    + 'Den årlige udgift er 2,3 mio. kr. lavere i alt og 2,8 mio. kr. lavere på anbringelsestrinnene.');
  // 30 children in ICDP (a price per course) count as one course each a year, and the page says so.
  assert.equal(await page.getByTestId('comparison-per-course').textContent(),
    'Priser pr. forløb er regnet som 1 forløb pr. barn pr. år (10 børn i «Baseline 2024», 30 børn i «Mål 2026»).');
  assert.equal(await page.getByTestId('cmp-children-delta').textContent(), '+19');
  assert.equal(await page.getByTestId('cmp-spend-delta').textContent(), '-2,3 mio. kr.');
  const row6 = await page.getByTestId('comparison-table').getByRole('row', { name: /Trin 6 Døgninstitution/ }).textContent();
  assert.match(row6, /5.*3.*-2.*5\.800\.000 kr\..*3\.480\.000 kr\..*-2,3 mio\. kr\./);
  // Shares with one decimal, as everywhere: children 11/41 → 26,8 %, 8/60 → 13,3 %; spend 8.620.000/12.265.000
  // → 70,3 %, 5.830.000/9.925.000 → 58,7 %.
  const shares = page.getByTestId('shares-table');
  assert.match(await shares.getByRole('row', { name: /Børn på anbringelsestrin/ }).textContent(), /26,8 %.*13,3 %/);
  assert.match(await shares.getByRole('row', { name: /Udgift på anbringelsestrin/ }).textContent(), /70,3 %.*58,7 %/);
  // Caseload: the 6 and 5 children on the foster-care step, on 4 and 5 caseworkers.
  assert.match(await shares.getByRole('row', { name: /Børn pr. sagsbehandler/ }).textContent(), /1,5 børn pr\. sagsbehandler.*1 barn pr\. sagsbehandler/);

  // What if two children in residential care got family treatment instead: 2 × (180.000 − 1.160.000).
  await page.getByLabel('Flyt børn fra').selectOption({ label: 'Opholdssted' });
  await page.getByLabel('Til', { exact: true }).selectOption({ label: 'Familiebehandling' });
  await page.getByLabel('Antal børn').fill('9');
  await page.locator('#whatif-n-error').filter({ hasText: 'Der er kun 5 børn at flytte, ikke 9.' }).waitFor();
  assert.equal(await page.getByLabel('Antal børn').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Antal børn').fill('2');
  await page.getByTestId('whatif-result').filter({ hasText: 'Sparer 2,0 mio. kr. om året.' }).waitFor();
  assert.match(await page.getByTestId('whatif-result').textContent(), /12\.265\.000 kr\. før, 10\.305\.000 kr\. efter/);
  await noViolations(page, 'compare and what-if');
  await page.getByRole('button', { name: 'Gem som ny måling' }).click();
  await page.getByText('«Scenarie: 2 børn fra Opholdssted til Familiebehandling» er gemt som en ny måling.').first().waitFor();

  // The chart, its table, and export.
  await page.getByRole('navigation', { name: 'Trappens visninger' }).getByRole('link', { name: 'Trappe og diagram' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  await page.getByLabel('Vis måling').selectOption({ label: 'Baseline 2024' });
  await page.getByLabel('Sammenlign med').selectOption({ label: 'Mål 2026' });
  const chart = page.getByRole('img', { name: 'Indsatstrappen: «Baseline 2024» sammenlignet med «Mål 2026»' });
  await chart.waitFor();
  assert.match(await chart.locator('desc').textContent(), /Trin 6 Døgninstitution: 5 børn · 5,8 mio\. kr\. i «Baseline 2024», 3 børn · 3,5 mio\. kr\. i «Mål 2026»/);
  assert.match(await chart.textContent(), /Ændring:-2 børn-2,3 mio\. kr\./);
  assert.match(await chart.textContent(), /Priser pr\. forløb er regnet som 1 forløb pr\. barn pr\. år/);
  await page.getByRole('button', { name: 'Vis som tabel' }).click();
  const table = page.getByTestId('figures-table');
  await table.waitFor();
  assert.match(await table.getByRole('row', { name: /Trin 6 Døgninstitution/ }).textContent(), /5\.800\.000 kr\..*3\.480\.000 kr\..*-2.*-2,3 mio\. kr\./);
  assert.match(await table.getByTestId('figures-total').textContent(), /41.*12\.265\.000 kr\..*60.*9\.925\.000 kr\..*\+19.*-2,3 mio\. kr\./);
  assert.equal(await table.locator('tfoot').count(), 0, 'no <tfoot>: it would repeat on every printed page');
  assert.match(await page.getByTestId('figures-per-course').textContent(), /regnet som 1 forløb pr\. barn pr\. år \(10 børn i «Baseline 2024», 30 børn i «Mål 2026»\)/);
  await noViolations(page, 'chart as table');
  await page.getByRole('button', { name: 'Vis som tabel' }).click();
  await noViolations(page, 'chart');

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som SVG' }).click()]);
  assert.match(svgDownload.suggestedFilename(), /^indsatstrappe-trappe-workshop-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = await readFile(await svgDownload.path(), 'utf8');
  assert.ok(svg.includes('<svg'), 'has <svg');
  assert.ok(svg.includes('xmlns="http://www.w3.org/2000/svg"'), 'has the SVG namespace');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.nodeName, texts: doc.querySelectorAll('text').length };
  }, svg);
  assert.deepEqual({ error: parsed.error, root: parsed.root }, { error: false, root: 'svg' });
  assert.ok(parsed.texts > 30, `${parsed.texts} text elements`);
  assert.ok(svg.includes('Døgninstitution'));

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som PNG' }).click()]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width and height from the IHDR chunk: twice the chart's.
  const [w, h] = await page.$eval('#trappe-diagram', (s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
  assert.equal(w, 1200);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [2 * w, 2 * h]);
  assert.ok(png.length > 20_000, `${png.length} bytes`);

  // Print view.
  await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
  await page.waitForURL(/\/trappe\/udskriv\?a=.*&b=/);
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen – Trappe-workshop' }).waitFor();
  await page.getByText(/^Udskrevet \d+\. \p{L}+ \d{4}$/u).waitFor();
  await page.getByRole('img', { name: /«Baseline 2024» sammenlignet med «Mål 2026»/ }).waitFor();
  assert.match(await page.getByTestId('figures-total').textContent(), /12\.265\.000 kr\./);
  await noViolations(page, 'print view');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  assert.ok(box, 'PDF has a MediaBox');
  // A4 landscape is 842 × 595 points.
  assert.ok(Math.abs(Number(box[1]) - 842) < 2 && Math.abs(Number(box[2]) - 595) < 2, `MediaBox ${box[1]} × ${box[2]}`);
  await page.emulateMedia({ media: 'screen' });

  assert.deepEqual(errors, []);
  await context.close();
});

test('duplicate and delete an intervention; deleting a step asks where its interventions go', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await page.getByLabel('Navn', { exact: true }).fill('Slettetest');
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.waitForURL(/overblik/);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await addStep(page, ['Forebyggelse', 'Forebyggende', '']);
  await addStep(page, ['Ekstra trin', 'Forebyggende', '']);
  await addIntervention(page, 'Ekstra trin', { name: 'Kontaktperson' });
  // Duplicate opens the copy; delete asks first and removes it.
  await page.getByRole('button', { name: 'Redigér Kontaktperson', exact: true }).click();
  await page.getByRole('dialog', { name: 'Redigér indsats: Kontaktperson' }).waitFor();
  await page.getByRole('button', { name: 'Duplikér indsats' }).click();
  await page.getByRole('dialog', { name: 'Redigér indsats: Kontaktperson (kopi)' }).waitFor();
  assert.deepEqual(await namesOn(page, 2), ['Kontaktperson', 'Kontaktperson (kopi)']);
  // The form can place it too, without drag or shortcuts.
  await page.getByLabel('Placering på trinnet').selectOption({ label: 'Position 1' });
  await page.getByRole('button', { name: 'Gem indsats' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.deepEqual(await namesOn(page, 2), ['Kontaktperson (kopi)', 'Kontaktperson']);
  await page.getByRole('button', { name: 'Redigér Kontaktperson (kopi)', exact: true }).click();
  await page.getByRole('button', { name: 'Slet indsats' }).click();
  await page.getByRole('button', { name: 'Ja, slet indsatsen' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.deepEqual(await namesOn(page, 2), ['Kontaktperson']);
  // Escape with a changed field asks first (the draft would be lost); agreeing closes without saving.
  const asked = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => { asked.push(d.type()); d.accept(); });
  await page.getByRole('button', { name: 'Redigér Kontaktperson', exact: true }).click();
  await page.getByRole('region', { name: /Redigér indsats/ }).getByLabel('Navn', { exact: true }).fill('Ændret navn');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.deepEqual(await namesOn(page, 2), ['Kontaktperson']);
  assert.deepEqual(asked, ['confirm'], 'asked once before the edit was dropped');
  await page.getByRole('button', { name: 'Redigér trin Ekstra trin' }).click();
  await page.getByRole('button', { name: 'Slet trin', exact: true }).click();
  // Without a choice the user is told what to decide.
  await page.locator('#delete-step-error').filter({ hasText: 'Vælg, hvad der skal ske med trinnets indsatser.' }).waitFor();
  await page.getByLabel('Flyt indsatserne til').selectOption({ label: 'Trin 1: Forebyggelse' });
  await page.getByRole('button', { name: 'Slet trin', exact: true }).click();
  await page.getByRole('button', { name: 'Ja, slet trinnet' }).click();
  await page.getByRole('heading', { level: 3, name: 'Trin 2 Ekstra trin' }).waitFor({ state: 'detached' });
  assert.deepEqual(await namesOn(page, 1), ['Kontaktperson']);
  // Ctrl+Z outside a field brings the step back.
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).click();
  await page.keyboard.press('Control+z');
  await page.getByRole('heading', { level: 3, name: 'Trin 2 Ekstra trin' }).waitFor();
  assert.deepEqual(await namesOn(page, 2), ['Kontaktperson']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example staircase renders, and passes axe in workshop mode', async () => {
  const { page, context, errors } = await openPage(env, '/', { viewport: { width: 1920, height: 1080 } });
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Åbn eksemplet Socialstyrelsens indsatstrappe' }).click();
  await page.waitForURL(/overblik/);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  assert.equal(await page.locator('.step-col').count(), 6);
  await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
  assert.equal(await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).getAttribute('aria-pressed'), 'true');
  assert.ok(await page.locator('.app.workshop').isVisible());
  await noViolations(page, 'example in workshop mode');
  await page.getByRole('img', { name: /Indsatstrappen: «Baseline 2016»/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('500 interventions on 12 steps: moving and filtering work (timed in scripts/bench.sh)', async () => {
  const { page, context, errors } = await openPage(env, '/');
  const uuid = () => crypto.randomUUID();
  const categories = (i) => (i < 2 ? 'universal' : i >= 9 ? 'placement' : 'preventive');
  const steps = Array.from({ length: 12 }, (_, i) => ({ id: uuid(), name: `Trin nummer ${i + 1}`, category: categories(i), interventions: [] }));
  const m = { id: uuid(), name: 'Stor måling', kind: 'baseline', per_intervention: {}, per_step: {} };
  for (let k = 0; k < 500; k++) {
    const iv = { id: uuid(), name: `Indsats ${k + 1}`, provider: `Udfører ${k % 9}`, method: k % 5 ? 'ICDP' : 'FIT', unit_cost: 1000 + k, cost_period: 'per_month' };
    steps[k % 12].interventions.push(iv);
    m.per_intervention[iv.id] = 1 + (k % 7);
  }
  const file = { format: 'trappe-workspace', version: 1, workspace: { name: 'Stor trappe', staircase: { steps, measurements: [m] } } };
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles({ name: 'stor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByText('Filen er importeret og åbnet.').waitFor();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  await page.locator('.iv-card').nth(499).waitFor();
  assert.equal(await page.locator('.iv-card').count(), 500);
  assert.equal(await page.locator('.step-col').count(), 12);
  // The columns draw their first cards at once and the rest after the first paint: every card comes, in
  // the staircase's order, and one far down a column moves like any other.
  assert.equal(await page.locator('ol.board').getAttribute('aria-busy'), null);
  const firstColumn = Array.from({ length: 42 }, (_, i) => `Indsats ${12 * i + 1}`);
  assert.deepEqual(await namesOn(page, 1), firstColumn);
  await page.getByRole('button', { name: 'Redigér Indsats 241', exact: true }).press('Alt+ArrowUp');
  await page.getByTestId('stair-live').filter({ hasText: /Indsats 241/ }).waitFor();
  assert.deepEqual(await namesOn(page, 1), [...firstColumn.slice(0, 19), 'Indsats 241', 'Indsats 229', ...firstColumn.slice(21)]);
  await page.getByRole('button', { name: 'Fortryd (Ctrl+Z)' }).click();
  await page.getByRole('list', { name: 'Indsatser på Trin 1', exact: true }).locator('.iv-name').nth(20).filter({ hasText: 'Indsats 241' }).waitFor();
  assert.deepEqual(await namesOn(page, 1), firstColumn);

  // Time from the key press until the DOM shows the new order (Alt+Down on the first card of step 1).
  const timeMove = () => page.evaluate(() => new Promise((done) => {
    const list = document.querySelector('.iv-list');
    const first = list.querySelector('.iv-name');
    const before = first.textContent;
    first.focus();
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (list.querySelector('.iv-name').textContent !== before) { obs.disconnect(); done(performance.now() - t0); }
    });
    obs.observe(list, { childList: true, subtree: true });
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
  }));
  const moves = [];
  for (let i = 0; i < 5; i++) moves.push(await timeMove());
  moves.sort((a, b) => a - b);
  console.log(`move redraw with 500 interventions: median ${moves[2].toFixed(1)} ms (${moves.map((x) => x.toFixed(1)).join(', ')})`);

  const filterMs = await page.evaluate(() => new Promise((done) => {
    const input = document.getElementById('filter-text');
    const count = document.querySelector('[data-testid="filter-count"]');
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (/matcher/.test(count.textContent)) { obs.disconnect(); done(performance.now() - t0); }
    });
    obs.observe(count, { childList: true, subtree: true, characterData: true });
    input.value = 'FIT';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }));
  console.log(`filter redraw with 500 interventions: ${filterMs.toFixed(1)} ms`);
  await page.getByTestId('filter-count').filter({ hasText: '100 af 500 indsatser matcher' }).waitFor();
  assert.equal(await page.locator('.iv-card.match').count(), 100);
  assert.deepEqual(errors, []);
  await context.close();
});
