/**
 * Public types of the CSV import, and two small constants. Imports types only.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { CsvDelimiter, CsvEncoding, CsvNewline } from './detect.js';
import type { ColumnMapping } from './fields.js';

export type { CountryCode, CsvDelimiter, CsvEncoding, CsvNewline };

/** Why a row will not be called. */
export type RejectReason =
  /** The phone cell is empty. */
  | 'missing_phone'
  /** libphonenumber-js (max metadata) does not find a valid number. */
  | 'invalid_phone'
  /** Valid, but the same E.164 number is on an earlier row. */
  | 'duplicate_phone'
  /** A cell is longer than CSV_LIMITS.maxCellLength. */
  | 'cell_too_long';

export const REJECT_REASONS: readonly RejectReason[] = ['missing_phone', 'invalid_phone', 'duplicate_phone', 'cell_too_long'];

/** English labels for the rejected-rows file; pass localised ones to `rejectedRowsCsv`. */
export const DEFAULT_REJECT_LABELS: Readonly<Record<RejectReason, string>> = {
  missing_phone: 'Missing phone number',
  invalid_phone: 'Invalid phone number',
  duplicate_phone: 'Duplicate phone number',
  cell_too_long: 'Cell too long',
};

/** What the first 64 KiB of the file show. */
export interface CsvPreview {
  fileName: string;
  /** Bytes. */
  fileSize: number;
  /** The header row, cells as written (a header written twice maps to its first column). */
  headers: string[];
  /** Up to 20 data rows as parsed (blank rows skipped; a ragged row keeps its own length). */
  rows: string[][];
  encoding: CsvEncoding;
  /** The file starts with a byte order mark. */
  bom: boolean;
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  /** autoMapColumns(headers). */
  suggestedMapping: ColumnMapping;
  /**
   * False when no header looks like a phone column: the UI should ask the user to choose one
   * (`setMapping`); until then `done` rejects with `no_phone_column`.
   */
  phoneColumnFound: boolean;
  /** True when the whole file fitted in the preview read. */
  complete: boolean;
  /** Data rows: exact when `complete`, else an estimate from the sample's bytes per row. */
  estimatedRowCount: number;
}

export interface CsvProgress {
  /** Data rows parsed so far. */
  rowsParsed: number;
  /** Data rows whose phone has been checked and deduplicated. */
  rowsChecked: number;
  bytesRead: number;
  totalBytes: number;
}

export interface RejectedRowSample {
  /** 1-based data row (1 = first row after the header). */
  row: number;
  reason: RejectReason;
  /** The phone cell as written (at most 100 characters). */
  value: string;
}

export interface AcceptedRowSample {
  row: number;
  /** The phone cell as written. */
  value: string;
  e164: string;
  country: string;
}

/** The result of a full pass. */
export interface CsvSummary {
  /**
   * Data rows: header excluded, blank lines and rows whose every cell is empty excluded, whatever
   * their validity. This is the payload's `rowCount`. Always valid + invalid + duplicate.
   */
  rowCount: number;
  /** Rows that will be called: a valid phone, first occurrence of its E.164 form. */
  valid: number;
  /** Rows whose phone is missing or invalid, or with an over-long cell. */
  invalid: number;
  /** Valid rows whose E.164 number is on an earlier row. */
  duplicate: number;
  /** invalid + duplicate: "X of rowCount contacts will be skipped". */
  skipped: number;
  /** Per reason; sums to `skipped`. */
  reasons: Record<RejectReason, number>;
  /** Rows whose number of cells differs from the header's (checked like any other row). */
  ragged: number;
  /** Malformed quotes papaparse recovered from (`"a"b`): the row may be split oddly. */
  quoteErrors: number;
  /** Valid (non-duplicate) rows by the number's country: ISO 3166-1 alpha-2, '001' non-geographic. */
  byCountry: Record<string, number>;
  /** The first 100 rejected rows. */
  rejectedSample: RejectedRowSample[];
  /** The first 20 accepted rows, with their E.164 form. */
  validSample: AcceptedRowSample[];
  /** The phone column and default country this pass used. */
  phoneColumn: string;
  defaultCountry: CountryCode;
  /** Rows answered by the E.164 fast path (a performance figure). */
  fastPathRows: number;
  /**
   * Diagnostics: busy milliseconds of the parse worker (reading, parsing, batching, dedupe) and of
   * the validate workers together (phone checks), and the wall time of the pass.
   */
  timings: { parseMs: number; validateMs: number; wallMs: number };
}

export interface RejectedCsvOptions {
  /** Labels of the reason column per reason; default English (DEFAULT_REJECT_LABELS). */
  labels?: Partial<Record<RejectReason, string>>;
  /** Header of the row-number column; default "Row". */
  rowHeader?: string;
  /** Header of the reason column; default "Reason". */
  reasonHeader?: string;
}
