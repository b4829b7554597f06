/**
 * What a CSV may be. Chosen for a 1,000,000-row (~65 MB) contact list with room to spare, and so
 * that a mistaken file (a database dump, a video) is refused at once instead of tying up the
 * machine. The worker memory that grows with the file is about 40 bytes per row (dedupe set and
 * rejected-row index), so `maxRows` bounds it at about 80 MB.
 */
export interface CsvLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellLength: number;
}

export const CSV_LIMITS: Readonly<CsvLimits> = Object.freeze({
  /** File size in bytes: 256 MiB (a 1,000,000-row contact list is about 65 MB). */
  maxBytes: 256 * 1024 * 1024,
  /** Data rows, header excluded: 2,000,000. */
  maxRows: 2_000_000,
  /** Columns in the header row. */
  maxColumns: 500,
  /**
   * Characters in one cell. A longer cell rejects its row (reason `cell_too_long`); a row still
   * unfinished after 8 times this many characters (a quote never closed) stops the import with
   * `unbalanced_quotes`, or `line_too_long` when there is no quote at all.
   */
  maxCellLength: 32_768,
});

/** The first bytes read for the preview and for encoding and delimiter detection: 64 KiB. */
export const PREVIEW_BYTES = 64 * 1024;

/** Data rows in the preview. */
export const PREVIEW_ROWS = 20;
