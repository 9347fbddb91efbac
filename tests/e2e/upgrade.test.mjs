// A tab still running an older Trappe while this one starts: the database's version went up (4: records
// in packs), so the older tab is told (`versionchange`) and this tab's upgrade waits for it, saying so on
// the page, instead of both writing the workspace in their own layouts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openExample, waitSaved } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('an older Trappe holding the database in another tab: this tab waits, says so, and goes on when it is gone', async () => {
  // No page of this Trappe yet: the context starts with the older version's database only.
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK' });
  const older = await context.newPage();
  await older.goto(env.base + '/favicon.svg');
  // The database as the previous version made it (version 3), held open the way that version's main
  // connection holds it: without closing when a newer version asks.
  await older.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('trappe', 3);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('meta', { keyPath: 'id' });
      db.createObjectStore('bodies', { keyPath: 'id' });
      db.createObjectStore('parts');
      db.createObjectStore('journal');
    };
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      window.__older = open.result;
      window.__told = 0;
      open.result.onversionchange = () => { window.__told += 1; };
      ok();
    };
  }));
  const page = await context.newPage();
  await page.goto(env.base + '/');
  const waiting = page.getByText('Trappe venter på browserens lager. Er Trappe også åben i en anden fane');
  await waiting.waitFor({ timeout: 10000 });
  assert.ok(await older.evaluate(() => window.__told) >= 1, 'the older tab is told');
  // The older tab is reloaded (its connection goes): this tab goes on by itself.
  await older.evaluate(() => window.__older.close());
  await waiting.waitFor({ state: 'detached', timeout: 10000 });
  await openExample(page, 'Socialstyrelsens indsatstrappe');
  await waitSaved(page);
  const version = await older.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('trappe');
    open.onsuccess = () => { const v = open.result.version; open.result.close(); ok(v); };
  }));
  assert.equal(version, 4);
  await context.close();
});
