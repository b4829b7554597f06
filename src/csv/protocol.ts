/**
 * Messages between the page, the parse worker and the validate workers. Internal.
 *
 * page --run--> parse worker --batches (MessagePort)--> validate workers
 *                    ^------------- results (typed arrays) ---------'
 * page <--progress/done/error-- parse worker
 */
import type { CsvDialect } from './detect.js';
import type { SerializedCsvError } from './errors.js';
import type { CsvLimits } from './limits.js';
import type { CsvSummary, RejectReason } from './types.js';

export interface RunRequest {
  type: 'run';
  file: File;
  dialect: CsvDialect;
  /** Index of the phone column in the header row, and its header as written. */
  phoneIndex: number;
  phoneColumn: string;
  defaultCountry: string;
  limits: CsvLimits;
  /** One port per validate worker. */
  ports: MessagePort[];
}

export interface RejectedRequest {
  type: 'rejected';
  id: number;
  labels: Record<RejectReason, string>;
  rowHeader: string;
  reasonHeader: string;
}

export type ParseWorkerRequest = RunRequest | RejectedRequest;

export type ParseWorkerMessage =
  | { type: 'progress'; rowsParsed: number; rowsChecked: number; bytesRead: number; totalBytes: number }
  | { type: 'done'; summary: CsvSummary }
  | { type: 'error'; error: SerializedCsvError }
  | { type: 'rejected'; id: number; blob: Blob }
  | { type: 'rejected-error'; id: number; error: SerializedCsvError };

export interface ValidatorInit {
  type: 'init';
  port: MessagePort;
  defaultCountry: string;
}

/** A batch of phone cells: `text` is the cells joined, `ends[k]` the end offset of cell k. */
export interface ValidateBatch {
  id: number;
  text: string;
  ends: Uint32Array;
}

export type ValidatorMessage =
  | { type: 'ready'; countries: readonly string[] }
  | {
      type: 'result';
      id: number;
      /** PHONE_VALID / PHONE_INVALID / PHONE_MISSING per cell. */
      status: Uint8Array;
      /** E.164 digits as a number (exact: at most 15 digits), 0 unless valid. */
      e164: Float64Array;
      /** Index into the `countries` of the ready message, when valid. */
      country: Uint16Array;
      /** Cells answered by the E.164 fast path. */
      fast: number;
      /** Milliseconds this batch took to check (diagnostics). */
      ms: number;
    };
