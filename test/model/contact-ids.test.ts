import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseContactIds } from '../../src/model/contact-ids.js';

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
