import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * Tests run in real headless Chromium: Debian's /usr/bin/chromium (CHROME_PATH to override).
 * The networking flags keep Chromium from calling home — the product promise is zero third-party requests.
 */
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Media features the built-in emulateMedia command does not pass to Chromium (forced-colors):
 * `executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] })`.
 */
const cdpSessions = new Map();
const mediaFeaturesPlugin = {
  name: 'emulate-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-media-features') return undefined;
    const page = session.browser.getPage(session.id);
    // Puppeteer's emulateMediaFeatures refuses forced-colors; the DevTools protocol accepts it.
    let cdp = cdpSessions.get(session.id);
    if (!cdp) {
      cdp = await page.createCDPSession();
      cdpSessions.set(session.id, cdp);
    }
    await cdp.send('Emulation.setEmulatedMedia', { features: payload.features });
    return true;
  },
};

/**
 * Pages under /test/csp/ are served with the strict Content-Security-Policy of a city intranet, so a test
 * can load them in an iframe and count `securitypolicyviolation` events (test/export.test.ts); `?img=data`
 * adds `img-src 'self' data:`, which PNG downloads need.
 */
const strictCsp = async (ctx, next) => {
  if (ctx.path.startsWith('/test/csp/')) {
    const img = ctx.query.img === 'data' ? "; img-src 'self' data:" : '';
    ctx.set('Content-Security-Policy', `default-src 'self'; script-src 'self'; style-src 'self'${img}`);
  }
  return next();
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [strictCsp],
  concurrency: 1,
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), mediaFeaturesPlugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
