/**
 * Runs one fuzz case through the real CSV import (page facade, parse and validate workers) in the
 * browser, and judges how it ended. Used by test/fuzz/csv-fuzz.test.ts (a slice, in `npm test`)
 * and by the page scripts/fuzz.mjs drives (the whole corpus, `npm run fuzz`).
 *
 * A case passes when the preview and `done` each end, within the per-case timeout, in either
 * - a result that holds together (counts add up, samples agree with counts), or
 * - a CsvImportError with a known code other than `worker_failed` / `read_failed` (a worker that
 *   crashes on a file, or an in-memory File that cannot be read, is a bug), or
 * - an AbortError, only when the case cancelled the import,
 * with no uncaught error or unhandled rejection on the page meanwhile, and no live worker once
 * the case has called cancel().
 */
import { liveWorkers } from './worker-count.js';
import Papa from 'papaparse';
import {
  CsvImportError,
  DEFAULT_REJECT_LABELS,
  startCsvImport,
  type CsvImport,
  type CsvPreview,
  type CsvSummary,
} from '../../src/csv/index.js';
import { fuzzCase, type FuzzCase } from './corpus.js';

export const KNOWN_CODES = [
  'empty',
  'header_only',
  'no_phone_column',
  'unknown_column',
  'binary',
  'too_large',
  'too_many_rows',
  'too_many_columns',
  'unbalanced_quotes',
  'line_too_long',
  'read_failed',
  'worker_failed',
] as const;

/** Known codes that still mean a bug when a fuzz file gets them. */
const BUG_CODES = new Set(['worker_failed', 'read_failed']);

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CaseResult {
  index: number;
  seed: number;
  caseSeed: number;
  category: string;
  variant: string;
  bytes: number;
  action: string;
  /** How `done` ended: "ok", an error code, "abort", "timeout" or "crash" (anything else). */
  outcome: string;
  /** How the preview ended: "ok", an error code, "timeout" or "crash". */
  preview: string;
  /** Empty when the case passed. */
  failures: string[];
  rowCount?: number;
  ms: number;
}

// Page-level errors while a case runs. Cases run one at a time, so whatever fires belongs to it.
let pageErrors: string[] = [];
let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('error', (e) => {
    pageErrors.push(`window error: ${e.message || String(e.error)}${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`);
  });
  window.addEventListener('unhandledrejection', (e) => {
    pageErrors.push(`unhandled rejection: ${describe(e.reason)}`);
  });
}

function describe(e: unknown): string {
  if (e instanceof CsvImportError) return `CsvImportError(${e.code}): ${e.message}`;
  if (e instanceof Error || e instanceof DOMException) return `${e.name}: ${e.message}`;
  return `${typeof e}: ${String(e)}`;
}

const TIMEOUT = Symbol('timeout');
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown } | typeof TIMEOUT;

function settle<T>(p: Promise<T>, deadline: number): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(TIMEOUT), Math.max(0, deadline - performance.now()));
    p.then(
      (value) => {
        clearTimeout(t);
        resolve({ ok: true, value });
      },
      (error) => {
        clearTimeout(t);
        resolve({ ok: false, error });
      },
    );
  });
}

const isInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** What is wrong with a resolved summary (empty when it holds together). */
export function summaryProblems(s: CsvSummary, c: FuzzCase): string[] {
  const p: string[] = [];
  for (const k of ['rowCount', 'valid', 'invalid', 'duplicate', 'skipped', 'ragged', 'quoteErrors', 'fastPathRows'] as const) {
    if (!isInt(s[k])) p.push(`${k} is ${String(s[k])}`);
  }
  if (s.valid + s.invalid + s.duplicate !== s.rowCount) p.push(`valid ${s.valid} + invalid ${s.invalid} + duplicate ${s.duplicate} != rowCount ${s.rowCount}`);
  if (s.skipped !== s.invalid + s.duplicate) p.push(`skipped ${s.skipped} != invalid + duplicate`);
  const reasons = Object.values(s.reasons);
  if (!reasons.every(isInt) || reasons.reduce((a, b) => a + b, 0) !== s.skipped) p.push(`reasons ${JSON.stringify(s.reasons)} do not sum to skipped ${s.skipped}`);
  if (s.reasons.duplicate_phone !== s.duplicate) p.push('reasons.duplicate_phone != duplicate');
  const byCountry = Object.values(s.byCountry);
  if (!byCountry.every(isInt) || byCountry.reduce((a, b) => a + b, 0) !== s.valid) p.push(`byCountry ${JSON.stringify(s.byCountry)} does not sum to valid ${s.valid}`);
  if (s.rowCount < 1) p.push('a resolved pass with no data row');
  if (s.ragged > s.rowCount) p.push(`ragged ${s.ragged} > rowCount`);
  if (s.fastPathRows > s.valid + s.duplicate) p.push(`fastPathRows ${s.fastPathRows} > valid + duplicate`);
  if (s.validSample.length !== Math.min(20, s.valid)) p.push(`validSample has ${s.validSample.length} rows for ${s.valid} valid`);
  if (s.rejectedSample.length !== Math.min(100, s.skipped)) p.push(`rejectedSample has ${s.rejectedSample.length} rows for ${s.skipped} skipped`);
  const rows = [...s.rejectedSample.map((r) => r.row), ...s.validSample.map((r) => r.row)];
  if (!rows.every((r) => Number.isInteger(r) && r >= 1 && r <= s.rowCount)) p.push('a sample row outside 1..rowCount');
  if (!s.validSample.every((v) => /^\+[1-9]\d{1,15}$/.test(v.e164))) p.push('a validSample e164 is not E.164');
  if (c.limits?.maxRows !== undefined && s.rowCount > c.limits.maxRows) p.push(`rowCount ${s.rowCount} over maxRows ${c.limits.maxRows}`);
  return p;
}

function previewProblems(pv: CsvPreview): string[] {
  const p: string[] = [];
  if (!Array.isArray(pv.headers) || !pv.headers.every((h) => typeof h === 'string')) p.push('preview headers are not strings');
  if (pv.headers.length === 0) p.push('preview with no header');
  if (!Array.isArray(pv.rows) || pv.rows.length > 20 || !pv.rows.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'string'))) p.push('preview rows malformed');
  if (!['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'].includes(pv.encoding)) p.push(`encoding ${pv.encoding}`);
  if (![',', ';', '\t', '|'].includes(pv.delimiter)) p.push(`delimiter ${JSON.stringify(pv.delimiter)}`);
  if (!['\r\n', '\n', '\r'].includes(pv.newline)) p.push(`newline ${JSON.stringify(pv.newline)}`);
  if (!isInt(pv.estimatedRowCount)) p.push(`estimatedRowCount ${pv.estimatedRowCount}`);
  const phone = pv.suggestedMapping.phone;
  if (phone !== undefined && !pv.headers.includes(phone)) p.push(`suggested phone column ${JSON.stringify(phone)} is not a header`);
  return p;
}

/**
 * The full pass must agree with the preview: the header row is the same (a column the preview
 * offered is found), and when the preview read the whole file its row count is exact and nothing
 * the preview checks (encoding, quotes, header, rows) can fail later, so the outcome is known.
 */
function agreesWithPreview(pv: CsvPreview, phone: string | undefined, c: FuzzCase, outcome: string, rowCount: number | undefined): string[] {
  const mappedToHeader = phone !== undefined && pv.headers.includes(phone);
  if (outcome === 'unknown_column' && mappedToHeader) return [`the preview has a column ${JSON.stringify(phone)} but the full pass says there is none`];
  if (outcome === 'no_phone_column' && phone !== undefined) return [`no_phone_column with ${JSON.stringify(phone)} mapped`];
  if (!pv.complete) return [];
  let expected: string;
  if (phone === undefined) expected = 'no_phone_column';
  else if (!mappedToHeader) expected = 'unknown_column';
  else if (c.limits?.maxRows !== undefined && pv.estimatedRowCount > c.limits.maxRows) expected = 'too_many_rows';
  else expected = 'ok';
  const p: string[] = [];
  if (outcome !== expected) p.push(`the preview read the whole file (${pv.estimatedRowCount} rows) so the pass should end in ${expected}, not ${outcome}`);
  else if (outcome === 'ok' && rowCount !== pv.estimatedRowCount) p.push(`the preview counted ${pv.estimatedRowCount} rows of the whole file, the pass ${rowCount}`);
  return p;
}

/** The rejected-rows download must hold exactly the skipped rows, in order, with their reasons. */
async function rejectedProblems(imp: CsvImport, s: CsvSummary, deadline: number): Promise<string[]> {
  const got = await settle(imp.rejectedRowsCsv(), deadline);
  if (got === TIMEOUT) return ['rejectedRowsCsv() did not settle in time'];
  if (!got.ok) return [`rejectedRowsCsv() failed: ${describe(got.error)}`];
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await got.value.arrayBuffer());
  if (!text.startsWith('\uFEFF')) return ['the rejected rows file has no BOM'];
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  const records = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
  const p: string[] = [];
  if (parsed.errors.length) p.push(`the rejected rows file does not parse: ${parsed.errors[0].code} at row ${parsed.errors[0].row}`);
  if (records[0]?.[0] !== 'Row' || records[0]?.[1] !== 'Reason') p.push('the rejected rows file has no Row, Reason header');
  const body = records.slice(1);
  if (body.length !== s.skipped) p.push(`the rejected rows file has ${body.length} rows for ${s.skipped} skipped`);
  for (let k = 0; k < Math.min(body.length, s.rejectedSample.length); k++) {
    const want = s.rejectedSample[k];
    if (body[k][0] !== String(want.row) || body[k][1] !== DEFAULT_REJECT_LABELS[want.reason]) {
      p.push(`rejected row ${k}: ${JSON.stringify(body[k].slice(0, 2))} instead of row ${want.row} (${want.reason})`);
      break;
    }
  }
  return p;
}

/** Classifies a rejection; pushes a failure when it is not an acceptable one. */
function judgeRejection(what: string, e: unknown, cancelled: boolean, failures: string[]): string {
  if (e instanceof DOMException && e.name === 'AbortError') {
    if (!cancelled) failures.push(`${what}: AbortError without a cancel()`);
    return 'abort';
  }
  if (e instanceof CsvImportError) {
    if (!(KNOWN_CODES as readonly string[]).includes(e.code)) failures.push(`${what}: unknown code ${e.code}`);
    else if (BUG_CODES.has(e.code)) failures.push(`${what}: ${describe(e)}`);
    if (typeof e.message !== 'string' || e.message === '') failures.push(`${what}: ${e.code} with no message`);
    return e.code;
  }
  failures.push(`${what}: not a CsvImportError: ${describe(e)}`);
  return 'crash';
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export interface RunOptions {
  /**
   * Other cases run at the same time: page errors and live workers cannot be told apart per
   * case, so they are left to the caller (`takePageErrors()`, `liveWorkers()` once all are done).
   */
  concurrent?: boolean;
}

/** Page errors seen since the last call, for callers that run cases concurrently. */
export function takePageErrors(): string[] {
  listen();
  const e = pageErrors;
  pageErrors = [];
  return e;
}

export { liveWorkers };

/** Runs one case; never throws. */
export async function runCase(c: FuzzCase, timeoutMs = DEFAULT_TIMEOUT_MS, options: RunOptions = {}): Promise<CaseResult> {
  listen();
  if (!options.concurrent) pageErrors = [];
  const workersBefore = liveWorkers();
  const failures: string[] = [];
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  const result: CaseResult = {
    index: c.index,
    seed: c.seed,
    caseSeed: c.caseSeed,
    category: c.category,
    variant: c.variant,
    bytes: c.bytes.length,
    action: c.action.kind === 'none' ? 'none' : JSON.stringify(c.action),
    outcome: 'crash',
    preview: 'crash',
    failures,
    ms: 0,
  };
  const file = new File([c.bytes], c.name, { type: 'text/csv' });
  let imp: CsvImport | undefined;
  let cancelled = false;
  let cancelTimer: ReturnType<typeof setTimeout> | undefined;
  try {
    imp = startCsvImport(file, {
      defaultCountry: c.defaultCountry as Parameters<typeof startCsvImport>[1]['defaultCountry'],
      ...(c.limits ? { limits: c.limits } : {}),
      ...(c.validators ? { validators: c.validators } : {}),
    });
    const running = imp;
    if (c.action.kind === 'cancel') {
      if (c.action.afterMs === 0) {
        cancelled = true;
        running.cancel();
      } else {
        cancelTimer = setTimeout(() => {
          cancelled = true;
          running.cancel();
        }, c.action.afterMs);
      }
    }

    const pv = await settle(imp.preview, deadline);
    let previewCode: string | undefined;
    let preview: CsvPreview | undefined;
    let phone: string | undefined;
    if (pv === TIMEOUT) {
      result.preview = 'timeout';
      failures.push(`preview did not settle within ${timeoutMs} ms`);
    } else if (pv.ok) {
      result.preview = 'ok';
      preview = pv.value;
      phone = preview.suggestedMapping.phone;
      failures.push(...previewProblems(pv.value).map((p) => `preview: ${p}`));
      if (c.action.kind === 'remap') {
        imp.setMapping({ ...pv.value.suggestedMapping, phone: c.action.column });
        phone = c.action.column || undefined;
      }
      if (c.action.kind === 'country') imp.setDefaultCountry(c.action.country as Parameters<CsvImport['setDefaultCountry']>[0]);
    } else {
      result.preview = previewCode = judgeRejection('preview', pv.error, false, failures);
    }

    // `done` is read after any change, as the API asks.
    const dn = pv === TIMEOUT ? TIMEOUT : await settle(imp.done, deadline);
    if (dn === TIMEOUT) {
      result.outcome = 'timeout';
      if (pv !== TIMEOUT) failures.push(`done did not settle within ${timeoutMs} ms`);
    } else if (dn.ok) {
      result.outcome = 'ok';
      result.rowCount = dn.value.rowCount;
      if (result.preview !== 'ok') failures.push(`done resolved although the preview failed (${result.preview})`);
      failures.push(...summaryProblems(dn.value, c));
      if (c.expectRows !== undefined && dn.value.rowCount !== c.expectRows) failures.push(`expected ${c.expectRows} rows, got ${dn.value.rowCount}`);
      // Not when a cancel() may still come: it rejects the download with an AbortError.
      if (dn.value.skipped > 0 && c.action.kind !== 'cancel') failures.push(...(await rejectedProblems(imp, dn.value, deadline)));
    } else {
      result.outcome = judgeRejection('done', dn.error, cancelled, failures);
      // A failed preview fails the import with that same error (unless cancel() came first).
      if (previewCode !== undefined && !cancelled && result.outcome !== previewCode) failures.push(`preview failed with ${previewCode} but done with ${result.outcome}`);
    }
    if (c.expectRows !== undefined && result.outcome !== 'ok' && !failures.length) failures.push(`expected ${c.expectRows} rows, got ${result.outcome}`);
    if (preview && !cancelled && result.outcome !== 'timeout') failures.push(...agreesWithPreview(preview, phone, c, result.outcome, result.rowCount));
  } catch (e) {
    failures.push(`harness caught: ${describe(e)}`);
  } finally {
    clearTimeout(cancelTimer);
    try {
      imp?.cancel();
    } catch (e) {
      failures.push(`cancel() threw: ${describe(e)}`);
    }
  }
  if (!options.concurrent && liveWorkers() > workersBefore) failures.push(`${liveWorkers() - workersBefore} workers still alive after cancel()`);
  // Let late errors and unhandled rejections (dispatched in a later task) surface.
  await nextTask();
  await nextTask();
  if (!options.concurrent) failures.push(...takePageErrors());
  result.ms = Math.round(performance.now() - t0);
  return result;
}

/** Builds case `index` of the corpus of `seed` and runs it. */
export function runIndex(index: number, seed: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CaseResult> {
  return runCase(fuzzCase(index, seed), timeoutMs);
}

/** One line to reproduce a case. */
export function reproLine(r: Pick<CaseResult, 'index' | 'seed'>): string {
  return `npm run fuzz -- --seed=${r.seed} --case=${r.index}`;
}
