// `npm run fuzz`: the whole CSV fuzz corpus (test/fuzz/corpus.ts) through the real import, in
// headless Chromium.
//
//   npm run fuzz -- [--count=10000] [--from=0] [--seed=N] [--timeout=10000] [--pages=2] [--out=PATH]
//   npm run fuzz -- --seed=N --case=I      one case, with its result in full and its bytes on disk
//
// 1. Builds test/fuzz/page/ with Vite (the library's own worker bundling) into a temp folder and
//    serves it.
// 2. Opens `--pages` pages (default: 2) and runs cases one at a time in each: the page builds case
//    I from (seed, I) itself and runs it with test/fuzz/harness.ts (preview, then `done`, a
//    per-case timeout, cancel() at the end, checks on the outcome; see there). Node keeps a second
//    watchdog (timeout + 5 s) for a page whose main thread hangs, and counts uncaught page errors
//    and console errors against the case that was running.
// 3. Prints cases and bytes per category, outcomes (result, or error code) overall and per
//    category, failures with the command that reproduces each, the slowest cases, the page heap
//    after GC as the run goes (it should stay flat), and the total time; writes
//    bench/fuzz-results.json. The bytes of every failing case are written to
//    node_modules/.cache/campaign-wizard-fuzz/ for a look.
//
// Works offline; Chromium from /usr/bin/chromium or $CHROME_PATH. Exit code 1 when a case fails.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../bench/lib/serve.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pageRoot = join(repo, 'test/fuzz/page');
const dumpDir = join(repo, 'node_modules/.cache/campaign-wizard-fuzz');
const DEFAULT_OUT = join(repo, 'bench/fuzz-results.json');

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];
const log = (...args) => console.log('[fuzz]', ...args);

function parseArgs(argv) {
  const get = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
  const num = (name, dflt) => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${v}`);
    return n;
  };
  const one = get('case');
  return {
    seed: num('seed', undefined),
    from: one !== undefined ? Number(one) : num('from', 0),
    count: one !== undefined ? 1 : num('count', 10_000),
    single: one !== undefined,
    timeoutMs: num('timeout', 10_000),
    pages: Math.max(1, num('pages', Math.min(2, cpus().length))),
    out: get('out') ? resolve(get('out')) : DEFAULT_OUT,
  };
}

async function buildPage() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'csv-fuzz-'));
  await build({
    configFile: false,
    root: pageRoot,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, minify: false },
  });
  return outDir;
}


const withTimeout = (p, ms, onTimeout) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve(onTimeout()), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });

/** A page running cases one at a time; replaced when it stops answering. */
class Lane {
  constructor(browser, url, id) {
    this.browser = browser;
    this.url = url;
    this.id = id;
    this.page = undefined;
    this.errors = [];
  }

  async open() {
    const page = await this.browser.newPage();
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console error: ${m.text()}`);
    });
    page.on('error', (e) => this.errors.push(`page crashed: ${e.message}`));
    await page.goto(this.url, { waitUntil: 'load' });
    await page.waitForFunction(() => 'fuzz' in window, { timeout: 30_000 });
    this.page = page;
  }

  async close() {
    const page = this.page;
    this.page = undefined;
    if (page) await withTimeout(page.close({ runBeforeUnload: false }).catch(() => {}), 10_000, () => undefined);
  }

  async run(index, seed, timeoutMs) {
    this.errors = [];
    const t0 = Date.now();
    let r;
    try {
      r = await withTimeout(
        this.page.evaluate((i, s, t) => window.fuzz.run(i, s, t), index, seed, timeoutMs),
        timeoutMs + 5_000,
        () => undefined,
      );
    } catch (e) {
      r = { index, seed, outcome: 'crash', preview: 'crash', failures: [`the page failed: ${e.message}`], ms: Date.now() - t0 };
      await this.close();
      await this.open();
    }
    if (r === undefined) {
      r = { index, seed, outcome: 'hang', preview: 'hang', failures: [`the page did not answer within ${timeoutMs + 5000} ms (main thread hung?)`], ms: Date.now() - t0 };
      await this.close();
      await this.open();
    }
    // Page errors are also caught by the harness; console errors only here.
    for (const e of this.errors) if (!r.failures.some((f) => e.includes(f) || f.includes(e.replace(/^page error: /, '')))) r.failures.push(e);
    this.errors = [];
    return r;
  }

  stats() {
    return this.page.evaluate(() => window.fuzz.stats());
  }
}

function inc(map, key, n = 1) {
  map[key] = (map[key] ?? 0) + n;
}

export async function runFuzz(options) {
  const started = Date.now();
  const { tsImport } = await import('tsx/esm/api');
  const corpus = await tsImport(pathToFileURL(join(repo, 'test/fuzz/corpus.ts')).href, import.meta.url);
  const seed = options.seed ?? corpus.DEFAULT_SEED;
  const indices = Array.from({ length: options.count }, (_, k) => options.from + k);

  // The corpus as Node generates it (the page builds the same bytes): sizes per category.
  const corpusStats = { cases: indices.length, bytes: 0, maxBytes: 0, byCategory: {} };
  for (const i of indices) {
    const c = corpus.fuzzCase(i, seed);
    corpusStats.bytes += c.bytes.length;
    corpusStats.maxBytes = Math.max(corpusStats.maxBytes, c.bytes.length);
    const b = (corpusStats.byCategory[c.category] ??= { cases: 0, bytes: 0, maxBytes: 0 });
    b.cases++;
    b.bytes += c.bytes.length;
    b.maxBytes = Math.max(b.maxBytes, c.bytes.length);
  }
  log(`corpus: seed ${seed}, cases ${options.from}..${options.from + options.count - 1}, ${(corpusStats.bytes / 1048576).toFixed(1)} MiB in all`);

  log('building the fuzz page with Vite');
  const outDir = await buildPage();
  const server = await serve(outDir);
  const url = `${server.url}/index.html`;
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
    protocolTimeout: 120_000,
  });
  const chromium = await browser.version();
  const results = [];
  const heap = [];
  try {
    const lanes = Array.from({ length: Math.min(options.pages, indices.length) }, (_, id) => new Lane(browser, url, id));
    await Promise.all(lanes.map((l) => l.open()));
    let next = 0;
    let finished = 0;
    let failed = 0;
    const every = options.count >= 2000 ? 500 : 100;
    const sampleHeap = async (lane) => {
      const s = await lane.stats();
      heap.push({ lane: lane.id, cases: finished, ...s });
      return s;
    };
    await Promise.all(
      lanes.map(async (lane) => {
        await sampleHeap(lane);
        while (next < indices.length) {
          const index = indices[next++];
          const r = await lane.run(index, seed, options.timeoutMs);
          results.push(r);
          finished++;
          if (r.failures.length) {
            failed++;
            log(`FAIL case ${r.index} (${r.category ?? corpus.categoryOf(r.index)}: ${r.variant ?? ''}): ${r.failures.join('; ')}`);
            log(`     reproduce: npm run fuzz -- --seed=${seed} --case=${r.index}`);
          }
          if (finished % every === 0) {
            const s = await sampleHeap(lane);
            const secs = (Date.now() - started) / 1000;
            log(`${finished}/${indices.length} cases, ${failed} failed, ${(finished / secs).toFixed(1)} cases/s, page heap ${(s.heapBytes / 1048576).toFixed(1)} MiB, live workers ${s.liveWorkers}`);
          }
        }
        await sampleHeap(lane);
      }),
    );
  } finally {
    await browser.close().catch(() => {});
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
  results.sort((a, b) => a.index - b.index);

  // Tallies.
  const outcomes = {};
  const previews = {};
  const byCategory = {};
  const byAction = {};
  for (const r of results) {
    const category = r.category ?? corpus.categoryOf(r.index);
    const outcome = r.failures.length ? `FAILED (${r.outcome})` : r.outcome;
    inc(outcomes, outcome);
    inc(previews, r.preview);
    const c = (byCategory[category] ??= { cases: 0, bytes: corpusStats.byCategory[category]?.bytes ?? 0, failed: 0, outcomes: {}, maxMs: 0 });
    c.cases++;
    if (r.failures.length) c.failed++;
    inc(c.outcomes, outcome);
    c.maxMs = Math.max(c.maxMs, r.ms);
    inc(byAction, r.action === undefined ? 'none' : r.action === 'none' ? 'none' : JSON.parse(r.action).kind);
  }
  const failures = results
    .filter((r) => r.failures.length)
    .map((r) => ({ ...r, repro: `npm run fuzz -- --seed=${seed} --case=${r.index}` }));
  if (failures.length) {
    await mkdir(dumpDir, { recursive: true });
    for (const f of failures) {
      const c = corpus.fuzzCase(f.index, seed);
      f.dump = relative(repo, join(dumpDir, `case-${seed}-${f.index}.bin`));
      await writeFile(join(repo, f.dump), c.bytes);
    }
  }
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 10).map((r) => ({ index: r.index, category: r.category, variant: r.variant, bytes: r.bytes, outcome: r.outcome, ms: r.ms }));
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  const firstHeap = heap.filter((h) => h.cases === 0);
  const lastHeap = heap.slice(-Math.min(heap.length, options.pages));
  return {
    date: new Date().toISOString(),
    seed,
    from: options.from,
    count: options.count,
    timeoutMs: options.timeoutMs,
    pages: options.pages,
    machine: { cpus: cpus().length, node: process.version, chromium },
    totalMs: Date.now() - started,
    corpus: corpusStats,
    passed: results.length - failures.length,
    failed: failures.length,
    outcomes,
    previewOutcomes: previews,
    actions: byAction,
    byCategory,
    caseMs: { median: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: ms[ms.length - 1] },
    heap: {
      firstMiB: firstHeap.map((h) => +(h.heapBytes / 1048576).toFixed(2)),
      lastMiB: lastHeap.map((h) => +(h.heapBytes / 1048576).toFixed(2)),
      maxMiB: +(Math.max(...heap.map((h) => h.heapBytes)) / 1048576).toFixed(2),
      liveWorkersAtEnd: lastHeap.map((h) => h.liveWorkers),
      workersCreated: lastHeap.reduce((a, h) => a + h.workersCreated, 0),
      samples: heap.map((h) => ({ lane: h.lane, cases: h.cases, MiB: +(h.heapBytes / 1048576).toFixed(2), liveWorkers: h.liveWorkers })),
    },
    slowest,
    failures,
    // Every case in one line: "index category preview>done ms".
    cases: results.map((r) => `${r.index} ${r.category ?? corpus.categoryOf(r.index)} ${r.preview}>${r.failures.length ? 'FAILED:' : ''}${r.outcome} ${r.ms}`),
    ...(options.single ? { result: results[0] } : {}),
  };
}

export function formatFuzz(r) {
  const lines = [];
  const table = (rows) => {
    const w = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
    return rows.map((row) => row.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ').trimEnd());
  };
  lines.push(`CSV fuzz: ${r.count} cases (seed ${r.seed}, from ${r.from}), ${(r.corpus.bytes / 1048576).toFixed(1)} MiB, ${r.pages} pages, per-case timeout ${r.timeoutMs} ms, ${r.machine.cpus} CPUs, ${r.machine.chromium}`);
  lines.push('');
  lines.push(...table([
    ['category', 'cases', 'KiB', 'max KiB', 'failed', 'slowest ms', 'outcomes'],
    ...Object.entries(r.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, c]) => [
        k,
        c.cases,
        Math.round(c.bytes / 1024),
        Math.round((r.corpus.byCategory[k]?.maxBytes ?? 0) / 1024),
        c.failed,
        c.maxMs,
        Object.entries(c.outcomes)
          .sort((a, b) => b[1] - a[1])
          .map(([o, n]) => `${o} ${n}`)
          .join(', '),
      ]),
  ]));
  lines.push('');
  lines.push('outcome of done (the import): ' + Object.entries(r.outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', '));
  lines.push('outcome of the preview:       ' + Object.entries(r.previewOutcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', '));
  lines.push('actions during the import:    ' + Object.entries(r.actions).map(([o, n]) => `${o} ${n}`).join(', '));
  lines.push(`time per case: median ${r.caseMs.median} ms, p95 ${r.caseMs.p95} ms, p99 ${r.caseMs.p99} ms, max ${r.caseMs.max} ms`);
  lines.push('slowest: ' + r.slowest.slice(0, 5).map((s) => `#${s.index} ${s.category} (${s.variant}, ${Math.round(s.bytes / 1024)} KiB) ${s.ms} ms`).join('; '));
  lines.push(`page heap after GC: ${r.heap.firstMiB.join(' / ')} MiB at the start, ${r.heap.lastMiB.join(' / ')} MiB at the end (max ${r.heap.maxMiB} MiB); ${r.heap.workersCreated} workers created, ${r.heap.liveWorkersAtEnd.join(' / ')} alive at the end`);
  lines.push('');
  if (r.failed) {
    lines.push(`${r.failed} FAILED:`);
    for (const f of r.failures.slice(0, 50)) lines.push(`  case ${f.index} (${f.category}: ${f.variant}): ${f.failures.join('; ')}\n    ${f.repro}   bytes: ${f.dump}`);
    if (r.failures.length > 50) lines.push(`  ... and ${r.failures.length - 50} more (see the JSON)`);
  } else {
    lines.push(`all ${r.passed} cases passed: every file ended in a result or a CsvImportError with a known code, none hung`);
  }
  lines.push(`total time ${(r.totalMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const r = await runFuzz(options);
  if (options.single) {
    console.log(JSON.stringify(r.result, null, 2));
    const { tsImport } = await import('tsx/esm/api');
    const corpus = await tsImport(pathToFileURL(join(repo, 'test/fuzz/corpus.ts')).href, import.meta.url);
    const c = corpus.fuzzCase(options.from, r.seed);
    await mkdir(dumpDir, { recursive: true });
    const path = join(dumpDir, `case-${r.seed}-${options.from}.bin`);
    await writeFile(path, c.bytes);
    log(`case ${options.from}: ${c.category}, ${c.variant}; ${c.bytes.length} bytes in ${relative(repo, path)}; options ${JSON.stringify({ defaultCountry: c.defaultCountry, limits: c.limits, validators: c.validators, action: c.action, name: c.name })}`);
    process.exit(r.failed ? 1 : 0);
  }
  console.log('\n' + formatFuzz(r));
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(r, null, 2) + '\n');
  console.log(`\nwrote ${relative(repo, options.out)}`);
  process.exit(r.failed ? 1 : 0);
}
