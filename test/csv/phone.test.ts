import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import {
  PHONE_INVALID,
  PHONE_MISSING,
  PHONE_VALID,
  checkPhone,
  checkPhoneE164Fast,
  checkPhoneReference,
  cleanPhoneCell,
} from '../../src/csv/phone.js';

const strip = (r: { fast?: boolean }) => {
  const { fast: _fast, ...rest } = r;
  return rest;
};

describe('csv: phone checks', () => {
  it('normalises national and international formats to E.164', () => {
    expect(checkPhone('(415) 555-2671', 'US')).to.deep.include({ status: PHONE_VALID, e164: '+14155552671', country: 'US' });
    expect(checkPhone('415.555.2671', 'US')).to.deep.include({ e164: '+14155552671' });
    expect(checkPhone('+1 415-555-2671', 'US')).to.deep.include({ e164: '+14155552671' });
    expect(checkPhone('020 7946 0958', 'GB')).to.deep.include({ e164: '+442079460958', country: 'GB' });
    expect(checkPhone('+52 55 1234 5678', 'US')).to.deep.include({ e164: '+525512345678', country: 'MX' });
    expect(checkPhone('(212) 456-7890 ext. 12', 'US')).to.deep.include({ e164: '+12124567890' });
  });

  it('reads national formats in the default country', () => {
    expect(checkPhone('020 7946 0958', 'US').status).to.equal(PHONE_INVALID);
    expect(checkPhone('020 7946 0958', 'GB').status).to.equal(PHONE_VALID);
  });

  it('does not extract numbers from text, and checks digit patterns (max metadata)', () => {
    expect(checkPhone('call me 415 555 2671', 'US').status).to.equal(PHONE_INVALID);
    expect(checkPhone('+1 555 555 5555', 'US').status).to.equal(PHONE_INVALID);
    expect(checkPhone('12345', 'US').status).to.equal(PHONE_INVALID);
    expect(checkPhone('=HYPERLINK("x","4155552671")', 'US').status).to.equal(PHONE_INVALID);
  });

  it('treats empty cells as missing, trims, and drops a spreadsheet text apostrophe', () => {
    expect(checkPhone('', 'US').status).to.equal(PHONE_MISSING);
    expect(checkPhone('   ', 'US').status).to.equal(PHONE_MISSING);
    expect(cleanPhoneCell("  '+14155552671 ")).to.equal('+14155552671');
    expect(checkPhone("'+14155552671", 'US')).to.deep.include({ e164: '+14155552671' });
  });

  it('gives non-geographic numbers the country 001', () => {
    expect(checkPhone('+80012345678', 'US')).to.deep.include({ status: PHONE_VALID, country: '001' });
  });

  // Numbers where a shortcut could go wrong: shared calling codes, national prefixes after the
  // calling code, transform rules, leading digits, non-geographic codes.
  const tricky = [
    '+14155552671', '+16135550123', '+16132345678', '+12124567890', '+18765551234', '+12684641234',
    '+79161234567', '+77011234567', '+442079460958', '+447400123456', '+447797123456', '+441534456789',
    '+441481712345', '+447624123456', '+4407911123456', '+44020794609580', '+5491123456789', '+541123456789',
    '+5215512345678', '+525512345678', '+390612345678', '+393123456789', '+61412345678', '+61891641234',
    '+61891621234', '+80012345678', '+80112345678', '+88213400000', '+870773111632', '+262262161234',
    '+262269601234', '+590590271234', '+5999181234', '+599718123', '+4721234567', '+4779123456',
    '+35818123456', '+358457123456', '+212650123456', '+212528123456', '+2906101', '+2908101',
    '+8613123456789', '+862012345678', '+8201020000000', '+821020000000', '+33612345678', '+330612345678',
    '+4930123456', '+49030123456', '+9613123456', '+96103123456', '+1', '+12', '+123', '+999123456789',
    '+0123456789', '+123456789012345678',
  ];

  it('fast path answers only where the reference agrees (tricky corpus)', () => {
    for (const n of tricky) {
      const ref = checkPhoneReference(n, 'US');
      const fast = checkPhoneE164Fast(n);
      if (fast) expect(strip(fast), n).to.deep.equal(ref);
      expect(strip(checkPhone(n, 'US')), n).to.deep.equal(ref);
    }
  });

  it('fast path takes the common E.164 numbers', () => {
    expect(checkPhoneE164Fast('+14155552671')?.fast).to.equal(true);
    expect(checkPhoneE164Fast('+33612345678')?.fast).to.equal(true);
    expect(checkPhoneE164Fast('+4407911123456')).to.equal(undefined); // national prefix after +44
    expect(checkPhoneE164Fast('(415) 555-2671')).to.equal(undefined);
  });

  it('fast path agrees with the reference on random E.164-shaped strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9][0-9]{2,16}$/), (s) => {
        const fast = checkPhoneE164Fast(s);
        if (fast) expect(strip(fast)).to.deep.equal(checkPhoneReference(s, 'US'));
      }),
      { numRuns: 3000 },
    );
  });

  it('fast path agrees with the reference on numbers near every country\'s example', () => {
    const countries = getCountries().filter((c) => (examples as Record<string, string>)[c]);
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.boolean(),
        (country: CountryCode, tail, digits, prefixZero) => {
          const example = (examples as Record<string, string>)[country];
          const keep = Math.max(1, example.length - tail);
          const national = example.slice(0, keep) + String(digits).padStart(5, '0').slice(0, example.length - keep);
          const s = `+${getCountryCallingCode(country)}${prefixZero ? '0' : ''}${national}`;
          const fast = checkPhoneE164Fast(s);
          const ref = checkPhoneReference(s, 'US');
          if (fast) expect(strip(fast), s).to.deep.equal(ref);
          expect(strip(checkPhone(s, 'US')), s).to.deep.equal(ref);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('the whole check agrees with the reference for any default country on mixed formats', () => {
    const formats = ['(415) 555-2671', '020 7946 0958', '06 12 34 56 78', '55 1234 5678', '+44 7400 123456', '0044 7400 123456', '011 44 7400 123456', '4155552671', '1-800-555-0199', '+1 (800) 555-0199'];
    for (const dc of ['US', 'GB', 'FR', 'MX', 'DE', 'AR'] as CountryCode[]) {
      for (const f of formats) expect(strip(checkPhone(f, dc)), `${f} ${dc}`).to.deep.equal(checkPhoneReference(f, dc));
    }
  });
});
