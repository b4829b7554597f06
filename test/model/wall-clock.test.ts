import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wallTimeToInstant } from '../../src/model/timezones.js';
import { wallTimeAt } from '../../src/model/wall-clock.js';

describe('wallTimeAt', () => {
  const instant = new Date('2026-07-01T12:34:56.789Z');
  const cases: [string, string][] = [
    ['UTC', '2026-07-01T12:34'],
    ['America/New_York', '2026-07-01T08:34'],
    ['Asia/Kolkata', '2026-07-01T18:04'],
    ['Pacific/Auckland', '2026-07-02T00:34'],
    ['Pacific/Honolulu', '2026-07-01T02:34'],
  ];
  for (const [zone, expected] of cases) test(`${zone}: ${expected}`, () => assert.equal(wallTimeAt(instant, zone), expected));

  test('winter time differs from summer time', () => {
    assert.equal(wallTimeAt(new Date('2026-01-15T12:00:00Z'), 'Europe/Madrid'), '2026-01-15T13:00');
    assert.equal(wallTimeAt(new Date('2026-07-15T12:00:00Z'), 'Europe/Madrid'), '2026-07-15T14:00');
  });

  test('round-trips with wallTimeToInstant (to the minute)', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 31 * 3_600_000 + 13 * 60_000) {
        const wall = wallTimeAt(new Date(t), zone)!;
        const back = wallTimeToInstant(wall, zone)!;
        // A repeated hour (clocks go back) maps to its earlier instant.
        assert.ok(back.getTime() <= Math.floor(t / 60000) * 60000, `${zone} ${wall}`);
        assert.equal(wallTimeAt(back, zone), wall, `${zone} ${wall}`);
      }
    }
  });

  test('unknown zone', () => assert.equal(wallTimeAt(instant, 'Not/AZone'), null));
  test('invalid date', () => assert.equal(wallTimeAt(new Date(NaN), 'UTC'), null));
});
