/**
 * Parse worker: streams the File, sends the phone cells in batches to the validate workers,
 * deduplicates their answers in file order, counts, and reports counts to the page. It keeps the
 * rejected rows' numbers (not their content) so `rejectedRowsCsv` can re-read just those rows.
 */
import { CsvImportError, type SerializedCsvError } from './errors.js';
import { csvLine } from './formula.js';
import type { CsvLimits } from './limits.js';
import type {
  ParseWorkerMessage,
  ParseWorkerRequest,
  RejectedRequest,
  RunRequest,
  ValidateBatch,
  ValidatorMessage,
} from './protocol.js';
import { isBlankRecord, streamRecords } from './records.js';
import type { AcceptedRowSample, CountryCode, CsvSummary, RejectReason, RejectedRowSample } from './types.js';

const BATCH_ROWS = 2048;
/** Batches queued per validate worker before the reader waits. */
const MAX_IN_FLIGHT = 3;
const PROGRESS_MS = 100;
const REJECTED_SAMPLE = 100;
const VALID_SAMPLE = 20;

// Reason codes in the typed arrays; 0 = not rejected.
const R_MISSING = 1;
const R_INVALID = 2;
const R_DUPLICATE = 3;
const R_TOO_LONG = 4;
const REASON_NAMES: readonly RejectReason[] = ['missing_phone', 'missing_phone', 'invalid_phone', 'duplicate_phone', 'cell_too_long'];

// Validator statuses (phone.ts).
const PHONE_VALID = 0;
const PHONE_INVALID = 1;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseWorkerRequest>) => void) | null;
  postMessage(m: ParseWorkerMessage, transfer?: Transferable[]): void;
};
const post = (m: ParseWorkerMessage) => scope.postMessage(m);

/** Open-addressing hash set of E.164 numbers (as doubles, never 0): ~16 bytes a number. */
class NumberSet {
  private table = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  size = 0;

  /** Adds `v`; returns false when it was already there. */
  add(v: number): boolean {
    if (this.size * 2 >= this.table.length) this.grow();
    return this.insert(this.table, this.mask, v);
  }

  private insert(table: Float64Array, mask: number, v: number): boolean {
    const lo = v % 4294967296 | 0;
    const hi = (v / 4294967296) | 0;
    let i = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    i = (i ^ (i >>> 13)) & mask;
    for (;;) {
      const cur = table[i];
      if (cur === 0) {
        table[i] = v;
        if (table === this.table) this.size++;
        return true;
      }
      if (cur === v) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const next = new Float64Array(old.length * 2);
    const mask = next.length - 1;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.insert(next, mask, old[i]);
    this.table = next;
    this.mask = mask;
  }
}

/** Growable list of (row, reason) for rejected rows, in row order. */
class RejectedList {
  rows = new Uint32Array(1024);
  reasons = new Uint8Array(1024);
  length = 0;
  push(row: number, reason: number): void {
    if (this.length === this.rows.length) {
      const rows = new Uint32Array(this.rows.length * 2);
      rows.set(this.rows);
      const reasons = new Uint8Array(this.reasons.length * 2);
      reasons.set(this.reasons);
      this.rows = rows;
      this.reasons = reasons;
    }
    this.rows[this.length] = row;
    this.reasons[this.length] = reason;
    this.length++;
  }
}

interface Batch {
  id: number;
  firstRow: number;
  text: string;
  ends: number[];
  /** Reason code for rows rejected before validation (over-long cell), else 0. */
  pre: Uint8Array;
}

interface ValidatorSlot {
  port: MessagePort;
  inFlight: number;
}

/** What the last completed run leaves for the rejected-rows export. */
let lastRun: { req: RunRequest; rejected: RejectedList } | undefined;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'run') {
    run(msg).then(
      (summary) => post({ type: 'done', summary }),
      (err) => post({ type: 'error', error: serialize(err) }),
    );
  } else if (msg.type === 'rejected') {
    exportRejected(msg).then(
      (blob) => post({ type: 'rejected', id: msg.id, blob }),
      (err) => post({ type: 'rejected-error', id: msg.id, error: serialize(err) }),
    );
  }
};

function serialize(err: unknown): SerializedCsvError {
  if (err instanceof CsvImportError) return err.toJSON();
  return { code: 'worker_failed', message: err instanceof Error ? err.message : String(err) };
}

async function run(req: RunRequest): Promise<CsvSummary> {
  const { file, dialect, limits, phoneIndex } = req;
  const totalBytes = file.size;
  const slots: ValidatorSlot[] = req.ports.map((port) => ({ port, inFlight: 0 }));
  let countries: readonly string[] = [];

  // Results come back out of order; they are applied in batch order so the first occurrence of a
  // number is the one kept, whatever the timing.
  const batches = new Map<number, Batch>();
  const results = new Map<number, Extract<ValidatorMessage, { type: 'result' }>>();
  let nextToApply = 0;
  let nextId = 0;
  let wake: (() => void) | undefined;

  const seen = new NumberSet();
  const rejected = new RejectedList();
  const reasonCounts = [0, 0, 0, 0, 0];
  const countryCounts = new Map<number, number>();
  const rejectedSample: RejectedRowSample[] = [];
  const validSample: AcceptedRowSample[] = [];
  let valid = 0;
  let rowsChecked = 0;
  let fastPathRows = 0;
  const started = performance.now();
  let busyMs = 0;
  let validateMs = 0;

  let headerSeen = false;
  let header: string[] = [];
  let dataRows = 0;
  let ragged = 0;
  let quoteErrors = 0;
  let bytesRead = 0;
  let lastProgress = 0;

  const progress = (force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_MS) return;
    lastProgress = now;
    post({ type: 'progress', rowsParsed: dataRows, rowsChecked, bytesRead, totalBytes });
  };

  // A copy, not a slice: a kept slice would pin the whole text chunk it came from in memory.
  const cellOf = (b: Batch, k: number) => {
    const start = k === 0 ? 0 : b.ends[k - 1];
    return copy(b.text.slice(start, b.ends[k]));
  };
  const reject = (row: number, reason: number, b: Batch, k: number) => {
    rejected.push(row, reason);
    reasonCounts[reason]++;
    if (rejectedSample.length < REJECTED_SAMPLE) {
      rejectedSample.push({ row, reason: REASON_NAMES[reason], value: cellOf(b, k).slice(0, 100) });
    }
  };

  const apply = (b: Batch, r: Extract<ValidatorMessage, { type: 'result' }>) => {
    fastPathRows += r.fast;
    for (let k = 0; k < b.ends.length; k++) {
      const row = b.firstRow + k;
      if (b.pre[k] !== 0) {
        reject(row, b.pre[k], b, k);
        continue;
      }
      const status = r.status[k];
      if (status === PHONE_VALID) {
        if (seen.add(r.e164[k])) {
          valid++;
          const c = r.country[k];
          countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1);
          if (validSample.length < VALID_SAMPLE) {
            validSample.push({ row, value: cellOf(b, k), e164: `+${r.e164[k]}`, country: countries[c] ?? '001' });
          }
        } else reject(row, R_DUPLICATE, b, k);
      } else reject(row, status === PHONE_INVALID ? R_INVALID : R_MISSING, b, k);
    }
    rowsChecked += b.ends.length;
  };

  for (const slot of slots) {
    slot.port.onmessage = (ev: MessageEvent<ValidatorMessage>) => {
      const m = ev.data;
      if (m.type === 'ready') {
        countries = m.countries;
        return;
      }
      const t0 = performance.now();
      slot.inFlight--;
      validateMs += m.ms;
      results.set(m.id, m);
      while (results.has(nextToApply)) {
        const b = batches.get(nextToApply)!;
        apply(b, results.get(nextToApply)!);
        batches.delete(nextToApply);
        results.delete(nextToApply);
        nextToApply++;
      }
      progress();
      busyMs += performance.now() - t0;
      const w = wake;
      wake = undefined;
      w?.();
    };
  }
  const waitForResult = () => new Promise<void>((resolve) => (wake = resolve));

  const newBatch = (firstRow: number): Batch => ({ id: -1, firstRow, text: '', ends: [], pre: new Uint8Array(BATCH_ROWS) });
  let batch = newBatch(1);
  const dispatch = async () => {
    const b = batch;
    if (b.ends.length === 0) return;
    batch = newBatch(b.firstRow + b.ends.length);
    b.id = nextId++;
    batches.set(b.id, b);
    for (;;) {
      let best = slots[0];
      for (const s of slots) if (s.inFlight < best.inFlight) best = s;
      if (best.inFlight < MAX_IN_FLIGHT) {
        best.inFlight++;
        const msg: ValidateBatch = { id: b.id, text: b.text, ends: Uint32Array.from(b.ends) };
        best.port.postMessage(msg, [msg.ends.buffer]);
        return;
      }
      await waitForResult();
    }
  };

  const maxCell = limits.maxCellLength;
  await streamRecords(
    file,
    dialect,
    limits.maxCellLength * 8,
    () => (headerSeen ? dataRows : -1),
    async (chunk) => {
      let t0 = performance.now();
      busyMs += chunk.ms;
      bytesRead = chunk.bytesRead;
      quoteErrors += chunk.invalidQuoteRows;
      for (const row of chunk.rows) {
        if (!headerSeen) {
          if (isBlankRecord(row)) continue;
          header = row.map(copy);
          headerSeen = true;
          checkHeader(header, req, limits);
          continue;
        }
        if (isBlankRecord(row)) continue;
        dataRows++;
        if (dataRows > limits.maxRows) {
          throw new CsvImportError('too_many_rows', `The file has more than ${limits.maxRows} data rows.`);
        }
        if (row.length !== header.length) ragged++;
        let pre = 0;
        for (let i = 0; i < row.length; i++) {
          if (row[i].length > maxCell) {
            pre = R_TOO_LONG;
            break;
          }
        }
        const k = batch.ends.length;
        if (pre === 0) batch.text += row[phoneIndex] ?? '';
        batch.pre[k] = pre;
        batch.ends.push(batch.text.length);
        if (batch.ends.length === BATCH_ROWS) {
          busyMs += performance.now() - t0;
          await dispatch();
          t0 = performance.now();
        }
      }
      progress();
      busyMs += performance.now() - t0;
    },
  );
  if (!headerSeen) throw new CsvImportError('empty', 'The file has no rows.');
  if (dataRows === 0) throw new CsvImportError('header_only', 'The file has a header row and no data rows.');
  await dispatch();
  while (nextToApply < nextId) await waitForResult();
  progress(true);
  for (const slot of slots) {
    slot.port.onmessage = null;
    slot.port.close();
  }

  lastRun = { req, rejected };
  const reasons = {} as Record<RejectReason, number>;
  for (const name of ['missing_phone', 'invalid_phone', 'duplicate_phone', 'cell_too_long'] as const) reasons[name] = 0;
  reasons.missing_phone = reasonCounts[R_MISSING];
  reasons.invalid_phone = reasonCounts[R_INVALID];
  reasons.duplicate_phone = reasonCounts[R_DUPLICATE];
  reasons.cell_too_long = reasonCounts[R_TOO_LONG];
  const byCountry: Record<string, number> = {};
  for (const [c, n] of [...countryCounts].sort((a, b) => b[1] - a[1])) byCountry[countries[c] ?? '001'] = n;
  const duplicate = reasons.duplicate_phone;
  const invalid = reasons.missing_phone + reasons.invalid_phone + reasons.cell_too_long;
  return {
    rowCount: dataRows,
    valid,
    invalid,
    duplicate,
    skipped: invalid + duplicate,
    reasons,
    ragged,
    quoteErrors,
    byCountry,
    rejectedSample,
    validSample,
    phoneColumn: req.phoneColumn,
    defaultCountry: req.defaultCountry as CountryCode,
    fastPathRows,
    timings: { parseMs: Math.round(busyMs), validateMs: Math.round(validateMs), wallMs: Math.round(performance.now() - started) },
  };
}

/** A string that shares no memory with the text it was cut from. */
function copy(s: string): string {
  return ` ${s}`.slice(1);
}

function checkHeader(header: string[], req: RunRequest, limits: CsvLimits): void {
  if (header.length > limits.maxColumns) {
    throw new CsvImportError('too_many_columns', `The header has ${header.length} columns; the limit is ${limits.maxColumns}.`);
  }
  if (header[req.phoneIndex] !== req.phoneColumn) {
    throw new CsvImportError('unknown_column', `There is no column "${req.phoneColumn}".`, { detail: req.phoneColumn });
  }
}

/**
 * The rejected rows as CSV: "Row", "Reason", then the row's cells as in the file, every cell
 * neutralised against formula injection. UTF-8 with BOM (so Excel reads accents), CRLF.
 */
async function exportRejected(req: RejectedRequest): Promise<Blob> {
  if (!lastRun) throw new CsvImportError('worker_failed', 'No completed import to export.');
  const { req: run, rejected } = lastRun;
  const parts: string[] = ['\uFEFF'];
  let buf = '';
  let headerSeen = false;
  let dataRows = 0;
  let p = 0;
  const stop = { aborted: false };
  await streamRecords(
    run.file,
    run.dialect,
    run.limits.maxCellLength * 8,
    () => dataRows,
    (chunk) => {
      for (const row of chunk.rows) {
        if (p >= rejected.length && headerSeen) {
          stop.aborted = true; // every rejected row is out: no need to read on
          break;
        }
        if (isBlankRecord(row)) continue;
        if (!headerSeen) {
          headerSeen = true;
          buf += csvLine([req.rowHeader, req.reasonHeader, ...row]);
          continue;
        }
        dataRows++;
        if (rejected.rows[p] === dataRows) {
          buf += csvLine([String(dataRows), req.labels[REASON_NAMES[rejected.reasons[p]]], ...row]);
          p++;
        }
      }
      if (buf.length > 1 << 20) {
        parts.push(buf);
        buf = '';
      }
    },
    stop,
  );
  parts.push(buf);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
