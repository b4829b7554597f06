import { expect } from '@open-wc/testing';
import { binarySignature, detectDelimiter, detectEncoding, detectNewline, looksBinary } from '../../src/csv/detect.js';
import { latin1, utf16 } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('csv: encoding detection', () => {
  it('reads a UTF-8 BOM', () => {
    expect(detectEncoding(enc('\uFEFFphone\n1'))).to.deep.equal({ encoding: 'utf-8', bom: true });
  });
  it('reads UTF-16 BOMs', () => {
    expect(detectEncoding(utf16('phone,name\n', true, true))).to.deep.equal({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(utf16('phone,name\n', false, true))).to.deep.equal({ encoding: 'utf-16be', bom: true });
  });
  it('recognises UTF-16 without BOM by its NUL bytes', () => {
    expect(detectEncoding(utf16('phone,name\n+14155552671,Zoë\n', true, false))).to.deep.equal({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(utf16('phone,name\n+14155552671,Zoë\n', false, false))).to.deep.equal({ encoding: 'utf-16be', bom: false });
  });
  it('takes valid UTF-8 as UTF-8, even cut in the middle of a character', () => {
    const bytes = enc('name\nZoë Müller');
    expect(detectEncoding(bytes)).to.deep.equal({ encoding: 'utf-8', bom: false });
    const cut = enc('name\nZoë');
    expect(detectEncoding(cut.slice(0, cut.length - 1))).to.deep.equal({ encoding: 'utf-8', bom: false });
  });
  it('falls back to Windows-1252 for other 8-bit text', () => {
    expect(detectEncoding(latin1('name\nM\u00fcller,Jos\u00e9\n'))).to.deep.equal({ encoding: 'windows-1252', bom: false });
  });
});

describe('csv: binary detection', () => {
  it('knows spreadsheet, PDF, image and archive signatures', () => {
    expect(binarySignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).to.equal('xlsx');
    expect(binarySignature(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).to.equal('xls');
    expect(binarySignature(enc('%PDF-1.7'))).to.equal('pdf');
    expect(binarySignature(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).to.equal('image');
    expect(binarySignature(new Uint8Array([0x1f, 0x8b, 8, 0]))).to.equal('gzip');
    expect(binarySignature(enc('phone,name'))).to.equal(undefined);
  });
  it('flags NULs and control characters, not ordinary text', () => {
    expect(looksBinary('a,b\u0000c')).to.equal(true);
    expect(looksBinary('\u0001\u0002\u0003abc')).to.equal(true);
    expect(looksBinary('phone\tname\r\n+1 415\f\n')).to.equal(false);
    expect(looksBinary('Zoë,Müller,Łukasz,Nguyễn')).to.equal(false);
  });
});

describe('csv: line ending detection', () => {
  it('finds CRLF, LF and CR', () => {
    expect(detectNewline('a,b\r\n1,2\r\n')).to.equal('\r\n');
    expect(detectNewline('a,b\n1,2\n')).to.equal('\n');
    expect(detectNewline('a,b\r1,2\r')).to.equal('\r');
  });
  it('ignores line breaks inside quoted fields', () => {
    expect(detectNewline('"a\nb",c\r\n1,2')).to.equal('\r\n');
    expect(detectNewline('"say ""hi""\r",c\n1')).to.equal('\n');
  });
  it('does not take a quote inside an unquoted field as opening one', () => {
    expect(detectNewline('height,note\r\n5\'10",tall\r\n')).to.equal('\r\n');
  });
  it('says nothing when there is no break, or a cut sample ends on CR', () => {
    expect(detectNewline('phone')).to.equal(undefined);
    expect(detectNewline('"open\nquote')).to.equal(undefined);
    expect(detectNewline('a,b\r', false)).to.equal(undefined);
    expect(detectNewline('a,b\r', true)).to.equal('\r');
  });
});

describe('csv: delimiter detection', () => {
  it('detects comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('name,phone\nAna,+1 415\nBob,+1 212\n')).to.equal(',');
    expect(detectDelimiter('name;phone\nAna;+1 415\nBob;+1 212\n')).to.equal(';');
    expect(detectDelimiter('name\tphone\nAna\t+1 415\nBob\t+1 212\n')).to.equal('\t');
    expect(detectDelimiter('name|phone\nAna|+1 415\nBob|+1 212\n')).to.equal('|');
  });
  it('is not fooled by the other delimiters inside quoted or ordinary cells', () => {
    expect(detectDelimiter('name;phone;city\n"García, Ana";+34 612;Madrid\nBob, Jr.;+1 212;"Paris, France"\n')).to.equal(';');
    expect(detectDelimiter('name,note\nAna,"a;b;c"\nBob,"x;y;z"\n')).to.equal(',');
    expect(detectDelimiter('name,phone\r\nAna,1\r\nBob,2\r\n', '\r\n')).to.equal(',');
  });
  it('prefers the consistent split', () => {
    const text = 'id;name;phone\n1;Smith, John;+1 415\n2;Doe, Jane;+1 212\n3;Roe;+1 305\n';
    expect(detectDelimiter(text)).to.equal(';');
  });
  it('falls back to comma for a one-column file', () => {
    expect(detectDelimiter('phone\n+14155552671\n+12125550100\n')).to.equal(',');
  });
  it('ignores a cut last record', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5', '\n', false)).to.equal(';');
  });
});
