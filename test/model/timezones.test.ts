import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTimezone, formatUtcOffset, TIMEZONES, utcOffsetMinutes, wallTimeToInstant } from '../../src/model/timezones.js';

describe('TIMEZONES', () => {
  const required = [
    'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
    'Pacific/Honolulu', 'America/Toronto', 'America/Mexico_City', 'America/Sao_Paulo', 'America/Bogota',
    'America/Argentina/Buenos_Aires', 'Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid',
    'Europe/Rome', 'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Warsaw', 'Europe/Istanbul', 'Africa/Johannesburg',
    'Africa/Lagos', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Manila', 'Asia/Tokyo', 'Australia/Sydney',
    'Pacific/Auckland', 'UTC',
  ];
  test('holds the main calling markets and UTC', () => {
    for (const zone of required) assert.ok(TIMEZONES.includes(zone), zone);
  });
  test('about 30 entries, no duplicates', () => {
    assert.ok(TIMEZONES.length >= 28 && TIMEZONES.length <= 36, String(TIMEZONES.length));
    assert.equal(new Set(TIMEZONES).size, TIMEZONES.length);
  });
  test('every entry is a zone Intl knows', () => {
    for (const zone of TIMEZONES) assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone);
  });
});

describe('defaultTimezone', () => {
  const cases: [string | undefined, string][] = [
    ['Europe/Madrid', 'Europe/Madrid'],
    ['UTC', 'UTC'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Etc/UTC', 'UTC'],
    ['America/Detroit', 'UTC'],
    ['Not/AZone', 'UTC'],
    ['', 'UTC'],
    [undefined, 'UTC'],
  ];
  for (const [browser, expected] of cases) test(`${JSON.stringify(browser)} -> ${expected}`, () => assert.equal(defaultTimezone(browser), expected));
});

describe('utcOffsetMinutes', () => {
  const jan = new Date('2025-01-15T12:00:00Z');
  const jul = new Date('2025-07-15T12:00:00Z');
  const cases: [string, Date, number][] = [
    ['UTC', jan, 0],
    ['America/New_York', jan, -300],
    ['America/New_York', jul, -240],
    ['America/Phoenix', jan, -420],
    ['America/Phoenix', jul, -420],
    ['Asia/Kolkata', jan, 330],
    ['Pacific/Auckland', jan, 780],
    ['Pacific/Auckland', jul, 720],
    ['Europe/London', jul, 60],
    ['Pacific/Honolulu', jul, -600],
  ];
  for (const [zone, at, expected] of cases) test(`${zone} at ${at.toISOString()} = ${expected}`, () => assert.equal(utcOffsetMinutes(zone, at), expected));
  test('an instant right at midnight (no "24" hour)', () => assert.equal(utcOffsetMinutes('Europe/Paris', new Date('2025-01-14T23:00:00Z')), 60));
  test('unknown zone throws RangeError', () => assert.throws(() => utcOffsetMinutes('Not/AZone', jan), RangeError));
});

describe('formatUtcOffset', () => {
  const cases: [number, string][] = [
    [0, 'UTC+00:00'],
    [330, 'UTC+05:30'],
    [345, 'UTC+05:45'],
    [780, 'UTC+13:00'],
    [-300, 'UTC\u221205:00'],
    [-570, 'UTC\u221209:30'],
  ];
  for (const [min, text] of cases) test(`${min} -> ${text}`, () => assert.equal(formatUtcOffset(min), text));
  test('negative offsets use U+2212, not a hyphen', () => assert.ok(!formatUtcOffset(-60).includes('-')));
});

describe('wallTimeToInstant', () => {
  const cases: [string, string, string | null][] = [
    ['2025-06-01T09:30', 'UTC', '2025-06-01T09:30:00.000Z'],
    ['2025-06-01T09:30', 'Asia/Kolkata', '2025-06-01T04:00:00.000Z'],
    ['2025-06-01T09:30', 'America/New_York', '2025-06-01T13:30:00.000Z'],
    ['2025-01-01T09:30', 'America/New_York', '2025-01-01T14:30:00.000Z'],
    ['2025-01-01T00:30', 'Pacific/Auckland', '2024-12-31T11:30:00.000Z'],
    // Spring forward (02:00 -> 03:00): a skipped time moves forward by the gap.
    ['2025-03-09T01:59', 'America/New_York', '2025-03-09T06:59:00.000Z'],
    ['2025-03-09T02:30', 'America/New_York', '2025-03-09T07:30:00.000Z'],
    ['2025-03-09T03:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    // Fall back (02:00 -> 01:00): a repeated time is the earlier instant.
    ['2025-11-02T01:30', 'America/New_York', '2025-11-02T05:30:00.000Z'],
    ['2025-11-02T02:00', 'America/New_York', '2025-11-02T07:00:00.000Z'],
    ['2025-03-30T02:30', 'Europe/Berlin', '2025-03-30T01:30:00.000Z'],
    ['2024-02-29T12:00', 'UTC', '2024-02-29T12:00:00.000Z'],
    ['2025-02-29T12:00', 'UTC', null],
    ['2025-04-31T12:00', 'UTC', null],
    ['2025-13-01T12:00', 'UTC', null],
    ['2025-06-01T24:00', 'UTC', null],
    ['2025-06-01T12:60', 'UTC', null],
    ['2025-06-01 12:00', 'UTC', null],
    ['2025-06-01T12:00:00', 'UTC', null],
    ['2025-6-1T12:00', 'UTC', null],
    ['', 'UTC', null],
    ['2025-06-01T12:00', 'Not/AZone', null],
  ];
  for (const [wall, zone, expected] of cases) {
    test(`${wall} in ${zone} -> ${expected}`, () => assert.equal(wallTimeToInstant(wall, zone)?.toISOString() ?? null, expected));
  }
});
