/**
 * Streaming a File as CSV records: bytes -> text (TextDecoder in streaming mode, so a character
 * split between two reads is never garbled) -> papaparse's low-level Parser over ~512 KiB of text at
 * a time, carrying an unfinished record to the next chunk. Used by the parse worker. Memory stays
 * at a couple of chunks whatever the file size.
 */
import Papa from 'papaparse';
import type { CsvDialect } from './detect.js';
import { CsvImportError } from './errors.js';

/** Decoded characters handed to papaparse at once. */
const CHUNK_CHARS = 512 * 1024;

export interface RecordChunk {
  rows: string[][];
  /** papaparse's `InvalidQuotes` errors in this chunk (rows it recovered from). */
  invalidQuoteRows: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
  /** True for the last chunk. */
  last: boolean;
  /** Milliseconds spent decoding and parsing this chunk (diagnostics). */
  ms: number;
}

interface PapaError {
  code: string;
  row: number;
}

/**
 * Calls `onChunk` with the records of each chunk, in file order, awaiting it before reading on
 * (so a slow consumer slows the reading, not the memory). Rejects with `unbalanced_quotes` when a
 * quoted field never closes (at the end of the file, or after `maxRecordChars` characters), with
 * `line_too_long` for an endless unquoted line, and with `read_failed` when the file cannot be read.
 * `rowBase()` tells the error which data row the broken record would be.
 */
export async function streamRecords(
  file: Blob,
  dialect: CsvDialect,
  maxRecordChars: number,
  rowBase: () => number,
  onChunk: (chunk: RecordChunk) => void | Promise<void>,
  signal?: { aborted: boolean },
): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = file.stream().getReader();
  } catch (e) {
    throw new CsvImportError('read_failed', `The file could not be read: ${String(e)}`);
  }
  // fatal: false: a stray invalid byte becomes U+FFFD in its cell rather than stopping the import.
  const decoder = new TextDecoder(dialect.encoding);
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
  let partial = '';
  let pending = '';
  let atStart = true;
  let bytesRead = 0;
  let ms = 0;
  try {
    for (;;) {
      if (signal?.aborted) return;
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (e) {
        throw new CsvImportError('read_failed', `The file could not be read: ${String(e)}`);
      }
      const last = result.done;
      let t0 = performance.now();
      if (last) pending += decoder.decode();
      else {
        bytesRead += result.value.byteLength;
        pending += decoder.decode(result.value, { stream: true });
      }
      // Parse in slices of exactly CHUNK_CHARS characters, whatever sizes the reads come in:
      // where a slice ends decides whether an over-long record is caught (maxRecordChars), so it
      // must depend on the file alone, for the pass and the rejected-rows export to agree.
      for (;;) {
        const final = last && pending.length <= CHUNK_CHARS;
        if (!final && pending.length < CHUNK_CHARS) break;
        let input = partial + (final ? pending : pending.slice(0, CHUNK_CHARS));
        pending = final ? '' : pending.slice(CHUNK_CHARS);
        if (atStart) {
          // A second byte order mark (the decoder removed the first): the preview's Papa.parse
          // drops it, so the header row must not keep it here.
          atStart = false;
          if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
        }
        const res = parser.parse(input, 0, !final) as { data: string[][]; errors: PapaError[]; meta: { cursor: number } };
        partial = final ? '' : input.substring(res.meta.cursor);

        let invalidQuoteRows = 0;
        let lastRowSeen = -1;
        let missingQuotes = false;
        for (const err of res.errors) {
          if (err.code === 'MissingQuotes') missingQuotes = true;
          else if (err.code === 'InvalidQuotes' && err.row !== lastRowSeen) {
            invalidQuoteRows++;
            lastRowSeen = err.row;
          }
        }
        ms += performance.now() - t0;
        if (missingQuotes) {
          // The unterminated field runs to the end of the file; its record is the chunk's last.
          await onChunk({ rows: res.data.slice(0, -1), invalidQuoteRows, bytesRead, last: false, ms });
          throw unbalanced(rowBase() + 1);
        }
        await onChunk({ rows: res.data, invalidQuoteRows, bytesRead, last: final, ms });
        ms = 0;
        if (final) return;
        if (partial.length > maxRecordChars) {
          if (partial.includes('"')) throw unbalanced(rowBase() + 1);
          throw new CsvImportError(
            'line_too_long',
            `Row ${rowBase() + 1} is longer than ${maxRecordChars} characters with no line break.`,
            { row: rowBase() + 1 },
          );
        }
        if (signal?.aborted) return;
        t0 = performance.now();
      }
      ms += performance.now() - t0;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function unbalanced(row: number): CsvImportError {
  return new CsvImportError('unbalanced_quotes', `A quoted field opened on row ${row} is never closed.`, { row });
}

/** A record with no content: a blank line, white space only, or only empty cells (",,,"). */
export function isBlankRecord(row: readonly string[]): boolean {
  if (row.length === 1) return row[0].trim() === '';
  for (let i = 0; i < row.length; i++) if (row[i] !== '') return false;
  return true;
}
