/**
 * Encoding, binary, line-ending and delimiter detection on the first bytes of a file. Pure.
 */
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type CsvNewline = '\r\n' | '\n' | '\r';

/** Candidates in order of preference when several fit equally well. */
export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** How to read a file: what the preview found, and what the full pass uses. */
export interface CsvDialect {
  encoding: CsvEncoding;
  /** True when the file starts with a byte order mark (removed from the text). */
  bom: boolean;
  delimiter: CsvDelimiter;
  newline: CsvNewline;
}

/**
 * The encoding from the first bytes: a byte order mark (UTF-8, UTF-16 LE/BE) wins; otherwise
 * UTF-16 without BOM is recognised by its NUL bytes on every other position (ASCII text), then
 * strict UTF-8 is tried, and anything that is not UTF-8 is read as Windows-1252 (what Excel on
 * Windows writes for "CSV", and a superset of Latin-1), so accents are never garbled to U+FFFD.
 * `bytes` may end in the middle of a character.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bom: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const half = n / 2;
    if (oddNul > half * 0.3 && evenNul < half * 0.05) return { encoding: 'utf-16le', bom: false };
    if (evenNul > half * 0.3 && oddNul < half * 0.05) return { encoding: 'utf-16be', bom: false };
  }
  try {
    // `stream: true` tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Known binary formats by their first bytes; the name helps the UI say "save it as CSV". */
export function binarySignature(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'xlsx'; // zip: xlsx, ods, docx
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0x47, 0x49, 0x46, 0x38) || starts(0xff, 0xd8, 0xff)) return 'image';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66)) return 'sqlite';
  return undefined;
}

/**
 * True when decoded text is not a text file: any NUL, or more than 1% control characters other
 * than tab, line feed, carriage return, form feed and the DOS end-of-file mark, or more than 5%
 * replacement characters.
 */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) control++;
    else if (c === 0xfffd) replacement++;
  }
  return control > text.length * 0.01 || replacement > text.length * 0.05;
}

/**
 * The line ending of the first record break outside quotes: CRLF, LF or CR (old Mac exports).
 * `undefined` when the text has no line break outside quotes. Pass `complete: false` when the
 * text is a cut sample.
 */
export function detectNewline(text: string, complete = true, quote = '"'): CsvNewline | undefined {
  // A quote opens a quoted field only at the start of a field (as papaparse reads it); the
  // delimiter is not known yet, so any candidate delimiter starts a field.
  let atFieldStart = true;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (atFieldStart && ch === quote) {
      let j = i + 1;
      for (;;) {
        j = text.indexOf(quote, j);
        if (j === -1) return undefined;
        if (text[j + 1] === quote) {
          j += 2;
          continue;
        }
        break;
      }
      i = j + 1;
      atFieldStart = false;
      continue;
    }
    if (ch === '\r') {
      if (text[i + 1] === '\n') return '\r\n';
      // A CR ending a cut sample may be the first half of a CRLF.
      return i + 1 < text.length || complete ? '\r' : undefined;
    }
    if (ch === '\n') return '\n';
    atFieldStart = (DELIMITERS as readonly string[]).includes(ch);
    i++;
  }
  return undefined;
}

/**
 * The delimiter that splits the sample's records most consistently into more than one field:
 * quote-aware (parses with papaparse), scored on up to 50 records by the share of records having
 * the most common field count, then on the header having that count, then on more fields, then
 * on the order , ; TAB |. A one-column file (no candidate gives two fields) gets ",".
 * Pass `complete: false` when the sample is cut, so its last record is not scored.
 */
export function detectDelimiter(text: string, newline: CsvNewline = '\n', complete = true): CsvDelimiter {
  let best: { d: CsvDelimiter; consistency: number; headerFits: number; fields: number } | undefined;
  for (const d of DELIMITERS) {
    const res = Papa.parse<string[]>(text, { delimiter: d, newline, preview: 51, skipEmptyLines: 'greedy' });
    let rows = res.data;
    if (!complete && rows.length > 1 && !res.meta.truncated) rows = rows.slice(0, -1);
    rows = rows.slice(0, 50);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 0;
    let freq = 0;
    for (const [len, f] of counts) if (f > freq || (f === freq && len > mode)) [mode, freq] = [len, f];
    if (mode < 2) continue;
    const cand = {
      d,
      consistency: Math.round((freq / rows.length) * 20) / 20,
      headerFits: rows[0].length === mode ? 1 : 0,
      fields: mode,
    };
    if (
      !best ||
      cand.consistency > best.consistency ||
      (cand.consistency === best.consistency &&
        (cand.headerFits > best.headerFits || (cand.headerFits === best.headerFits && cand.fields > best.fields)))
    ) {
      best = cand;
    }
  }
  return best?.d ?? ',';
}
