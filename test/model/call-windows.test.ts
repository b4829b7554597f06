import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  activeWindow,
  canCopyTimes,
  copyTimesToAll,
  isQuietHour,
  minutesOf,
  normaliseTimeText,
  quietHoursDays,
  weekGrid,
} from '../../src/model/call-windows.js';
import { DEFAULT_CALL_WINDOWS } from '../../src/model/defaults.js';
import { WEEKDAYS, type CallWindow, type Weekday } from '../../src/model/schema.js';

function windows(overrides: Partial<Record<Weekday, Partial<CallWindow>>> = {}): Record<Weekday, CallWindow> {
  const out = {} as Record<Weekday, CallWindow>;
  for (const day of WEEKDAYS) out[day] = { ...DEFAULT_CALL_WINDOWS[day], ...overrides[day] };
  return out;
}

describe('minutesOf', () => {
  const cases: [string, number | null][] = [
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', null],
    ['9:30', null],
    ['09:60', null],
    ['', null],
    [' 09:00', null],
  ];
  for (const [text, expected] of cases) test(`${JSON.stringify(text)} -> ${expected}`, () => assert.equal(minutesOf(text), expected));
});

describe('normaliseTimeText', () => {
  const cases: [string, string][] = [
    ['9', '09:00'],
    ['09', '09:00'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['9h30', '09:30'],
    ['930', '09:30'],
    ['1745', '17:45'],
    ['  18:00 ', '18:00'],
    ['0:05', '00:05'],
    ['23:59', '23:59'],
    ['24', '24'],
    ['24:00', '24:00'],
    ['12:60', '12:60'],
    ['9am', '9am'],
    ['', ''],
    ['12345', '12345'],
  ];
  for (const [text, expected] of cases) test(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => assert.equal(normaliseTimeText(text), expected));

  test('a valid HH:mm is left alone', () => {
    for (let h = 0; h < 24; h++) {
      for (const m of [0, 1, 30, 59]) {
        const t = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        assert.equal(normaliseTimeText(t), t);
      }
    }
  });
});

describe('activeWindow', () => {
  test('an enabled, ordered window', () => assert.deepEqual(activeWindow({ enabled: true, start: '09:00', end: '18:00' }), { start: 540, end: 1080 }));
  test('off', () => assert.equal(activeWindow({ enabled: false, start: '09:00', end: '18:00' }), null));
  test('start not before end', () => assert.equal(activeWindow({ enabled: true, start: '18:00', end: '18:00' }), null));
  test('unreadable time', () => assert.equal(activeWindow({ enabled: true, start: '9', end: '18:00' }), null));
  test('missing', () => assert.equal(activeWindow(undefined), null));
});

describe('copyTimesToAll', () => {
  test("copies Monday's times to every day and keeps each day's on/off", () => {
    const before = windows({ monday: { start: '08:30', end: '17:15' }, wednesday: { enabled: false, start: '10:00', end: '11:00' } });
    const after = copyTimesToAll(before);
    for (const day of WEEKDAYS) {
      assert.equal(after[day].start, '08:30', day);
      assert.equal(after[day].end, '17:15', day);
      assert.equal(after[day].enabled, before[day].enabled, day);
    }
  });
  test('copies from another day when asked, and never mutates its input', () => {
    const before = Object.freeze(windows({ friday: { start: '12:00', end: '13:00' } }));
    const after = copyTimesToAll(before, 'friday');
    assert.equal(after.monday.start, '12:00');
    assert.equal(before.monday.start, '09:00');
    assert.notEqual(after.friday, before.friday);
  });
  test('canCopyTimes needs readable, ordered times', () => {
    assert.equal(canCopyTimes(windows()), true);
    assert.equal(canCopyTimes(windows({ monday: { start: '18:00', end: '09:00' } })), false);
    assert.equal(canCopyTimes(windows({ monday: { start: 'soon' } })), false);
    // On/off does not matter: the times are what is copied.
    assert.equal(canCopyTimes(windows({ monday: { enabled: false } })), true);
  });
});

describe('weekGrid', () => {
  test('7 rows, Monday first, 24 hours each', () => {
    const grid = weekGrid(windows());
    assert.deepEqual(grid.map((r) => r.day), [...WEEKDAYS]);
    for (const row of grid) assert.equal(row.hours.length, 24);
  });
  test('defaults: 09:00–18:00 on weekdays, nothing at the weekend', () => {
    const grid = weekGrid(windows());
    const weekday = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 18 ? 1 : 0));
    for (const row of grid.slice(0, 5)) assert.deepEqual(row.hours, weekday, row.day);
    for (const row of grid.slice(5)) assert.deepEqual(row.hours, Array(24).fill(0), row.day);
  });
  test('partial hours are fractions', () => {
    const [monday] = weekGrid(windows({ monday: { start: '08:30', end: '10:15' } }));
    assert.equal(monday!.hours[7], 0);
    assert.equal(monday!.hours[8], 0.5);
    assert.equal(monday!.hours[9], 1);
    assert.equal(monday!.hours[10], 0.25);
    assert.equal(monday!.hours[11], 0);
  });
  test('a window to 23:59 reaches into the last hour', () => {
    const [monday] = weekGrid(windows({ monday: { start: '00:00', end: '23:59' } }));
    assert.equal(monday!.hours[0], 1);
    assert.ok(monday!.hours[23]! > 0.98 && monday!.hours[23]! < 1);
  });
  test('an invalid window shows nothing rather than a guess', () => {
    const [monday] = weekGrid(windows({ monday: { start: '18:00', end: '09:00' } }));
    assert.deepEqual(monday!.hours, Array(24).fill(0));
  });
});

describe('quiet hours', () => {
  test('defaults are inside 08:00–21:00', () => assert.deepEqual(quietHoursDays(windows()), []));
  test('exactly 08:00–21:00 is fine', () => assert.deepEqual(quietHoursDays(windows({ monday: { start: '08:00', end: '21:00' } })), []));
  test('a start before 08:00 or an end after 21:00 warns', () => {
    const w = windows({ monday: { start: '07:59' }, wednesday: { end: '21:01' }, friday: { start: '06:00', end: '22:00' } });
    assert.deepEqual(quietHoursDays(w), ['monday', 'wednesday', 'friday']);
  });
  test('an off day never warns', () => assert.deepEqual(quietHoursDays(windows({ saturday: { start: '06:00', end: '23:00' } })), []));
  test('turning that day on does', () =>
    assert.deepEqual(quietHoursDays(windows({ saturday: { enabled: true, start: '06:00', end: '23:00' } })), ['saturday']));
  test('isQuietHour marks 00–07 and 21–23', () => {
    assert.deepEqual(
      Array.from({ length: 24 }, (_, h) => h).filter(isQuietHour),
      [0, 1, 2, 3, 4, 5, 6, 7, 21, 22, 23],
    );
  });
});
