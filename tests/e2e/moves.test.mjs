// Moves on the staircase in the measurement form: the Socialstyrelsen example's status measurements carry
// moves; a move added to "Status 2018" is saved and survives a reload; a move within one step and a count
// of 0 are refused at their fields; "Tilføj flytning" by keyboard puts focus in the new row; removing a
// move is a draft. axe checks the form with rows and with errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const EXAMPLE = 'Socialstyrelsens indsatstrappe';
const FAMILY_CARE = '5. Anbringelse i familiepleje';
const NETWORK = '4. Netværksbaserede indsatser';
const PREVENTIVE = '3. Forebyggende foranstaltninger';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function noViolations(page, label) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${label}: ${JSON.stringify(v, null, 1)}`);
}

async function openMeasurements(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  await page.getByRole('navigation', { name: 'Trappens visninger' }).getByRole('link', { name: 'Målinger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen: målinger' }).waitFor();
}

/** Opens "Redigér <name>" and returns the form's region. */
async function edit(page, name) {
  await page.getByRole('button', { name: `Redigér ${name}`, exact: true }).click();
  const form = page.getByRole('region', { name: 'Redigér måling' });
  await form.waitFor();
  return form;
}

const movesCell = (page, name) => page.getByRole('row', { name: new RegExp(`^${name}`) }).getByTestId('moves');
const selected = (select) => select.evaluate((s) => s.selectedOptions[0]?.textContent ?? '');
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a move added to Status 2018 is saved, survives a reload, and a move within one step is refused', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  await openMeasurements(page);

  // The example's four measurements in date order, each tagged as made-up numbers; the status measurements
  // carry moves.
  const names = await page.getByTestId('measurement-list').locator('tbody th[scope="row"]').allTextContents();
  assert.deepEqual(names, ['Baseline 2016 Opdigtede tal', 'Status 2018 Opdigtede tal', 'Status 2019 Opdigtede tal', 'Mål 2020 Opdigtede tal']);
  assert.equal(await movesCell(page, 'Baseline 2016').textContent(), '–');
  assert.equal(await movesCell(page, 'Status 2018').textContent(), '6 flytninger');

  let form = await edit(page, 'Status 2018');
  const moves = form.getByRole('group', { name: 'Flytninger på trappen i perioden' });
  assert.equal(await moves.getByRole('group', { name: /^Flytning \d+$/ }).count(), 6);
  // The first move, 6. → 5., as the example has it.
  const first = moves.getByRole('group', { name: 'Flytning 1' });
  assert.match(await selected(first.getByLabel('Fra trin')), /^6\. /);
  assert.equal(await selected(first.getByLabel('Til trin')), FAMILY_CARE);
  assert.equal(await first.getByLabel('Antal børn').inputValue(), '3');

  // Add a seventh: 5. → 4., 2 children. Focus goes to the new row's first select.
  await moves.getByRole('button', { name: 'Tilføj flytning' }).click();
  const seventh = moves.getByRole('group', { name: 'Flytning 7' });
  await seventh.waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('.move-row:last-child select[id$="-from"]'));
  await seventh.getByLabel('Fra trin').selectOption({ label: FAMILY_CARE });
  await seventh.getByLabel('Til trin').selectOption({ label: NETWORK });
  await seventh.getByLabel('Antal børn').fill('2');
  await page.getByTestId('save-status').filter({ hasText: /^Ikke gemt: kladde i «Måling»/ }).waitFor();
  assert.equal(await seventh.getByRole('button').textContent(), 'Fjern flytning 7');
  await noViolations(page, 'measurement form with seven moves');
  await form.getByRole('button', { name: 'Gem måling' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await movesCell(page, 'Status 2018').textContent(), '7 flytninger');
  await waitSaved(page);

  // After a reload the move is still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen: målinger' }).waitFor();
  assert.equal(await movesCell(page, 'Status 2018').textContent(), '7 flytninger');
  form = await edit(page, 'Status 2018');
  const kept = form.getByRole('group', { name: 'Flytning 7' });
  assert.equal(await selected(kept.getByLabel('Fra trin')), FAMILY_CARE);
  assert.equal(await selected(kept.getByLabel('Til trin')), NETWORK);
  assert.equal(await kept.getByLabel('Antal børn').inputValue(), '2');

  // A move from a step to the same step, with 0 children: both refused at their fields, nothing saved.
  await form.getByRole('button', { name: 'Tilføj flytning' }).click();
  const eighth = form.getByRole('group', { name: 'Flytning 8' });
  await eighth.waitFor();
  await eighth.getByLabel('Fra trin').selectOption({ label: PREVENTIVE });
  await eighth.getByLabel('Til trin').selectOption({ label: PREVENTIVE });
  await eighth.getByLabel('Antal børn').fill('0');
  await form.getByRole('button', { name: 'Gem måling' }).click();
  const to = eighth.getByLabel('Til trin');
  await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await to.elementHandle());
  const describedBy = async (field) => page.locator(`#${await field.getAttribute('aria-describedby')}`).textContent();
  assert.equal(await describedBy(to), 'Vælg et andet trin end det, børnene flyttede fra.');
  const count = eighth.getByLabel('Antal børn');
  assert.equal(await count.getAttribute('aria-invalid'), 'true');
  assert.match(await describedBy(count), /helt tal på mindst 1/);
  assert.equal(await eighth.getByLabel('Fra trin').getAttribute('aria-invalid'), 'false');
  assert.equal(await activeId(page), await to.getAttribute('id'), 'focus on the first field to fix');
  assert.ok(await form.isVisible(), 'the form stays open');
  assert.equal(await movesCell(page, 'Status 2018').textContent(), '7 flytninger', 'nothing saved');
  await noViolations(page, 'measurement form with errors');

  // Keyboard: from the last row's count, Tab past its "Fjern" to "Tilføj flytning", Enter adds a row and
  // focus lands in its first select.
  await count.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Fjern flytning 8');
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'm-moves-add');
  await page.keyboard.press('Enter');
  await form.getByRole('group', { name: 'Flytning 9' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('.move-row:last-child select[id$="-from"]'));
  assert.equal(await page.evaluate(() => document.activeElement.labels[0]?.textContent), 'Fra trin');

  // "Fjern" on the last row puts focus in the row before it; the blank row is ignored anyway.
  await form.getByRole('button', { name: 'Fjern flytning 9' }).click();
  await page.waitForFunction(() => document.activeElement?.matches('.move-row:last-child select[id$="-from"]'));
  assert.equal(await form.getByRole('group', { name: /^Flytning \d+$/ }).count(), 8);
  await form.getByRole('button', { name: 'Fortryd' }).click();
  await form.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('removing a move is a draft, and saving drops it', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, EXAMPLE);
  await waitSaved(page);
  await openMeasurements(page);
  assert.equal(await movesCell(page, 'Status 2019').textContent(), '7 flytninger');
  const form = await edit(page, 'Status 2019');
  // Nothing typed: removing a move alone makes a draft; focus goes to the row that took its place.
  await form.getByRole('button', { name: 'Fjern flytning 1' }).click();
  await page.getByTestId('save-status').filter({ hasText: /^Ikke gemt: kladde i «Måling»/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('.move-row:first-child select[id$="-from"]'));
  assert.equal(await form.getByRole('group', { name: /^Flytning \d+$/ }).count(), 6);
  // A row left blank is ignored on save.
  await form.getByRole('button', { name: 'Tilføj flytning' }).click();
  await form.getByRole('group', { name: 'Flytning 7' }).waitFor();
  await form.getByRole('button', { name: 'Gem måling' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await movesCell(page, 'Status 2019').textContent(), '6 flytninger');
  await waitSaved(page);
  assert.deepEqual(errors, []);
  await context.close();
});
