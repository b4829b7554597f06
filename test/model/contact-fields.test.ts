import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessFieldMapping } from '../../src/model/contact-fields.js';

describe('guessFieldMapping', () => {
  it('maps exact names and aliases, each field at most once', () => {
    assert.deepEqual(guessFieldMapping(['Phone Number', 'first_name', 'Surname', 'E-mail', 'plan']), {
      phone: 'Phone Number',
      firstName: 'first_name',
      lastName: 'Surname',
      email: 'E-mail',
    });
  });
  it('leaves unknown fields unmapped', () => {
    assert.deepEqual(guessFieldMapping(['plan', 'region']), {});
  });
});
