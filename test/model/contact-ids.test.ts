import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { firstBadContactId, parseContactIds } from '../../src/model/contact-ids.js';

const cases: [string, string, string[]][] = [
  ['empty', '', []],
  ['only separators', ' ,\n\t, \r\n', []],
  ['newlines', 'a\nb\r\nc', ['a', 'b', 'c']],
  ['commas', 'a,b,,c', ['a', 'b', 'c']],
  ['white space', 'a b\tc', ['a', 'b', 'c']],
  ['mixed, trimmed', '  a , b\n\n c  ', ['a', 'b', 'c']],
  ['duplicates keep the first position', 'b a b c a', ['b', 'a', 'c']],
  ['case-sensitive ids stay distinct', 'A a', ['A', 'a']],
  ['no-break space separates', 'a\u00a0b', ['a', 'b']],
  ['semicolons are part of an id', 'a;b', ['a;b']],
];
for (const [name, text, expected] of cases) test(`parseContactIds: ${name}`, () => assert.deepEqual(parseContactIds(text), expected));

describe('firstBadContactId', () => {
  const cases: [string[], ReturnType<typeof firstBadContactId>][] = [
    [['c-1', 'CRM:42', 'a.b_c', 'user@example.com', 'José-7'], null],
    [['ok', 'bad<id>'], { id: 'bad<id>', problem: 'malformed' }],
    [['x"y'], { id: 'x"y', problem: 'malformed' }],
    [['a'.repeat(64)], null],
    [['a'.repeat(65)], { id: 'a'.repeat(65), problem: 'too_long' }],
  ];
  for (const [ids, expected] of cases) {
    it(`${JSON.stringify(ids).slice(0, 40)} -> ${expected?.problem ?? 'fine'}`, () => {
      assert.deepEqual(firstBadContactId(ids), expected);
    });
  }
});
