// CSV ingest benchmark, in headless Chromium.
//
//   node bench/csv/run.mjs [--runs=3] [--rows=1000000] [--no-extra] [--quiet-wait=SECONDS]
//
// Generates bench/fixtures/contacts-1m.csv (1,000,000 rows, ~65 MB; reused when present), builds
// bench/csv/ with Vite (the library's own worker bundling) into a temp folder, serves it, and in
// /usr/bin/chromium (or $CHROME_PATH) measures, each scenario in a fresh page on a File picked
// through <input type=file>:
//   A     papaparse alone parsing the file in one worker
//   B     the naive single-worker pipeline: papaparse + libphonenumber-js (max) + Set dedupe
//   ours  startCsvImport(): parse worker + validate workers (navigator.hardwareConcurrency)
//   ours, 1 validator (extra: how much comes from the cores and how much from per-number work)
//   control: as many workers as ours only burning CPU, no CSV code: the main-thread long tasks
//            and lag the machine itself causes (other processes, CPU steal)
// and reports medians: times, ours/B (target <= 0.6), time to first preview (<= 100 ms), longest
// main-thread task during the ingest (longtask observer; target none > 50 ms), event-loop lag,
// main-thread heap growth. Prints a table and writes bench/results-csv.json.
// `runCsvBench(options)` does the same and returns the results (for `npm run bench`).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContactsCsv, DEFAULT_FIXTURE } from '../fixtures/gen-contacts-csv.mjs';
import { serve } from '../lib/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
export const RESULTS_PATH = resolve(repo, 'bench/results-csv.json');

const TARGETS = { ratioOursToB: 0.6, previewMs: 100, longTaskMs: 50 };
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

async function buildPage() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'csv-bench-'));
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  });
  return outDir;
}


const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Waits (at most `maxMs`) for the 1-minute load average to fall under half the CPUs. */
async function waitForQuiet(maxMs, log) {
  const limit = cpus().length * 0.5;
  const until = Date.now() + maxMs;
  if (loadavg()[0] > limit) log(`waiting up to ${Math.round(maxMs / 1000)} s for load ${loadavg()[0].toFixed(1)} to fall under ${limit}`);
  while (loadavg()[0] > limit && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
}

/**
 * Runs the benchmark. Options: runs (per scenario, default 3), rows (default 1,000,000),
 * extra (also "ours, 1 validator"; default true), quietWaitMs (wait at most this long for the
 * machine's load to drop before each round; default 0), log (progress lines; default console.log).
 * Each sample records the 1-minute load average when it started: on a shared machine, read the
 * figures with it (other processes take the cores the workers would use).
 */
export async function runCsvBench({ runs = 3, rows = 1_000_000, extra = true, quietWaitMs = 0, log = console.log } = {}) {
  const fixture = rows === 1_000_000 ? DEFAULT_FIXTURE : resolve(repo, `bench/fixtures/contacts-${rows}.csv`);
  log(`fixture: generating or reusing ${fixture}`);
  const fx = await generateContactsCsv({ rows, path: fixture });
  log('building the benchmark page with Vite');
  const outDir = await buildPage();
  const server = await serve(outDir);
  const url = `${server.url}/index.html`;
  const { puppeteerCore } = await import('@web/test-runner-chrome');
  const browser = await puppeteerCore.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
    protocolTimeout: 600_000,
  });
  // [key, page function, arguments]
  const scenarios = [
    ['A', 'baselineA', []],
    ['B', 'baselineB', ['Phone Number', 'US']],
    ['ours', 'ours', ['US']],
  ];
  if (extra) scenarios.push(['ours1', 'ours', ['US', 1]]);
  scenarios.push(['control', 'control', [6000]]);
  const samples = Object.fromEntries(scenarios.map(([k]) => [k, []]));
  const cdp = await browser.target().createCDPSession();
  try {
    for (let r = 0; r < runs; r++) {
      if (quietWaitMs > 0) await waitForQuiet(quietWaitMs, log);
      for (const [key, fn, args] of scenarios) {
        const load1 = loadavg()[0];
        const page = await browser.newPage();
        page.setDefaultTimeout(600_000);
        await page.goto(url);
        await page.waitForFunction(() => 'csvBench' in window);
        const input = await page.$('#file');
        await input.uploadFile(fx.path);
        const cpu0 = await rendererCpu(cdp);
        const res = await page.evaluate((f, a) => window.csvBench[f](...a), fn, args);
        // CPU seconds of the page's process (main thread + workers) over the scenario: unlike the
        // wall time, hardly moved by other processes on a shared machine.
        res.cpuMs = (await rendererCpu(cdp)) - cpu0;
        await page.close();
        samples[key].push({ ...res, load1 });
        const lt = res.longTasks === undefined ? '' : `, long tasks ${res.longTasks}`;
        log(`run ${r + 1}/${runs} ${key}: ${(res.ms / 1000).toFixed(2)} s (load ${load1.toFixed(1)}${lt})`);
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const pick = (key, f) => median(samples[key].map(f));
  const A = pick('A', (s) => s.ms);
  const B = pick('B', (s) => s.ms);
  const oursMs = pick('ours', (s) => s.ms);
  const o = samples.ours;
  const b0 = samples.B[0];
  const countsMatch = o.every((s) => s.rowCount === b0.rowCount && s.valid === b0.valid && s.duplicate === b0.duplicate && s.invalid === b0.invalid && JSON.stringify(sortKeys(s.byCountry)) === JSON.stringify(sortKeys(b0.byCountry)));
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      hardwareConcurrency: o[0].hardwareConcurrency,
      node: process.version,
      chromium: await chromiumVersion(),
      load1DuringRuns: median(Object.values(samples).flat().map((x) => x.load1)),
    },
    fixture: { path: fx.path, rows: fx.rows, bytes: fx.bytes },
    runs,
    medians: {
      baselineA_ms: A,
      baselineB_ms: B,
      ours_ms: oursMs,
      ours1_ms: extra ? pick('ours1', (s) => s.ms) : null,
      ratioOursToB: oursMs / B,
      baselineA_cpuMs: pick('A', (s) => s.cpuMs),
      baselineB_cpuMs: pick('B', (s) => s.cpuMs),
      ours_cpuMs: pick('ours', (s) => s.cpuMs),
      cpuRatioOursToB: pick('ours', (s) => s.cpuMs) / pick('B', (s) => s.cpuMs),
      previewMs: pick('ours', (s) => s.previewMs),
      previewAfterLoadMs: pick('ours', (s) => s.previewAfterLoadMs),
      longestTaskMs: Math.max(...o.map((s) => s.longestTaskMs)),
      longTasks: Math.max(...o.map((s) => s.longTasks)),
      /** Runs of ours with no long task at all. */
      runsWithoutLongTasks: o.filter((s) => s.longTasks === 0).length,
      controlLongTasks: Math.max(...samples.control.map((s) => s.longTasks)),
      controlLongestTaskMs: Math.max(...samples.control.map((s) => s.longestTaskMs)),
      controlMaxLagMs: median(samples.control.map((s) => s.maxLagMs)),
      maxLagMs: pick('ours', (s) => s.maxLagMs),
      heapGrowthBytes: pick('ours', (s) => s.heapGrowthBytes),
      heapPeakGrowthBytes: pick('ours', (s) => s.heapPeakGrowthBytes),
    },
    counts: { rowCount: o[0].rowCount, valid: o[0].valid, duplicate: o[0].duplicate, invalid: o[0].invalid, fastPathRows: o[0].fastPathRows, matchBaselineB: countsMatch },
    targets: TARGETS,
    samples,
  };
  return results;
}

/** Total CPU time of the renderer processes, in ms (CDP SystemInfo.getProcessInfo). */
async function rendererCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
}

function sortKeys(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

async function chromiumVersion() {
  try {
    const { execFileSync } = await import('node:child_process');
    return execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
  } catch {
    return 'unknown';
  }
}

/** The results as a table, with each figure against its target. */
export function formatCsvBench(r) {
  const m = r.medians;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const ok = (pass) => (pass ? 'met' : 'MISSED');
  const rows = [
    ['figure', 'value', 'target', ''],
    ['A: papaparse alone, 1 worker', s(m.baselineA_ms), '', ''],
    ['B: naive papaparse + libphonenumber-js, 1 worker', s(m.baselineB_ms), '', ''],
    [`ours: parse worker + ${r.samples.ours[0].validators} validate workers`, s(m.ours_ms), '', ''],
    ...(m.ours1_ms != null ? [['ours with 1 validate worker (for reference)', s(m.ours1_ms), '', '']] : []),
    ['ours / B', m.ratioOursToB.toFixed(2), `<= ${r.targets.ratioOursToB}`, ok(m.ratioOursToB <= r.targets.ratioOursToB)],
    ['CPU time of the page process: A / B / ours', `${s(m.baselineA_cpuMs)} / ${s(m.baselineB_cpuMs)} / ${s(m.ours_cpuMs)}`, '', ''],
    ['CPU time ours / B (load-independent work ratio)', m.cpuRatioOursToB.toFixed(2), '', ''],
    ['first preview (module already loaded)', `${m.previewAfterLoadMs.toFixed(0)} ms`, `<= ${r.targets.previewMs} ms`, ok(m.previewAfterLoadMs <= r.targets.previewMs)],
    ['first preview (incl. lazy import of the CSV module)', `${m.previewMs.toFixed(0)} ms`, `<= ${r.targets.previewMs} ms`, ok(m.previewMs <= r.targets.previewMs)],
    ['main-thread long tasks during ingest (> 50 ms)', m.longTasks === 0 ? 'none' : `${m.longTasks}, longest ${m.longestTaskMs.toFixed(0)} ms`, 'none', ok(m.longTasks === 0)],
    ['  runs of ours with no long task', `${m.runsWithoutLongTasks} of ${r.runs}`, '', ''],
    ['main-thread event-loop lag, max (median of runs)', `${m.maxLagMs.toFixed(0)} ms`, '', ''],
    [
      `control: ${r.samples.control[0].workers} workers only burning CPU, no import`,
      `${m.controlLongTasks === 0 ? 'no long task' : `${m.controlLongTasks} long tasks, longest ${m.controlLongestTaskMs.toFixed(0)} ms`}, lag ${m.controlMaxLagMs.toFixed(0)} ms`,
      'machine noise',
      '',
    ],
    ['main-thread heap growth after ingest', mb(m.heapGrowthBytes), 'not with file', ''],
    ['main-thread heap peak growth during ingest', mb(m.heapPeakGrowthBytes), 'not with file', ''],
    ['counts (rows / valid / duplicate / invalid)', `${r.counts.rowCount} / ${r.counts.valid} / ${r.counts.duplicate} / ${r.counts.invalid}`, 'same as B', ok(r.counts.matchBaselineB)],
    ['rows answered by the E.164 fast path', `${r.counts.fastPathRows}`, '', ''],
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => c.padEnd(w[i])).join(' | ').trimEnd();
  const head = `CSV ingest, ${r.fixture.rows.toLocaleString('en')} rows, ${(r.fixture.bytes / 1048576).toFixed(1)} MiB, ${r.machine.cpus} CPUs (hardwareConcurrency ${r.machine.hardwareConcurrency}, median 1-min load ${r.machine.load1DuringRuns.toFixed(1)}), ${r.machine.chromium}, median of ${r.runs}`;
  return [head, line(rows[0]), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const a = process.argv.find((x) => x.startsWith(`--${name}=`));
    return a ? Number(a.split('=')[1]) : dflt;
  };
  const results = await runCsvBench({
    runs: arg('runs', 3),
    rows: arg('rows', 1_000_000),
    extra: !process.argv.includes('--no-extra'),
    quietWaitMs: arg('quiet-wait', 0) * 1000,
  });
  console.log('\n' + formatCsvBench(results));
  await writeFile(RESULTS_PATH, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${RESULTS_PATH}`);
}
