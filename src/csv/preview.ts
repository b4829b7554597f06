/**
 * The preview, on the page: reads only the first 64 KiB, detects encoding, binary content, line
 * ending and delimiter, and parses up to 20 rows. A few milliseconds whatever the file size.
 */
import Papa from 'papaparse';
import {
  binarySignature,
  detectDelimiter,
  detectEncoding,
  detectNewline,
  looksBinary,
  type CsvDialect,
} from './detect.js';
import { CsvImportError } from './errors.js';
import { autoMapColumns } from './fields.js';
import { CSV_LIMITS, PREVIEW_BYTES, PREVIEW_ROWS, type CsvLimits } from './limits.js';
import { isBlankRecord } from './records.js';
import type { CsvPreview } from './types.js';

const BINARY_NAMES: Record<string, string> = {
  xlsx: 'an Excel workbook or zip archive',
  xls: 'an old Excel workbook',
  pdf: 'a PDF',
  image: 'an image',
  gzip: 'a gzip archive',
  sqlite: 'a SQLite database',
};

/** Reads the preview of `file`; rejects with a CsvImportError for files that cannot be imported. */
export async function readPreview(file: Blob & { name?: string }, limits: CsvLimits = CSV_LIMITS): Promise<{ preview: CsvPreview; dialect: CsvDialect }> {
  if (file.size === 0) throw new CsvImportError('empty', 'The file is empty.');
  if (file.size > limits.maxBytes) {
    throw new CsvImportError('too_large', `The file is ${file.size} bytes; the limit is ${limits.maxBytes}.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  } catch (e) {
    throw new CsvImportError('read_failed', `The file could not be read: ${String(e)}`);
  }
  const complete = file.size <= PREVIEW_BYTES;
  const sig = binarySignature(bytes);
  if (sig) throw new CsvImportError('binary', `This is ${BINARY_NAMES[sig]}, not a CSV file.`, { detail: sig });
  const { encoding, bom } = detectEncoding(bytes);
  // Streaming decode: a character cut at the end of the sample is left out, not garbled.
  let text = new TextDecoder(encoding).decode(bytes, { stream: !complete });
  const bytesPerChar = bytes.length / Math.max(1, text.length);
  if (looksBinary(text)) throw new CsvImportError('binary', 'The file is not text.');
  if (text.trim() === '') {
    if (complete) throw new CsvImportError('empty', 'The file has no rows.');
  }
  const newline = detectNewline(text, complete) ?? (complete ? '\n' : undefined);
  if (newline === undefined) {
    if (text.includes('"')) throw new CsvImportError('unbalanced_quotes', 'A quoted field in the header is never closed.', { row: 0 });
    throw new CsvImportError('line_too_long', `The first line is longer than ${PREVIEW_BYTES} bytes.`, { row: 0 });
  }
  if (!complete) {
    // Keep whole records only.
    const cut = text.lastIndexOf(newline);
    if (cut > 0) text = text.slice(0, cut);
  }
  const delimiter = detectDelimiter(text, newline, complete);
  // A cut sample is parsed only as far as the preview needs (the page's work stays a few ms);
  // a whole small file is parsed through, so its row count is exact.
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"', ...(complete ? {} : { preview: PREVIEW_ROWS + 41 }) });
  let records = parsed.data;
  const missing = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (missing) {
    const index = missing.row ?? records.length - 1;
    if (complete) {
      const before = records.slice(0, index).filter((r) => !isBlankRecord(r)).length;
      throw new CsvImportError('unbalanced_quotes', `A quoted field opened on row ${before} is never closed.`, { row: before });
    }
    records = records.slice(0, index); // the full pass decides whether the quote ever closes
  }
  const consumedChars = missing || !parsed.meta.truncated ? text.length : parsed.meta.cursor;
  records = records.filter((r) => !isBlankRecord(r));
  if (records.length === 0) {
    if (complete) throw new CsvImportError('empty', 'The file has no rows.');
    throw new CsvImportError('line_too_long', `The first row is longer than ${PREVIEW_BYTES} bytes.`, { row: 0 });
  }
  const headers = records[0];
  if (headers.length > limits.maxColumns) {
    throw new CsvImportError('too_many_columns', `The header has ${headers.length} columns; the limit is ${limits.maxColumns}.`);
  }
  const dataRows = records.length - 1;
  if (complete && dataRows === 0) throw new CsvImportError('header_only', 'The file has a header row and no data rows.');
  const rows = records.slice(1, 1 + PREVIEW_ROWS);
  const suggestedMapping = autoMapColumns(headers);
  // Rows per byte of what was parsed, scaled to the file; exact when the whole file was read.
  const estimatedRowCount = complete
    ? dataRows
    : Math.max(dataRows, Math.round((dataRows * file.size) / Math.max(1, consumedChars * bytesPerChar)));
  return {
    dialect: { encoding, bom, delimiter, newline },
    preview: {
      fileName: file.name ?? '',
      fileSize: file.size,
      headers,
      rows,
      encoding,
      bom,
      delimiter,
      newline,
      suggestedMapping,
      phoneColumnFound: suggestedMapping.phone !== undefined,
      complete,
      estimatedRowCount,
    },
  };
}
