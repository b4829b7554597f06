/**
 * Why a CSV import could not run. `message` is English and meant for logs; the UI shows its own
 * localised text per `code`.
 */
export type CsvImportErrorCode =
  /** The file has no bytes, or only white space / a byte order mark. */
  | 'empty'
  /** A header row and no data row. */
  | 'header_only'
  /** The mapping has no `phone` column (the preview's suggestedMapping had none, or it was removed). */
  | 'no_phone_column'
  /** The mapping names a column that is not in the header row. `detail` is the header. */
  | 'unknown_column'
  /** Not text: NUL bytes, control characters, or a known binary signature. `detail` names the format when known ("xlsx", "xls", "pdf", "zip", "image"). */
  | 'binary'
  /** More than CSV_LIMITS.maxBytes. */
  | 'too_large'
  /** More than CSV_LIMITS.maxRows data rows. */
  | 'too_many_rows'
  /** More than CSV_LIMITS.maxColumns header cells. */
  | 'too_many_columns'
  /** A quoted field never closed; `row` is the data row where it opens (1 = first row after the header). */
  | 'unbalanced_quotes'
  /** A line longer than 8 x CSV_LIMITS.maxCellLength characters with no quote in it. */
  | 'line_too_long'
  /** The browser could not read the file (removed, permission lost). */
  | 'read_failed'
  /** A worker failed to start or crashed (`detail` has the browser's message). */
  | 'worker_failed';

export class CsvImportError extends Error {
  override readonly name = 'CsvImportError';
  readonly code: CsvImportErrorCode;
  /** 1-based data row (the first row after the header is 1), when the error has a place. */
  readonly row?: number;
  readonly detail?: string;

  constructor(code: CsvImportErrorCode, message: string, extra: { row?: number; detail?: string } = {}) {
    super(message);
    this.code = code;
    if (extra.row !== undefined) this.row = extra.row;
    if (extra.detail !== undefined) this.detail = extra.detail;
  }

  /** Structured-clone friendly form, for posting from a worker. */
  toJSON(): SerializedCsvError {
    return { code: this.code, message: this.message, row: this.row, detail: this.detail };
  }

  static from(s: SerializedCsvError): CsvImportError {
    return new CsvImportError(s.code, s.message, { row: s.row, detail: s.detail });
  }
}

export interface SerializedCsvError {
  code: CsvImportErrorCode;
  message: string;
  row?: number | undefined;
  detail?: string | undefined;
}

/** The rejection `done` gets from `cancel()`: a DOMException named AbortError, as fetch does. */
export function abortError(): DOMException {
  return new DOMException('The CSV import was cancelled.', 'AbortError');
}
