// Handleplan after the outside review (issue 13): one rule for an overdue deadline on every view, committees
// matched as a set, no word cut in two in the list or on the board (also at 125 % zoom), a measurement
// before the baseline warned about at its date, and field messages in the field's own words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, axe, openExample, showAsOfToday } from './harness.mjs';

const KOEGE = 'Køge 2019 – Strategier for indsatsen';
const OVERDUE = 'Fristen er overskredet';
const PLACED = 'Anbragte børn i familiepleje og på døgntilbud';
const I11 = '1.1 Analyse af udslusningsboliger/egne værelser til udsatte unge';
const I12 = '1.2 Analyse af skole- og dagbehandlingstilbud';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function openPlan(page) {
  await openExample(page, KOEGE);
  // Køge opens as of 8 May 2019, when nothing was overdue; as of today its 2019–2020 deadlines have passed,
  // which is what these tests read.
  await showAsOfToday(page);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
  await page.getByText('Viser alle 16 initiativer.').waitFor();
}

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name }).click();
}

async function assertNoAxeViolations(page, screen) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations on ${screen}: ${JSON.stringify(violations, null, 2)}`);
}

/** "31.12.2020 …" → a Date at local midnight. */
function shortDate(text) {
  const m = /(\d{2})\.(\d{2})\.(\d{4})/.exec(text);
  return m ? new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : null;
}

test('handleplan: en overskredet frist læses ens på liste, tavle, tidslinje, side og rapport', async () => {
  const { page, context, errors } = await openPage(env, '/');
  try {
    await openPlan(page);
    // The list: number + title, status, the Frist cell and whether it carries the flag.
    const rows = await page.evaluate(() => [...document.querySelectorAll('.plan-table tbody tr')].map((tr) => {
      const tag = tr.querySelector('.plan-status');
      const icon = tag.querySelector('.plan-status-icon')?.textContent ?? '';
      const cell = tr.querySelector('.col-deadline');
      return {
        label: `${tr.querySelector('.col-number').textContent.trim()} ${tr.querySelector('.plan-title a').textContent.trim()}`,
        status: tag.textContent.replace(icon, '').trim(),
        deadline: cell.innerText.split('\n')[0].trim(),
        overdue: cell.querySelector('.plan-overdue') !== null,
      };
    }));
    assert.equal(rows.length, 16);
    const today = new Date(); today.setHours(0, 0, 0, 0);
    for (const r of rows) {
      // The rule, restated: unfinished and the deadline day has passed.
      const due = shortDate(r.deadline);
      const expected = !['Afsluttet', 'Opgivet'].includes(r.status) && due !== null && due < today;
      assert.equal(r.overdue, expected, `${r.label}: ${r.status}, frist ${r.deadline}`);
    }
    const overdue = rows.filter((r) => r.overdue);
    const done = rows.filter((r) => r.status === 'Afsluttet');
    assert.ok(overdue.length > 0 && done.length > 0, 'the example has both overdue and finished initiatives');
    const fromPeriod = rows.filter((r) => r.deadline.includes('ud fra perioden 2019–2020'));
    assert.ok(fromPeriod.length > 0, 'initiatives without a deadline date take it from the period');
    assert.ok(fromPeriod.some((r) => r.overdue), 'a period deadline can be overdue too');
    await assertNoAxeViolations(page, 'listen');

    // The board: the same deadline text and the same flag on every card.
    await tab(page, 'Tavle');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: tavle' }).waitFor();
    const cards = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.plan-card')].map((c) => [
      c.querySelector('.plan-card-title').textContent.replace(/\u00ad/g, '').trim(),
      {
        deadline: (/Frist: (.*)$/m.exec(c.querySelector('.plan-card-meta').innerText)?.[1] ?? '–').trim(),
        overdue: c.querySelector('.plan-overdue') !== null,
      },
    ])));
    for (const r of rows) {
      assert.ok(cards[r.label], `a card for ${r.label}`);
      assert.equal(cards[r.label].overdue, r.overdue, `board flag for ${r.label}`);
      assert.equal(cards[r.label].deadline, r.deadline, `board deadline for ${r.label}`);
    }

    // The timeline: the same words for the same initiatives, and never "overdue" for a finished one.
    await tab(page, 'Tidslinje');
    await page.getByRole('heading', { level: 1, name: 'Handleplan: tidslinje' }).waitFor();
    const spans = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.plan-spans tbody tr')].map((tr) => [
      tr.querySelector('th').textContent.trim(),
      { period: tr.children[1].textContent.trim(), state: tr.querySelector('.plan-span-state').textContent.replace(/^\S+\s/, '').trim() },
    ])));
    for (const r of rows) {
      const s = spans[r.label];
      assert.ok(s, `a timeline row for ${r.label}`);
      assert.equal(s.state === OVERDUE, r.overdue, `timeline for ${r.label}: ${s.state}`);
      if (r.deadline !== '–') assert.ok(s.period.endsWith(r.deadline), `timeline period "${s.period}" ends with the deadline "${r.deadline}"`);
      if (r.status === 'Afsluttet') assert.match(s.state, /^Afsluttet/);
    }
    await assertNoAxeViolations(page, 'tidslinjen');

    // The detail page of an overdue initiative whose deadline comes from the period.
    const one = fromPeriod.find((r) => r.overdue);
    await tab(page, 'Liste');
    await page.getByRole('link', { name: one.label.replace(/^\S+ /, ''), exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: one.label }).waitFor();
    const facts = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.plan-facts dt')].map((dt) => [
      dt.textContent.trim(), dt.nextElementSibling.textContent.trim(),
    ])));
    assert.match(facts.Frist, /^31\. december 2020 \(ud fra perioden 2019–2020\)$/);
    assert.equal(facts['I forhold til fristen'], OVERDUE);
    assert.match(await page.locator('.plan-detail-status').innerText(), new RegExp(OVERDUE));
    await assertNoAxeViolations(page, 'initiativets side');

    // The committee report as of today: the same initiatives flagged, and counted.
    await tab(page, 'Rapport til udvalget');
    const report = page.getByTestId('committee-report');
    await report.waitFor();
    const flagged = await page.evaluate(() => [...document.querySelectorAll('.plan-report-item')]
      .filter((i) => i.querySelector('.plan-overdue'))
      .map((i) => i.querySelector('h4').textContent.trim()));
    assert.deepEqual(flagged.sort(), overdue.map((r) => r.label).sort());
    // The summary's row of deadlines passed (named as Overblik names it, apart from the status «Forsinket»).
    const row = report.getByTestId('report-summary').locator('tr').filter({ has: page.getByTestId('report-overdue') });
    assert.equal((await row.locator('th').innerText()).trim(), 'Har overskredet fristen uden at være afsluttet');
    const summary = await row.locator('td').innerText();
    assert.equal(Number(summary), overdue.length);
    await assertNoAxeViolations(page, 'rapporten');
    assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('handleplan: udvalgsfilteret kender hvert udvalg i en fælles ejer', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openPlan(page);
    const select = page.getByLabel('Udvalg', { exact: true });
    const options = (await select.locator('option').allTextContents()).map((o) => o.trim());
    // Each committee once; "Social- og Arbejdsmarkedsudvalget" is one committee, not "Social-".
    assert.deepEqual(options, ['Alle udvalg', 'Børneudvalget', 'Skoleudvalget', 'Social- og Arbejdsmarkedsudvalget']);
    await select.selectOption({ label: 'Børneudvalget' });
    await page.getByText('Viser alle 16 initiativer.').waitFor();
    await select.selectOption({ label: 'Skoleudvalget' });
    await page.getByText('Viser 1 af 16 initiativer.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Analyse af skole- og dagbehandlingstilbud' }).count(), 1);
    await select.selectOption({ label: 'Social- og Arbejdsmarkedsudvalget' });
    await page.getByText('Viser 2 af 16 initiativer.').waitFor();
    const committees = await page.locator('.plan-table tbody tr td:nth-child(4)').allTextContents();
    assert.ok(committees.every((c) => c.includes('Social- og Arbejdsmarkedsudvalget')), committees.join(' | '));
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  } finally {
    await context.close();
  }
});

test('handleplan: et filter hører til arbejdsområdet det blev sat i', async () => {
  const { page, context } = await openPage(env, '/');
  // To the start page inside the app (a reload would forget every filter, which proves nothing).
  const home = () => page.getByRole('banner').getByRole('link', { name: 'Trappe', exact: true }).click();
  const toPlan = () => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
  try {
    await openExample(page, 'Halsnæs – Handleplan 2019–2020');
    await openPlan(page);
    await page.getByLabel('Udvalg', { exact: true }).selectOption({ label: 'Skoleudvalget' });
    await page.getByText('Viser 1 af 16 initiativer.').waitFor();
    // Another workspace's plan shows all its initiatives: the filter was Køge's.
    await home();
    await page.getByRole('button', { name: /^Åbn Halsnæs/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
    await toPlan();
    await page.getByText(/^Viser alle \d+ initiativer\.$/).waitFor();
    assert.equal(await page.getByLabel('Udvalg', { exact: true }).inputValue(), '');
    // Back in Køge, in the same page, its filter is still set.
    await home();
    await page.getByRole('button', { name: `Åbn ${KOEGE}` }).click();
    await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
    await toPlan();
    await page.getByText('Viser 1 af 16 initiativer.').waitFor();
    assert.equal(await page.getByLabel('Udvalg', { exact: true }).inputValue(), 'Skoleudvalget');
  } finally {
    await context.close();
  }
});

test('handleplan: indstillingerne følger modellens regler og siger fejlen ved feltet', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openExample(page, KOEGE);
    await page.goto(new URL('/handleplan/maal', page.url()).href);
    const days = page.getByLabel('Marker initiativer uden note efter antal dage');
    await days.fill('99999');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    // The range is the model's (0 to 3.650 days), said at the field and tied to it.
    await page.locator('#plan-stale-error').filter({ hasText: 'Skriv et tal fra 0 til 3650.' }).waitFor();
    assert.match(await days.getAttribute('aria-describedby'), /plan-stale-error/);
    assert.equal(await days.getAttribute('aria-invalid'), 'true');
    await days.fill('30');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await page.getByText('Indstillingerne er gemt.').waitFor();
  } finally {
    await context.close();
  }
});

/** Words whose letters are laid out on more than one line, in the text under `selector`. */
/** Words split over two lines anywhere but at a soft hyphen (U+00AD) the app put in a long word. */
function brokenWords(page, selector) {
  return page.evaluate((sel) => {
    const out = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest('.visually-hidden, select, option')) continue;
        // A word runs to the next space; a hyphen or slash may end a line, so it ends a word too.
        const re = /[^\s\-–/]+[-–/]?/g;
        for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
          let lastTop = null;
          for (let i = 0; i < m[0].length; i++) {
            const range = document.createRange();
            range.setStart(n, m.index + i);
            range.setEnd(n, m.index + i + 1);
            // A letter right after a used soft hyphen also reports the hyphen's box: its own is the last.
            const rect = [...range.getClientRects()].filter((r) => r.width > 0).at(-1);
            if (!rect) continue;
            if (lastTop !== null && Math.round(rect.top) > lastTop + 2 && m[0][i - 1] !== '\u00ad') {
              out.push(m[0].replace(/\u00ad/g, ''));
              break;
            }
            lastTop = Math.round(rect.top);
          }
        }
      }
    }
    return out;
  }, selector);
}

for (const [name, viewport, deviceScaleFactor] of [
  ['1366×768', { width: 1366, height: 768 }, 1],
  ['125 % zoom', { width: 1093, height: 614 }, 1.25],
]) {
  test(`handleplan: ingen ord deles midt i på liste og tavle (${name})`, async () => {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor, locale: 'da-DK' });
    const page = await context.newPage();
    try {
      await page.goto(env.base + '/');
      await page.waitForSelector('main#indhold');
      await openPlan(page);
      // The list's cells hold the long compounds the review found cut ("Uddannelsesforvaltningen").
      assert.ok((await page.locator('.plan-table td').allTextContents()).some((t) => t.includes('Uddannelsesforvaltningen')));
      assert.deepEqual(await brokenWords(page, '.plan-table td'), [], 'list');
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(pageWidth <= 0, `the page itself does not scroll sideways (${pageWidth}px too wide)`);

      await tab(page, 'Tavle');
      await page.getByRole('heading', { level: 1, name: 'Handleplan: tavle' }).waitFor();
      assert.deepEqual(await brokenWords(page, '.plan-card'), [], 'board');
      const board = await page.evaluate(() => {
        const b = document.querySelector('.plan-board');
        return {
          columns: [...b.querySelectorAll('.plan-column')].map((c) => c.getBoundingClientRect().width),
          fits: b.scrollWidth <= b.clientWidth,
          scrolls: getComputedStyle(b).overflowX === 'auto',
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      assert.equal(board.columns.length, 6);
      assert.ok(board.columns.every((w) => w >= 200), `every column at least 200 px: ${board.columns.join(', ')}`);
      assert.ok(board.fits || board.scrolls, 'the board scrolls in its own box when six columns do not fit');
      assert.ok(board.pageOverflow <= 0, `the page does not scroll sideways (${board.pageOverflow}px)`);
    } finally {
      await context.close();
    }
  });
}

test('handleplan: en måling før baseline advares ved datoen og vises i datoorden', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openPlan(page);
    await tab(page, 'Indikatorer');
    const form = page.getByRole('form', { name: `Ny måling for ${PLACED}` });
    const date = form.getByLabel('Dato for målingen');
    await date.fill('2015-06-30');
    const warning = form.locator('.form-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /før baselinedatoen 1\. januar 2016/);
    const ids = (await date.getAttribute('aria-describedby')).split(' ');
    assert.ok(ids.includes(await warning.getAttribute('id')), 'the warning is tied to the date field');
    assert.equal(await date.getAttribute('aria-invalid'), 'false', 'a warning, not an error');
    await form.getByLabel('Værdi').fill('40');
    await form.getByRole('button', { name: 'Tilføj måling' }).click();
    // Kept, and listed by date: the 2015 value comes before the baseline row.
    const table = page.getByRole('table', { name: `Målinger for ${PLACED}` });
    const first = table.locator('tbody tr').first();
    await first.filter({ hasText: '30.06.2015' }).waitFor();
    assert.match(await first.innerText(), /før baseline/);
    assert.match(await table.locator('tbody tr').nth(1).innerText(), /Baseline/);
    // A date on or after the baseline gives no warning.
    await date.fill('2016-01-01');
    await warning.waitFor({ state: 'detached' });
    await assertNoAxeViolations(page, 'indikatorerne');
  } finally {
    await context.close();
  }
});

test('handleplan: en tom note siges med feltets egne ord', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openPlan(page);
    await page.getByRole('link', { name: 'Analyse af skole- og dagbehandlingstilbud' }).click();
    await page.getByRole('button', { name: 'Gem i historikken' }).click();
    const note = page.getByLabel('Note', { exact: true });
    await page.locator('#note-text-error').waitFor();
    assert.equal(await page.locator('#note-text-error').innerText(), 'Skriv en note.');
    assert.ok((await note.getAttribute('aria-describedby')).split(' ').includes('note-text-error'));
    assert.equal(await page.getByText(/Feltet/).count(), 0);
  } finally {
    await context.close();
  }
});

test('handleplan: et initiativ kan ikke blive del af sit eget delinitiativ, og fejlen står ved feltet', async () => {
  const { page, context } = await openPage(env, '/');
  try {
    await openPlan(page);
    const edit = async (name, parent) => {
      await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Liste' }).click();
      await page.getByRole('link', { name }).click();
      await page.getByRole('button', { name: 'Redigér oplysninger' }).click();
      const select = page.getByLabel('Del af initiativ');
      await select.selectOption({ label: parent });
      await page.getByRole('button', { name: 'Gem oplysninger' }).click();
      return select;
    };
    const partOf = page.locator('dt').filter({ hasText: /^Del af$/ });
    // 1.2 becomes a part of 1.1 …
    await edit(I12.slice(4), I11);
    await partOf.waitFor();
    // … so 1.1 cannot become a part of 1.2: the model's rule, said at the select and tied to it.
    const select = await edit(I11.slice(4), I12);
    const error = page.locator('[id$="parent-error"]');
    await error.waitFor();
    assert.equal(
      await error.innerText(),
      'Et initiativ kan ikke være del af sig selv eller af et af sine egne delinitiativer. Vælg et andet.',
    );
    const errorId = await error.getAttribute('id');
    assert.ok((await select.getAttribute('aria-describedby')).split(' ').includes(errorId));
    assert.equal(await select.getAttribute('aria-invalid'), 'true');
    // Nothing changed: 1.1 still stands on its own.
    await page.locator('form.plan-form').getByRole('button', { name: 'Fortryd' }).click();
    await page.getByRole('navigation', { name: 'Handleplanens visninger' }).getByRole('link', { name: 'Liste' }).click();
    await page.getByRole('link', { name: I11.slice(4) }).click();
    await page.getByRole('heading', { level: 1, name: I11 }).waitFor();
    assert.equal(await partOf.count(), 0);
  } finally {
    await context.close();
  }
});
