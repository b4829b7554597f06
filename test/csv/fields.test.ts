import { expect } from '@open-wc/testing';
import { CONTACT_FIELDS, autoMapColumns, editDistance, normaliseHeader } from '../../src/csv/fields.js';

describe('csv: autoMapColumns', () => {
  it('offers phone, first name, last name and email first', () => {
    expect(CONTACT_FIELDS.slice(0, 4)).to.deep.equal(['phone', 'firstName', 'lastName', 'email']);
  });

  it('normalises case, spaces, punctuation and accents', () => {
    expect(normaliseHeader('Phone Number')).to.equal('phonenumber');
    expect(normaliseHeader('  E-mail ')).to.equal('email');
    expect(normaliseHeader('first_name')).to.equal('firstname');
    expect(normaliseHeader('Teléfono Móvil')).to.equal('telefonomovil');
  });

  it('maps the usual headers, values as written', () => {
    expect(autoMapColumns(['First Name', 'Last Name', 'Phone Number', 'E-mail'])).to.deep.equal({
      firstName: 'First Name',
      lastName: 'Last Name',
      phone: 'Phone Number',
      email: 'E-mail',
    });
  });

  const phoneSynonyms = ['phone', 'PHONE', 'Phone Number', 'phone_number', 'mobile', 'Mobile Phone', 'tel', 'Tel.', 'cell', 'Cell Phone', 'Telephone', 'msisdn', 'Teléfono', 'Celular'];
  for (const h of phoneSynonyms) {
    it(`maps "${h}" to phone`, () => {
      expect(autoMapColumns(['Name', h, 'Notes']).phone).to.equal(h);
    });
  }

  const fieldCases: [string, string][] = [
    ['fname', 'firstName'],
    ['Given Name', 'firstName'],
    ['FIRSTNAME', 'firstName'],
    ['Nombre', 'firstName'],
    ['lname', 'lastName'],
    ['Surname', 'lastName'],
    ['Family name', 'lastName'],
    ['Apellidos', 'lastName'],
    ['e-mail', 'email'],
    ['Email Address', 'email'],
    ['Correo electrónico', 'email'],
    ['Company', 'company'],
    ['Contact ID', 'externalId'],
  ];
  for (const [h, field] of fieldCases) {
    it(`maps "${h}" to ${field}`, () => {
      expect((autoMapColumns([h]) as Record<string, string>)[field]).to.equal(h);
    });
  }

  it('accepts qualifiers and trailing indexes', () => {
    expect(autoMapColumns(['Customer Email', 'Lead Phone 1'])).to.deep.equal({ email: 'Customer Email', phone: 'Lead Phone 1' });
  });

  it('tolerates typos within edit distance 2 on long words, 1 on middling ones', () => {
    expect(autoMapColumns(['Phone Numbr']).phone).to.equal('Phone Numbr'); // distance 1
    expect(autoMapColumns(['Phoen Nmuber']).phone).to.equal('Phoen Nmuber'); // two transpositions
    expect(autoMapColumns(['emial']).email).to.equal('emial'); // a transposition counts 1
    expect(autoMapColumns(['Frist Name']).firstName).to.equal('Frist Name');
    expect(autoMapColumns(['Lastnmae']).lastName).to.equal('Lastnmae');
  });

  it('does not fuzz short words or unrelated headers', () => {
    expect(autoMapColumns(['Name', 'City', 'Notes', 'Amount', 'Date'])).to.deep.equal({});
    expect(autoMapColumns(['tex'])).to.deep.equal({});
    expect(autoMapColumns(['Phone Numbers Archive'])).to.deep.equal({});
  });

  it('gives each field one header and each header one field, best match first, then leftmost', () => {
    expect(autoMapColumns(['Home Phone', 'Mobile', 'Work Phone']).phone).to.equal('Mobile');
    expect(autoMapColumns(['Phone', 'Phone']).phone).to.equal('Phone');
    const m = autoMapColumns(['Tel', 'Phone']);
    expect(m.phone).to.equal('Phone');
    expect(Object.values(m)).to.have.length(1);
  });

  it('never maps blank headers', () => {
    expect(autoMapColumns(['', '  ', '-'])).to.deep.equal({});
  });

  it('is pure and deterministic', () => {
    const headers = ['Mobile', 'First Name', 'surname', 'EMAIL'];
    expect(autoMapColumns(headers)).to.deep.equal(autoMapColumns([...headers]));
    expect(headers).to.deep.equal(['Mobile', 'First Name', 'surname', 'EMAIL']);
  });

  it('computes bounded edit distance with transpositions', () => {
    expect(editDistance('email', 'emial', 2)).to.equal(1);
    expect(editDistance('phone', 'phone', 2)).to.equal(0);
    expect(editDistance('kitten', 'sitting', 5)).to.equal(3);
    expect(editDistance('a', 'abcdef', 2)).to.equal(3);
  });
});
