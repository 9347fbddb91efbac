// Two pages of one browser context, with the same workspace open: every form saves on the version of its
// record it opened. For each kind of form, tab B opens the form before tab A saves, then:
//   1. different fields: A changes X, B changes Y; after B's save both are stored;
//   2. same field: A changes X (and Z), B changes X (and Y); B's save stops at the conflict box, which names
//      both values; B picks one and saves again; the pick, B's Y and A's Z are all stored.
// Also: the status/note form (A's status stays, B's note is added), an intervention moved in A while B's
// form is open, a rename on the Data page seen in the other tab (and a name being typed there kept), and a
// workspace emptied from the bin in A while B has it open. Values are read from an export, as a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, axe, openExample, waitSaved } from './harness.mjs';

const STAIR = 'Socialstyrelsens indsatstrappe';
const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const UPDATED = 'Arbejdsområdet er opdateret med ændringer fra en anden fane.';
const CONFLICT_TITLE = 'En anden fane har ændret det samme, mens du skrev.';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// ---------------------------------------------------------------------------------------------------------
// Shared set-up and helpers

/** The workspace as stored, read through an export in a fresh page of the same context. */
async function exported(context) {
  const page = await context.newPage();
  await page.goto(env.base + '/data');
  await waitSaved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér til fil' }).click(),
  ]);
  const ws = JSON.parse(await readFile(await download.path(), 'utf8')).workspace;
  await page.close();
  return ws;
}

/** Page A with `example` opened and stored, page B of the same context, and the workspace as stored. */
async function twoTabs(example) {
  const { page: a, context, errors } = await openPage(env, '/');
  await openExample(a, example);
  await waitSaved(a);
  const ws = await exported(context);
  const b = await context.newPage();
  b.on('pageerror', (e) => errors.push(`B: ${e.message}`));
  b.on('console', (m) => { if (m.type() === 'error') errors.push(`B: ${m.text()}`); });
  return { a, b, context, ws, errors };
}

/** Puts away the page's message, so that `heard` waits for a new one. (A dispatched click: an open modal
 * editor makes the rest of the page inert to the pointer.) */
async function clearBanner(page) {
  const close = page.locator('.banners').getByRole('button', { name: 'Luk besked' });
  if (await close.count()) {
    await close.first().dispatchEvent('click');
    await page.locator('.banners').getByText(UPDATED).waitFor({ state: 'detached' });
  }
}

/** Waits until `page` says it has taken in another tab's save (since `clearBanner`). */
async function heard(page) {
  await page.locator('.banners').getByText(UPDATED).waitFor();
}

const interventions = (ws) => ws.staircase.steps.flatMap((s) => s.interventions);
const byId = (list, id) => list.find((x) => x.id === id);
/** A record's form, found by one of its inputs (ids carry the record id). */
const formWith = (page, inputId) => page.locator('form', { has: page.locator(`[id="${inputId}"]`) });

async function region(page, name) {
  const r = page.getByRole('region', { name });
  await r.waitFor();
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// The forms. Each names its example, how to find its record (`setup` reads ids from the first export,
// `find` the record in a later one), how to open the form in a page, its save button, and three text
// inputs X, Y, Z by label with the `key` of the stored value in the record. Unless a field gives `vals`, values are text:
// X is "X fra fane A" (case 1), then "A-værdi" and "B-værdi" (case 2); Y is "Y fra fane B", then
// "Y igen fra fane B"; Z is "Z fra fane A". `store` maps a typed value to the stored one; `shown` to the
// conflict box's words. `pick` is the answer B gives in the conflict box.

const num = { store: Number, shown: String };
const date = { store: (v) => v.split('.').reverse().join('-') };

const FORMS = [
  {
    name: 'indsats',
    example: STAIR,
    setup: (ws) => ({ id: interventions(ws).find((iv) => iv.name === 'Fast kontaktperson').id }),
    find: (ws, c) => byId(interventions(ws), c.id),
    async open(page) {
      await page.goto(env.base + '/trappe');
      await page.getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true }).click();
      return region(page, /^Redigér indsats/);
    },
    save: 'Gem indsats',
    x: { label: 'Udfører', key: 'provider', conflict: 'Leverandør' },
    y: { label: 'Metode eller evidens', key: 'method' },
    z: { label: 'Kapacitet (pladser)', key: 'capacity', vals: ['17'], ...num },
    pick: 'theirs',
  },
  {
    name: 'trin',
    example: STAIR,
    setup: (ws) => ({ id: ws.staircase.steps[2].id, title: ws.staircase.steps[2].name }),
    find: (ws, c) => byId(ws.staircase.steps, c.id),
    async open(page, c) {
      await page.goto(env.base + '/trappe');
      await page.getByRole('button', { name: `Redigér trin ${c.title}`, exact: true }).click();
      return region(page, 'Redigér trin');
    },
    save: 'Gem trin',
    x: { label: 'Beskrivelse', key: 'description', conflict: 'Beskrivelse' },
    y: { label: 'Pris pr. barn om året for trinnet som helhed (kr.)', key: 'yearly_cost_per_child', vals: ['12000', '23000'], ...num },
    z: { label: 'Navn på trinnet', key: 'name' },
    pick: 'mine',
  },
  {
    name: 'måling',
    example: STAIR,
    setup: (ws) => ({ id: ws.staircase.measurements.find((m) => m.name === 'Status 2018').id }),
    find: (ws, c) => byId(ws.staircase.measurements, c.id),
    async open(page) {
      await page.goto(env.base + '/trappe/maalinger');
      await page.getByRole('button', { name: 'Redigér Status 2018', exact: true }).click();
      return region(page, 'Redigér måling');
    },
    save: 'Gem måling',
    x: { label: 'Note', key: 'note', conflict: 'Note' },
    y: { label: 'Antal sagsbehandlere', key: 'caseworkers', vals: ['41', '42'], ...num },
    z: { label: 'Dato', key: 'date', vals: ['15.06.2018'], ...date },
    pick: 'theirs',
  },
  {
    name: 'møde',
    example: STAIR,
    setup: (ws) => ({ id: ws.meetings[0].id }),
    find: (ws, c) => byId(ws.meetings, c.id),
    async open(page, c) {
      await page.goto(`${env.base}/netvaerksmoeder/${c.id}`);
      await page.getByLabel('Mødeleder').waitFor();
      return page.locator('form.meet-form');
    },
    save: 'Gem mødet',
    x: { label: 'Noter', key: 'notes', conflict: 'Noter' },
    y: { label: 'Mødeleder', key: 'chair' },
    z: { label: 'Referent', key: 'note_taker' },
    pick: 'mine',
  },
  {
    name: 'initiativ',
    example: KOEGE,
    setup: (ws) => ({ id: ws.plan.initiatives.find((i) => i.number === '1.1').id }),
    find: (ws, c) => byId(ws.plan.initiatives, c.id),
    async open(page, c) {
      await page.goto(`${env.base}/handleplan/${c.id}`);
      await page.getByRole('button', { name: 'Redigér oplysninger' }).click();
      return region(page, 'Redigér oplysninger');
    },
    save: 'Gem oplysninger',
    x: { label: 'Ejer', key: 'owner', conflict: 'Ansvarlig' },
    y: { label: 'Udvalg', key: 'committee' },
    z: { label: 'Periode som tekst', key: 'period' },
    pick: 'theirs',
    axe: true,
  },
  {
    name: 'politisk mål',
    example: KOEGE,
    setup: (ws) => {
      const g = ws.plan.goals[0];
      return { id: g.id, title: `${g.number}. ${g.title}` };
    },
    find: (ws, c) => byId(ws.plan.goals, c.id),
    async open(page, c) {
      await page.goto(env.base + '/handleplan/maal');
      await page.getByRole('button', { name: `Redigér ${c.title}`, exact: true }).click();
      const form = formWith(page, `maal-${c.id}-title`);
      await form.waitFor();
      return form;
    },
    save: 'Gem',
    x: { label: 'Beskrivelse', key: 'description', conflict: 'Beskrivelse' },
    y: { label: 'Succeskriterier', key: 'success_criteria' },
    z: { label: 'Titel (skal udfyldes)', key: 'title' },
    pick: 'mine',
  },
  {
    name: 'strategisk spor',
    example: KOEGE,
    setup: (ws) => {
      const t = ws.plan.tracks[1];
      return { id: t.id, title: `${t.number}. ${t.title}` };
    },
    find: (ws, c) => byId(ws.plan.tracks, c.id),
    async open(page, c) {
      await page.goto(env.base + '/handleplan/maal');
      await page.getByRole('button', { name: `Redigér ${c.title}`, exact: true }).click();
      const form = formWith(page, `spor-${c.id}-title`);
      await form.waitFor();
      return form;
    },
    save: 'Gem',
    x: { label: 'Beskrivelse', key: 'description', conflict: 'Beskrivelse' },
    y: { label: 'Titel (skal udfyldes)', key: 'title' },
    z: { label: 'Nummer', key: 'number', vals: ['9'] },
    pick: 'theirs',
  },
  {
    name: 'indikator',
    example: KOEGE,
    setup: (ws) => {
      const i = ws.plan.indicators[2];
      return { id: i.id, title: i.name };
    },
    find: (ws, c) => byId(ws.plan.indicators, c.id),
    async open(page, c) {
      await page.goto(env.base + '/handleplan/indikatorer');
      await page.getByRole('button', { name: `Redigér indikatoren ${c.title}`, exact: true }).click();
      const form = formWith(page, `ind-${c.id}-name`);
      await form.waitFor();
      return form;
    },
    save: 'Gem indikatoren',
    x: { label: 'Enhed', key: 'unit', conflict: 'Enhed' },
    y: { label: 'Mål', key: 'target', vals: ['95', '96'], ...num },
    z: { label: 'Baseline', key: 'baseline', vals: ['55'], ...num },
    pick: 'mine',
  },
  {
    name: 'række i tidsplanen',
    example: KOEGE,
    setup: (ws) => {
      const r = ws.plan.timeline[2];
      return { id: r.id, title: r.activity };
    },
    find: (ws, c) => byId(ws.plan.timeline, c.id),
    async open(page, c) {
      await page.goto(env.base + '/handleplan/tidslinje');
      await page.getByRole('button', { name: `Redigér ${c.title}`, exact: true }).click();
      const form = formWith(page, `tp-${c.id}-activity`);
      await form.waitFor();
      return form;
    },
    save: 'Gem aktiviteten',
    x: { label: 'Periode som tekst', key: 'period_label', conflict: 'Periode' },
    y: { label: 'Aktivitet (skal udfyldes)', key: 'activity' },
    z: { label: 'Til', key: 'end', vals: ['20.06.2019'], ...date },
    pick: 'theirs',
  },
  {
    name: 'om arbejdsområdet',
    example: STAIR,
    setup: () => ({}),
    find: (ws) => ws,
    async open(page) {
      await page.goto(env.base + '/overblik');
      return region(page, 'Om arbejdsområdet');
    },
    save: 'Gem oplysninger',
    x: { label: 'Beskrivelse', key: 'description', conflict: 'Beskrivelse' },
    y: { label: 'Kommune', key: 'municipality' },
    z: { label: 'Navn', key: 'name' },
    pick: 'mine',
  },
  {
    name: 'planens indstillinger',
    example: KOEGE,
    setup: () => ({}),
    find: (ws) => ws.plan,
    async open(page) {
      await page.goto(env.base + '/handleplan/maal');
      return region(page, 'Planen');
    },
    save: 'Gem indstillinger',
    x: { label: 'Planens titel', key: 'title', conflict: 'Titel' },
    y: { label: 'Periode', key: 'period' },
    z: { label: 'Marker initiativer uden note efter antal dage', key: 'stale_after_days', vals: ['45'], ...num },
    pick: 'theirs',
  },
  {
    name: 'regler for opfølgning',
    example: STAIR,
    setup: () => ({}),
    find: (ws) => ws.follow_up,
    async open(page) {
      await page.goto(env.base + '/netvaerksmoeder/indstillinger');
      const form = page.locator('form.meet-settings');
      await form.getByLabel('Første opfølgning senest').waitFor();
      return form;
    },
    save: 'Gem indstillingerne',
    x: { label: 'Første opfølgning senest', key: 'first_within_months', conflict: 'Første opfølgning senest efter', vals: ['11', '12', '13'], ...num },
    y: { label: 'Opfølgninger om året for anbringelser', key: 'placement_per_year', vals: ['20', '21'], ...num },
    z: { label: 'Opfølgninger om året for forebyggende indsatser', key: 'preventive_per_year', vals: ['30'], ...num },
    pick: 'mine',
  },
];

/** The typed, stored and shown forms of a field's `i`th value (`text` when the field gives none). */
function value(field, i, text) {
  const typed = field.vals?.[i] ?? text;
  return {
    typed,
    stored: (field.store ?? ((v) => v))(typed),
    shown: (field.shown ?? ((v) => `«${v}»`))(typed),
  };
}
const X = (f) => ({ a1: value(f.x, 0, 'X fra fane A'), a2: value(f.x, 1, 'A-værdi'), b2: value(f.x, 2, 'B-værdi') });
const Y = (f) => ({ b1: value(f.y, 0, 'Y fra fane B'), b2: value(f.y, 1, 'Y igen fra fane B') });
const Z = (f) => ({ a2: value(f.z, 0, 'Z fra fane A') });

/** B's form is still there after B took in A's save (it has not been closed or drawn anew). */
async function stillOpen(page, form) {
  await page.waitForTimeout(300);
  assert.equal(await form.count(), 1, 'B\'s open form is still open after A\'s save reached B');
}

const get = (field, r) => r[field.key];

/** Apart from X, Y, Z and its stamps, the record is as it was: nothing else was lost or changed. */
function restUnchanged(f, before, after) {
  const skip = new Set([f.x.key, f.y.key, f.z.key, 'updated_at', '_revisions']);
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!skip.has(k)) assert.deepEqual(after[k], before[k], `${k} is unchanged`);
  }
}

const fill = (form, field, v) => form.getByLabel(field.label, { exact: true }).fill(v.typed);
const save = (form, f) => form.getByRole('button', { name: f.save, exact: true }).click();

async function differentFields(f) {
  const t = await twoTabs(f.example);
  const c = f.setup(t.ws);
  const before = f.find(t.ws, c);
  const [x, y] = [X(f), Y(f)];
  const formB = await f.open(t.b, c);
  await clearBanner(t.b);
  const formA = await f.open(t.a, c);
  await fill(formA, f.x, x.a1);
  await save(formA, f);
  await waitSaved(t.a);
  await heard(t.b);
  await stillOpen(t.b, formB);
  // B's form still shows the values it opened; it changes only Y.
  await fill(formB, f.y, y.b1);
  await save(formB, f);
  await waitSaved(t.b);
  assert.equal(await t.b.getByTestId('conflict-choices').count(), 0, 'nothing to choose');
  const r = f.find(await exported(t.context), c);
  assert.deepEqual(get(f.x, r), x.a1.stored, `A's ${f.x.label} is kept`);
  assert.deepEqual(get(f.y, r), y.b1.stored, `B's ${f.y.label} is saved`);
  assert.deepEqual(get(f.z, r), get(f.z, before), `${f.z.label} is untouched`);
  restUnchanged(f, before, r);
  assert.deepEqual(t.errors, []);
  await t.context.close();
}

async function sameField(f) {
  const t = await twoTabs(f.example);
  const c = f.setup(t.ws);
  const before = f.find(t.ws, c);
  const [x, y, z] = [X(f), Y(f), Z(f)];
  // B types while A edits the same record and saves first.
  const formB = await f.open(t.b, c);
  await fill(formB, f.x, x.b2);
  await fill(formB, f.y, y.b2);
  await clearBanner(t.b);
  const formA = await f.open(t.a, c);
  await fill(formA, f.x, x.a2);
  await fill(formA, f.z, z.a2);
  await save(formA, f);
  await waitSaved(t.a);
  await heard(t.b);
  await stillOpen(t.b, formB);
  assert.equal(await formB.getByLabel(f.x.label, { exact: true }).inputValue(), x.b2.typed, 'B\'s typing is kept');
  assert.equal(await formB.getByLabel(f.y.label, { exact: true }).inputValue(), y.b2.typed, 'B\'s typing is kept');
  await save(formB, f);
  const box = t.b.getByTestId('conflict-choices');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, new RegExp(CONFLICT_TITLE));
  assert.equal(await box.locator('fieldset').count(), 1, `only ${f.x.label} is asked: ${text}`);
  assert.equal((await box.locator('legend').innerText()).trim(), f.x.conflict);
  assert.ok(text.includes(`Din: ${x.b2.shown}`), `B's value is named: ${text}`);
  assert.ok(text.includes(`Fra den anden fane: ${x.a2.shown}`), `A's value is named: ${text}`);
  assert.equal(await box.getByLabel(/^Din:/).isChecked(), true, 'B\'s own value is chosen until B picks');
  if (f.axe) assert.deepEqual(await axe(t.b), [], 'axe on the conflict box');
  await box.getByLabel(f.pick === 'theirs' ? /^Fra den anden fane:/ : /^Din:/).check();
  await save(formB, f);
  await box.waitFor({ state: 'detached' });
  await waitSaved(t.b);
  const r = f.find(await exported(t.context), c);
  assert.deepEqual(get(f.x, r), (f.pick === 'theirs' ? x.a2 : x.b2).stored, `the chosen ${f.x.label}`);
  assert.deepEqual(get(f.y, r), y.b2.stored, `B's ${f.y.label} is kept`);
  assert.deepEqual(get(f.z, r), z.a2.stored, `A's ${f.z.label} is kept`);
  restUnchanged(f, before, r);
  assert.deepEqual(t.errors, []);
  await t.context.close();
}

for (const f of FORMS) {
  test(`${f.name}: different fields, both kept`, () => differentFields(f));
  test(`${f.name}: same field, a choice (${f.pick === 'theirs' ? 'the other tab\'s' : 'mine'}), nothing lost`, () => sameField(f));
}

// ---------------------------------------------------------------------------------------------------------
// The special cases

test('status and note: A sets a status, B writes only a note; A\'s status stays and B\'s note is added', async () => {
  const t = await twoTabs(KOEGE);
  const id = t.ws.plan.initiatives.find((i) => i.number === '1.1').id;
  const before = byId(t.ws.plan.initiatives, id);
  assert.notEqual(before.status, 'delayed');
  await t.b.goto(`${env.base}/handleplan/${id}`);
  const formB = await region(t.b, 'Ny status eller note');
  await formB.getByLabel('Note', { exact: true }).fill('Note skrevet i fane B');
  await clearBanner(t.b);
  await t.a.goto(`${env.base}/handleplan/${id}`);
  const formA = await region(t.a, 'Ny status eller note');
  await formA.getByLabel('Status', { exact: true }).selectOption({ label: 'Forsinket' });
  await formA.getByLabel('Note', { exact: true }).fill('Status sat i fane A');
  await formA.getByRole('button', { name: 'Gem i historikken' }).click();
  await t.a.getByText('Status sat til «Forsinket» og skrevet i historikken.').waitFor();
  await waitSaved(t.a);
  await heard(t.b);
  await formB.getByRole('button', { name: 'Gem i historikken' }).click();
  await t.b.getByText('Noten er skrevet i historikken.').waitFor();
  await waitSaved(t.b);
  assert.equal(await t.b.getByTestId('conflict-choices').count(), 0);
  const ini = byId((await exported(t.context)).plan.initiatives, id);
  assert.equal(ini.status, 'delayed', 'A\'s status stays');
  const a = ini.history.find((n) => n.text === 'Status sat i fane A');
  const b = ini.history.find((n) => n.text === 'Note skrevet i fane B');
  assert.equal(a?.status, 'delayed');
  assert.ok(b, 'B\'s note is added');
  assert.equal(b.status ?? null, null, 'B\'s note sets no status');
  assert.equal(ini.history.length, before.history.length + 2);
  // B's page shows both in the history, and the status A set.
  await t.b.getByTestId('history').getByText('Status sat i fane A').waitFor();
  assert.match(await t.b.locator('.plan-detail-status').innerText(), /Forsinket/);
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('status and note: both set a status; B chooses, and both notes are kept', async () => {
  const t = await twoTabs(KOEGE);
  const id = t.ws.plan.initiatives.find((i) => i.number === '1.1').id;
  const before = byId(t.ws.plan.initiatives, id);
  await t.b.goto(`${env.base}/handleplan/${id}`);
  const formB = await region(t.b, 'Ny status eller note');
  await formB.getByLabel('Status', { exact: true }).selectOption({ label: 'Afsluttet' });
  await formB.getByLabel('Note', { exact: true }).fill('Afsluttet i fane B');
  await clearBanner(t.b);
  await t.a.goto(`${env.base}/handleplan/${id}`);
  const formA = await region(t.a, 'Ny status eller note');
  await formA.getByLabel('Status', { exact: true }).selectOption({ label: 'Forsinket' });
  await formA.getByLabel('Note', { exact: true }).fill('Forsinket i fane A');
  await formA.getByRole('button', { name: 'Gem i historikken' }).click();
  await waitSaved(t.a);
  await heard(t.b);
  await formB.getByRole('button', { name: 'Gem i historikken' }).click();
  const box = t.b.getByTestId('conflict-choices');
  await box.waitFor();
  const text = await box.innerText();
  assert.equal(await box.locator('fieldset').count(), 1, text);
  assert.equal((await box.locator('legend').innerText()).trim(), 'Status');
  assert.ok(text.includes('Din: «Afsluttet»') && text.includes('Fra den anden fane: «Forsinket»'), text);
  await box.getByLabel(/^Fra den anden fane:/).check();
  await formB.getByRole('button', { name: 'Gem i historikken' }).click();
  await box.waitFor({ state: 'detached' });
  await waitSaved(t.b);
  const ini = byId((await exported(t.context)).plan.initiatives, id);
  assert.equal(ini.status, 'delayed', 'the chosen status');
  assert.ok(ini.history.some((n) => n.text === 'Forsinket i fane A'), 'A\'s note is kept');
  assert.ok(ini.history.some((n) => n.text === 'Afsluttet i fane B'), 'B\'s note is kept');
  assert.equal(ini.history.length, before.history.length + 2);
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('note correction: both correct the same note; the later wording stands and the other is kept as an earlier version, nothing asked', async () => {
  const t = await twoTabs(KOEGE);
  const id = t.ws.plan.initiatives.find((i) => i.number === '1.1').id;
  const note = byId(t.ws.plan.initiatives, id).history.find((n) => n.date === '2019-05-08');
  const open = async (page) => {
    await page.goto(`${env.base}/handleplan/${id}`);
    await page.getByRole('button', { name: 'Ret note fra 8. maj 2019', exact: true }).click();
    return formWith(page, `ret-${note.id}`);
  };
  const formB = await open(t.b);
  await formB.getByLabel('Ret noten').fill('Rettet i fane B');
  await clearBanner(t.b);
  const formA = await open(t.a);
  await formA.getByLabel('Ret noten').fill('Rettet i fane A');
  await formA.getByRole('button', { name: 'Gem rettelse' }).click();
  await waitSaved(t.a);
  await heard(t.b);
  await stillOpen(t.b, formB);
  assert.equal(await formB.getByLabel('Ret noten').inputValue(), 'Rettet i fane B', 'B\'s typing is kept');
  await formB.getByRole('button', { name: 'Gem rettelse' }).click();
  await waitSaved(t.b);
  assert.equal(await t.b.getByTestId('conflict-choices').count(), 0, 'notes are corrected, never deleted: nothing to choose');
  const n = byId(byId((await exported(t.context)).plan.initiatives, id).history, note.id);
  assert.equal(n.text, 'Rettet i fane B', 'the later wording');
  const earlier = n.earlier_versions.map((v) => v.text);
  assert.ok(earlier.includes(note.text), 'the original wording is kept as an earlier version');
  assert.ok(earlier.includes('Rettet i fane A'), `A's wording is kept as an earlier version: ${JSON.stringify(earlier)}`);
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('a move in A is not undone by B\'s intervention form, opened before, saving a text change', async () => {
  const t = await twoTabs(STAIR);
  const iv = interventions(t.ws).find((x) => x.name === 'Fast kontaktperson');
  const from = t.ws.staircase.steps.findIndex((s) => s.interventions.some((x) => x.id === iv.id));
  const formB = await FORMS[0].open(t.b);
  await clearBanner(t.b);
  // A moves it one step up the staircase with the keyboard (Alt+→ on its card).
  await t.a.goto(env.base + '/trappe');
  const card = t.a.getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true });
  await card.focus();
  await t.a.keyboard.press('Alt+ArrowRight');
  const stepList = (page, i) => page.getByRole('list', { name: `Indsatser på Trin ${i + 1}` });
  await stepList(t.a, from).getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true })
    .waitFor({ state: 'detached' });
  const to = Number((await card.evaluate((el) => el.closest('ol').getAttribute('aria-label'))).match(/Trin (\d+)/)[1]) - 1;
  assert.notEqual(to, from);
  await waitSaved(t.a);
  await heard(t.b);
  await formB.getByLabel('Beskrivelse', { exact: true }).fill('Beskrivelse skrevet i fane B');
  await formB.getByRole('button', { name: 'Gem indsats' }).click();
  await waitSaved(t.b);
  const ws = await exported(t.context);
  const step = ws.staircase.steps.findIndex((s) => s.interventions.some((x) => x.id === iv.id));
  assert.equal(step, to, 'it stays on the step A moved it to');
  assert.equal(byId(interventions(ws), iv.id).description, 'Beskrivelse skrevet i fane B');
  // B's own board shows it there too.
  await stepList(t.b, to).getByRole('button', { name: 'Redigér Fast kontaktperson', exact: true }).waitFor();
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

/** Renames the open workspace on page's Data page. */
async function renameOnDataPage(page, from, to) {
  await page.goto(env.base + '/data');
  await page.getByRole('button', { name: `Omdøb ${from}`, exact: true }).click();
  await page.getByLabel('Nyt navn').fill(to);
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await page.getByText('Navnet er ændret.').waitFor();
}

test('a rename on A\'s Data page shows in B\'s header without a reload', async () => {
  const t = await twoTabs(STAIR);
  await t.b.goto(env.base + '/trappe');
  await t.b.locator('.workspace-name').filter({ hasText: t.ws.name }).waitFor();
  await renameOnDataPage(t.a, t.ws.name, 'Omdøbt i fane A');
  await t.b.locator('.workspace-name').filter({ hasText: 'Omdøbt i fane A' }).waitFor();
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('a rename on A\'s Data page shows in B\'s Data list without a reload', async () => {
  const t = await twoTabs(STAIR);
  await t.b.goto(env.base + '/data');
  await t.b.getByRole('rowheader', { name: new RegExp(`^${t.ws.name}`) }).waitFor();
  await renameOnDataPage(t.a, t.ws.name, 'Omdøbt i fane A');
  await t.b.locator('.workspace-name').filter({ hasText: 'Omdøbt i fane A' }).waitFor();
  // The list has the new name too (the header shows that B has taken in A's save).
  await t.b.getByRole('rowheader', { name: /^Omdøbt i fane A/ }).waitFor({ timeout: 5000 });
  assert.equal(await t.b.getByRole('rowheader').count(), 1);
  assert.ok(await t.b.getByRole('button', { name: 'Omdøb Omdøbt i fane A', exact: true }).isVisible());
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('a name being typed in B\'s rename field survives A\'s saves, and is then saved over them', async () => {
  const t = await twoTabs(STAIR);
  await t.b.goto(env.base + '/data');
  await t.b.getByRole('button', { name: `Omdøb ${t.ws.name}`, exact: true }).click();
  const field = t.b.getByLabel('Nyt navn');
  await field.fill('Navn skrevet i fane B');
  const info = await FORMS.find((f) => f.name === 'om arbejdsområdet').open(t.a);
  for (const [label, v] of [['Beskrivelse', 'Beskrivelse fra fane A'], ['Kommune', 'Kommune fra fane A']]) {
    await clearBanner(t.b);
    await info.getByLabel(label, { exact: true }).fill(v);
    await info.getByRole('button', { name: 'Gem oplysninger' }).click();
    await waitSaved(t.a);
    await heard(t.b);
    assert.equal(await field.inputValue(), 'Navn skrevet i fane B', `B's typing is kept after A saved ${label}`);
  }
  await t.b.getByRole('button', { name: 'Gem navn' }).click();
  await t.b.getByText('Navnet er ændret.').waitFor();
  await t.a.locator('.workspace-name').filter({ hasText: 'Navn skrevet i fane B' }).waitFor();
  const ws = await exported(t.context);
  assert.equal(ws.name, 'Navn skrevet i fane B');
  assert.equal(ws.description, 'Beskrivelse fra fane A');
  assert.equal(ws.municipality, 'Kommune fra fane A');
  assert.deepEqual(t.errors, []);
  await t.context.close();
});

test('a workspace emptied from the bin in A while B has it open: B says so, stores it again with its edit', async () => {
  const t = await twoTabs(STAIR);
  const name = t.ws.name;
  await t.b.goto(env.base + '/overblik');
  await t.b.getByRole('heading', { level: 1, name: `Overblik: ${name}` }).waitFor();
  // A puts the workspace in the bin and empties it.
  await t.a.goto(env.base + '/data');
  await t.a.getByRole('button', { name: `Slet ${name}`, exact: true }).click();
  await t.a.getByRole('button', { name: 'Ja, læg i papirkurven' }).click();
  await t.a.getByRole('button', { name: 'Tøm papirkurven' }).click();
  await t.a.getByRole('button', { name: 'Ja, slet for altid' }).click();
  await t.a.getByText('1 arbejdsområde(r) er slettet for altid.').waitFor();
  // B says at once that it is gone from storage (not that another tab saved), and offers both ways out.
  const alert = t.b.getByRole('alert').filter({ hasText: 'Arbejdsområdet er ikke længere i browserens lager' });
  await alert.waitFor({ timeout: 10000 });
  assert.equal(await t.b.getByText('En anden fane gemte').count(), 0);
  const again = alert.getByRole('button', { name: 'Gem det igen i browseren' });
  const download = alert.getByRole('button', { name: 'Download dine ændringer som fil' });
  assert.ok(await again.isVisible());
  assert.ok(await download.isVisible());
  // B edits on; the edit lives in B only.
  const info = await region(t.b, 'Om arbejdsområdet');
  await info.getByLabel('Navn', { exact: true }).fill('Reddet i fane B');
  await info.getByLabel('Beskrivelse', { exact: true }).fill('Skrevet efter sletningen');
  await info.getByRole('button', { name: 'Gem oplysninger' }).click();
  await alert.waitFor();
  assert.deepEqual(await axe(t.b), [], 'axe on the «Gem det igen» banner');
  // The download has B's edit.
  const [file] = await Promise.all([t.b.waitForEvent('download'), download.click()]);
  assert.equal(JSON.parse(await readFile(await file.path(), 'utf8')).workspace.name, 'Reddet i fane B');
  // Stored again: a fresh page lists it, with B's edit.
  await again.click();
  await t.b.getByText('Arbejdsområdet er gemt i browseren igen.').waitFor();
  await alert.waitFor({ state: 'detached' });
  await waitSaved(t.b);
  const c = await t.context.newPage();
  await c.goto(env.base + '/data');
  await c.getByRole('rowheader', { name: /^Reddet i fane B/ }).waitFor();
  const open = c.getByRole('button', { name: 'Åbn Reddet i fane B', exact: true });
  if (await open.count()) await open.click();
  await c.getByRole('rowheader', { name: /^Reddet i fane B.*Åben/ }).waitFor();
  await c.close();
  const ws = await exported(t.context);
  assert.equal(ws.name, 'Reddet i fane B');
  assert.equal(ws.description, 'Skrevet efter sletningen');
  assert.equal(interventions(ws).length, interventions(t.ws).length, 'its content came back with it');
  assert.equal(ws.meetings.length, t.ws.meetings.length);
  await t.context.close();
});
