// Bundle size and budget, without a browser (CI: `npm run bench:size`, a few seconds).
//
//   node bench/size.mjs [--json] [--keep]
//
// Builds, minified, with Vite (Rolldown) into a temp folder:
//   - bench/size/host-entry.ts: src/index.ts as a host app bundles it (lit, @lit/context,
//     @lit/localize and zod included), with the CSV engine behind a dynamic import;
//   - bench/size/lit-baseline.ts: a bare LitElement (lit alone), the baseline of every ratio.
// Measures gzip (level 9) of the initial chunk (the entry and every chunk it imports statically)
// and of each lazy chunk and worker, lists the modules in the initial chunk, and checks the budget:
//   initial <= 35 KiB gzip, lit included; no papaparse or libphonenumber-js module in it.
// Exits 1 when the budget is exceeded (and 2 when the build fails).
// `measureSize()` returns the same figures for `npm run bench`.
import { rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { REPO, viteBuild } from './lib/vite-build.mjs';

export const BUDGET = { initialGzipBytes: 35 * 1024, forbiddenInInitial: ['papaparse', 'libphonenumber-js'] };

const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;

/** Normalised module name: "lit-html (node_modules)" style for packages, repo-relative for ours. */
function moduleName(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return 'node_modules/' + clean.slice(nm + '/node_modules/'.length);
  return clean.startsWith('/') ? relative(REPO, clean) : clean;
}

/** The npm package a module belongs to, or "src" / "other". */
function packageOf(id) {
  const name = moduleName(id);
  if (!name.startsWith('node_modules/')) return name.startsWith('src/') ? 'src (campaign-wizard)' : name.startsWith('bench/') ? 'bench entry' : 'other';
  const parts = name.slice('node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Minified (esbuild, per module) then gzipped: an estimate of one module's share on its own. */
async function minGzip(code) {
  if (!code) return { min: 0, gzip: 0 };
  const { transform } = await import('esbuild');
  try {
    const out = await transform(code, { minify: true, format: 'esm', target: 'es2022', loader: 'js' });
    return { min: Buffer.byteLength(out.code), gzip: gz(out.code) };
  } catch {
    return { min: Buffer.byteLength(code), gzip: gz(code) };
  }
}

async function analyse(output, entryName) {
  const chunks = output.filter((o) => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.name === entryName);
  if (!entry) throw new Error(`no entry chunk named ${entryName}`);
  // Initial: the entry and what it imports statically, transitively.
  const initial = new Set();
  const visit = (c) => {
    if (initial.has(c.fileName)) return;
    initial.add(c.fileName);
    for (const f of c.imports) if (byFile.has(f)) visit(byFile.get(f));
  };
  visit(entry);
  const initialChunks = [...initial].map((f) => byFile.get(f));
  const modules = [];
  for (const c of initialChunks) {
    for (const [id, m] of Object.entries(c.modules ?? {})) {
      modules.push({ id: moduleName(id), pkg: packageOf(id), code: m.code ?? '' });
    }
  }
  const lazyChunks = chunks
    .filter((c) => !initial.has(c.fileName))
    .map((c) => ({
      file: c.fileName,
      entry: c.facadeModuleId ? moduleName(c.facadeModuleId) : moduleName(Object.keys(c.modules ?? {})[0] ?? c.fileName),
      bytes: c.code.length,
      gzip: gz(c.code),
      modules: Object.keys(c.modules ?? {}).map(moduleName),
    }));
  // Module workers bundled by Vite come out as assets.
  const workers = output
    .filter((o) => o.type === 'asset' && /\.m?js$/.test(o.fileName))
    .map((o) => ({ file: o.fileName, bytes: Buffer.byteLength(o.source), gzip: gz(o.source) }));
  await Promise.all(
    modules.map(async (m) => {
      Object.assign(m, await minGzip(m.code));
      delete m.code;
    }),
  );
  const initialCode = initialChunks.map((c) => c.code);
  return {
    // A "sideEffects" list in package.json that omits them lets bundlers drop the define calls.
    definesElements: initialCode.some((c) => /customElements\.define\(\s*[`'"]campaign-wizard[`'"]/.test(c)),
    initial: {
      files: initialChunks.map((c) => c.fileName),
      bytes: initialCode.reduce((n, c) => n + Buffer.byteLength(c), 0),
      // Each file is its own response, so gzip them one by one.
      gzip: initialCode.reduce((n, c) => n + gz(c), 0),
      modules,
    },
    lazyChunks,
    workers,
  };
}

/** Sums module sizes per package (each module minified and gzipped alone: shares overlap). */
function byPackage(modules) {
  const m = new Map();
  for (const x of modules) {
    const p = m.get(x.pkg) ?? { pkg: x.pkg, min: 0, gzip: 0, modules: 0 };
    p.min += x.min;
    p.gzip += x.gzip;
    p.modules++;
    m.set(x.pkg, p);
  }
  return [...m.values()].sort((a, b) => b.gzip - a.gzip);
}

export async function measureSize({ keep = false } = {}) {
  const t0 = performance.now();
  const here = fileURLToPath(new URL('.', import.meta.url));
  // Rolldown by default cuts the modules the entry shares with lazy chunks into many small
  // chunks; a host app ships its first-paint code as one file with Rolldown's documented
  // `$initial` group, and so do we here.
  const ours = await viteBuild(
    { 'host-entry': resolve(here, 'size/host-entry.ts') },
    { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
  );
  const base = await viteBuild({ 'lit-baseline': resolve(here, 'size/lit-baseline.ts') });
  const [a, b] = await Promise.all([analyse(ours.output, 'host-entry'), analyse(base.output, 'lit-baseline')]);
  if (!keep) await Promise.all([rm(ours.outDir, { recursive: true, force: true }), rm(base.outDir, { recursive: true, force: true })]);
  const forbidden = a.initial.modules.filter((m) => BUDGET.forbiddenInInitial.includes(m.pkg)).map((m) => m.id);
  const csvChunk = a.lazyChunks.find((c) => c.modules.some((id) => id === 'src/csv/index.ts'));
  return {
    date: new Date().toISOString(),
    buildMs: performance.now() - t0,
    tool: `vite ${(await import('vite')).version} (rolldown), minified, es2022; gzip level 9`,
    baseline: { name: 'lit alone (bare LitElement)', gzip: b.initial.gzip, bytes: b.initial.bytes },
    initial: { ...a.initial, ratio: a.initial.gzip / b.initial.gzip },
    initialFiles: a.initial.files,
    definesElements: a.definesElements,
    packages: byPackage(a.initial.modules),
    lazyChunks: a.lazyChunks.map((c) => ({ ...c, ratio: c.gzip / b.initial.gzip, isCsvEngine: c === csvChunk })),
    workers: a.workers.map((w) => ({ ...w, ratio: w.gzip / b.initial.gzip })),
    budget: {
      initialGzipBytes: BUDGET.initialGzipBytes,
      initialOk: a.initial.gzip <= BUDGET.initialGzipBytes,
      forbiddenInInitial: forbidden,
      forbiddenOk: forbidden.length === 0,
      csvEngineLazy: Boolean(csvChunk),
    },
    outDirs: keep ? [ours.outDir, base.outDir] : undefined,
  };
}

export const sizeBudgetOk = (r) => r.budget.initialOk && r.budget.forbiddenOk && r.budget.csvEngineLazy;

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Rows of [figure, value, ratio, target, verdict] for the combined table. */
export function sizeRows(r) {
  const ok = (p) => (p ? 'met' : 'MISSED');
  const rows = [
    [`baseline: lit alone, bare LitElement`, kib(r.baseline.gzip), '1.00', '', ''],
    [`initial chunk (${r.initial.files.length} file${r.initial.files.length > 1 ? 's' : ''}, ${r.initial.modules.length} modules)`, kib(r.initial.gzip), r.initial.ratio.toFixed(2), `<= ${kib(r.budget.initialGzipBytes)}`, ok(r.budget.initialOk)],
    ['papaparse / libphonenumber-js in initial', r.budget.forbiddenOk ? 'none' : r.budget.forbiddenInInitial.slice(0, 3).join(', '), '', 'none', ok(r.budget.forbiddenOk)],
  ];
  for (const c of r.lazyChunks) {
    const label = c.isCsvEngine ? 'lazy: CSV engine (src/csv/index.ts + papaparse)' : `lazy: ${c.entry}`;
    rows.push([label, kib(c.gzip), c.ratio.toFixed(2), '', '']);
  }
  rows.push(['the bundle defines the elements', r.definesElements ? 'yes' : 'NO', '', 'yes', r.definesElements ? 'met' : 'MISSED']);
  if (!r.budget.csvEngineLazy) rows.push(['CSV engine in a lazy chunk', 'no', '', 'yes', 'MISSED']);
  for (const w of r.workers) {
    const name = w.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '');
    rows.push([`worker: ${name}`, kib(w.gzip), w.ratio.toFixed(2), '', '']);
  }
  return rows;
}

export function formatTable(title, rows) {
  const head = ['figure', 'value', 'ratio', 'target', ''];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((row) => String(row[i] ?? '').length)));
  const line = (row) => row.map((c, i) => String(c ?? '').padEnd(w[i])).join(' | ').trimEnd();
  return [title, line(head), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.map(line)].join('\n');
}

export function formatPackages(r, top = 8) {
  const lines = r.packages.slice(0, top).map((p) => `  ${p.pkg.padEnd(24)} ${kib(p.gzip).padStart(9)} gzip  ${kib(p.min).padStart(10)} min  (${p.modules} modules)`);
  const mods = [...r.initial.modules].sort((a, b) => b.gzip - a.gzip).slice(0, top);
  return [
    `Initial chunk (${kib(r.initial.gzip)} gzip) by package; each module minified and gzipped alone, so the sum exceeds the chunk:`,
    ...lines,
    'Biggest modules in the initial chunk, same measure:',
    ...mods.map((m) => `  ${m.id.padEnd(56)} ${kib(m.gzip).padStart(9)} gzip  ${kib(m.min).padStart(10)} min`),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let r;
  try {
    r = await measureSize({ keep: process.argv.includes('--keep') });
  } catch (e) {
    console.error('bench:size: the build failed\n', e);
    process.exit(2);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(formatTable(`Bundle size, gzip; ratio to lit alone; built with ${r.tool} in ${(r.buildMs / 1000).toFixed(1)} s`, sizeRows(r)));
    console.log('\n' + formatPackages(r));
    if (r.outDirs) console.log(`\nkept: ${r.outDirs.join(' ')}`);
  }
  if (!r.definesElements) {
    console.error(
      '\nbench:size: warning: the bundle has no customElements.define("campaign-wizard"): the bundler dropped the modules that ' +
        'register the elements (src/campaign-wizard.ts, src/steps/step-*.ts); check "sideEffects" in package.json.',
    );
  }
  if (!sizeBudgetOk(r)) {
    console.error(`\nbench:size: bundle budget exceeded (initial ${kib(r.initial.gzip)} of ${kib(r.budget.initialGzipBytes)}${r.budget.forbiddenOk ? '' : `; in initial: ${r.budget.forbiddenInInitial.join(', ')}`}${r.budget.csvEngineLazy ? '' : '; CSV engine not lazy'})`);
    process.exit(1);
  }
  console.log('\nbench:size: budget met');
}
