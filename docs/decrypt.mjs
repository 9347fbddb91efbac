#!/usr/bin/env node
// Decrypts a Trappe file protected with a passphrase («trappe-sealed», version 1) without Trappe, with
// Node's built-in WebCrypto only (Node 18 or later, no npm packages):
//
//   TRAPPE_PASSPHRASE='…' node docs/decrypt.mjs protected.json > plain.json
//   node docs/decrypt.mjs protected.json > plain.json        (asks for the passphrase)
//
// The output is a normal Trappe workspace file. See «Beskyttede filer» in docs/file-format.md.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const { subtle } = globalThis.crypto;

function fail(message) {
  process.stderr.write(`decrypt.mjs: ${message}\n`);
  process.exit(1);
}

function bytes(b64, field, length) {
  if (typeof b64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    fail(`«${field}» er ikke gyldig base64`);
  }
  const out = Buffer.from(b64, 'base64');
  if (length !== undefined && out.length !== length) fail(`«${field}» skal være ${length} bytes, men er ${out.length}`);
  return out;
}

/** The envelope, checked as Trappe checks it. */
export function readSealed(text) {
  let f;
  try { f = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { fail('filen er ikke gyldig JSON'); }
  if (f?.format !== 'trappe-sealed') fail(`«format» er ${JSON.stringify(f?.format)}, ikke "trappe-sealed"`);
  if (f.version !== 1) fail(`ukendt version ${JSON.stringify(f.version)}; dette script læser version 1`);
  const { kdf, cipher } = f;
  if (kdf?.name !== 'PBKDF2' || kdf?.hash !== 'SHA-256') fail('«kdf» skal være PBKDF2 med SHA-256');
  if (!Number.isInteger(kdf.iterations) || kdf.iterations < 600000 || kdf.iterations > 10000000) {
    fail(`«kdf.iterations» skal være et helt tal fra 600000 til 10000000, ikke ${kdf.iterations}`);
  }
  if (cipher?.name !== 'AES-GCM') fail('«cipher.name» skal være AES-GCM');
  return {
    iterations: kdf.iterations,
    salt: bytes(kdf.salt, 'kdf.salt', 16),
    iv: bytes(cipher.iv, 'cipher.iv', 12),
    ciphertext: bytes(f.ciphertext, 'ciphertext'),
  };
}

/** PBKDF2-HMAC-SHA-256(UTF-8 passphrase, salt, iterations) → AES-256-GCM key; decrypts ciphertext‖tag. */
export async function decrypt(sealed, passphrase) {
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: sealed.salt, iterations: sealed.iterations },
    base, { name: 'AES-GCM', length: 256 }, false, ['decrypt'],
  );
  return Buffer.from(await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.ciphertext));
}

function ask(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    process.stderr.write(question);
    rl._writeToOutput = () => {}; // no echo of the passphrase
    rl.question('', (answer) => { rl.close(); process.stderr.write('\n'); resolve(answer); });
  });
}

async function main() {
  const path = process.argv[2];
  if (!path) fail('brug: node docs/decrypt.mjs fil.json > ukrypteret.json (adgangskode i TRAPPE_PASSPHRASE eller spørges)');
  const sealed = readSealed(readFileSync(path, 'utf8'));
  const passphrase = process.env.TRAPPE_PASSPHRASE ?? (process.stdin.isTTY ? await ask('Adgangskode: ') : fail('sæt TRAPPE_PASSPHRASE'));
  let plain;
  try { plain = await decrypt(sealed, passphrase); } catch {
    fail('filen kunne ikke åbnes: adgangskoden er forkert, eller filen er ændret undervejs');
  }
  process.stdout.write(plain);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('decrypt.mjs')) await main();
