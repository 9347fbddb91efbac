// No edit can lock a workspace and no saved edit is lost: a tab closed right after "Gem", rule-breaking
// input, deletes of linked records, two tabs with a form open, storage that fills up and frees again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const STAIR = 'Socialstyrelsens indsatstrappe';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function openIntervention(page, name) {
  await page.goto(env.base + '/trappe');
  await page.getByRole('button', { name: `Redigér ${name}`, exact: true }).click();
  return page.getByRole('region', { name: /indsats/ });
}

/** The workspace as stored, read through an export in a fresh page of the same browser profile. */
async function exported(context) {
  const page = await context.newPage();
  await page.goto(env.base + '/data');
  // The workspace must be open in this page before it can be exported.
  await waitSaved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  const ws = JSON.parse(await readFile(await download.path(), 'utf8')).workspace;
  await page.close();
  return ws;
}

const interventions = (ws) => ws.staircase.steps.flatMap((s) => s.interventions);

test('an edit saved right before the tab closes is there after a restart', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, STAIR);
  await waitSaved(page);
  let current = page;
  for (const [i, delay] of [0, 30, 100, 100, 250].entries()) {
    const form = await openIntervention(current, i === 0 ? 'Fast kontaktperson' : `Kontaktperson ${i - 1}`);
    await form.getByLabel('Navn', { exact: true }).fill(`Kontaktperson ${i}`);
    await form.getByRole('button', { name: 'Gem indsats' }).click();
    await current.waitForTimeout(delay);
    // The tab goes away without a chance to finish its save or ask.
    await current.close({ runBeforeUnload: false });
    current = await context.newPage();
    await current.goto(env.base + '/trappe');
    await current.getByRole('button', { name: `Redigér Kontaktperson ${i}`, exact: true }).waitFor({ timeout: 10000 });
  }
  // And it reached storage: an export from yet another tab has it.
  await waitSaved(current);
  const ws = await exported(context);
  assert.ok(interventions(ws).some((iv) => iv.name === 'Kontaktperson 4'));
  await context.close();
});

test('input that breaks a rule is refused at its field, and the workspace keeps opening', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, STAIR);
  const form = await openIntervention(page, 'Fast kontaktperson');
  await form.getByLabel('Pris (kr.)').fill('999999999999');
  await form.getByRole('button', { name: 'Gem indsats' }).click();
  const cost = form.getByLabel('Pris (kr.)');
  await form.locator('#iv-cost-error').waitFor();
  assert.match(await form.locator('#iv-cost-error').textContent(), /Tallet er for stort\. Skriv højst 100\.000\.000\.000/);
  assert.equal(await cost.getAttribute('aria-invalid'), 'true');
  assert.match(await cost.getAttribute('aria-describedby'), /iv-cost-error/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'iv-cost', 'focus goes to the field');
  // Text fields carry the limits the user can see.
  assert.equal(await form.locator('#iv-provider').getAttribute('maxlength'), '300');
  assert.equal(await form.locator('#iv-description').getAttribute('maxlength'), '50000');
  assert.deepEqual(await axe(page), []);
  // A valid price goes through; after a reload the workspace opens (not "kan ikke læses").
  await cost.fill('1200');
  await form.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /kan ikke læses/ }).count(), 0);
  // Exported and imported again, as the only backup would be.
  const ws = await exported(context);
  assert.equal(interventions(ws).find((iv) => iv.name === 'Fast kontaktperson').unit_cost, 1200);
  assert.deepEqual(errors, []);
  await context.close();
});

test('deleting an intervention that a meeting links to removes the link; undo puts both back', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, STAIR);
  await waitSaved(page);
  const before = await exported(context);
  const target = interventions(before).find((iv) => iv.name === 'Fast kontaktperson');
  const linked = before.meetings.filter((m) => m.linked_interventions.includes(target.id));
  assert.ok(linked.length > 0, 'the example links a meeting to it');
  const form = await openIntervention(page, 'Fast kontaktperson');
  await form.getByRole('button', { name: 'Slet indsats' }).click();
  await form.getByRole('button', { name: 'Ja, slet indsatsen' }).click();
  await page.getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true }).waitFor({ state: 'detached' });
  await waitSaved(page);
  // Reload: the workspace opens, and the meeting no longer names the intervention.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
  const after = await exported(context);
  assert.ok(!interventions(after).some((iv) => iv.id === target.id));
  for (const m of linked) {
    assert.ok(!after.meetings.find((x) => x.id === m.id).linked_interventions.includes(target.id));
  }
  // Undo (after the reload the history is gone, so undo right after the delete in a new run).
  await page.goto(env.base + '/trappe');
  await context.close();

  const second = await openPage(env, '/');
  await openExample(second.page, STAIR);
  const f2 = await openIntervention(second.page, 'Fast kontaktperson');
  await f2.getByRole('button', { name: 'Slet indsats' }).click();
  await f2.getByRole('button', { name: 'Ja, slet indsatsen' }).click();
  await second.page.getByRole('button', { name: 'Fortryd (Ctrl+Z)' }).click();
  await second.page.getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true }).waitFor();
  await waitSaved(second.page);
  const restored = await exported(second.context);
  const again = interventions(restored).find((iv) => iv.name === 'Fast kontaktperson');
  assert.ok(restored.meetings.some((m) => m.linked_interventions.includes(again.id)), 'the link is back');
  await second.context.close();
});

test('two tabs, one with an editor open: each keeps the fields the other changed', async () => {
  const { page: a, context } = await openPage(env, '/');
  await openExample(a, STAIR);
  await waitSaved(a);
  const b = await context.newPage();
  b.on('dialog', (d) => d.accept());
  const formB = await openIntervention(b, 'Fast kontaktperson');
  // Tab A renames the intervention and sets its price, and saves.
  const formA = await openIntervention(a, 'Fast kontaktperson');
  await formA.getByLabel('Navn', { exact: true }).fill('Kontaktperson (ny)');
  await formA.getByLabel('Pris (kr.)').fill('4500');
  await formA.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(a);
  // Tab B's open form still shows the old values; it changes only the capacity.
  await b.getByRole('button', { name: 'Redigér Kontaktperson (ny)', exact: true }).waitFor();
  await formB.getByLabel('Kapacitet (pladser)').fill('12');
  await formB.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(b);
  let ws = await exported(context);
  let iv = interventions(ws).find((x) => x.name === 'Kontaktperson (ny)');
  assert.ok(iv, 'A\'s name is kept');
  assert.equal(iv.unit_cost, 4500, 'A\'s price is kept');
  assert.equal(iv.capacity, 12, 'B\'s capacity is saved');

  // Both change the same field: B is shown both values and chooses.
  const formB2 = await openIntervention(b, 'Kontaktperson (ny)');
  const formA2 = await openIntervention(a, 'Kontaktperson (ny)');
  const notice = b.getByText('Arbejdsområdet er opdateret med ændringer fra en anden fane.');
  if (await notice.count()) await b.getByRole('button', { name: 'Luk besked' }).click();
  await formA2.getByLabel('Pris (kr.)').fill('5000');
  await formA2.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(a);
  // B has heard of A's save (had it not, B's save would still keep both: its own price, A's set aside).
  await notice.waitFor();
  await formB2.getByLabel('Pris (kr.)').fill('6000');
  await formB2.getByRole('button', { name: 'Gem indsats' }).click();
  const choices = formB2.getByTestId('conflict-choices');
  await choices.waitFor();
  assert.match(await choices.textContent(), /Pris/);
  assert.match(await choices.textContent(), /5\.000/);
  assert.match(await choices.textContent(), /6\.000/);
  assert.deepEqual(await axe(b), []);
  await choices.getByLabel(/Fra den anden fane/).check();
  await formB2.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(b);
  ws = await exported(context);
  iv = interventions(ws).find((x) => x.name === 'Kontaktperson (ny)');
  assert.equal(iv.unit_cost, 5000, 'the chosen value');
  await context.close();
});

test('two tabs, one with a meeting open: the other tab\'s notes survive a save of another field', async () => {
  const { page: a, context } = await openPage(env, '/');
  await openExample(a, STAIR);
  await waitSaved(a);
  const ws0 = await exported(context);
  const meeting = ws0.meetings[0];
  const b = await context.newPage();
  b.on('dialog', (d) => d.accept());
  await b.goto(`${env.base}/netvaerksmoeder/${meeting.id}`);
  await b.getByLabel('Mødeleder').waitFor();
  await a.goto(`${env.base}/netvaerksmoeder/${meeting.id}`);
  await a.getByLabel('Noter', { exact: true }).fill('Noter skrevet i fane A');
  await a.getByRole('button', { name: 'Gem mødet' }).click();
  await waitSaved(a);
  // B had typed in another field before A's save arrived.
  await b.getByLabel('Mødeleder').fill('Leder fra fane B');
  await b.getByRole('button', { name: 'Gem mødet' }).click();
  await waitSaved(b);
  const ws = await exported(context);
  const m = ws.meetings.find((x) => x.id === meeting.id);
  assert.equal(m.notes, 'Noter skrevet i fane A');
  assert.equal(m.chair, 'Leder fra fane B');
  await context.close();
});

test('storage full: once space is free again the save is retried on its own', async () => {
  const { page, context } = await openPage(env, '/', {
    init: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    },
  });
  await openExample(page, STAIR);
  await waitSaved(page);
  // openExample lands on /overblik; a full navigation would reset the flag.
  await page.evaluate(() => { window.__full = true; });
  await page.getByLabel('Navn', { exact: true }).fill('Trappe uden plads');
  await page.getByRole('button', { name: 'Gem oplysninger' }).click();
  await page.getByTestId('save-status').filter({ hasText: 'Ikke gemt' }).waitFor();
  // Space is freed; nobody edits anything.
  await page.evaluate(() => { window.__full = false; });
  await page.getByTestId('save-status').filter({ hasText: 'Gemt kl.' }).waitFor({ timeout: 30000 });
  const ws = await exported(context);
  assert.equal(ws.name, 'Trappe uden plads');
  await context.close();
});

test('a workspace that an older version stored with a broken rule opens repaired, nothing lost', async () => {
  const { page, context } = await openPage(env, '/');
  await openExample(page, STAIR);
  await waitSaved(page);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('trappe.last_opened')));
  // The first version stored one whole body; this one has a 60,000-character note and a price too large.
  const ws = await exported(context);
  ws.meetings[0].notes = 'n'.repeat(60000);
  interventions(ws)[0].unit_cost = 999999999999;
  const body = JSON.stringify({ format: 'trappe-workspace', version: 1, workspace: ws });
  const raw = await context.newPage();
  await raw.goto(env.base + '/favicon.svg');
  await raw.evaluate(([id, body]) => new Promise((ok) => {
    const open = indexedDB.open('trappe');
    open.onsuccess = () => {
      const tx = open.result.transaction(['parts', 'bodies'], 'readwrite');
      const parts = tx.objectStore('parts');
      parts.getAllKeys(IDBKeyRange.bound(`${id}|`, `${id}|\uffff`)).onsuccess = (e) => {
        for (const k of e.target.result) parts.delete(k);
        tx.objectStore('bodies').put({ id, revision: 1, json: body });
      };
      tx.oncomplete = () => { open.result.close(); ok(); };
    };
  }), [id, body]);
  await raw.close();
  await page.goto(env.base + '/data');
  await page.reload();
  await page.getByTestId('set-aside').waitFor();
  assert.equal(await page.getByRole('heading', { name: /kan ikke læses/ }).count(), 0);
  assert.match(await page.getByTestId('set-aside').textContent(), /Noter er for lang/);
  await waitSaved(page);
  const back = await exported(context);
  assert.equal(back.meetings[0].notes.length, 50000);
  assert.equal(interventions(back)[0].unit_cost, null);
  assert.ok(back.set_aside.some((s) => s.original.includes('n'.repeat(60000))), 'the original is kept');
  await context.close();
});
