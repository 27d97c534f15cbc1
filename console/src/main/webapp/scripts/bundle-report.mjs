// The size of what the browser downloads: the entry (loaded on every page) and each page's own chunk (loaded when
// that page is first opened), raw and gzipped, from the Vite build's manifest. `npm run bundle-report` after a
// build (./mvnw package -pl console); docs/console.md keeps the figures.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = process.argv[2] ?? '../../../target/classes/META-INF/resources';
const manifest = JSON.parse(readFileSync(join(out, 'bundle-manifest.json'), 'utf8'));
const size = (file) => {
  const bytes = readFileSync(join(out, file));
  return { raw: statSync(join(out, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
// What a chunk pulls in with it that the entry does not already have.
const closure = (key, seen = new Set()) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const i of chunk.imports ?? []) closure(i, seen);
  return seen;
};
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const files = (keys) => [...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]);
const total = (list) => list.reduce((a, f) => { const s = size(f); return { raw: a.raw + s.raw, gzip: a.gzip + s.gzip }; }, { raw: 0, gzip: 0 });

const rows = [];
const e = total(files(entry));
rows.push(['entry (every page: React, router, Cloudscape core, sign-in, styles)', e]);
for (const key of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry).sort()) {
  const own = [...closure(key)].filter((k) => !entry.has(k));
  rows.push([`page ${key.replace(/^src\/pages\//, '').replace(/\.tsx$/, '')}`, total(files(own))]);
}
console.log('chunk'.padEnd(72) + '    raw       gzip');
for (const [name, s] of rows) console.log(name.padEnd(72) + kb(s.raw) + kb(s.gzip));
const all = total([...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))]);
console.log('all chunks'.padEnd(72) + kb(all.raw) + kb(all.gzip));
