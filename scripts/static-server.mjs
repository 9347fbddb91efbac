// A small static file server, bound to loopback, that behaves like the plain servers IT departments run:
// files only, optionally under a sub-path (`prefix`), sending a file's pre-compressed .br/.gz twin when the
// browser accepts it. `fallback` (on by default, as in serve.sh) answers unknown paths with index.html so
// that the app's history URLs (/trappe, /handleplan …) survive a reload even before the service worker
// is installed; the tests also run without it. `setRoot` switches the served folder (a new version).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};
// Files whose names carry no content hash must be asked for again; hashed ones never change.
const FRESH = /(?:^|\/)(?:index\.html|trappe\.html|sw\.js|manifest\.webmanifest|sizes\.json)$/;

async function isFile(path) {
  try { return (await stat(path)).isFile(); } catch { return false; }
}

export function startServer(dir, port = 0, { prefix = '/', fallback = true } = {}) {
  let root = resolve(dir);
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (`${path}/` === base) { res.writeHead(301, { Location: base + url.search }).end(); return; }
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (path.endsWith('/')) file = join(file, 'index.html');
    if (!(await isFile(file))) {
      if (!fallback || extname(path)) { res.writeHead(404).end('not found'); return; }
      file = join(root, 'index.html');
    }
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': FRESH.test(file) ? 'no-cache' : 'public, max-age=31536000, immutable',
      'Vary': 'Accept-Encoding',
    };
    const accepts = req.headers['accept-encoding'] ?? '';
    let body;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accepts.includes(enc) && (await isFile(file + ext))) {
        body = await readFile(file + ext);
        headers['Content-Encoding'] = enc;
        break;
      }
    }
    try {
      body ??= await readFile(file);
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.setRoot = (next) => { root = resolve(next); };
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
  startServer(dir, Number(port), { prefix }).then((s) => console.log(`serving ${dir} on http://127.0.0.1:${s.address().port}${prefix}`));
}
