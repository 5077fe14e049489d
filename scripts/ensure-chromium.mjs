/**
 * The tests run in Debian's Chromium (/usr/bin/chromium, or CHROME_PATH). On a fresh Debian machine,
 * `npm test` installs it with apt-get when run as root; otherwise it says what to install. No test
 * tool downloads a browser of its own.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log(`Chromium not found at ${path}: installing Debian's chromium package …`);
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(
      `Chromium not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
    process.exit(1);
  }
}
