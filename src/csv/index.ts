/**
 * CSV import engine: a page-side facade over module workers. Load it lazily
 * (`await import('../csv/index.js')`) when a CSV is chosen: it brings papaparse, and its workers
 * bring libphonenumber-js with max metadata; nothing else in the package imports them.
 *
 * ```ts
 * const imp = startCsvImport(file, { defaultCountry: 'US' });
 * const preview = await imp.preview;          // headers, 20 rows, suggestedMapping: ~10 ms
 * const off = imp.onProgress((p) => render(p.bytesRead / p.totalBytes));
 * imp.setMapping({ ...preview.suggestedMapping, phone: 'Mobile' }); // re-validates if the phone column changed
 * const summary = await imp.done;            // counts; rejects with CsvImportError or AbortError
 * const blob = await imp.rejectedRowsCsv();  // rows skipped, with the reason
 * imp.cancel();                              // stop, and free the workers when done with the file
 * ```
 *
 * How it runs: the page reads only the first 64 KiB (preview and detection). A parse worker
 * streams the File (TextDecoder in streaming mode, papaparse's Parser) and sends only the phone
 * cells, in batches of 2,048, to validate workers (one per core, up to 8, fewer for small files)
 * that check them with libphonenumber-js and answer with typed arrays. The parse worker
 * deduplicates in file order (first occurrence kept) and posts progress and the final counts.
 * The page never receives rows, so its memory does not grow with the file.
 */
import { CsvImportError, abortError } from './errors.js';
import type { ColumnMapping } from './fields.js';
import { CSV_LIMITS, type CsvLimits } from './limits.js';
import { readPreview } from './preview.js';
import type { ParseWorkerMessage, RejectedRequest, RunRequest, ValidatorInit } from './protocol.js';
import {
  DEFAULT_REJECT_LABELS,
  type CountryCode,
  type CsvPreview,
  type CsvProgress,
  type CsvSummary,
  type RejectedCsvOptions,
} from './types.js';
import type { CsvDialect } from './detect.js';

export { CsvImportError, type CsvImportErrorCode } from './errors.js';
export { CONTACT_FIELDS, autoMapColumns, normaliseHeader, type ColumnMapping, type ContactField } from './fields.js';
export { neutraliseFormula, csvLine, isFormulaLike, FORMULA_TRIGGERS } from './formula.js';
export { CSV_LIMITS, type CsvLimits } from './limits.js';
export { detectDelimiter, detectEncoding, detectNewline, type CsvDialect } from './detect.js';
export * from './types.js';

// ---- Trusted Types ----
// Under `require-trusted-types-for 'script'` the Worker constructor takes only a TrustedScriptURL.
// The package's one policy, "campaign-wizard", is created on the first worker, only where the API
// exists, and lets through same-origin URLs only (the worker files ship next to this module; a
// browser refuses cross-origin worker scripts anyway). Hosts allow it with
// `trusted-types lit-html campaign-wizard`.

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
let workerUrlPolicy: ScriptUrlPolicy | null | undefined;

function trustedWorkerUrl(url: URL | string): URL | string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy } }).trustedTypes;
  if (!tt) return url;
  if (workerUrlPolicy === undefined) {
    try {
      workerUrlPolicy = tt.createPolicy('campaign-wizard', {
        createScriptURL(input) {
          const parsed = new URL(input, location.href);
          if (parsed.origin !== location.origin) throw new TypeError(`campaign-wizard: refusing a worker script from another origin: ${parsed.href}`);
          return parsed.href;
        },
      });
    } catch {
      workerUrlPolicy = null; // the page's policy does not allow the name: plain URLs, as without Trusted Types
    }
  }
  return workerUrlPolicy ? (workerUrlPolicy.createScriptURL(String(url)) as string) : url;
}

/**
 * `Worker`, with the script URL passed through the policy above. It keeps the global's name so
 * that `new Worker(new URL('./x.worker.ts', import.meta.url))` below stays the pattern bundlers
 * (Vite, webpack) recognise and bundle as a worker.
 */
const Worker = class extends globalThis.Worker {
  constructor(url: URL | string, options?: WorkerOptions) {
    super(trustedWorkerUrl(url), options);
  }
};

export interface CsvImportOptions {
  /** Country for numbers written in national format ("(415) 555-0123"). */
  defaultCountry: CountryCode;
  /**
   * Contact field -> column header. Default: the preview's suggestedMapping. Only the `phone`
   * entry matters to the import; an empty string means "not mapped".
   */
  mapping?: ColumnMapping | Record<string, string>;
  /** Tighter (or looser) limits than CSV_LIMITS; mainly for tests. */
  limits?: Partial<CsvLimits>;
  /** Validate workers; default `navigator.hardwareConcurrency` (at most 8), fewer for small files. */
  validators?: number;
}

export interface CsvImport {
  /** Header, first 20 rows, dialect and suggested mapping, from the first 64 KiB. Rejects with a CsvImportError. */
  readonly preview: Promise<CsvPreview>;
  /**
   * The full pass for the current mapping and default country. Resolves with the counts; rejects
   * with a CsvImportError, or with a DOMException named "AbortError" after `cancel()`.
   * A change of phone column or default country while it is pending re-runs the pass and this same
   * promise settles with the new result; after it has settled, such a change starts a new pass and
   * `done` returns a new promise. Read `done` again after a change.
   */
  readonly done: Promise<CsvSummary>;
  /** Called at most every 100 ms while the pass runs, and once at the end. Returns an unsubscribe function. */
  onProgress(cb: (p: CsvProgress) => void): () => void;
  /**
   * Changes the mapping. Re-runs the pass (re-reading the file) only when the phone column
   * changes; other fields do not affect the counts.
   */
  setMapping(mapping: ColumnMapping | Record<string, string>): void;
  /** Changes the country for national-format numbers; re-runs the pass when it differs. */
  setDefaultCountry(country: CountryCode): void;
  /**
   * Stops and terminates the workers; a pending `done` (and `rejectedRowsCsv`) rejects with an
   * AbortError. Also the way to free the workers once the file is no longer needed. Later
   * setMapping / setDefaultCountry calls do nothing.
   */
  cancel(): void;
  /**
   * The rejected rows as a CSV Blob: "Row", "Reason", then the row's cells as in the file; every
   * cell quoted and neutralised against formula injection (OWASP); UTF-8 with BOM, CRLF. Waits for
   * the current pass, then re-reads the file in the worker (about as long as parsing it).
   */
  rejectedRowsCsv(options?: RejectedCsvOptions): Promise<Blob>;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
  settled: boolean;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // The page may only await the preview: a rejected `done` must not be an unhandled rejection.
  promise.catch(() => {});
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve: (v) => {
      if (d.settled) return;
      d.settled = true;
      resolve(v);
    },
    reject: (e) => {
      if (d.settled) return;
      d.settled = true;
      reject(e);
    },
  };
  return d;
}

/** Internal: a rejected-rows request outlived by a re-run. */
const SUPERSEDED = Symbol('superseded');

/** Rows per validate worker below which another worker is not worth its start-up. */
const ROWS_PER_VALIDATOR = 25_000;
const MAX_VALIDATORS = 8;

class CsvImportImpl implements CsvImport {
  readonly preview: Promise<CsvPreview>;
  private readonly file: File;
  private readonly limits: CsvLimits;
  private readonly validatorCount?: number;
  private mapping: Record<string, string>;
  private mappingGiven: boolean;
  private defaultCountry: CountryCode;
  private loaded?: { preview: CsvPreview; dialect: CsvDialect };
  private current = deferred<CsvSummary>();
  private readonly listeners = new Set<(p: CsvProgress) => void>();
  private parseWorker?: Worker;
  private validators: Worker[] = [];
  /** Bumped for every pass; messages from older passes' workers are ignored. */
  private generation = 0;
  private runningPhone?: string;
  private cancelled = false;
  private nextRequest = 0;
  private readonly requests = new Map<number, Deferred<Blob>>();

  constructor(file: File, options: CsvImportOptions) {
    this.file = file;
    this.limits = { ...CSV_LIMITS, ...options.limits };
    this.validatorCount = options.validators;
    this.mapping = cleanMapping(options.mapping ?? {});
    this.mappingGiven = options.mapping !== undefined;
    this.defaultCountry = options.defaultCountry;
    // The parse worker starts loading while the page reads the preview.
    try {
      this.parseWorker = this.spawnParseWorker();
    } catch {
      // startPass tries again and reports the failure through `done`.
    }
    const preview = readPreview(file, this.limits).then((loaded) => {
      this.loaded = loaded;
      if (!this.mappingGiven) this.mapping = cleanMapping(loaded.preview.suggestedMapping);
      // Start the full pass in the next task, so whoever awaits the preview sees it first; a
      // setMapping / setDefaultCountry in between has already started it (generation > 0).
      setTimeout(() => {
        if (!this.cancelled && this.generation === 0) this.startPass();
      }, 0);
      return loaded.preview;
    });
    preview.catch((err) => this.fail(err));
    this.preview = preview;
  }

  get done(): Promise<CsvSummary> {
    return this.current.promise;
  }

  onProgress(cb: (p: CsvProgress) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  setMapping(mapping: ColumnMapping | Record<string, string>): void {
    if (this.cancelled) return;
    this.mapping = cleanMapping(mapping);
    this.mappingGiven = true;
    if (this.loaded && this.mapping.phone !== this.runningPhone) this.restart();
  }

  setDefaultCountry(country: CountryCode): void {
    if (this.cancelled || country === this.defaultCountry) return;
    this.defaultCountry = country;
    if (this.loaded) this.restart();
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.generation++;
    this.terminateAll();
    this.current.reject(abortError());
    for (const r of this.requests.values()) r.reject(abortError());
    this.requests.clear();
  }

  async rejectedRowsCsv(options: RejectedCsvOptions = {}): Promise<Blob> {
    for (;;) {
      // Wait for the latest pass, following re-runs.
      let gen: number;
      do {
        gen = this.generation;
        await this.done;
      } while (gen !== this.generation);
      const worker = this.parseWorker;
      if (this.cancelled || !worker) throw abortError();
      const id = this.nextRequest++;
      const d = deferred<Blob>();
      this.requests.set(id, d);
      const msg: RejectedRequest = {
        type: 'rejected',
        id,
        labels: { ...DEFAULT_REJECT_LABELS, ...options.labels },
        rowHeader: options.rowHeader ?? 'Row',
        reasonHeader: options.reasonHeader ?? 'Reason',
      };
      worker.postMessage(msg);
      try {
        return await d.promise;
      } catch (e) {
        if (e !== SUPERSEDED) throw e;
        // A re-run replaced the worker before it answered: ask the new one.
      }
    }
  }

  private restart(): void {
    for (const r of this.requests.values()) r.reject(SUPERSEDED);
    this.requests.clear();
    this.terminateAll();
    if (this.current.settled) this.current = deferred<CsvSummary>();
    this.startPass(); // spawns fresh workers
  }

  private startPass(): void {
    try {
      this.startPassOrThrow();
    } catch (e) {
      this.failPass(new CsvImportError('worker_failed', `The CSV workers could not start: ${String(e)}`, { detail: String(e) }));
    }
  }

  private startPassOrThrow(): void {
    const loaded = this.loaded!;
    const gen = ++this.generation;
    const phone = this.mapping.phone;
    this.runningPhone = phone;
    if (phone === undefined) {
      this.failPass(new CsvImportError('no_phone_column', 'No column is mapped to the phone number.'));
      return;
    }
    const phoneIndex = loaded.preview.headers.indexOf(phone);
    if (phoneIndex < 0) {
      this.failPass(new CsvImportError('unknown_column', `There is no column "${phone}".`, { detail: phone }));
      return;
    }
    const hw = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const wanted = this.validatorCount ?? Math.min(hw, MAX_VALIDATORS, Math.ceil(loaded.preview.estimatedRowCount / ROWS_PER_VALIDATOR));
    const count = Math.max(1, Math.floor(wanted));
    const ports: MessagePort[] = [];
    for (let i = 0; i < count; i++) {
      const w = this.spawnValidator(gen);
      const channel = new MessageChannel();
      const init: ValidatorInit = { type: 'init', port: channel.port2, defaultCountry: this.defaultCountry };
      w.postMessage(init, [channel.port2]);
      ports.push(channel.port1);
      this.validators.push(w);
    }
    this.parseWorker ??= this.spawnParseWorker();
    const parse = this.parseWorker;
    parse.onmessage = (e: MessageEvent<ParseWorkerMessage>) => this.onParseMessage(gen, e.data);
    const run: RunRequest = {
      type: 'run',
      file: this.file,
      dialect: loaded.dialect,
      phoneIndex,
      phoneColumn: phone,
      defaultCountry: this.defaultCountry,
      limits: this.limits,
      ports,
    };
    parse.postMessage(run, ports);
  }

  private onParseMessage(gen: number, m: ParseWorkerMessage): void {
    if (m.type === 'rejected' || m.type === 'rejected-error') {
      const d = this.requests.get(m.id);
      this.requests.delete(m.id);
      if (m.type === 'rejected') d?.resolve(m.blob);
      else d?.reject(CsvImportError.from(m.error));
      return;
    }
    if (gen !== this.generation) return;
    switch (m.type) {
      case 'progress': {
        const p: CsvProgress = { rowsParsed: m.rowsParsed, rowsChecked: m.rowsChecked, bytesRead: m.bytesRead, totalBytes: m.totalBytes };
        for (const cb of this.listeners) cb(p);
        return;
      }
      case 'done':
        // The validators' work is over; the parse worker stays for rejectedRowsCsv().
        this.terminateValidators();
        this.current.resolve(m.summary);
        return;
      case 'error':
        this.failPass(CsvImportError.from(m.error));
        return;
    }
  }

  private spawnParseWorker(): Worker {
    const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    w.onerror = (e) => {
      e.preventDefault();
      if (w === this.parseWorker) this.failWorker(e);
    };
    w.onmessageerror = () => {
      if (w === this.parseWorker) this.failWorker(undefined);
    };
    return w;
  }

  private spawnValidator(gen: number): Worker {
    const w = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    w.onerror = (e) => {
      e.preventDefault();
      if (gen === this.generation) this.failWorker(e);
    };
    return w;
  }

  private failWorker(e: ErrorEvent | undefined): void {
    const detail = e?.message || 'worker error';
    this.failPass(new CsvImportError('worker_failed', `The CSV worker failed: ${detail}`, { detail }));
    for (const r of this.requests.values()) r.reject(new CsvImportError('worker_failed', `The CSV worker failed: ${detail}`, { detail }));
    this.requests.clear();
  }

  /** The current pass failed: free every worker (a later change starts afresh). */
  private failPass(err: unknown): void {
    this.generation++;
    this.terminateAll();
    this.current.reject(err);
  }

  /** The preview failed: nothing can run. */
  private fail(err: unknown): void {
    this.cancelled = true;
    this.failPass(err);
  }

  private terminateValidators(): void {
    for (const w of this.validators) w.terminate();
    this.validators = [];
  }

  private terminateAll(): void {
    this.terminateValidators();
    this.parseWorker?.terminate();
    this.parseWorker = undefined;
  }
}

function cleanMapping(mapping: ColumnMapping | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mapping)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

/**
 * Starts importing `file`: the preview right away, then the full pass with `options.mapping` (or
 * the suggested mapping). Never throws; every failure rejects `preview` and/or `done`.
 */
export function startCsvImport(file: File, options: CsvImportOptions): CsvImport {
  return new CsvImportImpl(file, options);
}
