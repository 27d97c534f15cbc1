// `npm ci` from the committed lockfile, but only when node_modules was not installed from this very lockfile
// already: a clean clone (CI) always installs; a second build on a developer's machine does not wait for it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).update(process.version).digest('hex');
const stamp = 'node_modules/.installed-from-lock';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  console.log('console: node_modules matches package-lock.json; npm ci skipped');
} else {
  console.log('console: npm ci (node_modules does not match package-lock.json)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit' });
  writeFileSync(stamp, hash);
}
