// After `trunk build`: turns dist/ into what is shipped (see README, "For IT").
//   0. The spreadsheet reader and the examples get content-hashed names and are named in the page.
//   1. The page's Content-Security-Policy allows exactly the inline scripts the build made (their
//      SHA-256 hashes replace 'unsafe-inline'), so a script injected into the page does not run.
//   2. The service worker gets this build's version, so a new build is picked up as an update.
//   3. dist/trappe.html: the whole app in one file that opens from disk with no server.
//   4. Pre-compressed twins (.br, .gz) of every text and wasm file, for servers that send them as they are.
// Usage: node scripts/package.mjs [dist]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const read = (name) => readFileSync(join(dist, name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** The hashes of every inline script that runs (not data blocks such as type="application/octet-stream"). */
function scriptHashes(html) {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter((m) => !/type="(?!module|text\/javascript)[^"]*"/.test(m[1]))
    .map((m) => sha256(m[2]));
}

function withCsp(html, policy) {
  const meta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  if (!meta.test(html)) throw new Error('index.html has no Content-Security-Policy');
  return html.replace(meta, (_, a, _old, c) => `${a}${policy}${c}`);
}

function hashedPolicy(html, current) {
  const hashes = scriptHashes(html).join(' ');
  return current.replace(/script-src ([^;]*)/, (_, list) =>
    `script-src ${list.split(/\s+/).filter((s) => s !== "'unsafe-inline'" && !s.startsWith("'sha256-")).concat(hashes).join(' ')}`);
}

// 0. The spreadsheet reader (trunk's worker build, src/bin/sheet_reader.rs) comes unhashed; it gets a
//    content hash like every other asset (so caches never hold an old one), and the page names it with
//    links no browser fetches by itself (rel="trappe-sheet-reader…"): the app reads them when an import
//    opens (browser::sheet_worker), and the service worker caches them for offline.
const READER = /^sheet_reader-[0-9a-f]+(?:\.js|_bg\.wasm)$/;
// The first message is the wasm: its address (served) or its base64 text (trappe.html); each later one
// a file, answered with its id. A trap (calamine asserting on a broken file; panic = abort) is answered
// as such, and the app starts a fresh worker for the next file.
const READER_BOOTSTRAP = `
;(() => {
  let ready = Promise.reject(new Error('no wasm'));
  ready.catch(() => {});
  self.onmessage = (event) => {
    const m = event.data;
    if (m.wasm || m.wasmUrl) {
      const bytes = m.wasmUrl ?? (Uint8Array.fromBase64 ? Uint8Array.fromBase64(m.wasm) : Uint8Array.from(atob(m.wasm), (c) => c.charCodeAt(0)));
      ready = wasm_bindgen({ module_or_path: bytes });
      ready.catch(() => {});
      return;
    }
    ready.then(() => {
      let json;
      try { json = wasm_bindgen.read_workbook(m.name, new Uint8Array(m.bytes)); }
      catch (e) { self.postMessage({ id: m.id, trapped: String(e) }); return; }
      self.postMessage({ id: m.id, json });
    }, (e) => self.postMessage({ id: m.id, failed: 'start: ' + String(e) }));
  };
})();
`;
let trunkHtml = read('index.html').toString();
if (existsSync(join(dist, 'sheet_reader.js'))) {
  // The worker's script: wasm-bindgen's no-modules glue, then what answers the app (browser::sheet_worker).
  const glue = Buffer.concat([read('sheet_reader.js'), Buffer.from(READER_BOOTSTRAP)]);
  const wasmBytes = read('sheet_reader_bg.wasm');
  const hash = createHash('sha256').update(glue).update(wasmBytes).digest('hex').slice(0, 16);
  for (const f of readdirSync(dist)) if (READER.test(f)) unlinkSync(join(dist, f));
  writeFileSync(join(dist, `sheet_reader-${hash}.js`), glue);
  unlinkSync(join(dist, 'sheet_reader.js'));
  renameSync(join(dist, 'sheet_reader_bg.wasm'), join(dist, `sheet_reader-${hash}_bg.wasm`));
  trunkHtml = trunkHtml.replace(/<link rel="trappe-sheet-reader[^>]*>\n?/g, '').replace('</head>',
    `<link rel="trappe-sheet-reader" href="./sheet_reader-${hash}.js">\n` +
    `<link rel="trappe-sheet-reader-wasm" href="./sheet_reader-${hash}_bg.wasm">\n</head>`);
}
const readerLink = (rel) => trunkHtml.match(new RegExp(`<link rel="${rel}" href="\\./([^"]+)">`))?.[1];
const readerJs = readerLink('trappe-sheet-reader');
const readerWasm = readerLink('trappe-sheet-reader-wasm');
if (!readerJs || !readerWasm) throw new Error('no spreadsheet reader (sheet_reader.js) in the build');

// 0b. The built-in examples (src/examples/files) are not in the app's wasm: each is copied here under a
//    content hash and named in the page by a link no browser fetches by itself (rel="trappe-example"),
//    which the app fetches when the example is opened (browser::example_files) and the service worker
//    caches for offline. In trappe.html each is a data block instead (step 3).
const EXAMPLE = /^example-[a-z0-9-]+-[0-9a-f]{16}\.json$/;
const exampleDir = new URL('../src/examples/files/', import.meta.url);
const examples = readdirSync(exampleDir).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const text = readFileSync(new URL(f, exampleDir));
  const key = f.slice(0, -'.json'.length);
  if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`example ${f}: its name must be a key (a-z, 0-9, -)`);
  return { key, text, file: `example-${key}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json` };
});
if (examples.length === 0) throw new Error('no example files in src/examples/files');
for (const f of readdirSync(dist)) if (EXAMPLE.test(f)) unlinkSync(join(dist, f));
for (const e of examples) writeFileSync(join(dist, e.file), e.text);
trunkHtml = trunkHtml.replace(/<link rel="trappe-example"[^>]*>\n?/g, '').replace('</head>',
  examples.map((e) => `<link rel="trappe-example" data-key="${e.key}" href="./${e.file}">\n`).join('') + '</head>');

// 1. The hosted page: hash its inline scripts (the start script and trunk's loader).
const indexHtml = trunkHtml;
const policy = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
const hostedHtml = withCsp(indexHtml, hashedPolicy(indexHtml, policy));
writeFileSync(join(dist, 'index.html'), hostedHtml);

// 2. The build's version: the page names every hashed asset, so its hash changes with any of them.
const version = createHash('sha256').update(hostedHtml).digest('hex').slice(0, 16);
const sw = read('sw.js').toString();
if (!sw.includes("const VERSION = 'dev';")) throw new Error('sw.js: no VERSION line');
writeFileSync(join(dist, 'sw.js'), sw.replace("const VERSION = 'dev';", `const VERSION = '${version}';`));

// 3. One file. Styles and icon inline, the wasm as base64 in a data block, the JS glue inline as a module.
function singleFile(html) {
  let out = html;
  const loader = [...out.matchAll(INLINE_SCRIPT)].find((m) => /type="module"/.test(m[1]) && /import init/.test(m[2]));
  if (!loader) throw new Error('index.html: no trunk loader found');
  const jsName = loader[2].match(/from '\.\/([^']+\.js)'/)[1];
  const wasmName = loader[2].match(/module_or_path: '\.\/([^']+\.wasm)'/)[1];
  const glue = read(jsName).toString();
  if (/^import /m.test(glue)) throw new Error(`${jsName} imports other files (snippets): inline them too`);
  // An inline module cannot export: the glue's exports become plain declarations.
  const plain = glue
    .replace(/^export \{[^}]*\};?$/gm, '')
    .replace(/^export default [^;]+;$/gm, '')
    .replace(/^export (async function|function|class|const|let) /gm, '$1 ');
  // The app's exports on window.wasmBindings, as trunk's loader puts them (sheet_worker's test entry).
  const exported = [...glue.matchAll(/^export (?:async function|function|class|const|let) (\w+)/gm)].map((m) => m[1])
    .concat([...glue.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop())))
    .filter((n) => n && n !== 'default' && n !== 'initSync' && !n.startsWith('__'));
  const wasm = read(wasmName).toString('base64');
  const start = `
const text = document.getElementById('trappe-wasm').textContent;
const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
window.wasmBindings = { ${exported.join(', ')} };
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
`;
  out = out.replace(loader[0], () =>
    `<script type="application/octet-stream" id="trappe-wasm">${wasm}</script>\n<script type="module">${plain}\n${start}</script>`);
  // The spreadsheet reader as two data blocks, used only when an import opens (browser::sheet_worker):
  // its glue as it is (a data block ends at the first "</script"), its wasm as base64 the worker decodes.
  out = out.replace(/<link rel="trappe-sheet-reader[^>]*>\n?/g, '');
  const readerGlue = read(readerJs).toString();
  if (/<\/script|<!--/i.test(readerGlue)) throw new Error(`${readerJs} cannot be a data block as it is`);
  out = out.replace('</body>', () =>
    `<script type="text/plain" id="trappe-sheet-reader-js">${readerGlue}</script>\n` +
    `<script type="application/octet-stream" id="trappe-sheet-reader-wasm">${read(readerWasm).toString('base64')}</script>\n</body>`);
  // The examples as data blocks (browser::example_files), read when one is opened.
  out = out.replace(/<link rel="trappe-example"[^>]*>\n?/g, '');
  for (const e of examples) {
    if (/<\/script|<!--/i.test(e.text.toString())) throw new Error(`example ${e.key} cannot be a data block as it is`);
  }
  out = out.replace('</body>', () => examples.map((e) =>
    `<script type="application/json" id="trappe-example-${e.key}">${e.text}</script>\n`).join('') + '</body>');
  out = out.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, css) => `<style>${read(css)}</style>`);
  out = out.replace(/<link rel="(?:modulepreload|preload|manifest)"[^>]*>\n?/g, '');
  out = out.replace(/<link rel="icon" href="favicon\.svg"[^>]*>/,
    `<link rel="icon" href="data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}" type="image/svg+xml">`);
  if (/(?:href|src)="\.?\/?[\w-]+\.(?:js|json|wasm|css|svg|png|webmanifest)"/.test(out)) throw new Error('trappe.html still names a file beside it');
  // No server: nothing to connect to, no 'self' to trust, only what is in the file.
  // The reader's worker starts from a blob: script made in the page.
  const filePolicy = "default-src 'none'; script-src 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'";
  return withCsp(out, hashedPolicy(out, filePolicy));
}
writeFileSync(join(dist, 'trappe.html'), singleFile(hostedHtml));

// 4. Pre-compressed twins, made last so they match the final files.
const COMPRESS = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);
const sizes = {};
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  if (/\.(br|gz)$/.test(name)) { unlinkSync(path); continue; }
}
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  if (!statSync(path).isFile() || !COMPRESS.has(extname(name))) continue;
  const body = readFileSync(path);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  sizes[name] = { raw: body.length, gzip: gz.length, br: br.length };
}
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({ version, files: sizes }, null, 2));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
// What loads at start; the reader loads when an import opens, so it is its own line.
const app = Object.entries(sizes).filter(([n]) => n !== 'trappe.html' && !n.endsWith('.json') && !READER.test(n));
const later = Object.entries(sizes).filter(([n]) => READER.test(n));
const exampleFiles = Object.entries(sizes).filter(([n]) => EXAMPLE.test(n));
const sum = (k, files = app) => files.reduce((s, [, v]) => s + v[k], 0);
console.log(`[package] version ${version}; hosted app ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip, ${kb(sum('br'))} brotli`);
console.log(`[package] spreadsheet reader (loaded when an import opens) ${kb(sum('raw', later))} raw, ${kb(sum('gzip', later))} gzip, ${kb(sum('br', later))} brotli`);
console.log(`[package] examples (each loaded when opened) ${kb(sum('raw', exampleFiles))} raw, ${kb(sum('gzip', exampleFiles))} gzip, ${kb(sum('br', exampleFiles))} brotli`);
const one = sizes['trappe.html'];
console.log(`[package] dist/trappe.html ${kb(one.raw)} raw, ${kb(one.gzip)} gzip, ${kb(one.br)} brotli`);
