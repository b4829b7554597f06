// Start-up benchmark, in headless Chromium: time from the dynamic import of the package (with
// in-memory adapters) to the first frame painted with the Basics step, against the same clock
// around lit and one bare element. Each sample is a fresh page in a fresh browser context, served
// with no-store (no HTTP or code cache); wizard and baseline samples alternate in random order.
//
//   node bench/startup/run.mjs [--runs=15]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBuild } from '../lib/vite-build.mjs';
import { serve } from '../lib/serve.mjs';
import { chromiumVersion, freshPage, launchChromium, median } from '../lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export async function runStartupBench({ runs = 15, log = console.log } = {}) {
  log('start-up: building the pages with Vite');
  const dir = await mkdtemp(join(tmpdir(), 'cw-startup-'));
  await viteBuild({ wizard: resolve(here, 'wizard.html') }, { root: here, outDir: join(dir, 'wizard') });
  await viteBuild({ bare: resolve(here, 'bare.html') }, { root: here, outDir: join(dir, 'bare') });
  const srv = await serve(dir);
  const browser = await launchChromium();
  const samples = { wizard: [], bare: [] };
  const sample = async (kind) => {
    const { page, errors, close } = await freshPage(browser);
    await page.goto(`${srv.url}/${kind}/${kind}.html`);
    const t = await page.evaluate(() => window.startup);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await close();
    samples[kind].push(t);
  };
  try {
    // One unmeasured round: the browser's own first-page costs.
    await sample('bare');
    await sample('wizard');
    samples.bare.length = samples.wizard.length = 0;
    for (let r = 0; r < runs; r++) {
      const order = Math.random() < 0.5 ? ['wizard', 'bare'] : ['bare', 'wizard'];
      for (const kind of order) await sample(kind);
      log(`start-up run ${r + 1}/${runs}: wizard ${samples.wizard.at(-1).paintedMs.toFixed(1)} ms, bare ${samples.bare.at(-1).paintedMs.toFixed(1)} ms`);
    }
  } finally {
    await browser.close();
    await srv.close();
    await rm(dir, { recursive: true, force: true });
  }
  const pick = (kind, k) => median(samples[kind].map((s) => s[k]));
  return {
    date: new Date().toISOString(),
    chromium: chromiumVersion(),
    runs,
    wizard: { importMs: pick('wizard', 'importMs'), headingMs: pick('wizard', 'headingMs'), paintedMs: pick('wizard', 'paintedMs'), readyMs: pick('wizard', 'readyMs') },
    bare: { importMs: pick('bare', 'importMs'), headingMs: pick('bare', 'headingMs'), paintedMs: pick('bare', 'paintedMs') },
    ratio: median(samples.wizard.map((w, i) => w.paintedMs / samples.bare[i].paintedMs)),
    longTasks: { maxCount: Math.max(...samples.wizard.map((s) => s.longTasks)), longestMs: Math.max(...samples.wizard.map((s) => s.longestTaskMs)) },
    bareLongTasks: { maxCount: Math.max(...samples.bare.map((s) => s.longTasks)), longestMs: Math.max(...samples.bare.map((s) => s.longestTaskMs)) },
    samples,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv.find((x) => x.startsWith('--runs='))?.split('=')[1] ?? 15);
  const { samples, ...r } = await runStartupBench({ runs });
  console.log(JSON.stringify(r, null, 2));
}
