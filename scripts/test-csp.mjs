// `npm run test:csp`: the built library under a strict Content Security Policy with Trusted Types.
//
// 1. Builds the library with the project's Vite config (as `npm run build` does) into a scratch
//    folder under node_modules/.cache, then bundles test/csp/ with it and with lit, as a host app
//    would bundle the package (an importmap would need an inline script, which the policy forbids).
// 2. Serves that page with the policy below as an HTTP header on every response (workers too).
// 3. Drives a whole create flow in headless Chromium, a CSV upload included (the CSV engine's lazy
//    chunk and its module workers), then the inbound returns card of the new campaign.
// 4. Fails on any CSP or Trusted Types violation (the page's securitypolicyviolation events and
//    the reports the browser posts, workers included), any console error, any uncaught error or
//    failed request.
//
// Works offline; Chromium from /usr/bin/chromium or $CHROME_PATH. Exit code 0 on success.
import { createServer } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so the page's bare imports (lit) resolve from node_modules; one per run.
const scratch = join(repo, 'node_modules/.cache/campaign-wizard-csp', String(process.pid));
const distDir = join(scratch, 'dist');
const pageDir = join(scratch, 'page');
const downloadDir = join(scratch, 'downloads');

/** Trusted Types policies the page may create: Lit's, and the package's own (CSV worker URLs). */
export const TRUSTED_TYPES_POLICIES = ['lit-html', 'campaign-wizard'];

export const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  // Reporting only: lets the test see violations inside workers, which no page event shows.
  'report-uri /__csp-report',
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv',
};

const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];
const STEP_TIMEOUT = 20_000;

const log = (...args) => console.log('[test:csp]', ...args);

async function buildLibrary() {
  const { build } = await import('vite');
  await build({
    configFile: join(repo, 'vite.config.ts'),
    root: repo,
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
}

async function buildPage() {
  const { build } = await import('vite');
  const sourceEntry = join(repo, 'src/index.ts');
  const builtEntry = join(distDir, 'index.js');
  await build({
    configFile: false,
    root: join(repo, 'test/csp'),
    base: './',
    logLevel: 'warn',
    publicDir: false,
    worker: { format: 'es' },
    plugins: [
      {
        // The page imports the package's entry by its source path (so the type check follows it);
        // the bundle takes the built one.
        name: 'use-built-dist',
        enforce: 'pre',
        async resolveId(source, importer, options) {
          if (!importer) return null;
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          return resolved?.id === sourceEntry ? builtEntry : null;
        },
      },
    ],
    build: { outDir: pageDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, minify: true },
  });
}

/** A small contact list: valid numbers in several formats, one duplicate, one invalid, one missing. */
function contactsCsv() {
  return [
    'First Name,Last Name,Phone Number,Email,Plan',
    'Ana,García,(415) 555-2671,ana@example.com,Gold',
    'Bob,Smith,+1 415 555 2671,bob@example.com,Silver',
    'Zoë,Müller,+44 20 7946 0958,z@example.com,Gold',
    'Luis,"López, Jr.",+52 55 1234 5678,l@example.com,Bronze',
    'Eve,Doe,12345,e@example.com,Gold',
    'Sam,Lee,,s@example.com,Gold',
    'Joe,Fox,+16135550123,j@example.com,Silver',
  ].join('\r\n');
}

function serve(dir, reports) {
  const server = createServer(async (req, res) => {
    const headers = { 'content-security-policy': POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/__csp-report') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        reports.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204, headers).end();
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204, headers).end();
        return;
      }
      const path = resolve(dir, '.' + decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
      if (!path.startsWith(dir)) throw new Error('outside');
      const body = await readFile(path);
      res.writeHead(200, { ...headers, 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Runs in the page: finds one element as a user would (see test/support/dom.ts). */
const find = (page, kind, ...args) =>
  page.waitForFunction(
    (kind, args) => {
      try {
        return window.cspTest[kind](document.body, ...args);
      } catch {
        return null;
      }
    },
    { timeout: STEP_TIMEOUT },
    kind,
    args,
  );

const byLabel = (page, label) => find(page, 'getByLabel', label);
const byRole = (page, role, name) => find(page, 'getByRole', role, name);
const textShows = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(window.cspTest.pageText()), { timeout: STEP_TIMEOUT }, pattern.source);

async function next(page, heading) {
  await (await byRole(page, 'button', 'Next')).click();
  await byRole(page, 'heading', heading);
}

async function createFlow(page, csvPath) {
  await byRole(page, 'heading', 'Basics');
  await (await byLabel(page, 'Campaign Name')).type('CSP campaign');
  await page.waitForFunction(() => window.cspTest.getByLabel(document.body, 'Agent').options.length > 1, { timeout: STEP_TIMEOUT });
  await (await byLabel(page, 'Agent')).select('agt_noah');
  await next(page, 'Telephony');

  await (await byLabel(page, 'Sales – East, +12125550142, United States')).click();
  await (await byLabel(page, 'Sales – Central, +13125550178, United States')).click();
  await byRole(page, 'status', 'Pool capacity: up to 10 parallel calls.').catch(() => textShows(page, /Pool capacity/));
  await next(page, 'Audience');

  const csvRadio = await page.waitForFunction(
    () => window.cspTest.queryAllByLabel(document.body, 'CSV').find((c) => c.type === 'radio') ?? null,
    { timeout: STEP_TIMEOUT },
  );
  await csvRadio.click();
  const fileInput = await byLabel(page, 'CSV file');
  await fileInput.uploadFile(csvPath);
  await textShows(page, /Phone numbers checked/);
  log('CSV checked in the workers');
  // The rejected-rows download re-reads the file in a worker.
  const download = await page.evaluateHandle(() => window.cspTest.queryAllByRole(document.body, 'button', 'Download rejected rows')[0] ?? null);
  if (download.asElement()) {
    await download.asElement().click();
    await page.waitForFunction(() => !/Preparing the/.test(window.cspTest.pageText()), { timeout: STEP_TIMEOUT });
  }
  await next(page, 'Schedule');
  await next(page, 'Outcomes');
  await next(page, 'Review');
  await (await byRole(page, 'button', 'Create campaign')).click();
  await byRole(page, 'status', 'Campaign created.');
  await byRole(page, 'heading', 'Inbound returns');
  await page.waitForFunction(() => !/Loading inbound returns/.test(window.cspTest.pageText()), { timeout: STEP_TIMEOUT });
  return page.evaluate(() => ({
    created: window.cspTest.created.map((c) => ({ campaignId: c.campaignId, audience: c.campaign.audience })),
    uploads: window.cspTest.adapters.uploads,
  }));
}

export async function runCspTest() {
  const started = Date.now();
  const failures = [];
  await rm(scratch, { recursive: true, force: true });
  await mkdir(downloadDir, { recursive: true });
  log('building the library (vite build) and a page that bundles it with lit');
  await buildLibrary();
  await buildPage();
  const csvPath = join(scratch, 'contacts.csv');
  await writeFile(csvPath, contactsCsv());

  const reports = [];
  const server = await serve(pageDir, reports);
  const url = `http://127.0.0.1:${server.address().port}/index.html`;
  const { puppeteerCore } = await import('@web/test-runner-chrome');
  const browser = await puppeteerCore.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir }).catch(() => {});
    // Runs before any page script, outside the page's policy.
    await page.evaluateOnNewDocument(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample });
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Trusted Type/i.test(m.text())) failures.push(`console ${m.type()}: ${m.text()} (${m.location()?.url ?? ''})`);
    });
    page.on('pageerror', (e) => failures.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => failures.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failures.push(`HTTP ${r.status()}: ${r.url()}`);
    });

    await page.goto(url, { waitUntil: 'load' });
    let result;
    try {
      result = await createFlow(page, csvPath);
    } catch (error) {
      failures.push(`the create flow did not finish: ${error.message}`);
    }
    // Reports are posted asynchronously.
    await new Promise((r) => setTimeout(r, 300));
    const violations = await page.evaluate(() => window.__violations);
    for (const v of violations) failures.push(`violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source} ${v.sample ?? ''}`);
    for (const r of reports) failures.push(`report: ${r}`);
    if (result) {
      const [created] = result.created;
      if (result.created.length !== 1) failures.push(`expected one campaign-create, got ${result.created.length}`);
      else if (created.audience.source !== 'csv' || created.audience.rowCount !== 7) failures.push(`unexpected audience ${JSON.stringify(created.audience)}`);
      if (result.uploads.length !== 1 || result.uploads[0].fileName !== 'contacts.csv') failures.push(`unexpected uploads ${JSON.stringify(result.uploads)}`);
      log(`created ${created?.campaignId} with a CSV audience of ${created?.audience.rowCount} rows`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`policy: ${POLICY}`);
  if (failures.length) {
    log(`FAILED in ${seconds} s (the build is kept in ${scratch}):`);
    for (const f of failures) log(`  - ${f}`);
  } else {
    log(`passed in ${seconds} s: a whole create flow with a CSV upload, zero violations, no console errors`);
    await rm(scratch, { recursive: true, force: true });
  }
  return failures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const failures = await runCspTest();
  process.exit(failures.length ? 1 : 0);
}
