// Headless Chromium for the browser benchmarks, launched as bench/csv/run.mjs does.
import { execFileSync } from 'node:child_process';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--lang=en-US'];

export async function launchChromium() {
  const { puppeteerCore } = await import('@web/test-runner-chrome');
  return puppeteerCore.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS, protocolTimeout: 300_000 });
}

export function chromiumVersion() {
  try {
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
  } catch {
    return 'unknown';
  }
}

/** A fresh page in its own browser context (no shared cache or storage); close() disposes both. */
export async function freshPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  return { page, errors, close: () => context.close() };
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
