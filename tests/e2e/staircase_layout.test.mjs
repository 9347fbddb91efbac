// The staircase as it is seen: the chart's texts never collide with its shapes (on screen, in the exported
// SVG and in the print view, with one and two measurements, normal and in workshop mode), workshop mode
// enlarges the content for a projector, the board survives 125 % zoom, and words wrap between words or at
// the soft hyphens the app puts in long Danish words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { launch, openPage, openExample, axe } from './harness.mjs';
import { chartCollisions } from './chart_check.mjs';

const SHOTS = new URL('../../bench-results/shots/', import.meta.url).pathname;
let env;
before(async () => { env = await launch(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env?.close(); });

const EXAMPLES = ['Køge 2019', 'Halsnæs', 'Socialstyrelsens indsatstrappe'];
// The examples with measurements, hence a chart: Køge's and Halsnæs' plans give no staircase figures.
const CHARTED = ['Socialstyrelsens indsatstrappe'];

async function toStaircase(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
}

/** Picks "Sammenlign med": `none` for "Ingen", otherwise the first measurement other than the shown one. */
async function compareWith(page, none) {
  const select = page.getByLabel('Sammenlign med');
  if (none) return select.selectOption('');
  const shown = await page.getByLabel('Vis måling').inputValue();
  const other = await select.locator('option').evaluateAll((os, s) => os.map((o) => o.value).find((v) => v && v !== s), shown);
  assert.ok(other, 'a second measurement to compare with');
  await select.selectOption(other);
}

async function assertClean(page, selector, label) {
  await page.locator(selector).waitFor();
  const r = await page.$eval(selector, chartCollisions);
  assert.ok(r.texts > 20 && r.shapes > 10, `${label}: ${r.texts} texts, ${r.shapes} shapes checked`);
  assert.deepEqual(r.problems, [], `${label}:\n${r.problems.join('\n')}`);
  return r;
}

test('the chart: no text collides with another text or a shape, on screen, exported and printed', async () => {
  const { page, context, errors } = await openPage(env, '/', { viewport: { width: 1920, height: 1080 } });
  for (const example of CHARTED) {
    await openExample(page, example);
    await toStaircase(page);
    for (const workshop of [false, true]) {
      const pressed = await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).getAttribute('aria-pressed');
      if ((pressed === 'true') !== workshop) await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
      for (const none of [true, false]) {
        await compareWith(page, none);
        const label = `${example}, ${none ? 'one measurement' : 'two measurements'}${workshop ? ', workshop mode' : ''}`;
        await page.waitForFunction((two) => !!document.querySelector('#trappe-diagram title')?.textContent.includes('sammenlignet') === two, !none);
        await assertClean(page, '#trappe-diagram', label);

        // The exported file, opened on its own, with the same check.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som SVG' }).click()]);
        const svg = await readFile(await download.path(), 'utf8');
        const file = await context.newPage();
        await file.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''));
        await assertClean(file, 'svg', `${label}, exported SVG`);
        const size = await file.$eval('svg', (s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
        await file.close();
        // The PNG is drawn from the same SVG, at twice its size.
        const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som PNG' }).click()]);
        const bytes = await readFile(await png.path());
        assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], size.map((x) => 2 * Math.ceil(x)), `${label}: PNG size`);
      }
    }
    await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
    // The print view's chart, with a comparison.
    await compareWith(page, false);
    await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
    await page.waitForURL(/udskriv/);
    await page.emulateMedia({ media: 'print' });
    await assertClean(page, '#trappe-udskrift-diagram', `${example}, print view`);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** Sizes of the content that must grow on a projector. */
function contentSizes() {
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  // A step name in the chart, in screen pixels.
  const chart = document.querySelector('#trappe-diagram');
  const chartName = chart.querySelector('[data-step="0"] text:nth-of-type(2)');
  return {
    title: px(document.querySelector('.stair-head h1')),
    stepName: px(document.querySelector('.step-name')),
    card: px(document.querySelector('.iv-name')),
    cardCount: px(document.querySelector('.iv-children')),
    chartText: px(chartName) * chart.getBoundingClientRect().width / chart.viewBox.baseVal.width,
  };
}

test('workshop mode enlarges the title, the step names, the cards, and the chart text to 20 px or more at 1920 × 1080', async () => {
  const { page, context, errors } = await openPage(env, '/', { viewport: { width: 1920, height: 1080 } });
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await toStaircase(page);
  await page.locator('#trappe-diagram [data-step="0"]').waitFor();
  const off = await page.evaluate(contentSizes);
  await page.screenshot({ path: `${SHOTS}trappe-workshop-off-projector.png` });
  await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
  await page.locator('.app.workshop').waitFor();
  const on = await page.evaluate(contentSizes);
  await page.screenshot({ path: `${SHOTS}trappe-workshop-on-projector.png` });
  await page.locator('#trappe-diagram').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}trappe-workshop-on-chart-projector.png` });
  for (const key of Object.keys(off)) {
    // The chart, already scaled up to the page's width without workshop mode, is drawn at its own size
    // beside the board in workshop mode: its text is at least 20 px, as everything else.
    if (key === 'chartText') assert.ok(on[key] >= 20, `${key}: ${off[key].toFixed(1)} px → ${on[key].toFixed(1)} px`);
    else assert.ok(on[key] >= off[key] * 1.25, `${key}: ${off[key].toFixed(1)} px → ${on[key].toFixed(1)} px`);
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 125 % zoom (1366 × 768) every step column is visible or scrolls into view in its own box', async () => {
  // 125 % zoom on a 1366 × 768 laptop: a 1093 × 614 CSS-pixel viewport at device scale 1.25.
  const context = await env.browser.newContext({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, locale: 'da-DK', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base + '/');
  await page.waitForSelector('main#indhold');
  for (const example of EXAMPLES) {
    await openExample(page, example);
    await toStaircase(page);
    for (const workshop of [false, true]) {
      const button = page.getByRole('button', { name: 'Workshop-visning (stor skrift)' });
      if (((await button.getAttribute('aria-pressed')) === 'true') !== workshop) await button.click();
      const problems = await page.evaluate((workshop) => {
        const out = [];
        // Six steps fit side by side without scrolling; workshop mode may scroll inside the board.
        const board = document.querySelector('.board');
        if (!workshop && board.scrollWidth > board.clientWidth + 1) out.push(`the board needs sideways scrolling: ${board.scrollWidth} > ${board.clientWidth} px`);
        const clips = (el) => getComputedStyle(el).overflowX !== 'visible';
        const cols = [...document.querySelectorAll('.step-col')];
        cols.forEach((col, i) => {
          // Every ancestor that clips must either show the whole column or scroll to it.
          for (let a = col.parentElement; a && a !== document.documentElement; a = a.parentElement) {
            if (!clips(a)) continue;
            const scrolls = ['auto', 'scroll'].includes(getComputedStyle(a).overflowX) && a.scrollWidth > a.clientWidth;
            col.scrollIntoView({ block: 'nearest', inline: 'end' });
            const r = col.getBoundingClientRect();
            const ar = a.getBoundingClientRect();
            if (r.right > ar.right + 1 || r.left < ar.left - 1) out.push(`step ${i + 1} is cut off by ${a.className || a.tagName}${scrolls ? ' even when scrolled' : ''}`);
          }
          // Nothing inside a column sticks out of it (it would be cut off or run into the next one).
          const cr = col.getBoundingClientRect();
          for (const el of col.querySelectorAll('*')) {
            if (el.closest('.visually-hidden')) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > cr.right + 1 || r.left < cr.left - 1) out.push(`step ${i + 1}: <${el.tagName.toLowerCase()} class="${el.className}"> «${el.textContent.trim().slice(0, 40)}» sticks out`);
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') out.push(`step ${i + 1}: «${el.textContent.trim().slice(0, 40)}» is clipped`);
          }
        });
        // The column's own box shows all of it: the last one can be reached by the board's scrollbar.
        const last = cols.at(-1);
        last.scrollIntoView({ block: 'nearest', inline: 'end' });
        const r = last.getBoundingClientRect();
        if (r.right > document.documentElement.clientWidth + 1) out.push(`step ${cols.length} ends beyond the window at ${r.right.toFixed(0)} px`);
        return out;
      }, workshop);
      assert.deepEqual(problems, [], `${example}${workshop ? ', workshop mode' : ''}`);
      if (example === 'Socialstyrelsens indsatstrappe') {
        await page.evaluate(() => document.querySelector('.board').scrollIntoView());
        await page.screenshot({ path: `${SHOTS}trappe-zoom125-${workshop ? 'workshop' : 'normal'}.png` });
      }
    }
    await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('staircase text wraps between words, and a long word only at a soft hyphen (U+00AD) the app put there', async () => {
  const { page, context, errors } = await openPage(env, '/', { viewport: { width: 1366, height: 768 } });
  for (const [example, viewport] of [...EXAMPLES.map((e) => [e, { width: 1366, height: 768 }]), [EXAMPLES[2], { width: 1093, height: 614 }]]) {
    await page.setViewportSize(viewport);
    await openExample(page, example);
    await toStaircase(page);
    for (const workshop of [false, true]) {
      const button = page.getByRole('button', { name: 'Workshop-visning (stor skrift)' });
      if (((await button.getAttribute('aria-pressed')) === 'true') !== workshop) await button.click();
      const r = await page.evaluate(() => {
        const out = [];
        let words = 0;
        let hyphenated = 0;
        for (const el of document.querySelectorAll('.step-name, .iv-name, .iv-meta, .step-desc')) {
          const cs = getComputedStyle(el);
          if (cs.display === 'none') continue;
          if (cs.wordBreak === 'break-all' || cs.overflowWrap === 'anywhere') out.push(`${el.className}: word-break ${cs.wordBreak}, overflow-wrap ${cs.overflowWrap}`);
          // The browser's own dictionary (none for Danish in Chromium on Linux) is not relied on.
          if (cs.hyphens !== 'manual') out.push(`${el.className}: hyphens ${cs.hyphens}`);
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('.visually-hidden')) continue;
            // A hyphen or a slash inside a word is a place to break, as in «COS-P».
            for (const m of node.data.matchAll(/[^\s\-‐–—/]+/g)) {
              words += 1;
              let lastTop = null;
              for (let i = 0; i < m[0].length; i++) {
                const range = document.createRange();
                range.setStart(node, m.index + i);
                range.setEnd(node, m.index + i + 1);
                // A letter right after a used soft hyphen also reports the hyphen's box: its own is the last.
                const rect = [...range.getClientRects()].filter((q) => q.width > 0).at(-1);
                if (!rect) continue;
                if (lastTop !== null && rect.top > lastTop + 2) {
                  if (m[0][i - 1] === '\u00ad') hyphenated += 1;
                  else out.push(`«${m[0].replace(/\u00ad/g, '')}» is broken before «${m[0].slice(i).replace(/\u00ad/g, '')}» without a hyphen (${el.className})`);
                }
                lastTop = rect.top;
              }
            }
          }
        }
        return { out, words, hyphenated };
      });
      assert.ok(r.words > 50, `${r.words} words checked`);
      assert.deepEqual(r.out, [], `${example}${workshop ? ', workshop mode' : ''}`);
    }
    await page.getByRole('button', { name: 'Workshop-visning (stor skrift)' }).click();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('Halsnæs names its period once in each heading', async () => {
  const { page, context, errors } = await openPage(env, '/');
  await openExample(page, 'Halsnæs');
  const once = (text, label) => assert.equal(text.split('2019–2020').length - 1, 1, `${label}: «${text}»`);
  once(await page.getByRole('heading', { level: 1 }).textContent(), 'Overblik');
  once(await page.locator('.workspace-name').textContent(), 'header');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Handleplan' }).waitFor();
  once(await page.locator('main .lead').first().textContent(), 'Handleplan');
  await toStaircase(page);
  // Without measurements the staircase offers no print view; its address still names the workspace.
  await page.goto(env.base + '/trappe/udskriv');
  await page.waitForURL(/udskriv/);
  await page.getByRole('heading', { level: 1, name: /^Indsatstrappen – / }).waitFor();
  once(await page.getByRole('heading', { level: 1 }).textContent(), 'print view');
  assert.deepEqual(errors, []);
  await context.close();
});
