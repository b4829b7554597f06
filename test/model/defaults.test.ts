import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEmptyDraft, DEFAULT_CALL_WINDOWS } from '../../src/model/defaults.js';
import { WEEKDAYS } from '../../src/model/schema.js';

describe('DEFAULT_CALL_WINDOWS', () => {
  const rows = [
    ['monday', true],
    ['tuesday', true],
    ['wednesday', true],
    ['thursday', true],
    ['friday', true],
    ['saturday', false],
    ['sunday', false],
  ] as const;
  for (const [day, enabled] of rows) {
    test(`${day}: ${enabled ? 'on' : 'off'}, 09:00–18:00`, () => {
      assert.deepEqual(DEFAULT_CALL_WINDOWS[day], { enabled, start: '09:00', end: '18:00' });
    });
  }
  test('covers every weekday', () => assert.deepEqual(Object.keys(DEFAULT_CALL_WINDOWS), [...WEEKDAYS]));
});

describe('createEmptyDraft', () => {
  const d = createEmptyDraft();
  const defaults: [string, unknown, unknown][] = [
    ['name', d.name, ''],
    ['agentId', d.agentId, null],
    ['templateId', d.templateId, null],
    ['telephony', d.telephony, { primaryFromNumberId: null, numberPoolIds: [], callRecording: false, preferCountryMatchedNumbers: false }],
    ['audience.source', d.audience.source, null],
    ['audience.csv', d.audience.csv, null],
    ['audience.contactIdsText', d.audience.contactIdsText, ''],
    ['audience.contactIdVariables', d.audience.contactIdVariables, []],
    ['audience.segment', d.audience.segment, { segmentId: null, mapping: {}, callVariables: [] }],
    ['audience.loaded', d.audience.loaded, null],
    ['schedule.triggerMode', d.schedule.triggerMode, 'immediate'],
    ['schedule.startAt', d.schedule.startAt, ''],
    ['schedule.timezone (no browser zone)', d.schedule.timezone, 'UTC'],
    ['schedule.callWindows', d.schedule.callWindows, DEFAULT_CALL_WINDOWS],
    ['schedule.dryRun', d.schedule.dryRun, false],
    ['schedule.concurrency (full pool capacity)', d.schedule.concurrency, { mode: 'pool', limitText: '' }],
    ['schedule.priorityText', d.schedule.priorityText, '5'],
    ['outcomes.retryOnVoicemail', d.outcomes.retryOnVoicemail, false],
    ['outcomes.maxRetries', d.outcomes.maxRetries, 1],
    ['outcomes.maxVoicemailAttemptsText', d.outcomes.maxVoicemailAttemptsText, ''],
    [
      'outcomes.abTest',
      d.outcomes.abTest,
      { enabled: false, variants: [{ key: 'A', agentId: null, weightText: '50' }, { key: 'B', agentId: null, weightText: '50' }] },
    ],
    ['outcomes.followUps', d.outcomes.followUps, { missedCallFollowUp: false, contactMemory: false, rules: [] }],
    ['outcomes.goals', d.outcomes.goals, []],
  ];
  for (const [name, actual, expected] of defaults) test(`${name} defaults to ${JSON.stringify(expected)}`, () => assert.deepEqual(actual, expected));

  test('every key of the draft has a default above', () => {
    assert.deepEqual(Object.keys(d), ['name', 'agentId', 'templateId', 'telephony', 'audience', 'schedule', 'outcomes']);
  });

  const zones = [
    ['America/Chicago', 'America/Chicago'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['America/Detroit', 'UTC'],
    ['', 'UTC'],
  ] as const;
  for (const [browser, expected] of zones) {
    test(`timezone from browser zone ${JSON.stringify(browser)} -> ${expected}`, () => {
      assert.equal(createEmptyDraft({ timezone: browser }).schedule.timezone, expected);
    });
  }

  test('returns fresh objects each call (the call windows are not the shared defaults)', () => {
    const a = createEmptyDraft();
    const b = createEmptyDraft();
    a.schedule.callWindows.monday.start = '07:00';
    a.outcomes.abTest.variants.push({ key: 'C', agentId: null, weightText: '0' });
    assert.equal(b.schedule.callWindows.monday.start, '09:00');
    assert.equal(DEFAULT_CALL_WINDOWS.monday.start, '09:00');
    assert.equal(b.outcomes.abTest.variants.length, 2);
  });
});
