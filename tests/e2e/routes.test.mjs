// Every route of the app on the Køge example: each sub-view by its URL (a full reload, served through the
// index.html fallback), trailing slashes, the query of a new meeting, unknown paths anywhere (the
// not-found page), ids that name no record, and each area's sub-navigation clicked through without a
// reload: the URL, the heading, the document title and `aria-current` follow, and the area's state stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openExample } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const WORKSPACE = 'Køge 2019 – Strategier for indsatsen';
const STAIR = 'Socialstyrelsens indsatstrappe';
const STAIR_WORKSPACE = 'Socialstyrelsens indsatstrappe – eksempel';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NO_RECORD = '00000000-0000-4000-8000-000000000000';
const NOT_FOUND = 'Siden findes ikke';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Waits until the open workspace is shown and the page's first h1 is `name` (a string or a RegExp). */
async function heading(page, name) {
  const want = name instanceof RegExp ? { re: name.source } : { text: name };
  try {
    await page.waitForFunction((w) => {
      const main = document.querySelector('main#indhold');
      const h = main?.querySelector('h1');
      if (!h || main.textContent.includes('Intet arbejdsområde er åbent.')) return false;
      const t = h.textContent.trim();
      return w.re ? new RegExp(w.re).test(t) : t === w.text;
    }, want, { timeout: 10000 });
  } catch {
    const shown = await page.locator('main h1').first().textContent().catch(() => '(no h1)');
    assert.fail(`${page.url()}: expected h1 ${name}, shown ${JSON.stringify(shown)}`);
  }
}

async function title(page, expected) {
  try {
    await page.waitForFunction((t) => document.title === t, expected, { timeout: 5000 });
  } catch {
    assert.equal(await page.title(), expected, page.url());
  }
}

async function visit(page, path, h1, docTitle) {
  await page.goto(env.base + path);
  await heading(page, h1);
  if (docTitle) await title(page, docTitle);
}

function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** Marks the loaded document, so a later check can tell that no reload happened. */
async function mark(page) {
  await page.evaluate(() => { window.__routesMark = 'same document'; });
}
async function assertNoReload(page, where) {
  assert.equal(await page.evaluate(() => window.__routesMark), 'same document', `${where}: the page reloaded`);
}

/** Clicks `name` in the sub-navigation `nav` and checks the URL, the heading and `aria-current`. */
async function clickSubNav(page, nav, name, path, h1) {
  const links = page.getByRole('navigation', { name: nav });
  await links.getByRole('link', { name, exact: true }).click();
  await page.waitForURL((u) => u.pathname === path);
  await heading(page, h1);
  await assertNoReload(page, path);
  const current = await links.locator('a[aria-current="page"]').allTextContents();
  assert.deepEqual(current.map((s) => s.trim()), [name], `aria-current on ${path}`);
}

async function assertNotFound(page, path) {
  await page.goto(env.base + path);
  await page.getByRole('heading', { level: 1, name: NOT_FOUND }).waitFor({ timeout: 10000 }).catch(async () => {
    const shown = await page.locator('main h1').first().textContent().catch(() => '(no h1)');
    assert.fail(`${path}: expected "${NOT_FOUND}", shown ${JSON.stringify(shown)}`);
  });
  assert.equal(await page.locator('main h1').count(), 1, `${path}: one h1`);
  assert.equal(await page.getByRole('link', { name: 'Gå til forsiden' }).getAttribute('href'), '/', path);
  await title(page, `${NOT_FOUND} – Trappe`);
}

test('every sub-view opens by its URL, with its heading and document title', async () => {
  const { page, context, errors } = await openPage(env, '/');
  try {
    await openExample(page, KOEGE);
    await visit(page, '/', 'Velkommen til Trappe', 'Forside – Trappe');
    await visit(page, '/overblik', `Overblik: ${WORKSPACE}`);
    await visit(page, '/data', 'Data', 'Data – Trappe');

    // Trappe.
    await visit(page, '/trappe', 'Indsatstrappen', 'Trappe – Trappe');
    await visit(page, '/trappe/', 'Indsatstrappen', 'Trappe – Trappe');
    await visit(page, '/trappe/maalinger', 'Indsatstrappen: målinger', 'Målinger – Trappe – Trappe');
    await visit(page, '/trappe/maalinger/', 'Indsatstrappen: målinger', 'Målinger – Trappe – Trappe');
    await visit(page, '/trappe/sammenlign', 'Indsatstrappen: sammenlign', 'Sammenlign – Trappe – Trappe');
    await visit(page, '/trappe/udskriv', `Indsatstrappen – ${WORKSPACE}`, 'Udskrift – Trappe – Trappe');

    // Netværksmøder.
    await visit(page, '/netvaerksmoeder', 'Netværksmøder', 'Netværksmøder – Trappe');
    await page.getByRole('navigation', { name: 'Netværksmøder' }).waitFor();
    await visit(page, '/netvaerksmoeder/opfoelgning', 'Opfølgning', 'Opfølgning – Trappe');
    await visit(page, '/netvaerksmoeder/statistik', 'Statistik', 'Statistik – Trappe');
    await visit(page, '/netvaerksmoeder/statistik/', 'Statistik', 'Statistik – Trappe');
    await visit(page, '/netvaerksmoeder/skabeloner', 'Skabeloner', 'Skabeloner – Trappe');
    await visit(page, '/netvaerksmoeder/indstillinger', 'Indstillinger for opfølgning', 'Indstillinger for opfølgning – Trappe');
    await visit(page, '/netvaerksmoeder/ny', 'Nyt møde', 'Nyt møde – Trappe');
    const fromTemplate = page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' });
    const templateHref = await fromTemplate.getAttribute('href');
    assert.match(templateHref, /^\/netvaerksmoeder\/ny\?skabelon=[0-9a-f-]{36}$/);
    assert.equal(await page.getByLabel('Dato', { exact: true }).count(), 0, 'the chooser, not the form');
    await visit(page, '/netvaerksmoeder/ny?skabelon=ingen', 'Nyt møde');
    await page.getByLabel('Dato', { exact: true }).waitFor();
    await visit(page, templateHref, 'Nyt møde: Familierådslagning', 'Nyt møde: Familierådslagning – Trappe');

    // A meeting of the example, by its id: the form, the minutes, and a copy.
    await visit(page, '/netvaerksmoeder', 'Netværksmøder');
    const row = page.locator('main table th[scope="row"] a').first();
    const meetingHref = await row.getAttribute('href');
    const caseRef = (await row.textContent()).trim();
    const meetingId = meetingHref.split('/').pop();
    assert.match(meetingId, UUID);
    assert.equal(meetingHref, `/netvaerksmoeder/${meetingId}`);
    const esc = caseRef.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await visit(page, meetingHref, new RegExp(`, ${esc}$`));
    assert.match(await page.title(), new RegExp(`, ${esc} – Trappe$`));
    await visit(page, `${meetingHref}/`, new RegExp(`, ${esc}$`));
    await visit(page, `${meetingHref}/referat`, new RegExp(`^(Beslutningsreferat|Referat).*: .*${esc}$`));
    await visit(page, `/netvaerksmoeder/ny?kopi=${meetingId}`, `Nyt møde som kopi af ${caseRef}`);
    // A well-formed id that names no meeting: the area's own message, as before.
    await visit(page, `/netvaerksmoeder/${NO_RECORD}`, 'Mødet findes ikke', 'Mødet findes ikke – Trappe');
    await visit(page, `/netvaerksmoeder/${NO_RECORD}/referat`, 'Mødet findes ikke');

    // Handleplan. The list's h1 is also what shows while no workspace is open, so the tabs are checked too.
    const tabs = page.getByRole('navigation', { name: 'Handleplanens visninger' });
    await visit(page, '/handleplan', 'Handleplan', 'Handleplan – Trappe');
    await tabs.waitFor();
    await visit(page, '/handleplan/', 'Handleplan');
    await tabs.waitFor();
    await visit(page, '/handleplan/tavle', 'Handleplan: tavle', 'Handleplan – Trappe');
    await visit(page, '/handleplan/tavle/', 'Handleplan: tavle');
    await visit(page, '/handleplan/tidslinje', 'Handleplan: tidslinje');
    await visit(page, '/handleplan/indikatorer', 'Handleplan: indikatorer');
    await visit(page, '/handleplan/rapport', 'Handleplan: rapport til udvalget');
    await visit(page, '/handleplan/maal', 'Handleplan: mål, spor og indstillinger');
    await visit(page, '/handleplan/ny', 'Nyt initiativ', 'Handleplan – Trappe');
    await visit(page, '/handleplan', 'Handleplan');
    const initiative = page.locator('main a[href^="/handleplan/"]').filter({ hasText: 'Analyse af skole- og dagbehandlingstilbud' });
    const initiativeHref = await initiative.first().getAttribute('href');
    assert.match(initiativeHref.split('/').pop(), UUID);
    await visit(page, initiativeHref, '1.2 Analyse af skole- og dagbehandlingstilbud', 'Handleplan – Trappe');
    assert.equal(await tabs.locator('a[aria-current="page"]').count(), 0, 'no tab is current on an initiative');
    await visit(page, `/handleplan/${NO_RECORD}`, 'Initiativet findes ikke');

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an unknown path anywhere shows the not-found page', async () => {
  const { page, context, errors } = await openPage(env, '/');
  try {
    await openExample(page, KOEGE);
    for (const path of [
      '/nothing', '/trappe/xyz', '/trappe/maalinger/x', '/trappe/udskriv/y', '/trappex',
      '/netvaerksmoeder/not-a-uuid', `/netvaerksmoeder/${NO_RECORD}/xyz`, '/netvaerksmoeder/ny/x',
      '/netvaerksmoeder/statistik/2024', '/handleplan/foo', '/handleplan/foo/bar', '/handleplan/tavle/x',
      `/handleplan/${NO_RECORD}/x`, '/overblik/x', '/data/x',
    ]) {
      await assertNotFound(page, path);
    }
    // The not-found page's link leads to the start page, inside the app.
    await mark(page);
    await page.getByRole('link', { name: 'Gå til forsiden' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await heading(page, 'Velkommen til Trappe');
    await assertNoReload(page, '/');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('sub-navigation moves between sub-views without a reload and keeps the area state', async () => {
  const { page, context, errors } = await openPage(env, '/');
  try {
    // The staircase's sub-views on the example with measurements (Køge's plan gives no staircase figures).
    await openExample(page, STAIR);

    // Trappe: the measurement chosen for the chart survives a visit to the other sub-views.
    await visit(page, '/trappe', 'Indsatstrappen');
    await mark(page);
    const chart = page.locator('#chart-a');
    const options = await chart.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
    assert.ok(options.length >= 2, 'the example has two measurements');
    assert.equal(await chart.inputValue(), options[0].value, 'the first measurement is shown at first');
    await chart.selectOption({ value: options[1].value });
    const nav = 'Trappens visninger';
    await clickSubNav(page, nav, 'Målinger', '/trappe/maalinger', 'Indsatstrappen: målinger');
    await title(page, 'Målinger – Trappe – Trappe');
    await clickSubNav(page, nav, 'Sammenlign og hvad nu hvis', '/trappe/sammenlign', 'Indsatstrappen: sammenlign');
    await title(page, 'Sammenlign – Trappe – Trappe');
    await clickSubNav(page, nav, 'Trappe og diagram', '/trappe', 'Indsatstrappen');
    await title(page, 'Trappe – Trappe');
    assert.equal(await page.locator('#chart-a').inputValue(), options[1].value, 'the chosen measurement is kept');
    // The print view gets the chosen measurement, and its way back keeps it too.
    await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
    await page.waitForURL((u) => u.pathname === '/trappe/udskriv');
    await heading(page, `Indsatstrappen – ${STAIR_WORKSPACE}`);
    await title(page, 'Udskrift – Trappe – Trappe');
    assert.equal(new URL(page.url()).searchParams.get('a'), options[1].value);
    await page.getByRole('link', { name: 'Tilbage til trappen' }).click();
    await page.waitForURL((u) => u.pathname === '/trappe');
    await heading(page, 'Indsatstrappen');
    assert.equal(await page.locator('#chart-a').inputValue(), options[1].value, 'kept after the print view');
    await assertNoReload(page, 'trappe');

    // Netværksmøder: every sub-view, then a template picked in the chooser (the same route, a new query).
    const mnav = 'Netværksmøder';
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Netværksmøder' }).click();
    await page.waitForURL((u) => u.pathname === '/netvaerksmoeder');
    await heading(page, 'Netværksmøder');
    await clickSubNav(page, mnav, 'Opfølgning', '/netvaerksmoeder/opfoelgning', 'Opfølgning');
    await clickSubNav(page, mnav, 'Statistik', '/netvaerksmoeder/statistik', 'Statistik');
    await title(page, 'Statistik – Trappe');
    await clickSubNav(page, mnav, 'Skabeloner', '/netvaerksmoeder/skabeloner', 'Skabeloner');
    await clickSubNav(page, mnav, 'Indstillinger', '/netvaerksmoeder/indstillinger', 'Indstillinger for opfølgning');
    await clickSubNav(page, mnav, 'Møder', '/netvaerksmoeder', 'Netværksmøder');
    await page.getByRole('link', { name: 'Nyt møde', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/netvaerksmoeder/ny' && !u.search);
    await heading(page, 'Nyt møde');
    await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).click();
    await page.waitForURL((u) => u.searchParams.has('skabelon'));
    await heading(page, 'Nyt møde: Familierådslagning');
    await title(page, 'Nyt møde: Familierådslagning – Trappe');
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/netvaerksmoeder/ny' && !u.search);
    await heading(page, 'Nyt møde');
    await page.getByRole('link', { name: 'Nyt møde ud fra skabelonen Familierådslagning' }).waitFor();
    await assertNoReload(page, 'netvaerksmoeder');

    // Handleplan: the tabs on Køge's plan, with the filter kept between the list and the board.
    await openExample(page, KOEGE);
    await mark(page);
    const pnav = 'Handleplanens visninger';
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
    await page.waitForURL((u) => u.pathname === '/handleplan');
    await page.getByRole('navigation', { name: pnav }).waitFor();
    await heading(page, 'Handleplan');
    await page.getByRole('checkbox', { name: 'Afsluttet' }).check();
    await page.getByText('Viser 2 af 16 initiativer.').waitFor();
    await clickSubNav(page, pnav, 'Tavle', '/handleplan/tavle', 'Handleplan: tavle');
    await clickSubNav(page, pnav, 'Tidslinje', '/handleplan/tidslinje', 'Handleplan: tidslinje');
    await clickSubNav(page, pnav, 'Indikatorer', '/handleplan/indikatorer', 'Handleplan: indikatorer');
    await clickSubNav(page, pnav, 'Rapport til udvalget', '/handleplan/rapport', 'Handleplan: rapport til udvalget');
    await clickSubNav(page, pnav, 'Mål, spor og indstillinger', '/handleplan/maal', 'Handleplan: mål, spor og indstillinger');
    await clickSubNav(page, pnav, 'Liste', '/handleplan', 'Handleplan');
    await page.getByText('Viser 2 af 16 initiativer.').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Afsluttet' }).isChecked(), true, 'the filter is kept');
    await title(page, 'Handleplan – Trappe');
    // An initiative from the list, and back by the list tab.
    // The first link to an initiative (not the tabs or "Nyt initiativ"): its path ends in an id.
    const hrefs = await page.locator('main a[href^="/handleplan/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const href = hrefs.find((h) => UUID.test(h.split('/').pop()));
    assert.ok(href, 'the list links to initiatives');
    const first = page.locator(`main a[href="${href}"]`).first();
    const name = (await first.textContent()).trim();
    await first.click();
    await page.waitForURL((u) => UUID.test(u.pathname.split('/').pop()));
    await heading(page, new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.equal(await page.getByRole('navigation', { name: pnav }).locator('a[aria-current="page"]').count(), 0);
    await clickSubNav(page, pnav, 'Liste', '/handleplan', 'Handleplan');
    await assertNoReload(page, 'handleplan');

    assert.equal(pathOf(page), '/handleplan');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
