// Trappe's service worker: after the first visit the app opens with the network off, from whatever folder
// it is served (the worker's scope is its own folder). It never sends data anywhere; it only caches the
// app's own files.
//
// Each build writes its own VERSION here (scripts/package.mjs), so a new build is a new worker. The new
// worker installs beside the running one and waits; the page shows "Ny version er klar" and sends
// 'skip-waiting' when the user chooses to reload. Until then every tab keeps the version it started with.
const VERSION = 'dev';
const CACHE = `trappe-${VERSION}`;
const ROOT = new URL('./', self.location.href).href;
// Files the app never needs to start: the single-file copy (people download it) and pre-compressed twins.
const NOT_CACHED = /(?:^|\/)trappe\.html$|\.(?:br|gz)$/;

// The list takes the spreadsheet reader's <link rel="trappe-sheet-reader…">, never fetched by the page at
// start: cached here at install, so an import works offline after one visit.
// The worker's own requests bypass the HTTP cache ('no-store'): the page may be loading the same large
// files at the same moment, and sharing a cache entry with it can abort the page's download.
async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch(ROOT, { cache: 'no-store' });
  if (!response.ok) throw new Error(`index: ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(
    [...html.matchAll(/(?:href|src)="([^"#]+)"/g)]
      .map((m) => new URL(m[1], ROOT))
      .filter((u) => u.origin === self.location.origin && u.href.startsWith(ROOT) && !NOT_CACHED.test(u.pathname))
      .map((u) => u.href),
  );
  assets.add(new URL('manifest.webmanifest', ROOT).href);
  // Everything or nothing: a half-cached version would fail offline, so install fails and is tried again.
  const fetched = await Promise.all([...assets].map(async (url) => {
    const r = await fetch(url, { cache: 'no-store' });
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return [url, r];
  }));
  await cache.put(ROOT, response);
  for (const [url, r] of fetched) await cache.put(url, r);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await precache();
    // The first version takes over at once; later ones wait for the user (see above).
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('trappe-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(ROOT)) return;
  if (request.mode === 'navigate') {
    if (NOT_CACHED.test(url.pathname)) return;
    // Every address of the app is the app's page, of the version this worker holds: a reload of a deep
    // address works on a server that knows nothing of it, and offline.
    event.respondWith((async () => {
      const cached = await (await caches.open(CACHE)).match(ROOT);
      if (cached) return cached;
      return fetch(request);
    })());
    return;
  }
  // Hashed assets never change: this version's copy first, else the network.
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
