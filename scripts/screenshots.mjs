// Screenshots of every screen at laptop and projector sizes, and as print PDF, into bench-results/shots/.
// Usage: node scripts/screenshots.mjs  (after trunk build)
import { mkdirSync } from 'node:fs';
import { launch, openPage, openExample } from '../tests/e2e/harness.mjs';

const out = new URL('../bench-results/shots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const env = await launch();
const pages = (process.env.PAGES ?? '/,/overblik,/trappe,/netvaerksmoeder,/handleplan,/data').split(',');
const example = process.env.EXAMPLE ?? 'Køge 2019';
for (const [label, viewport] of [['laptop', { width: 1366, height: 768 }], ['projector', { width: 1920, height: 1080 }]]) {
  const { page, context, errors } = await openPage(env, '/', { viewport });
  await openExample(page, example);
  for (const path of pages) {
    await page.goto(env.base + path);
    await page.waitForSelector('main#indhold h1');
    await page.waitForTimeout(300);
    const name = (path === '/' ? 'start' : path.slice(1).replace(/\//g, '-'));
    await page.screenshot({ path: `${out}${name}-${label}.png`, fullPage: process.env.FULL === '1' });
    if (label === 'laptop' && process.env.PRINT === '1') {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: `${out}${name}-print.pdf`, format: 'A4', landscape: true });
      await page.emulateMedia({ media: 'screen' });
    }
  }
  if (errors.length) console.log('page errors:', errors);
  await context.close();
}
await env.close();
console.log('screenshots in', out);
