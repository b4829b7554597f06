import { expect } from '@open-wc/testing';
import { contactsCsvText } from '../../bench/fixtures/contacts-rows.mjs';
import { CsvImportError, startCsvImport, type CsvSummary } from '../../src/csv/index.js';
import { PHONE_VALID, checkPhoneReference } from '../../src/csv/phone.js';
import { SMALL_CONTACTS_CSV } from '../support/csv-files.js';
import { blobText, csvFile, latin1, rejectionOf, utf16 } from './helpers.js';

const SMALL = SMALL_CONTACTS_CSV;

async function summaryOf(text: BlobPart | BlobPart[], options: Parameters<typeof startCsvImport>[1] = { defaultCountry: 'US' }) {
  const imp = startCsvImport(csvFile(text), options);
  try {
    return await imp.done;
  } finally {
    imp.cancel();
  }
}

async function errorOf(text: BlobPart | BlobPart[], options: Parameters<typeof startCsvImport>[1] = { defaultCountry: 'US' }) {
  const imp = startCsvImport(csvFile(text), options);
  const err = await rejectionOf(imp.done);
  imp.cancel();
  expect(err).to.be.instanceOf(CsvImportError);
  return err as CsvImportError;
}

describe('csv import: a known small file', () => {
  let summary: CsvSummary;
  before(async () => {
    summary = await summaryOf(SMALL);
  });

  it('counts rows, valid, invalid and duplicates (after E.164 normalisation)', () => {
    expect(summary.rowCount).to.equal(9);
    expect(summary.valid).to.equal(4);
    expect(summary.duplicate).to.equal(2);
    expect(summary.invalid).to.equal(3);
    expect(summary.skipped).to.equal(5);
    expect(summary.reasons).to.deep.equal({ missing_phone: 1, invalid_phone: 2, duplicate_phone: 2, cell_too_long: 0 });
    expect(summary.ragged).to.equal(0);
    expect(summary.timings.wallMs).to.be.at.least(0);
  });

  it('counts valid contacts by country', () => {
    expect(summary.byCountry).to.deep.equal({ US: 1, GB: 1, MX: 1, CA: 1 });
  });

  it('gives the E.164 form of accepted rows', () => {
    expect(summary.validSample.map((s) => [s.row, s.e164, s.country])).to.deep.equal([
      [1, '+14155552671', 'US'],
      [3, '+442079460958', 'GB'],
      [4, '+525512345678', 'MX'],
      [9, '+16135550123', 'CA'],
    ]);
    expect(summary.validSample[0].value).to.equal('(415) 555-2671');
  });

  it('lists rejected rows with their reason, in file order', () => {
    expect(summary.rejectedSample.map((s) => [s.row, s.reason])).to.deep.equal([
      [2, 'duplicate_phone'],
      [5, 'invalid_phone'],
      [6, 'missing_phone'],
      [7, 'invalid_phone'],
      [8, 'duplicate_phone'],
    ]);
    expect(summary.phoneColumn).to.equal('Phone Number');
    expect(summary.defaultCountry).to.equal('US');
  });

  it('gives the same answer with one validate worker or several', async () => {
    const counts = ({ timings: _t, ...rest }: CsvSummary) => rest;
    const one = await summaryOf(SMALL, { defaultCountry: 'US', validators: 1 });
    const three = await summaryOf(SMALL, { defaultCountry: 'US', validators: 3 });
    expect(counts(one)).to.deep.equal(counts(summary));
    expect(counts(three)).to.deep.equal(counts(summary));
  });
});

describe('csv import: preview', () => {
  it('shows headers, first rows, dialect and the suggested mapping', async () => {
    const imp = startCsvImport(csvFile(SMALL), { defaultCountry: 'US' });
    const p = await imp.preview;
    imp.cancel();
    expect(p.headers).to.deep.equal(['First Name', 'Last Name', 'Phone Number', 'Email']);
    expect(p.rows).to.have.length(9);
    expect(p.rows[3]).to.deep.equal(['Luis', 'López, Jr.', '+52 55 1234 5678', 'l@example.com']);
    expect(p).to.deep.include({ delimiter: ',', newline: '\n', encoding: 'utf-8', bom: false, complete: true, estimatedRowCount: 9 });
    expect(p.suggestedMapping).to.deep.equal({ firstName: 'First Name', lastName: 'Last Name', phone: 'Phone Number', email: 'Email' });
    expect(p.phoneColumnFound).to.equal(true);
    expect(p.fileName).to.equal('contacts.csv');
  });

  it('keeps to 20 rows and estimates the total for a large file', async () => {
    const text = contactsCsvText(5000);
    const imp = startCsvImport(csvFile(text), { defaultCountry: 'US' });
    const p = await imp.preview;
    imp.cancel();
    expect(p.rows).to.have.length(20);
    expect(p.complete).to.equal(false);
    expect(p.estimatedRowCount).to.be.within(4000, 6000);
    expect(p.suggestedMapping.phone).to.equal('Phone Number');
  });
});

describe('csv import: dialects and encodings', () => {
  const rows = [
    ['Nombre', 'Teléfono', 'Ciudad'],
    ['García, Ana', '+34 612 34 56 78', 'Sevilla'],
    ['Zoë', '+33 6 12 34 56 78', 'Lyon'],
    ['Bad', '123', 'X'],
  ];
  const join = (d: string, nl: string) => rows.map((r) => r.map((c) => (c.includes(d) || c.includes(',') ? `"${c}"` : c)).join(d)).join(nl) + nl;

  for (const [name, d] of [['comma', ','], ['semicolon', ';'], ['tab', '\t'], ['pipe', '|']] as const) {
    it(`reads ${name}-separated files`, async () => {
      const imp = startCsvImport(csvFile(join(d, '\n')), { defaultCountry: 'ES' });
      const p = await imp.preview;
      expect(p.delimiter).to.equal(d);
      expect(p.headers).to.deep.equal(rows[0]);
      expect(p.suggestedMapping.phone).to.equal('Teléfono');
      const s = await imp.done;
      imp.cancel();
      expect([s.rowCount, s.valid, s.invalid]).to.deep.equal([3, 2, 1]);
    });
  }

  for (const [name, nl] of [['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']] as const) {
    it(`reads ${name} line endings`, async () => {
      const imp = startCsvImport(csvFile(join(';', nl)), { defaultCountry: 'ES' });
      expect((await imp.preview).newline).to.equal(nl);
      const s = await imp.done;
      imp.cancel();
      expect([s.rowCount, s.valid, s.invalid]).to.deep.equal([3, 2, 1]);
    });
  }

  it('strips a UTF-8 byte order mark from the first header', async () => {
    const imp = startCsvImport(csvFile('\uFEFF' + join(',', '\r\n')), { defaultCountry: 'ES' });
    const p = await imp.preview;
    expect(p.bom).to.equal(true);
    expect(p.headers[0]).to.equal('Nombre');
    expect((await imp.done).valid).to.equal(2);
    imp.cancel();
  });

  for (const [name, le, bom] of [
    ['UTF-16 LE with BOM', true, true],
    ['UTF-16 BE with BOM', false, true],
    ['UTF-16 LE without BOM', true, false],
  ] as const) {
    it(`reads ${name}`, async () => {
      const imp = startCsvImport(csvFile(utf16(join('\t', '\r\n'), le, bom)), { defaultCountry: 'ES' });
      const p = await imp.preview;
      expect(p.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
      expect(p.headers).to.deep.equal(rows[0]);
      expect(p.rows[1][0]).to.equal('Zoë');
      const s = await imp.done;
      imp.cancel();
      expect([s.rowCount, s.valid, s.invalid]).to.deep.equal([3, 2, 1]);
    });
  }

  it('reads Windows-1252 accents without garbling them', async () => {
    const imp = startCsvImport(csvFile(latin1('Nombre;Tel\u00e9fono\nZo\u00eb M\u00fcller;+33 6 12 34 56 78\n')), { defaultCountry: 'ES' });
    const p = await imp.preview;
    expect(p.encoding).to.equal('windows-1252');
    expect(p.headers[1]).to.equal('Teléfono');
    expect(p.rows[0][0]).to.equal('Zoë Müller');
    expect((await imp.done).valid).to.equal(1);
    imp.cancel();
  });

  it('keeps multi-byte characters whole across read chunks', async () => {
    // ~1.5 MB of accented rows: chunk boundaries fall inside characters somewhere.
    const lines = ['name,phone'];
    for (let i = 0; i < 30_000; i++) lines.push(`Zoë Ñúñez Łukasz ${i},+1415555${String(i % 10000).padStart(4, '0')}`);
    const imp = startCsvImport(csvFile(lines.join('\n')), { defaultCountry: 'US' });
    const s = await imp.done;
    const text = await blobText(await imp.rejectedRowsCsv());
    imp.cancel();
    expect(s.rowCount).to.equal(30_000);
    expect(s.duplicate + s.valid + s.invalid).to.equal(30_000);
    expect(text).not.to.include('\uFFFD');
    expect(text).to.include('Zoë Ñúñez Łukasz');
  });

  it('skips blank lines and all-empty rows, and counts ragged rows without failing', async () => {
    const s = await summaryOf('phone,name,city\n\n+14155552671,Ana\n,,\n+12124567890,Bob,NYC,extra\n   \n+13055550123,Cy,Miami\n');
    expect(s.rowCount).to.equal(3);
    expect(s.ragged).to.equal(2);
    expect(s.valid).to.equal(3);
  });

  it('rejects a row with a cell over the cell limit, and goes on', async () => {
    const s = await summaryOf(`phone,note\n+14155552671,${'x'.repeat(100)}\n+12124567890,ok\n`, { defaultCountry: 'US', limits: { maxCellLength: 50 } });
    expect(s.reasons.cell_too_long).to.equal(1);
    expect(s.valid).to.equal(1);
  });
});

describe('csv import: files that cannot be imported', () => {
  it('empty file', async () => {
    const imp = startCsvImport(csvFile([]), { defaultCountry: 'US' });
    expect((await rejectionOf(imp.preview)).code).to.equal('empty');
    expect((await rejectionOf(imp.done)).code).to.equal('empty');
  });

  for (const [name, text] of [
    ['white space only', '\n\n   \r\n'],
    ['a byte order mark only', '\uFEFF'],
  ] as const) {
    it(name, async () => {
      expect((await errorOf(text)).code).to.equal('empty');
    });
  }

  it('header only', async () => {
    const imp = startCsvImport(csvFile('phone,name\r\n'), { defaultCountry: 'US' });
    expect((await rejectionOf(imp.preview)).code).to.equal('header_only');
    expect((await rejectionOf(imp.done)).code).to.equal('header_only');
  });

  it('header only, found by the full pass on a file larger than the preview', async () => {
    const header = Array.from({ length: 400 }, (_, i) => `column number ${i} with a long name`).join(',');
    // A 70 KB header line with blank lines after it: the preview cannot see a whole record.
    const err = await errorOf(`phone,${header}\n\n\n`, { defaultCountry: 'US' });
    expect(['header_only', 'line_too_long']).to.include(err.code);
  });

  it('no phone-like column: flagged in the preview, then mapped by hand', async () => {
    const imp = startCsvImport(csvFile('Name,Digits\nAna,+14155552671\nBob,nope\n'), { defaultCountry: 'US' });
    const p = await imp.preview;
    expect(p.phoneColumnFound).to.equal(false);
    expect(p.suggestedMapping.phone).to.equal(undefined);
    const err = await rejectionOf(imp.done);
    expect(err.code).to.equal('no_phone_column');
    imp.setMapping({ phone: 'Digits' });
    const s = await imp.done;
    imp.cancel();
    expect([s.rowCount, s.valid, s.invalid]).to.deep.equal([2, 1, 1]);
  });

  it('a mapping naming a column that is not there', async () => {
    const err = await errorOf('phone,name\n+14155552671,Ana\n', { defaultCountry: 'US', mapping: { phone: 'Mobile' } });
    expect(err.code).to.equal('unknown_column');
    expect(err.detail).to.equal('Mobile');
  });

  it('unbalanced quotes in a small file', async () => {
    const imp = startCsvImport(csvFile('phone,name\n+14155552671,Ana\n+12124567890,"Bob\n+13055550123,Cy\n'), { defaultCountry: 'US' });
    const err = await rejectionOf(imp.preview);
    expect(err.code).to.equal('unbalanced_quotes');
    expect(err.row).to.equal(2);
    expect((await rejectionOf(imp.done)).code).to.equal('unbalanced_quotes');
  });

  it('unbalanced quotes past the preview, at the end of the file', async () => {
    const lines = ['phone,name'];
    for (let i = 0; i < 3000; i++) lines.push(`+1415555${String(i).padStart(4, '0')},Name ${i}`);
    lines.push('+12124567890,"Bob never closed');
    for (let i = 0; i < 10; i++) lines.push(`+1212555${String(i).padStart(4, '0')},After ${i}`);
    const imp = startCsvImport(csvFile(lines.join('\n')), { defaultCountry: 'US' });
    await imp.preview;
    const err = await rejectionOf(imp.done);
    imp.cancel();
    expect(err.code).to.equal('unbalanced_quotes');
    expect(err.row).to.equal(3001);
  });

  it('unbalanced quotes in a large file stop early, not at the end', async () => {
    const lines = ['phone,name'];
    for (let i = 0; i < 3000; i++) lines.push(`+1415555${String(i).padStart(4, '0')},Name ${i}`);
    lines.push('+12124567890,"Bob never closed');
    for (let i = 0; i < 40_000; i++) lines.push(`+1212555${String(i % 10000).padStart(4, '0')},After ${i}`);
    const err = await errorOf(lines.join('\n'), { defaultCountry: 'US', limits: { maxCellLength: 1000 } });
    expect(err.code).to.equal('unbalanced_quotes');
    expect(err.row).to.equal(3001);
  });

  it('a first line longer than the preview without a line break', async () => {
    expect((await errorOf('x'.repeat(70_000))).code).to.equal('line_too_long');
  });

  it('binary data', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect((await errorOf(bytes)).code).to.equal('binary');
  });

  it('an Excel workbook or a PNG', async () => {
    const xlsx = await errorOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
    expect([xlsx.code, xlsx.detail]).to.deep.equal(['binary', 'xlsx']);
    const png = await errorOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect([png.code, png.detail]).to.deep.equal(['binary', 'image']);
  });

  it('over the byte limit', async () => {
    expect((await errorOf(SMALL, { defaultCountry: 'US', limits: { maxBytes: 100 } })).code).to.equal('too_large');
  });

  it('over the row limit', async () => {
    expect((await errorOf(SMALL, { defaultCountry: 'US', limits: { maxRows: 5 } })).code).to.equal('too_many_rows');
  });

  it('over the column limit', async () => {
    expect((await errorOf(SMALL, { defaultCountry: 'US', limits: { maxColumns: 3 } })).code).to.equal('too_many_columns');
  });
});

describe('csv import: changes and cancel', () => {
  const TWO_PHONES = 'Name,Mobile,Home Phone\nAna,+14155552671,020 7946 0958\nBob,+12124567890,020 7946 0959\nCy,bad,+442079460960\n';

  it('re-validates with the new phone column after setMapping', async () => {
    const imp = startCsvImport(csvFile(TWO_PHONES), { defaultCountry: 'US' });
    const first = await imp.done;
    expect([first.phoneColumn, first.valid, first.invalid]).to.deep.equal(['Mobile', 2, 1]);
    imp.setMapping({ phone: 'Home Phone', firstName: 'Name' });
    const second = await imp.done;
    expect([second.phoneColumn, second.valid, second.invalid]).to.deep.equal(['Home Phone', 1, 2]);
    imp.cancel();
  });

  it('does not re-run when only other fields change', async () => {
    const imp = startCsvImport(csvFile(TWO_PHONES), { defaultCountry: 'US' });
    const done = imp.done;
    await done;
    imp.setMapping({ phone: 'Mobile', firstName: 'Name' });
    expect(imp.done).to.equal(done);
    imp.cancel();
  });

  it('a change while the pass runs settles the same promise with the new result', async () => {
    const imp = startCsvImport(csvFile(TWO_PHONES), { defaultCountry: 'US' });
    const done = imp.done;
    await imp.preview;
    imp.setMapping({ phone: 'Home Phone' });
    expect(imp.done).to.equal(done);
    expect((await done).phoneColumn).to.equal('Home Phone');
    imp.cancel();
  });

  it('re-validates national numbers with a new default country', async () => {
    const imp = startCsvImport(csvFile(TWO_PHONES), { defaultCountry: 'US', mapping: { phone: 'Home Phone' } });
    expect((await imp.done).valid).to.equal(1);
    imp.setDefaultCountry('GB');
    const s = await imp.done;
    expect([s.defaultCountry, s.valid, s.invalid]).to.deep.equal(['GB', 3, 0]);
    imp.cancel();
  });

  it('cancel mid-parse of a large file rejects done with an AbortError and stops progress', async function () {
    this.timeout(60_000);
    const file = csvFile(contactsCsvText(200_000));
    const imp = startCsvImport(file, { defaultCountry: 'US' });
    await new Promise<void>((resolve) => {
      const off = imp.onProgress((p) => {
        if (p.rowsParsed > 0) {
          off();
          resolve();
        }
      });
    });
    let after = 0;
    imp.onProgress(() => after++);
    imp.cancel();
    const err = await rejectionOf(imp.done);
    expect(err).to.be.instanceOf(DOMException);
    expect(err.name).to.equal('AbortError');
    await new Promise((r) => setTimeout(r, 300));
    expect(after).to.equal(0);
    expect((await rejectionOf(imp.rejectedRowsCsv())).name).to.equal('AbortError');
  });

  it('cancel before the preview is read', async () => {
    const imp = startCsvImport(csvFile(SMALL), { defaultCountry: 'US' });
    imp.cancel();
    expect((await rejectionOf(imp.done)).name).to.equal('AbortError');
  });
});

describe('csv import: rejected rows download', () => {
  it('has Row, Reason and the original cells, formula injection neutralised', async () => {
    const imp = startCsvImport(csvFile(SMALL), { defaultCountry: 'US' });
    await imp.done;
    const blob = await imp.rejectedRowsCsv();
    imp.cancel();
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const text = await blobText(blob);
    expect(text.startsWith('\uFEFF')).to.equal(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).to.deep.equal([
      '"Row","Reason","First Name","Last Name","Phone Number","Email"',
      `"2","Duplicate phone number","Bob","Smith","'+1 415 555 2671","bob@example.com"`,
      `"5","Invalid phone number","Eve","Doe","12345","e@example.com"`,
      `"6","Missing phone number","Sam","Lee","","s@example.com"`,
      `"7","Invalid phone number","Kim","Park","'=HYPERLINK(""http://x.test"",""y"")","k@example.com"`,
      `"8","Duplicate phone number","Tom","Ray","'+14155552671","t@example.com"`,
      '',
    ]);
  });

  it('takes localised labels and headers', async () => {
    const imp = startCsvImport(csvFile('tel\n12\n'), { defaultCountry: 'US' });
    const blob = await imp.rejectedRowsCsv({ labels: { invalid_phone: 'Teléfono no válido' }, rowHeader: 'Fila', reasonHeader: 'Motivo' });
    imp.cancel();
    expect((await blobText(blob)).slice(1)).to.equal('"Fila","Motivo","tel"\r\n"1","Teléfono no válido","12"\r\n');
  });

  it('follows a re-run: the file matches the latest mapping', async () => {
    const imp = startCsvImport(csvFile('a,b\n+14155552671,x\ny,+14155552671\n'), { defaultCountry: 'US', mapping: { phone: 'a' } });
    await imp.done;
    imp.setMapping({ phone: 'b' });
    const text = await blobText(await imp.rejectedRowsCsv());
    imp.cancel();
    expect(text.slice(1).split('\r\n')[1]).to.equal('"1","Invalid phone number","\'+14155552671","x"');
  });
});

describe('csv import: end to end against a straightforward reference', () => {
  it('matches parse-everything-then-check counts on 20,000 generated rows', async function () {
    this.timeout(60_000);
    const text = contactsCsvText(20_000, 7);
    const s = await summaryOf(text, { defaultCountry: 'US' });
    // Reference: split the (generated, line-per-record) text, check each phone, dedupe with a Set.
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
    const seen = new Set<string>();
    let valid = 0;
    let dup = 0;
    const byCountry: Record<string, number> = {};
    for (const r of rows) {
      const c = checkPhoneReference(r[4], 'US');
      if (c.status !== PHONE_VALID) continue;
      if (seen.has(c.e164!)) dup++;
      else {
        seen.add(c.e164!);
        valid++;
        byCountry[c.country!] = (byCountry[c.country!] ?? 0) + 1;
      }
    }
    expect(s.rowCount).to.equal(rows.length);
    expect(s.valid).to.equal(valid);
    expect(s.duplicate).to.equal(dup);
    expect(s.invalid).to.equal(rows.length - valid - dup);
    expect(s.byCountry).to.deep.equal(byCountry);
    expect(s.fastPathRows).to.be.greaterThan(0);
  });
});
