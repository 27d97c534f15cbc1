// The licence check of the app's npm packages: every package the built app ships (production dependencies, direct
// and transitive) must be under one of the open-source licences the Maven build allows (root pom.xml,
// license-maven-plugin). Fails the build naming each package that is not; writes target/licences/npm-THIRD-PARTY.txt.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED = new Set([
  'Apache-2.0', 'MIT', 'MIT-0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0',
  'Unlicense', 'MPL-2.0', 'Python-2.0', 'CC-BY-4.0',
]);

const tree = JSON.parse(
  execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
);
const packages = new Map();
const walk = (deps) => {
  for (const [name, dep] of Object.entries(deps ?? {})) {
    if (!dep.path || packages.has(dep.path)) {
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dep.path, 'package.json'), 'utf8'));
    const licence = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type;
    packages.set(dep.path, { name, version: manifest.version, licence: licence ?? 'UNKNOWN' });
    walk(dep.dependencies);
  }
};
walk(tree.dependencies);

// An SPDX expression "(A OR B)" is fine when one of its choices is allowed; "A AND B" needs both.
const ok = (expression) => {
  const e = expression.replace(/[()]/g, '').trim();
  if (e.includes(' OR ')) return e.split(' OR ').some((x) => ok(x));
  if (e.includes(' AND ')) return e.split(' AND ').every((x) => ok(x));
  return ALLOWED.has(e);
};
const rows = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
const refused = rows.filter((p) => !ok(p.licence));
mkdirSync('../../../target/licences', { recursive: true });
writeFileSync(
  '../../../target/licences/npm-THIRD-PARTY.txt',
  rows.map((p) => `${p.name}@${p.version}\t${p.licence}`).join('\n') + '\n',
);
if (refused.length > 0) {
  console.error(`console: ${refused.length} npm package(s) the app ships are not under an allowed open-source licence:`);
  refused.forEach((p) => console.error(`  ${p.name}@${p.version}: ${p.licence}`));
  console.error(`Allowed: ${[...ALLOWED].join(', ')}. Replace the package, or add its licence here if it is open source.`);
  process.exit(1);
}
console.log(`console: ${rows.length} npm packages shipped, all under allowed licences (target/licences/npm-THIRD-PARTY.txt)`);
