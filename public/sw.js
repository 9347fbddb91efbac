// Trappe's service worker: after the first visit the app opens with the network off. It never sends
// data anywhere; it only caches the app's own files from this origin.
const CACHE = 'trappe-app-v1';

// The worker's own requests bypass the HTTP cache ('no-store'): the page may be loading the same large
// files at the same moment, and sharing a cache entry with it can abort the page's download.
async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]);
  for (const url of assets) {
    try {
      const r = await fetch(url, { cache: 'no-store' });
      if (r.ok) await cache.put(url, r);
    } catch { /* offline during install: the next visit tries again */ }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: fresh from the network when there is one (new versions arrive), else the cached copy.
    event.respondWith((async () => {
      try {
        const response = await fetch(request, { cache: 'no-store' });
        const cache = await caches.open(CACHE);
        await cache.put('/', response.clone());
        return response;
      } catch {
        return (await caches.match('/')) ?? Response.error();
      }
    })());
    return;
  }
  // Hashed assets never change: cache first, and keep what the network brings.
  event.respondWith((async () => {
    const cached = await caches.match(request);
    if (cached) return cached;
    return fetch(request);
  })());
});
