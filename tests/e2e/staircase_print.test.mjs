// The staircase's print view on A4 landscape, read back from Chromium's PDF page by page (pdfjs-dist): the
// title and the chart share the first page, the table follows whole with its header, and its total row
// "I alt" comes once, at the end. With and without a comparison.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launch, openPage, openExample } from './harness.mjs';

const SHOTS = new URL('../../bench-results/shots/', import.meta.url).pathname;
let env;
before(async () => { env = await launch(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env?.close(); });

/** The text of every page of a PDF, whitespace collapsed. */
async function pdfPages(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => x.str).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

const count = (s, needle) => s.split(needle).length - 1;

// Only the Socialstyrelsen example has measurements: Køge's and Halsnæs' plans give no staircase figures.
for (const [example, workspace] of [['Socialstyrelsens indsatstrappe', /Indsatstrappen – /]]) {
  for (const comparison of [false, true]) {
    test(`print on A4, ${example}, ${comparison ? 'with' : 'without'} a comparison: title and chart on page 1, the table after, "I alt" once at the end`, async () => {
      const { page, context, errors } = await openPage(env, '/');
      await openExample(page, example);
      await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trappe' }).click();
      await page.getByRole('heading', { level: 1, name: 'Indsatstrappen' }).waitFor();
      if (comparison) {
        const shown = await page.getByLabel('Vis måling').inputValue();
        const other = await page.getByLabel('Sammenlign med').locator('option').evaluateAll((os, s) => os.map((o) => o.value).find((v) => v && v !== s), shown);
        await page.getByLabel('Sammenlign med').selectOption(other);
      }
      await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
      await page.waitForURL(/udskriv/);
      const title = await page.getByRole('heading', { level: 1 }).textContent();
      assert.match(title, workspace);
      await page.getByTestId('figures-table').waitFor();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const name = `trappe-print-${example.split(' ')[0].toLowerCase()}-${comparison ? 'compare' : 'single'}.pdf`;
      await writeFile(`${SHOTS}${name}`, pdf);
      const pages = await pdfPages(pdf);
      const where = (needle) => pages.map((p, i) => (p.includes(needle) ? i + 1 : 0)).filter(Boolean);
      const summary = JSON.stringify(pages.map((p) => p.slice(0, 160)));
      assert.equal(pages.length, 2, `${pages.length} pages: ${summary}`);
      // Page 1: the title, the comparison sentence and the chart (its legend and the top step).
      assert.deepEqual(where(title.trim()), [1], `title: ${summary}`);
      assert.deepEqual(where('Bjælkerne nederst viser antal børn.'), [1], `chart: ${summary}`);
      assert.ok(pages[0].includes('Trin 6'), 'the chart shows the sixth step on page 1');
      if (comparison) assert.deepEqual(where('I forhold til'), [1], `summary: ${summary}`);
      // Page 2: the table, header and all rows and its total row once, after the last step.
      assert.deepEqual(where('Kategori'), [2], `table header: ${summary}`);
      assert.equal(count(pages.join(' '), 'I alt'), 1, `"I alt" once: ${summary}`);
      assert.deepEqual(where('I alt'), [2]);
      const last = pages[1];
      assert.ok(last.lastIndexOf('Trin 6') < last.indexOf('I alt') || last.lastIndexOf('6.') < last.indexOf('I alt'), 'the total comes after the last step');
      if (comparison) assert.ok(last.includes('Ændring, børn'), 'the comparison columns are in the table');
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
