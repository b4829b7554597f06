// The benchmark suite: `npm run bench`. Runs every section, prints one table in which each figure
// is set against a baseline measured in the same run (machines are shared and noisy), and writes
// bench/results.json.
//
//   node bench/run.mjs [--only=size,model,startup,interaction,csv] [--skip=csv]
//                      [--startup-runs=15] [--interaction-runs=5] [--model-rounds=21]
//                      [--csv-runs=3] [--csv-rows=1000000] [--csv-no-extra] [--quiet-wait=SECONDS]
//
// --quiet-wait: before each section (and each CSV round), wait up to SECONDS for the 1-minute load
// average to fall under half the CPU count. The load at the start of each section is printed.
//
// Sections (see bench/README.md):
//   size         bench/size.mjs: gzip of the initial chunk and lazy chunks, against lit alone
//   model        bench/model/model.bench.ts (Node): validateDraft / toPayload against structuredClone
//   startup      bench/startup/run.mjs (Chromium): import -> Basics painted, against a bare Lit element
//   interaction  bench/interaction/run.mjs (Chromium): keyboard walk, long tasks, Next -> painted
//   csv          bench/csv/run.mjs (Chromium, another engineer's): CSV ingest, reused as is
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSize, sizeBudgetOk } from './size.mjs';
import { chromiumVersion } from './lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS_PATH = resolve(here, 'results.json');
const SECTIONS = ['size', 'model', 'startup', 'interaction', 'csv'];

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const num = (name, dflt) => Number(opt(name, dflt));
const only = opt('only', SECTIONS.join(',')).split(',');
const skip = opt('skip', '').split(',');
const run = (s) => only.includes(s) && !skip.includes(s);
const log = (...a) => console.error(...a);

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
const us = (n) => `${n.toFixed(1)} µs`;
const x = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const verdict = (pass) => (pass ? 'met' : 'MISSED');

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version, chromium: chromiumVersion() }, load1: {} };
/** [section, figure, value, baseline, ratio, target, verdict] */
const rows = [];
const row = (section, figure, value, baseline = '', ratio = '', target = '', v = '') => rows.push([section, figure, value, baseline, ratio, target, v]);
const t0 = performance.now();

const quietWaitMs = num('quiet-wait', 0) * 1000;
async function waitForQuiet() {
  if (!quietWaitMs) return;
  const limit = cpus().length * 0.5;
  const until = Date.now() + quietWaitMs;
  if (loadavg()[0] > limit) log(`waiting up to ${quietWaitMs / 1000} s for load ${loadavg()[0].toFixed(1)} to fall under ${limit}`);
  while (loadavg()[0] > limit && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
}

async function section(name, fn) {
  if (!run(name)) return;
  await waitForQuiet();
  const start = performance.now();
  const loadBefore = loadavg()[0];
  log(`\n=== ${name}`);
  try {
    await fn();
  } catch (e) {
    log(`${name} failed:`, e);
    results[name] = { error: String(e?.stack ?? e) };
    row(name, 'FAILED', String(e?.message ?? e).slice(0, 80));
  }
  results.load1[name] = { before: loadBefore, after: loadavg()[0] };
  log(`=== ${name} took ${((performance.now() - start) / 1000).toFixed(1)} s (load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)})`);
}

await section('size', async () => {
  const r = await measureSize();
  results.size = r;
  const base = r.baseline.gzip;
  const b = `lit alone ${kib(base)}`;
  row('bundle', 'initial chunk, gzip (lit, @lit/context, @lit/localize, zod included)', kib(r.initial.gzip), b, x(r.initial.ratio), `<= ${kib(r.budget.initialGzipBytes)}`, verdict(r.budget.initialOk));
  row('bundle', 'papaparse / libphonenumber-js in the initial chunk', r.budget.forbiddenOk ? 'none' : r.budget.forbiddenInInitial.length + ' modules', '', '', 'none', verdict(r.budget.forbiddenOk));
  row('bundle', 'the bundle defines the elements (customElements.define kept)', r.definesElements ? 'yes' : 'NO', '', '', 'yes', verdict(r.definesElements));
  for (const c of r.lazyChunks) row('bundle', c.isCsvEngine ? 'lazy chunk: CSV engine (src/csv + papaparse)' : `lazy chunk: ${c.entry}`, kib(c.gzip), b, x(c.ratio));
  for (const w of r.workers) row('bundle', `worker: ${w.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')}`, kib(w.gzip), b, x(w.ratio));
});

await section('model', async () => {
  const rounds = num('model-rounds', 21);
  const p = spawnSync(process.execPath, ['--import', 'tsx', resolve(here, 'model/model.bench.ts'), '--json', `--rounds=${rounds}`], { encoding: 'utf8', cwd: resolve(here, '..') });
  if (p.status !== 0) throw new Error(`model bench exited ${p.status}: ${p.stderr}`);
  const r = JSON.parse(p.stdout.trim().split('\n').pop());
  results.model = r;
  const b = `structuredClone ${us(r.perCallUs.structuredClone)}`;
  row('model', `validateDraft(), full draft (${r.contactIds} Contact IDs), per call`, us(r.perCallUs.validateDraft), b, x(r.ratio.validateDraft));
  row('model', 'toPayload(), same draft, per call', us(r.perCallUs.toPayload), b, x(r.ratio.toPayload));
});

await section('startup', async () => {
  const { runStartupBench } = await import('./startup/run.mjs');
  const r = await runStartupBench({ runs: num('startup-runs', 15), log });
  results.startup = r;
  row('start-up', 'import -> Basics step painted (in-memory adapters)', ms(r.wizard.paintedMs), `bare Lit element ${ms(r.bare.paintedMs)}`, x(r.ratio));
  row('start-up', '  of which: import of the package (fetch, compile, run)', ms(r.wizard.importMs), `bare ${ms(r.bare.importMs)}`, x(r.wizard.importMs / r.bare.importMs));
  row('start-up', '  import -> agent and template lists filled', ms(r.wizard.readyMs));
  row('start-up', 'main-thread tasks over 50 ms during start-up (worst run)', r.longTasks.maxCount ? `${r.longTasks.maxCount}, longest ${ms(r.longTasks.longestMs)}` : 'none', `bare: ${r.bareLongTasks.maxCount ? `${r.bareLongTasks.maxCount}, longest ${ms(r.bareLongTasks.longestMs)}` : 'none'}`);
});

await section('interaction', async () => {
  const { runInteractionBench } = await import('./interaction/run.mjs');
  const r = await runInteractionBench({ runs: num('interaction-runs', 5), log });
  results.interaction = r;
  const lt = r.longTasks;
  row('interaction', `main-thread tasks over 50 ms during the walk (worst of ${r.runs} runs)`, String(lt.maxCount), '', '', '0', verdict(lt.maxCount === 0));
  row('interaction', 'longest main-thread task over 50 ms', lt.maxCount ? ms(lt.longestMs) : 'none');
  if (r.longTasksByAction.length) {
    const top = r.longTasksByAction.slice(0, 3).map((a) => `${a.action} ${a.count}x`).join('; ');
    row('interaction', '  long tasks by action (all runs)', top);
  }
  row('interaction', 'longest input event to next paint (Event Timing)', ms(r.eventTiming.longestMs) + ` (${r.eventTiming.name})`);
  for (const t of r.next.transitions) {
    row('interaction', `Next -> ${t.to} painted (${t.fields} fields)`, ms(t.wizardMs), `bare Lit ${ms(t.bareMs)}`, x(t.ratio));
  }
  row('interaction', 'Next -> next step painted, all transitions (median of ratios)', ms(r.next.wizardMs), `bare Lit ${ms(r.next.bareMs)}`, x(r.next.ratio));
  row('interaction', '  Next -> heading in the DOM, before the frame (all transitions)', ms(r.next.wizardToHeadingMs), `bare Lit ${ms(r.next.bareToHeadingMs)}`, x(r.next.wizardToHeadingMs / r.next.bareToHeadingMs));
});

await section('csv', async () => {
  const { runCsvBench } = await import('./csv/run.mjs');
  const r = await runCsvBench({
    runs: num('csv-runs', 3),
    rows: num('csv-rows', 1_000_000),
    extra: !args.includes('--csv-no-extra'),
    quietWaitMs,
    log,
  });
  results.csv = r;
  const m = r.medians;
  const T = r.targets;
  const B = `naive B ${ms(m.baselineB_ms)}`;
  row('csv', `ingest ${r.fixture.rows.toLocaleString('en')} rows: papaparse alone (A), 1 worker`, ms(m.baselineA_ms), B, x(m.baselineA_ms / m.baselineB_ms));
  row('csv', `ingest: ours, parse + ${r.samples.ours[0].validators} validate workers`, ms(m.ours_ms), B, x(m.ratioOursToB), `<= ${T.ratioOursToB}`, verdict(m.ratioOursToB <= T.ratioOursToB));
  if (m.ours1_ms != null) row('csv', 'ingest: ours with 1 validate worker (reference)', ms(m.ours1_ms), B, x(m.ours1_ms / m.baselineB_ms));
  row('csv', 'first preview (module already loaded)', ms(m.previewAfterLoadMs), '', '', `<= ${T.previewMs} ms`, verdict(m.previewAfterLoadMs <= T.previewMs));
  row('csv', 'first preview (incl. lazy import of the CSV module)', ms(m.previewMs), '', '', `<= ${T.previewMs} ms`, verdict(m.previewMs <= T.previewMs));
  row('csv', 'main-thread tasks over 50 ms during ingest (worst run)', m.longTasks ? `${m.longTasks}, longest ${ms(m.longestTaskMs)}` : 'none', '', '', 'none', verdict(m.longTasks === 0));
  row('csv', 'main-thread heap growth after ingest', `${(m.heapGrowthBytes / 1048576).toFixed(1)} MiB`, '', '', 'not with file');
  row('csv', 'counts match the naive pipeline', r.counts.matchBaselineB ? 'yes' : 'no', '', '', 'yes', verdict(r.counts.matchBaselineB));
});

results.tookMs = performance.now() - t0;
results.table = rows;

export function formatTable(rows) {
  const head = ['section', 'figure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(w[i])).join(' | ').trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.map(line)].join('\n');
}

const load = Object.entries(results.load1).map(([k, v]) => `${k} ${v.before.toFixed(1)}`).join(', ');
console.log(`\ncampaign-wizard benchmarks, ${results.date}; ${results.machine.cpus} CPUs, Node ${process.version}, ${results.machine.chromium}; load average at start of each section: ${load}\n`);
console.log(formatTable(rows));
await writeFile(RESULTS_PATH, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${RESULTS_PATH} in ${(results.tookMs / 1000).toFixed(0)} s`);
if (results.size && !results.size.error && !sizeBudgetOk(results.size)) console.log('bundle budget exceeded: see `npm run bench:size` for the biggest modules');
