/**
 * First step of `npm run bench:peers`: installs the peer libraries from bench/peers/package-lock.json
 * (`npm ci --prefix bench/peers`) when bench/peers/node_modules is missing. They are devDependencies of the
 * benchmark only: the main package's `npm ci` and its tests never need them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
if (!existsSync(new URL('node_modules', import.meta.url))) {
  console.log('bench/peers/node_modules is missing: npm ci --prefix bench/peers');
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
