// Checks the release build's gzip sizes (dist/sizes.json, written by scripts/package.mjs) against the budget
// in scripts/size-budget.json. Exits 1 when over, naming what is over and by how much.
import { readFileSync } from 'node:fs';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url)));
const { files } = JSON.parse(readFileSync(`${dist}/sizes.json`));
// The spreadsheet reader (scripts/package.mjs) loads when an import opens, not at start: its own line.
const READER = /^sheet_reader-[0-9a-f]+(?:\.js|_bg\.wasm)$/;
const hosted = Object.entries(files).filter(([n]) => n !== 'trappe.html' && !n.endsWith('.json') && !READER.test(n));
const examples = Object.entries(files).filter(([n]) => /^example-.*\.json$/.test(n)).reduce((s, [, v]) => s + v.gzip, 0);
const reader = Object.entries(files).filter(([n]) => READER.test(n)).reduce((s, [, v]) => s + v.gzip, 0);
const wasm = hosted.filter(([n]) => n.endsWith('.wasm')).reduce((s, [, v]) => s + v.gzip, 0);
const all = hosted.reduce((s, [, v]) => s + v.gzip, 0);

let over = false;
for (const [what, size, most] of [
  ['release wasm', wasm, budget.wasm_gzip_bytes],
  ['hosted app (wasm, JS, CSS, HTML)', all, budget.hosted_gzip_bytes],
]) {
  const fits = size <= most;
  over ||= !fits;
  console.log(`[size] ${what}: ${size.toLocaleString('en')} bytes gzip, budget ${most.toLocaleString('en')}` +
    (fits ? ` (${(most - size).toLocaleString('en')} to spare)` : ` — OVER by ${(size - most).toLocaleString('en')}`));
}
console.log(`[size] spreadsheet reader (loaded when an import opens): ${reader.toLocaleString('en')} bytes gzip`);
console.log(`[size] examples (each loaded when opened): ${examples.toLocaleString('en')} bytes gzip`);
process.exit(over ? 1 : 0);
