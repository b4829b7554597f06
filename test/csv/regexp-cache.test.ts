import { expect } from '@open-wc/testing';
import { contactsCsvText } from '../../bench/fixtures/contacts-rows.mjs';
import { checkPhone, checkPhoneReference } from '../../src/csv/phone.js';
import { installRegExpCache } from '../../src/csv/regexp-cache.js';

// Each test file runs in its own page: installing the cache here touches no other test.
describe('csv: RegExp cache for the validate workers', () => {
  const phones = contactsCsvText(3000, 3)
    .split('\r\n')
    .slice(1, -1)
    .map((line) => line.split(',')[4] ?? '');
  const formats = ['020 7946 0958', '(415) 555-2671', '+44 7400 123456', '011 44 7400 123456', '06 12 34 56 78'];
  const baseline = {
    fixture: phones.map((p) => checkPhone(p, 'US')),
    gb: formats.map((p) => checkPhoneReference(p, 'GB')),
    fr: formats.map((p) => checkPhoneReference(p, 'FR')),
  };
  const NativeRegExp = RegExp;

  before(() => installRegExpCache());

  it('gives the same phone results once installed', () => {
    expect(phones.map((p) => checkPhone(p, 'US'))).to.deep.equal(baseline.fixture);
    expect(formats.map((p) => checkPhoneReference(p, 'GB'))).to.deep.equal(baseline.gb);
    expect(formats.map((p) => checkPhoneReference(p, 'FR'))).to.deep.equal(baseline.fr);
  });

  it('shares flagless expressions and keeps everything else as it was', () => {
    expect(RegExp).not.to.equal(NativeRegExp);
    const a = new RegExp('^(?:a+)$');
    expect(new RegExp('^(?:a+)$')).to.equal(a);
    expect(a).to.be.instanceOf(RegExp);
    expect(a).to.be.instanceOf(NativeRegExp);
    expect(a.test('aaa')).to.equal(true);
    expect(new RegExp('^(?:b+)$')).not.to.equal(a); // same length, other source
    const g1 = new RegExp('x', 'g');
    const g2 = new RegExp('x', 'g');
    expect(g1).not.to.equal(g2);
    expect('xax'.replace(g1, 'y')).to.equal('yay');
    expect(new RegExp(/ab/i).flags).to.equal('i');
    expect('a-b'.split(new RegExp('-'))).to.deep.equal(['a', 'b']);
  });

  it('is idempotent', () => {
    const current = RegExp;
    installRegExpCache();
    expect(RegExp).to.equal(current);
  });
});
