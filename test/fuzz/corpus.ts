/**
 * The CSV fuzz corpus: a deterministic, seeded generator of file contents. Pure (no DOM, no
 * Node APIs beyond TextEncoder): the browser test (test/fuzz/csv-fuzz.test.ts) and the full run
 * (`npm run fuzz`, scripts/fuzz.mjs, which runs it in a page) build exactly the same bytes for a
 * given (seed, index).
 *
 * `fuzzCase(index, seed)` gives case `index`: its category comes from a fixed 100-slot schedule
 * (so any 100 consecutive indices hold every category, the big ones once), everything else from a
 * PRNG seeded with `caseSeed(seed, index)`. Files stay under ~200 KB except the few big
 * categories (10,000 columns, a 1 MB cell).
 */

/** Default corpus seed (the `npm test` slice and `npm run fuzz` without --seed). */
export const DEFAULT_SEED = 20_240_901;

export const CATEGORIES = [
  'random-bytes',
  'random-text',
  'truncated-utf8',
  'bom-variants',
  'utf16',
  'mixed-line-endings',
  'unbalanced-quotes',
  'columns-10000',
  'cell-1mb',
  'nul-bytes',
  'delimiters-only',
  'byte-flips',
  'truncated',
  'inserted-chars',
  'header-only',
  'empty',
  'encodings',
  'binary-signature',
  'control-chars',
  'over-preview',
  'tight-limits',
  'valid',
  'phone-cells',
  'many-rows',
] as const;
export type FuzzCategory = (typeof CATEGORIES)[number];

/** Slots per category in every 100 cases. */
const WEIGHTS: Record<FuzzCategory, number> = {
  'random-bytes': 5,
  'random-text': 5,
  'truncated-utf8': 5,
  'bom-variants': 5,
  utf16: 6,
  'mixed-line-endings': 5,
  'unbalanced-quotes': 6,
  'columns-10000': 1,
  'cell-1mb': 1,
  'nul-bytes': 5,
  'delimiters-only': 4,
  'byte-flips': 7,
  truncated: 5,
  'inserted-chars': 7,
  'header-only': 3,
  empty: 3,
  encodings: 5,
  'binary-signature': 2,
  'control-chars': 3,
  'over-preview': 5,
  'tight-limits': 4,
  valid: 4,
  'phone-cells': 3,
  'many-rows': 1,
};

/** What the harness does with the import besides awaiting it. */
export type FuzzAction =
  | { kind: 'none' }
  /** cancel() this many ms after the start (0: right away, before the preview). */
  | { kind: 'cancel'; afterMs: number }
  /** After the preview: setMapping({ phone: column }) (a header, or a name that is not one). */
  | { kind: 'remap'; column: string }
  /** After the preview: setDefaultCountry(country). */
  | { kind: 'country'; country: string };

export interface FuzzLimits {
  maxBytes?: number;
  maxRows?: number;
  maxColumns?: number;
  maxCellLength?: number;
}

export interface FuzzCase {
  index: number;
  /** The corpus seed, and this case's own PRNG seed (derived from it and the index). */
  seed: number;
  caseSeed: number;
  category: FuzzCategory;
  /** What was generated, in a few words ("utf-16be no BOM, cut at an odd byte"). */
  variant: string;
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  defaultCountry: string;
  limits?: FuzzLimits;
  validators?: number;
  action: FuzzAction;
  /**
   * For control files (well-formed, a phone column): the pass must resolve with this many rows.
   * Checked by the harness on top of the crash checks.
   */
  expectRows?: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG and helpers

/** 32-bit hash (murmur3 finaliser). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The PRNG seed of case `index` in the corpus of `seed`. */
export function caseSeed(seed: number, index: number): number {
  return mix((seed >>> 0) ^ mix(index + 0x9e3779b9));
}

class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  /** [0, 1) (mulberry32). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Small sizes far more often than large ones: log-uniform in [lo, hi]. */
  size(lo: number, hi: number): number {
    const l = Math.log(lo + 1);
    const h = Math.log(hi + 1);
    return Math.min(hi, Math.max(lo, Math.floor(Math.exp(l + (h - l) * this.next()) - 1)));
  }
}

const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array<ArrayBuffer> => encoder.encode(s) as Uint8Array<ArrayBuffer>;

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** UTF-16 code units, little or big endian. */
export function utf16Bytes(text: string, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (littleEndian ? 0 : 1)] = c & 0xff;
    out[i * 2 + (littleEndian ? 1 : 0)] = c >>> 8;
  }
  return out;
}

/** Windows-1252 for the Latin-1 range; other characters become "?" (as a lossy export would). */
function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c <= 0xff ? c : 0x3f;
  }
  return out;
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_LE = [0xff, 0xfe];
const BOM_BE = [0xfe, 0xff];

// ---------------------------------------------------------------------------------------------
// Contact CSVs (the base of the mutation categories)

const FIRST = ['Ana', 'Bob', 'José', 'Zoë', 'Łukasz', 'Søren', 'Chloé', 'Jürgen', 'Nguyễn', 'Ömer', 'Guðrún', '李', 'Мария',
  'Ἀθηνᾶ', 'فاطمة', 'अनु', 'Kenji', "O'Neil", 'Renée', 'Émile', '😀 Sam', 'Ŝara'];
const LAST = ['García', 'Smith', 'Müller', 'López, Jr.', 'Øster', 'Dubois', 'Yılmaz', '王', 'Иванов', 'Nuñez', 'Kowalski',
  'Doe "JD"', 'Þórsson', 'Lefèvre', 'Ñandú', '🚀'];
const PHONE_HEADERS = ['Phone Number', 'Phone', 'phone', 'Mobile', 'Tel', 'Cell Phone', 'Teléfono', 'Número', 'E164', 'msisdn'];
const OTHER_HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Notes', 'ID', 'Ciudad', 'Straße', 'Note "x"', 'Plan'];
const INTL = ['+44 20 7946 0958', '+33 6 12 34 56 78', '+49 151 23456789', '+52 55 1234 5678', '+81 90-1234-5678',
  '+61 412 345 678', '+34 612 345 678', '+55 11 96123-4567', '+91 81234 56789', '+353 85 012 3456'];
const US_AREA = ['212', '415', '312', '305', '617', '512', '303', '206', '404', '702'];
const INVALID = ['12345', 'n/a', 'call me', '000', '+999 123', '=HYPERLINK("x")', '+1 (555) 0000', '--', '☎ 555', '1e10', ' '];

interface ContactOptions {
  rows: number;
  delimiter: string;
  newline: string;
  /** Quote every cell. */
  quoteAll: boolean;
}

function quoteCell(cell: string, delimiter: string, all: boolean): string {
  if (all || cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')) {
    return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}

function phoneCell(rng: Rng, used: string[]): string {
  const r = rng.next();
  if (r < 0.08 && used.length) return rng.pick(used); // duplicate
  if (r < 0.15) return rng.pick(INVALID);
  if (r < 0.2) return '';
  if (r < 0.45) return rng.pick(INTL);
  const a = rng.pick(US_AREA);
  const b = String(rng.int(200, 999));
  const c = String(rng.int(0, 9999)).padStart(4, '0');
  const f = rng.int(0, 5);
  const s = [`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `+1${a}${b}${c}`, `1 ${a} ${b} ${c}`, `${a}.${b}.${c}`, `+1 ${a}-${b}-${c} ext. 12`][f];
  used.push(s);
  return s;
}

/** Header cells (one of them phone-like) and `rows` data rows, as cells. */
function contactTable(rng: Rng, rows: number): { header: string[]; body: string[][]; phoneIndex: number } {
  const cols = rng.int(1, 6);
  const header: string[] = [];
  const phoneIndex = rng.int(0, cols - 1);
  const others = [...OTHER_HEADERS];
  for (let i = 0; i < cols; i++) {
    if (i === phoneIndex) header.push(rng.pick(PHONE_HEADERS));
    else header.push(others.splice(rng.int(0, others.length - 1), 1)[0]);
  }
  const used: string[] = [];
  const body: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let i = 0; i < cols; i++) {
      if (i === phoneIndex) row.push(phoneCell(rng, used));
      else if (header[i] === 'Email') row.push(`user${r}@example.com`);
      else if (header[i] === 'Notes' && rng.chance(0.1)) row.push('line one\nline two, "quoted"');
      else row.push(rng.chance(0.5) ? rng.pick(FIRST) : rng.pick(LAST));
    }
    body.push(row);
  }
  return { header, body, phoneIndex };
}

function contactText(rng: Rng, o: ContactOptions): string {
  const { header, body } = contactTable(rng, o.rows);
  const lines = [header, ...body].map((r) => r.map((c) => quoteCell(c, o.delimiter, o.quoteAll)).join(o.delimiter));
  return lines.join(o.newline) + (rng.chance(0.6) ? o.newline : '');
}

function randomDialect(rng: Rng, rows: number): ContactOptions {
  return {
    rows,
    delimiter: rng.pick([',', ',', ',', ';', '\t', '|']),
    newline: rng.pick(['\r\n', '\n', '\n', '\r']),
    quoteAll: rng.chance(0.15),
  };
}

/** A small, well-formed contact CSV (UTF-8). */
function contacts(rng: Rng, maxRows = 40): string {
  return contactText(rng, randomDialect(rng, rng.int(1, maxRows)));
}

/** A random string made of what phone cells are made of, or a near-miss of a real number. */
function phoneLike(rng: Rng): string {
  const pieces = ['+', '+', '00', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-', '.', '(', ')', '/', 'x', 'ext.', ' ext ',
    ';ext=', 'tel:', ';phone-context=', '+1', '+44', '+800', '+882', '+7', '#', '*', '０', '１', '٢', '۳', '߄', '\u00a0', '\u2011', "'",
    'e', 'E', 'a', 'Z', '+-', '++', '..', ',', '"', '\t', 'x'.repeat(300), '9'.repeat(40), '=', '@'];
  const real = rng.pick(INTL);
  const r = rng.next();
  if (r < 0.25) {
    // A real number with one piece inserted, removed or repeated.
    const at = rng.int(0, real.length);
    if (rng.chance(0.5)) return real.slice(0, at) + rng.pick(pieces) + real.slice(at);
    return real.slice(0, at) + real.slice(at + rng.int(1, 3));
  }
  if (r < 0.35) return `+${'1'.repeat(rng.int(1, 20))}`;
  if (r < 0.4) return `+${String(rng.int(1, 999))}${String(Math.floor(rng.next() * 1e15))}`.slice(0, rng.int(2, 18));
  let s = '';
  const n = rng.size(1, 25);
  for (let i = 0; i < n; i++) s += rng.pick(pieces);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const INSERTS = ['"', ',', ';', '\t', '|', '\0', '\r', '\n', '\r\n', '""', '"\n', '\uFEFF', '\\', '\u2028', '\uFFFD'];

function flipBytes(rng: Rng, bytes: Uint8Array<ArrayBuffer>, count: number): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  if (out.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const at = rng.int(0, out.length - 1);
    if (rng.chance(0.5)) out[at] ^= 1 << rng.int(0, 7);
    else out[at] = rng.int(0, 255);
  }
  return out;
}

function insertAt(rng: Rng, text: string, count: number, pool: readonly string[]): string {
  let s = text;
  for (let i = 0; i < count; i++) {
    const at = rng.int(0, s.length);
    s = s.slice(0, at) + rng.pick(pool) + s.slice(at);
  }
  return s;
}

function randomBytes(rng: Rng, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Categories

interface Made {
  variant: string;
  bytes: Uint8Array<ArrayBuffer>;
  limits?: FuzzLimits;
  expectRows?: number;
  /** The generator knows the file is unusual enough that actions would add nothing. */
  noAction?: boolean;
}

type Maker = (rng: Rng) => Made;

const MAKERS: Record<FuzzCategory, Maker> = {
  'random-bytes'(rng) {
    const n = rng.size(1, 8192);
    if (rng.chance(0.3)) {
      // Random bytes after a plausible header.
      return { variant: `header + ${n} random bytes`, bytes: concat([utf8('phone,name\n'), randomBytes(rng, n)]) };
    }
    return { variant: `${n} random bytes`, bytes: randomBytes(rng, n) };
  },

  'random-text'(rng) {
    const alphabet = rng.pick([
      'abc,;"\n\r\t 0123456789+-()',
      ',"\n',
      '"',
      '+1234567890 ,\n',
      'aé李😀,"\r\n\t|;',
      'Phone,\n"',
    ]);
    const chars = [...alphabet];
    const n = rng.size(1, 4000);
    let s = '';
    for (let i = 0; i < n; i++) s += rng.pick(chars);
    if (rng.chance(0.4)) s = rng.pick(['phone\n', 'Phone,Name\n', 'mobile;tel\n']) + s;
    return { variant: `${n} chars of ${JSON.stringify(alphabet)}`, bytes: utf8(s) };
  },

  'truncated-utf8'(rng) {
    // Non-ASCII rich text, cut in the middle of a multi-byte character (or a few bytes of one dropped inside).
    const text = contacts(rng) + rng.pick(['Zoë', '李', '😀', 'Ἀθηνᾶ', 'Ñ']);
    const bytes = utf8(text);
    const multi: number[] = [];
    for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0xc0) multi.push(i);
    if (multi.length === 0) return { variant: 'no multi-byte char', bytes };
    const at = rng.pick(multi) + 1; // just after a lead byte
    if (rng.chance(0.5)) return { variant: `cut after a lead byte at ${at}`, bytes: bytes.slice(0, at) };
    const cut = concat([bytes.slice(0, at), bytes.slice(at + 1)]);
    return { variant: `continuation byte ${at} removed`, bytes: cut };
  },

  'bom-variants'(rng) {
    const text = contacts(rng, 20);
    const v = rng.int(0, 9);
    const bodies: [string, () => Uint8Array<ArrayBuffer>][] = [
      ['utf-8 BOM', () => concat([new Uint8Array(BOM_UTF8), utf8(text)])],
      ['two utf-8 BOMs', () => concat([new Uint8Array(BOM_UTF8), new Uint8Array(BOM_UTF8), utf8(text)])],
      ['utf-8 BOM only', () => new Uint8Array(BOM_UTF8)],
      ['utf-16le BOM only', () => new Uint8Array(BOM_LE)],
      ['utf-16be BOM only', () => new Uint8Array(BOM_BE)],
      ['utf-16le BOM + utf-8 body', () => concat([new Uint8Array(BOM_LE), utf8(text)])],
      ['utf-16be BOM + utf-8 body', () => concat([new Uint8Array(BOM_BE), utf8(text)])],
      ['utf-8 BOM + utf-16le body', () => concat([new Uint8Array(BOM_UTF8), utf16Bytes(text, true)])],
      ['partial utf-8 BOM', () => concat([new Uint8Array([0xef, 0xbb]), utf8(text)])],
      ['BOM in the middle of a row', () => utf8(insertAt(rng, text, 1, ['\uFEFF']))],
    ];
    const [variant, make] = bodies[v];
    return { variant, bytes: make() };
  },

  utf16(rng) {
    const text = contacts(rng, 30);
    const le = rng.chance(0.5);
    const bom = rng.chance(0.5);
    let bytes = concat([new Uint8Array(bom ? (le ? BOM_LE : BOM_BE) : []), utf16Bytes(text, le)]);
    let variant = `utf-16${le ? 'le' : 'be'} ${bom ? 'with' : 'no'} BOM`;
    const r = rng.next();
    if (r < 0.2) {
      bytes = bytes.slice(0, Math.max(1, bytes.length - 1));
      variant += ', odd length';
    } else if (r < 0.3) {
      // A lone surrogate.
      const at = rng.int(0, text.length);
      bytes = concat([new Uint8Array(bom ? (le ? BOM_LE : BOM_BE) : []), utf16Bytes(text.slice(0, at) + '\uD83D' + text.slice(at), le)]);
      variant += ', lone surrogate';
    } else if (r < 0.4) {
      bytes = flipBytes(rng, bytes, rng.int(1, 4));
      variant += ', bytes flipped';
    }
    return { variant, bytes };
  },

  'mixed-line-endings'(rng) {
    const o = randomDialect(rng, rng.int(1, 40));
    const { header, body } = contactTable(rng, o.rows);
    const lines = [header, ...body].map((r) => r.map((c) => quoteCell(c, o.delimiter, o.quoteAll)).join(o.delimiter));
    let s = lines[0];
    for (let i = 1; i < lines.length; i++) {
      s += rng.pick(['\r\n', '\n', '\r', '\n\n', '\r\r\n', '\n\r']) + lines[i];
    }
    if (rng.chance(0.5)) s += rng.pick(['\r\n', '\n', '\r', '\r\n\r\n']);
    return { variant: 'random line ending per line', bytes: utf8(s) };
  },

  'unbalanced-quotes'(rng) {
    const text = contacts(rng);
    const v = rng.int(0, 5);
    const lines = text.split(/(?<=\n)/);
    let s: string;
    let variant: string;
    if (v === 0) {
      s = insertAt(rng, text, 1, ['"']);
      variant = 'one quote inserted';
    } else if (v === 1) {
      s = '"' + text;
      variant = 'quote opening the header';
    } else if (v === 2) {
      s = text.replace(/\s*$/, '') + '\n"+14155550123,unterminated';
      variant = 'last row opens a quote';
    } else if (v === 3) {
      s = insertAt(rng, text, rng.int(2, 9), ['"', '""', '"""']);
      variant = 'several quotes inserted';
    } else if (v === 4) {
      const at = rng.int(0, lines.length - 1);
      lines[at] = `"${lines[at]}`;
      s = lines.join('') + (rng.chance(0.5) ? 'x'.repeat(rng.size(1, 3000)) : '');
      variant = `quote opened at line ${at}`;
    } else {
      s = text.replace(/,/g, () => (rng.chance(0.2) ? ',"' : ','));
      variant = 'quotes after delimiters';
    }
    return { variant, bytes: utf8(s) };
  },

  'columns-10000'(rng) {
    const v = rng.int(0, 3);
    const cells = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(',');
    if (v === 0) {
      const s = cells(10_000, (i) => (i === 0 ? 'phone' : `c${i}`)) + '\n' + cells(10_000, (i) => (i === 0 ? '+14155552671' : `${i}`)) + '\n';
      return { variant: '10,000-column header and row', bytes: utf8(s), noAction: true };
    }
    if (v === 1) {
      const s = 'phone,name\n' + `+14155552671,${cells(10_000, (i) => `v${i}`)}\n+14155552672,b\n`;
      return { variant: '2-column header, a 10,000-column row', bytes: utf8(s) };
    }
    if (v === 2) {
      const s = cells(10_000, () => '') + '\n' + cells(10_000, () => '') + '\n';
      return { variant: '10,000 empty columns', bytes: utf8(s), noAction: true };
    }
    // Under the limit: 500 columns, the phone last.
    const s = cells(500, (i) => (i === 499 ? 'Phone' : `c${i}`)) + '\n' + cells(500, (i) => (i === 499 ? '+442079460958' : 'x')) + '\n';
    return { variant: '500 columns (the limit)', bytes: utf8(s), expectRows: 1 };
  },

  'cell-1mb'(rng) {
    const big = 'x'.repeat(1 << 20);
    const v = rng.int(0, 4);
    if (v === 0) return { variant: '1 MB unquoted cell in a data row', bytes: utf8(`phone,note\n+14155552671,${big}\n+14155552672,ok\n`) };
    if (v === 1) return { variant: '1 MB quoted cell with line breaks', bytes: utf8(`phone,note\n+14155552671,"${big.replace(/x{1000}/g, (m) => m + '\n')}"\n+14155552672,ok\n`) };
    if (v === 2) return { variant: '1 MB phone cell', bytes: utf8(`phone\n${'1'.repeat(1 << 20)}\n+14155552672\n`) };
    if (v === 3) return { variant: '1 MB header cell', bytes: utf8(`${big},phone\na,+14155552671\n`) };
    return { variant: '1 MB quoted cell never closed', bytes: utf8(`phone,note\n+14155552671,"${big}\n`) };
  },

  'nul-bytes'(rng) {
    const v = rng.int(0, 3);
    if (v === 0) return { variant: 'NULs only', bytes: new Uint8Array(rng.size(1, 4096)) };
    const text = contacts(rng);
    if (v === 1) return { variant: 'NULs inserted', bytes: utf8(insertAt(rng, text, rng.int(1, 5), ['\0'])) };
    if (v === 2) {
      // A NUL past the 64 KiB preview only: the full pass reads it as a character.
      const nl = rng.pick(['\n', '\r\n', '\r']);
      const body = `+14155552671${nl}`.repeat(Math.ceil(70_000 / 13));
      return { variant: 'NUL after the preview', bytes: utf8(`phone${nl}${body}\0\0${nl}+14155552671${nl}`) };
    }
    return { variant: 'NUL-terminated cells', bytes: utf8(text.replace(/,/g, '\0,')) };
  },

  'delimiters-only'(rng) {
    const d = rng.pick([',', ';', '\t', '|']);
    const nl = rng.pick(['\n', '\r\n', '\r']);
    const rows = rng.size(1, 200);
    const width = rng.size(1, 600);
    const v = rng.int(0, 3);
    let s: string;
    if (v === 0) s = Array.from({ length: rows }, () => d.repeat(width)).join(nl);
    else if (v === 1) s = d.repeat(width);
    else if (v === 2) s = Array.from({ length: rows }, () => d.repeat(rng.int(0, width))).join(nl) + nl;
    else s = Array.from({ length: rows }, () => `""${d}`.repeat(rng.int(1, 20))).join(nl);
    return { variant: `${JSON.stringify(d)} x ${width}, ${rows} rows, v${v}`, bytes: utf8(s) };
  },

  'byte-flips'(rng) {
    const bytes = utf8(contacts(rng));
    const n = rng.size(1, 40);
    return { variant: `${n} bytes flipped`, bytes: flipBytes(rng, bytes, n) };
  },

  truncated(rng) {
    const bytes = utf8(contacts(rng));
    const at = rng.int(0, bytes.length);
    return { variant: `cut at ${at} of ${bytes.length}`, bytes: bytes.slice(0, at) };
  },

  'inserted-chars'(rng) {
    const text = contacts(rng);
    const n = rng.size(1, 30);
    const pool = rng.chance(0.3) ? [rng.pick(INSERTS)] : INSERTS;
    return { variant: `${n} insertions from ${JSON.stringify(pool.join(''))}`, bytes: utf8(insertAt(rng, text, n, pool)) };
  },

  'header-only'(rng) {
    const o = randomDialect(rng, 0);
    const { header } = contactTable(rng, 0);
    const line = header.map((c) => quoteCell(c, o.delimiter, o.quoteAll)).join(o.delimiter);
    const tail = rng.pick(['', o.newline, o.newline.repeat(5), `${o.newline}${o.delimiter.repeat(header.length - 1)}${o.newline}`, `${o.newline}   ${o.newline}`]);
    let s = line + tail;
    let variant = `header only, tail ${JSON.stringify(tail)}`;
    if (rng.chance(0.2)) {
      // Past the preview: blank lines until the full pass must decide.
      s = line + o.newline.repeat(70_000);
      variant = 'header, then 70,000 blank lines';
    }
    return { variant, bytes: utf8(s) };
  },

  empty(rng) {
    const v = rng.pick(['', ' ', '\n', '\r\n\r\n', '\t \n ', '\uFEFF', '\uFEFF\n', ',', '""', '\n'.repeat(70_000), ' '.repeat(70_000)]);
    return { variant: `empty-ish ${JSON.stringify(v.slice(0, 12))} (${v.length})`, bytes: utf8(v) };
  },

  encodings(rng) {
    const text = contacts(rng, 30);
    const v = rng.int(0, 5);
    if (v === 0) return { variant: 'windows-1252 (lossy)', bytes: latin1Bytes(text) };
    if (v === 1) {
      // Rows in different encodings.
      const lines = text.split('\n');
      const parts = lines.map((l, i) => (i % 2 ? latin1Bytes(l + '\n') : utf8(l + '\n')));
      return { variant: 'rows alternately UTF-8 and Latin-1', bytes: concat(parts) };
    }
    if (v === 2) {
      // Overlong / invalid UTF-8 sequences.
      const bad = rng.pick([[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0x80]]);
      const bytes = utf8(text);
      const at = rng.int(0, bytes.length);
      return { variant: `invalid UTF-8 ${bad.map((b) => b.toString(16)).join(' ')} at ${at}`, bytes: concat([bytes.slice(0, at), new Uint8Array(bad), bytes.slice(at)]) };
    }
    if (v === 3) return { variant: 'utf-16le no BOM, non-ASCII', bytes: utf16Bytes(text, true) };
    if (v === 4) {
      // UTF-8 text whose first 64 KiB are ASCII: detection says UTF-8 from the sample alone, and
      // Latin-1 bytes come later.
      const pad = 'phone\n' + '+14155552671\n'.repeat(5500);
      return { variant: 'Latin-1 bytes after an ASCII preview', bytes: concat([utf8(pad), latin1Bytes(text)]) };
    }
    return { variant: 'double-encoded UTF-8 (mojibake)', bytes: utf8(String.fromCharCode(...utf8(text))) };
  },

  'binary-signature'(rng) {
    const sigs = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0x25, 0x50, 0x44, 0x46],
      [0x89, 0x50, 0x4e, 0x47],
      [0x1f, 0x8b],
      [0xff, 0xd8, 0xff],
      [0x50, 0x4b], // a cut signature: "PK" then CSV
    ];
    const sig = rng.pick(sigs);
    const rest = rng.chance(0.5) ? randomBytes(rng, rng.size(0, 4000)) : utf8(contacts(rng, 10));
    return { variant: `signature ${sig.map((b) => b.toString(16)).join(' ')}`, bytes: concat([new Uint8Array(sig), rest]) };
  },

  'control-chars'(rng) {
    const text = contacts(rng);
    const controls = ['\x01', '\x02', '\x07', '\x08', '\x0b', '\x0c', '\x1a', '\x1b', '\x7f', '\x85', '\u200b', '\u202e'];
    const n = rng.size(1, 60);
    return { variant: `${n} control characters`, bytes: utf8(insertAt(rng, text, n, controls)) };
  },

  'over-preview'(rng) {
    // Files a little over the 64 KiB preview, with something odd on the boundary.
    const o = randomDialect(rng, 0);
    const d = o.delimiter;
    const lines: string[] = [`Phone${d}Name${o.newline}`];
    let size = utf8(lines[0]).length;
    for (let n = 0; size < 65_536 - 200; n++) {
      const line = `+1415555${String(n % 10000).padStart(4, '0')}${d}${rng.pick(FIRST)}${o.newline}`;
      lines.push(line);
      size += utf8(line).length;
    }
    const head = utf8(lines.join(''));
    const lead = `+14155550000${d}`;
    const room = 65_536 - head.length - lead.length; // bytes left before the boundary
    const v = rng.int(0, 5);
    const boundary: [string, string][] = [
      // A 4-byte character on bytes 65534..65537.
      ['4-byte char across 64 KiB', `${lead}${'a'.repeat(room - 2)}😀x${o.newline}`],
      // CR as byte 65535, LF as byte 65536.
      ['CRLF across 64 KiB', `${lead}${'a'.repeat(room - 1)}\r\n`],
      ['quote opened before 64 KiB, closed after', `${lead}"${'b'.repeat(room + 100)}\n${'c'.repeat(50)}"${o.newline}`],
      ['quote opened before 64 KiB, never closed', `${lead}"${'d'.repeat(room + 5000)}`],
      ['long unquoted line across 64 KiB', `${lead}${'e'.repeat(300_000)}${o.newline}`],
      ['NUL after 64 KiB', `${lead}${'f'.repeat(room + 10)}\0${o.newline}`],
    ];
    const tailRows = Array.from({ length: rng.int(0, 300) }, (_, i) => `+4420794609${String(i % 100).padStart(2, '0')}${d}Ñ${o.newline}`).join('');
    const [variant, text] = boundary[v];
    return { variant: `${variant}, ${JSON.stringify(d)} ${JSON.stringify(o.newline)}`, bytes: concat([head, utf8(text + tailRows)]) };
  },

  'tight-limits'(rng) {
    const text = contacts(rng, 60);
    const limits: FuzzLimits = {};
    const v = rng.int(0, 3);
    if (v === 0) limits.maxRows = rng.int(0, 10);
    if (v === 1) limits.maxColumns = rng.int(0, 4);
    if (v === 2) limits.maxCellLength = rng.int(0, 12);
    if (v === 3) limits.maxBytes = rng.int(0, 2000);
    const bytes = utf8(rng.chance(0.3) ? insertAt(rng, text, rng.int(1, 5), INSERTS) : text);
    return { variant: `limits ${JSON.stringify(limits)}`, bytes, limits };
  },

  valid(rng) {
    // Well-formed: every row has a phone column, all cells quoted where needed, one dialect.
    const o = randomDialect(rng, rng.int(1, 60));
    const { header, body } = contactTable(rng, o.rows);
    let rows = body.filter((r) => r.some((c) => c.trim() !== ''));
    if (rows.length === 0) rows = [header.map(() => '+14155552671')];
    const lines = [header, ...rows].map((r) => r.map((c) => quoteCell(c, o.delimiter, true)).join(o.delimiter));
    const text = lines.join(o.newline) + o.newline;
    const enc = rng.int(0, 3);
    const bytes = enc === 0 ? utf8(text) : enc === 1 ? concat([new Uint8Array(BOM_UTF8), utf8(text)]) : enc === 2 ? concat([new Uint8Array(BOM_LE), utf16Bytes(text, true)]) : concat([new Uint8Array(BOM_BE), utf16Bytes(text, false)]);
    return { variant: `${JSON.stringify(o.delimiter)} ${JSON.stringify(o.newline)} ${['utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM'][enc]}, ${rows.length} rows`, bytes, expectRows: rows.length };
  },

  'phone-cells'(rng) {
    // A clean file whose phone cells are random phone-like strings: what the validate workers
    // (libphonenumber-js, the E.164 fast path) see.
    const rows = rng.int(1, 120);
    const lines = ['phone,name'];
    for (let r = 0; r < rows; r++) lines.push(`${quoteCell(phoneLike(rng), ',', rng.chance(0.3))},x${r}`);
    return { variant: `${rows} random phone-like cells`, bytes: utf8(lines.join('\n') + '\n') };
  },

  'many-rows'(rng) {
    // Several 2,048-row batches, one to four validate workers, a few rows mutated.
    const rows = rng.int(3_000, 30_000);
    const o = randomDialect(rng, rows);
    let text = contactText(rng, o);
    if (rng.chance(0.5)) text = insertAt(rng, text, rng.int(1, 20), INSERTS.filter((x) => x !== '\0'));
    return { variant: `${rows} rows, ${JSON.stringify(o.delimiter)} ${JSON.stringify(o.newline)}`, bytes: utf8(text) };
  },
};

/** Category of every index in a 100-slot cycle: weights interleaved, fixed whatever the seed. */
const SCHEDULE: readonly FuzzCategory[] = (() => {
  const slots: { c: FuzzCategory; key: number }[] = [];
  for (const c of CATEGORIES) for (let k = 0; k < WEIGHTS[c]; k++) slots.push({ c, key: (k + 0.5) / WEIGHTS[c] + CATEGORIES.indexOf(c) * 1e-4 });
  if (slots.length !== 100) throw new Error(`fuzz corpus: weights sum to ${slots.length}, not 100`);
  return slots.sort((a, b) => a.key - b.key).map((s) => s.c);
})();

export function categoryOf(index: number): FuzzCategory {
  return SCHEDULE[index % SCHEDULE.length];
}

const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'MX', 'FR', 'JP', 'BR', 'IN'];

/** Case `index` of the corpus of `seed`. */
export function fuzzCase(index: number, seed = DEFAULT_SEED): FuzzCase {
  const cs = caseSeed(seed, index);
  const rng = new Rng(cs);
  const category = categoryOf(index);
  const made = MAKERS[category](rng);
  // The dimension independent of the bytes: what the page does with the import.
  let action: FuzzAction = { kind: 'none' };
  if (!made.noAction && made.expectRows === undefined) {
    const r = rng.next();
    if (r < 0.05) action = { kind: 'cancel', afterMs: rng.pick([0, 0, 1, 5, 20, 60]) };
    else if (r < 0.09) action = { kind: 'remap', column: rng.pick(['Phone', 'Name', 'nope', 'First Name', 'Email', '']) };
    else if (r < 0.12) action = { kind: 'country', country: rng.pick(['GB', 'DE', 'MX', 'ZZ', 'US']) };
  }
  const c: FuzzCase = {
    index,
    seed,
    caseSeed: cs,
    category,
    variant: made.variant,
    name: rng.pick(['contacts.csv', 'list.CSV', 'a.txt', 'données.csv', '']),
    bytes: made.bytes,
    defaultCountry: rng.pick(COUNTRIES),
    action,
  };
  if (made.limits) c.limits = made.limits;
  if (rng.chance(0.1)) c.validators = rng.int(1, 3);
  if (made.expectRows !== undefined) c.expectRows = made.expectRows;
  return c;
}
