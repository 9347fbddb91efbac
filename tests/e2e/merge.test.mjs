// Two colleagues, each in a browser of their own (two contexts), share a workspace by file: both start from
// one file; each edits (one meeting on both sides, a deletion on one side, an intervention moved on the
// other); they exchange files and each merges; one settles the conflict field by field; after one more
// exchange both hold the same data, nothing is lost, and a reload shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { launch, openPage, axe, waitSaved } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const M1 = randomUUID(); const M2 = randomUUID(); const M3 = randomUUID();
const S1 = randomUUID(); const S2 = randomUUID();
const IV = randomUUID();

function baseFile() {
  return JSON.stringify({
    format: 'trappe-workspace', version: 1,
    workspace: {
      id: randomUUID(), name: 'Fælles trappe', municipality: 'Testkommune',
      staircase: {
        steps: [
          { id: S1, name: 'Forebyggelse', category: 'preventive', interventions: [{ id: IV, name: 'ICDP-forældrekursus' }, { id: randomUUID(), name: 'Familierådgivning' }] },
          { id: S2, name: 'Familiebehandling', category: 'family_support', interventions: [{ id: randomUUID(), name: 'Aflastning' }] },
        ],
      },
      meetings: [
        { id: M1, case_ref: 'Sag M-1', status: 'planned', notes: 'Første aftale' },
        { id: M2, case_ref: 'Sag M-2', status: 'planned' },
        { id: M3, case_ref: 'Sag M-3', status: 'planned' },
      ],
    },
  });
}

async function importFile(page, name, text) {
  await page.goto(env.base + '/data');
  await page.getByLabel('Vælg en Trappe-fil (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').waitFor();
}

async function exported(page) {
  await page.goto(env.base + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

async function editMeeting(page, id, fields) {
  await page.goto(env.base + '/netvaerksmoeder/' + id);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Gem mødet' }).click();
  await page.getByTestId('banner').filter({ hasText: 'Mødet er gemt.' }).waitFor();
  await waitSaved(page);
}

/** Merges `text` into the open workspace, giving initials if asked; returns the summary table's text. */
async function merge(page, name, text, initials) {
  await importFile(page, name, text);
  const choice = page.getByLabel(/^Flet filen ind i «Fælles trappe»/);
  await choice.check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  const summary = page.getByTestId('merge-summary');
  await summary.waitFor();
  const rows = await summary.innerText();
  const field = page.getByTestId('merge-preview').getByLabel('Dine initialer');
  if (initials && await field.count()) await field.fill(initials);
  await page.getByTestId('merge-run').click();
  await page.getByTestId('banner').filter({ hasText: /Filen er flettet ind i «Fælles trappe»/ }).waitFor();
  await waitSaved(page);
  return rows;
}

function meetingsOf(file) {
  const ws = JSON.parse(file).workspace;
  return Object.fromEntries(ws.meetings.map((m) => [m.case_ref, { notes: m.notes ?? '', chair: m.chair ?? '' }]));
}
function stepOf(file, id) {
  const ws = JSON.parse(file).workspace;
  return ws.staircase.steps.find((s) => s.interventions.some((i) => i.id === id))?.name;
}

test('two colleagues merge each other\'s copies, settle a conflict per field and end with the same data', async () => {
  const a = await openPage(env, '/');
  const b = await openPage(env, '/');
  // Both start from one file: A imports it, exports it, and B imports A's export.
  await importFile(a.page, 'trappe.json', baseFile());
  await a.page.getByRole('button', { name: 'Importér', exact: true }).click();
  await a.page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(a.page);
  const start = await exported(a.page);
  await importFile(b.page, 'trappe.json', start);
  await b.page.getByRole('button', { name: 'Importér', exact: true }).click();
  await b.page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(b.page);

  // A: the notes of Sag M-1, and Sag M-2 deleted.
  await editMeeting(a.page, M1, { Noter: 'Skolen deltager næste gang' });
  await a.page.goto(env.base + '/netvaerksmoeder/' + M2);
  await a.page.getByRole('button', { name: 'Slet mødet' }).click();
  await a.page.getByRole('button', { name: 'Ja, slet mødet' }).click();
  await waitSaved(a.page);
  // B: the notes and the chair of Sag M-1, and ICDP moved to the other step.
  await editMeeting(b.page, M1, { Noter: 'Mor ønsker mødet om eftermiddagen', Mødeleder: 'Samordneren' });
  await b.page.goto(env.base + '/trappe');
  await b.page.getByRole('button', { name: 'Redigér ICDP-forældrekursus', exact: true }).click();
  await b.page.locator('#iv-step').selectOption(S2);
  await b.page.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(b.page);

  const fromA = await exported(a.page);
  const fromB = await exported(b.page);

  // A merges B's file: the summary names what comes, and who made it, before anything changes.
  const summaryA = await merge(a.page, 'fra-b.json', fromB, 'AK');
  assert.match(summaryA, /Indsatser\s+0\s+1\s+0\s+0/, summaryA);
  assert.match(summaryA, /Møder\s+0\s+0\s+0\s+1/, summaryA);
  // B merges A's file.
  const summaryB = await merge(b.page, 'fra-a.json', fromA, 'BL');
  assert.match(summaryB, /Møder\s+0\s+0\s+1\s+1/, summaryB);

  // Both show Sag M-1 with a conflict mark; both have lost Sag M-2 and moved ICDP.
  for (const { page } of [a, b]) {
    await page.goto(env.base + '/netvaerksmoeder');
    const row = page.getByRole('row', { name: /Sag M-1/ });
    await row.getByRole('link', { name: 'Konflikt' }).waitFor();
    assert.equal(await page.getByRole('row', { name: /Sag M-2/ }).count(), 0);
  }

  // A settles the conflict: B's chair, A's notes.
  await a.page.goto(env.base + '/data');
  const conflicts = a.page.getByTestId('conflicts');
  await conflicts.getByRole('button', { name: 'Se og vælg' }).click();
  const view = a.page.getByTestId('conflict-view');
  await view.waitFor();
  assert.deepEqual(await a.page.evaluate(() => document.activeElement?.textContent), 'Møde «Sag M-1»', 'focus on the view');
  const fields = view.getByTestId('conflict-fields');
  const chairRow = fields.getByRole('row', { name: /Mødeleder/ });
  const notesRow = fields.getByRole('row', { name: /Noter/ });
  const notes = { shown: await notesRow.locator('td').nth(0).innerText(), other: await notesRow.locator('td').nth(1).innerText() };
  // Whichever was shown: the user keeps A's notes and B's chair.
  const aNotesCol = notes.shown.includes('Skolen deltager') ? 0 : 1;
  await notesRow.locator('td').nth(aNotesCol).getByRole('radio').check();
  await chairRow.getByRole('radio', { name: 'Samordneren' }).check();
  assert.deepEqual(await axe(a.page), []);
  await view.getByRole('button', { name: 'Gem mine valg felt for felt' }).click();
  await a.page.getByTestId('banner').filter({ hasText: 'Konflikten er løst.' }).waitFor();
  await waitSaved(a.page);
  assert.equal(await a.page.getByTestId('conflicts').count(), 0, 'no conflict left at A');

  // One more exchange: B merges A's settled file; no conflict is left there either.
  const settled = await exported(a.page);
  await importFile(b.page, 'fra-a-2.json', settled);
  await merge(b.page, 'fra-a-2.json', settled, 'BL');
  await b.page.goto(env.base + '/data');
  assert.equal(await b.page.getByTestId('conflicts').count(), 0, 'no conflict left at B');

  // The same data on both sides, after a reload.
  for (const p of [a.page, b.page]) { await p.reload(); await p.waitForSelector('main#indhold'); }
  const finalA = await exported(a.page);
  const finalB = await exported(b.page);
  const expected = {
    'Sag M-1': { notes: 'Skolen deltager næste gang', chair: 'Samordneren' },
    'Sag M-3': { notes: '', chair: '' },
  };
  assert.deepEqual(meetingsOf(finalA), expected);
  assert.deepEqual(meetingsOf(finalB), expected);
  assert.equal(stepOf(finalA, IV), 'Familiebehandling');
  assert.equal(stepOf(finalB, IV), 'Familiebehandling');
  assert.match(finalA, /"by":\s*\[\s*"AK"/, 'the settled version names who made it');
  // The version the user chose against is kept, settled, in both files: no later merge asks again.
  for (const f of [finalA, finalB]) {
    const kept = JSON.parse(f).workspace.branches.filter((br) => br.record.id === M1);
    assert.equal(kept.length, 1, f);
    assert.equal(kept[0].settled, true);
    assert.ok(kept[0].version, 'the losing version itself is kept');
  }
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('merging the same file twice changes nothing, and one undo takes a merge back', async () => {
  const a = await openPage(env, '/');
  await importFile(a.page, 'trappe.json', baseFile());
  await a.page.getByRole('button', { name: 'Importér', exact: true }).click();
  await a.page.getByText('Filen er importeret og åbnet.').waitFor();
  await waitSaved(a.page);
  const before = await exported(a.page);
  const changed = JSON.parse(before);
  changed.workspace.meetings.push({ id: randomUUID(), case_ref: 'Sag N-9', status: 'planned' });
  const text = JSON.stringify(changed);
  const summary = await merge(a.page, 'ny.json', text, 'AK');
  assert.match(summary, /Møder\s+1\s+0\s+0\s+0/, summary);
  // Undo takes the merge back whole (moving within the app keeps the undo history).
  await a.page.getByRole('navigation').getByRole('link', { name: 'Netværksmøder' }).first().click();
  await a.page.getByRole('row', { name: /Sag N-9/ }).waitFor();
  await a.page.getByRole('button', { name: 'Fortryd', exact: true }).first().click();
  await a.page.getByRole('row', { name: /Sag N-9/ }).waitFor({ state: 'detached' });
  // Merged again, and then once more: the second time there is nothing to bring.
  await merge(a.page, 'ny.json', text, 'AK');
  await importFile(a.page, 'ny.json', text);
  await a.page.getByRole('button', { name: 'Fortsæt' }).click();
  await a.page.getByTestId('merge-nothing').waitFor();
  assert.deepEqual(a.errors, []);
  await a.context.close();
});
