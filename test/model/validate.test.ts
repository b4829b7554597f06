import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEmptyDraft } from '../../src/model/defaults.js';
import type { CampaignDraft } from '../../src/model/draft.js';
import { STEP_IDS, type StepId } from '../../src/model/schema.js';
import { firstBlockedStep, validateDraft, validateStep, type ValidationContext } from '../../src/model/validate.js';
import { AUDIENCES, ctx, validDraft, withCsv, withSegment } from './fixtures.js';

type Expected = { path: string; code: string; params?: Record<string, string | number> }[];
interface Case {
  name: string;
  step: StepId;
  edit: (d: CampaignDraft) => void;
  ctx?: Partial<ValidationContext>;
  expect: Expected;
}

/** Runs a case on a valid draft and compares the step's errors (path, code, params) in order. */
function run(c: Case): void {
  test(c.name, () => {
    const d = validDraft();
    c.edit(d);
    const errors = validateStep(d, c.step, ctx(c.ctx));
    assert.ok(errors.every((e) => e.step === c.step));
    assert.deepEqual(
      errors.map(({ path, code, params }) => (params ? { path, code, params } : { path, code })),
      c.expect,
    );
  });
}

test('the valid fixture has no errors on any step, in either mode', () => {
  for (const mode of ['create', 'edit'] as const) {
    for (const step of STEP_IDS) assert.deepEqual(validateStep(validDraft(), step, ctx({ mode })), [], `${mode} ${step}`);
    assert.deepEqual(validateDraft(validDraft(), ctx({ mode })), []);
  }
});

// ---- The reference's "What blocks Next (by step)" table, one test per row. ----
describe('reference: what blocks Next', () => {
  test('1 Basics: non-empty Campaign Name; Agent selected', () => {
    const d = createEmptyDraft();
    assert.deepEqual(validateStep(d, 'basics', ctx()).map((e) => e.code), ['name.required', 'agent.required']);
    d.name = 'N';
    d.agentId = 'a';
    assert.deepEqual(validateStep(d, 'basics', ctx()), []);
  });
  test('2 Telephony: at least one number in Number Pool', () => {
    const d = createEmptyDraft();
    assert.deepEqual(validateStep(d, 'telephony', ctx()).map((e) => e.code), ['pool.required']);
    d.telephony.numberPoolIds = ['n'];
    assert.deepEqual(validateStep(d, 'telephony', ctx()), []);
  });
  test('3 Audience on create: a CSV file, or at least one Contact ID, or a Segment', () => {
    assert.deepEqual(validateStep(createEmptyDraft(), 'audience', ctx()).map((e) => e.code), ['audience.source_required']);
    for (const d of [withCsv(validDraft()), validDraft(), withSegment(validDraft())]) assert.deepEqual(validateStep(d, 'audience', ctx()), []);
  });
  test('3 Audience on edit: relaxed, never blocks Next (also while the campaign loads)', () => {
    assert.deepEqual(validateStep(createEmptyDraft(), 'audience', ctx({ mode: 'edit' })), []);
  });
  test('4 Schedule: if Scheduled, Schedule Date & Time must be set; no call window is required', () => {
    const d = validDraft();
    d.schedule.triggerMode = 'scheduled';
    assert.deepEqual(validateStep(d, 'schedule', ctx()).map((e) => e.code), ['schedule.start_required']);
    d.schedule.startAt = '2025-07-01T10:00';
    for (const w of Object.values(d.schedule.callWindows)) w.enabled = false;
    assert.deepEqual(validateStep(d, 'schedule', ctx()), []);
  });
  test('5 Outcomes: invalid non-empty goal targets; A/B configuration errors', () => {
    const d = validDraft();
    d.outcomes.goals = [{ type: 'appointments_booked', targetText: '' }];
    assert.deepEqual(validateStep(d, 'outcomes', ctx()), []);
    d.outcomes.goals[0]!.targetText = 'lots';
    d.outcomes.abTest.enabled = true;
    assert.deepEqual(validateStep(d, 'outcomes', ctx()).map((e) => e.code), ['outcomes.ab_agent_required', 'outcomes.goal_target_invalid']);
  });
  test('6 Review: none', () => {
    assert.deepEqual(validateStep(createEmptyDraft(), 'review', ctx()), []);
  });
});

describe('basics', () => {
  const cases: Case[] = [
    { name: 'name.required: empty', step: 'basics', edit: (d) => (d.name = ''), expect: [{ path: 'name', code: 'name.required' }] },
    { name: 'name.required: only spaces', step: 'basics', edit: (d) => (d.name = '  \t'), expect: [{ path: 'name', code: 'name.required' }] },
    { name: 'name with surrounding spaces is fine', step: 'basics', edit: (d) => (d.name = ' X '), expect: [] },
    { name: 'agent.required: null', step: 'basics', edit: (d) => (d.agentId = null), expect: [{ path: 'agentId', code: 'agent.required' }] },
    { name: 'agent.required: empty id', step: 'basics', edit: (d) => (d.agentId = ''), expect: [{ path: 'agentId', code: 'agent.required' }] },
    {
      name: 'both, in field order',
      step: 'basics',
      edit: (d) => Object.assign(d, { name: '', agentId: null }),
      expect: [{ path: 'name', code: 'name.required' }, { path: 'agentId', code: 'agent.required' }],
    },
  ];
  cases.forEach(run);
});

describe('telephony', () => {
  const pool = { path: 'telephony.numberPoolIds', code: 'pool.required' };
  const primary = { path: 'telephony.primaryFromNumberId', code: 'primary.not_in_pool' };
  const cases: Case[] = [
    { name: 'pool.required: empty pool', step: 'telephony', edit: (d) => Object.assign(d.telephony, { numberPoolIds: [], primaryFromNumberId: null }), expect: [pool] },
    { name: 'pool.required: only blank ids', step: 'telephony', edit: (d) => Object.assign(d.telephony, { numberPoolIds: [''], primaryFromNumberId: null }), expect: [pool] },
    { name: 'empty pool with a primary: only the pool error', step: 'telephony', edit: (d) => (d.telephony.numberPoolIds = []), expect: [pool] },
    { name: 'primary.not_in_pool', step: 'telephony', edit: (d) => (d.telephony.primaryFromNumberId = 'num-9'), expect: [primary] },
    { name: 'primary unset is fine', step: 'telephony', edit: (d) => (d.telephony.primaryFromNumberId = null), expect: [] },
    { name: 'primary in pool is fine', step: 'telephony', edit: (d) => (d.telephony.primaryFromNumberId = 'num-2'), expect: [] },
  ];
  cases.forEach(run);
});

describe('audience (create)', () => {
  const csvRequired = [{ path: 'audience.csv', code: 'audience.csv_required' }];
  const csv = (edit: (d: CampaignDraft) => void) => (d: CampaignDraft) => edit(withCsv(d));
  const cases: Case[] = [
    { name: 'audience.source_required', step: 'audience', edit: (d) => (d.audience.source = null), expect: [{ path: 'audience.source', code: 'audience.source_required' }] },
    { name: 'csv: valid', step: 'audience', edit: csv(() => {}), expect: [] },
    { name: 'audience.csv_required: no csv', step: 'audience', edit: csv((d) => (d.audience.csv = null)), expect: csvRequired },
    { name: 'audience.csv_required: no file picked (create needs the file)', step: 'audience', edit: csv((d) => (d.audience.csv!.file = null)), expect: csvRequired },
    { name: 'audience.csv_required: rows not counted yet', step: 'audience', edit: csv((d) => (d.audience.csv!.rowCount = null)), expect: csvRequired },
    { name: 'audience.csv_required: no file name', step: 'audience', edit: csv((d) => (d.audience.csv!.fileName = ' ')), expect: csvRequired },
    { name: 'csv with zero data rows is a file', step: 'audience', edit: csv((d) => (d.audience.csv!.rowCount = 0)), expect: [] },
    {
      name: 'audience.csv_phone_unmapped: no phone key',
      step: 'audience',
      edit: csv((d) => (d.audience.csv!.mapping = { firstName: 'first' })),
      expect: [{ path: 'audience.csv.mapping.phone', code: 'audience.csv_phone_unmapped' }],
    },
    {
      name: 'audience.csv_phone_unmapped: phone mapped to nothing',
      step: 'audience',
      edit: csv((d) => (d.audience.csv!.mapping = { phone: '' })),
      expect: [{ path: 'audience.csv.mapping.phone', code: 'audience.csv_phone_unmapped' }],
    },
    {
      name: 'csv variables: invalid name, duplicate (ignoring case), missing column; blank rows ignored',
      step: 'audience',
      edit: csv((d) => {
        d.audience.csv!.callVariables = [
          { name: 'plan', column: 'Plan' },
          { name: '1st', column: 'A' },
          { name: 'Plan', column: 'B' },
          { name: '', column: '' },
          { name: 'due_date', column: '' },
          { name: 'has space', column: 'C' },
          { name: '_ok9', column: 'D' },
        ];
      }),
      expect: [
        { path: 'audience.csv.callVariables.1.name', code: 'audience.variable_name_invalid' },
        { path: 'audience.csv.callVariables.2.name', code: 'audience.variable_name_duplicate' },
        { path: 'audience.csv.callVariables.4.column', code: 'audience.variable_source_required' },
        { path: 'audience.csv.callVariables.5.name', code: 'audience.variable_name_invalid' },
      ],
    },
    {
      name: 'csv variable with a column but no name',
      step: 'audience',
      edit: csv((d) => (d.audience.csv!.callVariables = [{ name: '', column: 'Plan' }])),
      expect: [{ path: 'audience.csv.callVariables.0.name', code: 'audience.variable_name_invalid' }],
    },
    { name: 'contact ids: valid', step: 'audience', edit: (d) => (d.audience.contactIdsText = ' c-1 '), expect: [] },
    {
      name: 'audience.contact_ids_required: empty',
      step: 'audience',
      edit: (d) => (d.audience.contactIdsText = ''),
      expect: [{ path: 'audience.contactIdsText', code: 'audience.contact_ids_required' }],
    },
    {
      name: 'audience.contact_ids_required: only separators',
      step: 'audience',
      edit: (d) => (d.audience.contactIdsText = ' ,\n, '),
      expect: [{ path: 'audience.contactIdsText', code: 'audience.contact_ids_required' }],
    },
    {
      name: 'contact id variables: an empty value is allowed; names checked',
      step: 'audience',
      edit: (d) =>
        (d.audience.contactIdVariables = [
          { name: 'offer', value: '' },
          { name: 'OFFER', value: 'x' },
          { name: 'a-b', value: 'x' },
        ]),
      expect: [
        { path: 'audience.contactIdVariables.1.name', code: 'audience.variable_name_duplicate' },
        { path: 'audience.contactIdVariables.2.name', code: 'audience.variable_name_invalid' },
      ],
    },
    { name: 'segment: valid', step: 'audience', edit: withSegment, expect: [] },
    {
      name: 'audience.segment_required',
      step: 'audience',
      edit: (d) => (withSegment(d).audience.segment.segmentId = null),
      expect: [{ path: 'audience.segment.segmentId', code: 'audience.segment_required' }],
    },
    {
      name: 'segment variables: duplicate, missing field',
      step: 'audience',
      edit: (d) =>
        (withSegment(d).audience.segment.callVariables = [
          { name: 'tier', field: 'tier' },
          { name: 'Tier', field: 'x' },
          { name: 'ok', field: ' ' },
        ]),
      expect: [
        { path: 'audience.segment.callVariables.1.name', code: 'audience.variable_name_duplicate' },
        { path: 'audience.segment.callVariables.2.field', code: 'audience.variable_source_required' },
      ],
    },
    {
      name: 'only the chosen source is checked',
      step: 'audience',
      edit: (d) => {
        d.audience.segment.callVariables = [{ name: '!!', field: '' }];
        d.audience.csv = null;
      },
      expect: [],
    },
  ];
  cases.forEach(run);

  test('create mode ignores a `loaded` audience: the draft fields must be complete', () => {
    const d = createEmptyDraft();
    d.audience.loaded = AUDIENCES.contact_ids;
    assert.deepEqual(validateStep(d, 'audience', ctx()).map((e) => e.code), ['audience.source_required']);
  });
});

describe('audience (edit)', () => {
  test('validateStep never errors, whatever the audience', () => {
    const d = withCsv(validDraft());
    d.audience.csv = null;
    assert.deepEqual(validateStep(d, 'audience', ctx({ mode: 'edit' })), []);
  });
  test('validateDraft: an untouched loaded audience is valid as is', () => {
    const d = validDraft();
    d.audience.source = null;
    d.audience.loaded = AUDIENCES.csv;
    assert.deepEqual(validateDraft(d, ctx({ mode: 'edit' })), []);
  });
  test('validateDraft: a replaced audience must be complete to submit', () => {
    const d = validDraft();
    d.audience.contactIdsText = '';
    assert.deepEqual(validateDraft(d, ctx({ mode: 'edit' })).map((e) => [e.step, e.code]), [['audience', 'audience.contact_ids_required']]);
  });
  test('validateDraft: a CSV kept from before needs no new file', () => {
    const d = withCsv(validDraft());
    d.audience.csv!.file = null;
    assert.deepEqual(validateDraft(d, ctx({ mode: 'edit' })), []);
    d.audience.csv!.rowCount = null;
    assert.deepEqual(validateDraft(d, ctx({ mode: 'edit' })).map((e) => e.code), ['audience.csv_required']);
  });
});

describe('schedule', () => {
  const scheduled = (startAt: string, timezone = 'UTC') => (d: CampaignDraft) => Object.assign(d.schedule, { triggerMode: 'scheduled', startAt, timezone });
  const start = (code: string) => [{ path: 'schedule.startAt', code }];
  const cases: Case[] = [
    { name: 'schedule.start_required', step: 'schedule', edit: scheduled(''), expect: start('schedule.start_required') },
    { name: 'schedule.start_required: spaces', step: 'schedule', edit: scheduled('  '), expect: start('schedule.start_required') },
    { name: 'schedule.start_invalid: month 13', step: 'schedule', edit: scheduled('2025-13-01T10:00'), expect: start('schedule.start_invalid') },
    { name: 'schedule.start_invalid: 30 February', step: 'schedule', edit: scheduled('2025-02-30T10:00'), expect: start('schedule.start_invalid') },
    { name: 'schedule.start_invalid: space separator', step: 'schedule', edit: scheduled('2025-07-01 10:00'), expect: start('schedule.start_invalid') },
    { name: 'schedule.start_invalid: with seconds', step: 'schedule', edit: scheduled('2025-07-01T10:00:00'), expect: start('schedule.start_invalid') },
    { name: 'schedule.start_invalid: in an unknown zone too', step: 'schedule', edit: scheduled('2025-02-30T10:00', 'Mars/Base'), expect: [...start('schedule.start_invalid'), { path: 'schedule.timezone', code: 'schedule.timezone_invalid' }] },
    { name: 'schedule.start_past: a minute ago', step: 'schedule', edit: scheduled('2025-06-01T11:59'), expect: start('schedule.start_past') },
    { name: 'schedule.start_past: last year', step: 'schedule', edit: scheduled('2024-07-01T10:00'), expect: start('schedule.start_past') },
    { name: 'the current minute is not past', step: 'schedule', edit: scheduled('2025-06-01T12:00'), expect: [] },
    { name: 'a future start is fine', step: 'schedule', edit: scheduled('2025-06-01T12:01'), expect: [] },
    { name: 'edit mode: a past start is not an error', step: 'schedule', edit: scheduled('2024-07-01T10:00'), ctx: { mode: 'edit' }, expect: [] },
    { name: 'edit mode: a malformed start still is', step: 'schedule', edit: scheduled('soon'), ctx: { mode: 'edit' }, expect: start('schedule.start_invalid') },
    { name: 'immediate: startAt is not looked at', step: 'schedule', edit: (d) => (d.schedule.startAt = 'garbage'), expect: [] },
    { name: 'schedule.timezone_invalid: unknown', step: 'schedule', edit: (d) => (d.schedule.timezone = 'Mars/Base'), expect: [{ path: 'schedule.timezone', code: 'schedule.timezone_invalid' }] },
    { name: 'schedule.timezone_invalid: real zone not in the list', step: 'schedule', edit: (d) => (d.schedule.timezone = 'America/Detroit'), expect: [{ path: 'schedule.timezone', code: 'schedule.timezone_invalid' }] },
    { name: 'every listed zone is valid', step: 'schedule', edit: (d) => (d.schedule.timezone = 'Asia/Kolkata'), expect: [] },
    {
      name: 'schedule.window_time_invalid: start and end, enabled day',
      step: 'schedule',
      edit: (d) => Object.assign(d.schedule.callWindows.monday, { start: '9:00', end: '' }),
      expect: [
        { path: 'schedule.callWindows.monday.start', code: 'schedule.window_time_invalid' },
        { path: 'schedule.callWindows.monday.end', code: 'schedule.window_time_invalid' },
      ],
    },
    { name: 'schedule.window_time_invalid: 24:00', step: 'schedule', edit: (d) => (d.schedule.callWindows.friday.end = '24:00'), expect: [{ path: 'schedule.callWindows.friday.end', code: 'schedule.window_time_invalid' }] },
    { name: 'an off day is not checked', step: 'schedule', edit: (d) => Object.assign(d.schedule.callWindows.saturday, { start: 'x', end: '' }), expect: [] },
    {
      name: 'schedule.window_order: start after end',
      step: 'schedule',
      edit: (d) => Object.assign(d.schedule.callWindows.tuesday, { start: '18:00', end: '09:00' }),
      expect: [{ path: 'schedule.callWindows.tuesday.end', code: 'schedule.window_order' }],
    },
    {
      name: 'schedule.window_order: equal times, weekend day switched on',
      step: 'schedule',
      edit: (d) => Object.assign(d.schedule.callWindows.sunday, { enabled: true, start: '10:00', end: '10:00' }),
      expect: [{ path: 'schedule.callWindows.sunday.end', code: 'schedule.window_order' }],
    },
    { name: 'window order is not judged on an off day', step: 'schedule', edit: (d) => Object.assign(d.schedule.callWindows.sunday, { start: '18:00', end: '09:00' }), expect: [] },
    { name: 'no window on at all is allowed', step: 'schedule', edit: (d) => Object.values(d.schedule.callWindows).forEach((w) => (w.enabled = false)), expect: [] },
    ...['', '0', '-1', '2.5', 'abc', '1e2'].map<Case>((limitText) => ({
      name: `schedule.concurrency_invalid: ${JSON.stringify(limitText)}`,
      step: 'schedule',
      edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText }),
      expect: [{ path: 'schedule.concurrency.limitText', code: 'schedule.concurrency_invalid' }],
    })),
    { name: 'custom concurrency 3 is fine', step: 'schedule', edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText: '3' }), expect: [] },
    { name: 'pool mode ignores the limit text', step: 'schedule', edit: (d) => (d.schedule.concurrency = { mode: 'pool', limitText: 'abc' }), expect: [] },
    {
      name: 'schedule.concurrency_cap: above the previewed capacity',
      step: 'schedule',
      edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText: '11' }),
      ctx: { poolCapacity: 10 },
      expect: [{ path: 'schedule.concurrency.limitText', code: 'schedule.concurrency_cap', params: { max: 10 } }],
    },
    { name: 'at the capacity is fine', step: 'schedule', edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText: '10' }), ctx: { poolCapacity: 10 }, expect: [] },
    { name: 'capacity unknown (null): no cap', step: 'schedule', edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText: '5000' }), ctx: { poolCapacity: null }, expect: [] },
    { name: 'capacity unknown (undefined): no cap', step: 'schedule', edit: (d) => (d.schedule.concurrency = { mode: 'custom', limitText: '5000' }), expect: [] },
    ...['5.5', '', '0', '11', 'abc', ' ', '-1', '+5'].map<Case>((priorityText) => ({
      name: `schedule.priority_range: ${JSON.stringify(priorityText)}`,
      step: 'schedule',
      edit: (d) => (d.schedule.priorityText = priorityText),
      expect: [{ path: 'schedule.priorityText', code: 'schedule.priority_range' }],
    })),
    ...['1', '10', ' 7 ', '05'].map<Case>((priorityText) => ({
      name: `priority ${JSON.stringify(priorityText)} is fine`,
      step: 'schedule',
      edit: (d) => (d.schedule.priorityText = priorityText),
      expect: [],
    })),
    {
      name: 'errors come in field order',
      step: 'schedule',
      edit: (d) => {
        Object.assign(d.schedule, { triggerMode: 'scheduled', startAt: '', timezone: 'X', priorityText: '0', concurrency: { mode: 'custom', limitText: '' } });
        d.schedule.callWindows.monday.end = '08:00';
      },
      expect: [
        { path: 'schedule.startAt', code: 'schedule.start_required' },
        { path: 'schedule.timezone', code: 'schedule.timezone_invalid' },
        { path: 'schedule.callWindows.monday.end', code: 'schedule.window_order' },
        { path: 'schedule.concurrency.limitText', code: 'schedule.concurrency_invalid' },
        { path: 'schedule.priorityText', code: 'schedule.priority_range' },
      ],
    },
  ];
  cases.forEach(run);
});

describe('schedule: the past is judged as wall time in the chosen timezone', () => {
  // [zone, now (UTC), startAt, past?]
  const cases: [string, string, string, boolean][] = [
    // New York springs forward at 02:00 EST (07:00Z) on 2025-03-09. Now is 03:10 EDT.
    ['America/New_York', '2025-03-09T07:10:00Z', '2025-03-09T01:59', true],
    ['America/New_York', '2025-03-09T07:10:00Z', '2025-03-09T03:05', true], // an EST offset would call this 08:05Z, future
    ['America/New_York', '2025-03-09T07:10:00Z', '2025-03-09T03:15', false],
    ['America/New_York', '2025-03-09T07:10:00Z', '2025-03-09T02:45', false], // skipped time = 03:45 EDT
    // Before the jump: now 01:30 EST.
    ['America/New_York', '2025-03-09T06:30:00Z', '2025-03-09T01:29', true],
    ['America/New_York', '2025-03-09T06:30:00Z', '2025-03-09T03:00', false],
    // Berlin falls back at 03:00 CEST (01:00Z) on 2025-10-26. Now is 02:30 CET (second pass).
    ['Europe/Berlin', '2025-10-26T01:30:00Z', '2025-10-26T03:00', false],
    ['Europe/Berlin', '2025-10-26T01:30:00Z', '2025-10-26T01:59', true],
    // Auckland is already on 2 June (08:00 NZST) while UTC is 1 June 20:00.
    ['Pacific/Auckland', '2025-06-01T20:00:00Z', '2025-06-02T07:59', true],
    ['Pacific/Auckland', '2025-06-01T20:00:00Z', '2025-06-02T08:30', false],
    ['Pacific/Auckland', '2025-06-01T20:00:00Z', '2025-06-01T21:00', true], // "later today" in UTC, yesterday there
    ['UTC', '2025-06-01T20:00:00Z', '2025-06-02T07:59', false],
    // Honolulu is still on 1 June, 10:00.
    ['Pacific/Honolulu', '2025-06-01T20:00:00Z', '2025-06-01T09:59', true],
    ['Pacific/Honolulu', '2025-06-01T20:00:00Z', '2025-06-01T10:01', false],
    ['Asia/Kolkata', '2025-06-01T20:00:00Z', '2025-06-02T01:29', true],
    ['Asia/Kolkata', '2025-06-01T20:00:00Z', '2025-06-02T01:31', false],
  ];
  for (const [zone, now, startAt, past] of cases) {
    test(`${startAt} in ${zone} at ${now}: ${past ? 'past' : 'not past'}`, () => {
      const d = validDraft();
      Object.assign(d.schedule, { triggerMode: 'scheduled', startAt, timezone: zone });
      const codes = validateStep(d, 'schedule', ctx({ now: new Date(now) })).map((e) => e.code);
      assert.deepEqual(codes, past ? ['schedule.start_past'] : []);
    });
  }
});

describe('outcomes', () => {
  const ab = (edit: (d: CampaignDraft) => void) => (d: CampaignDraft) => {
    d.outcomes.abTest = {
      enabled: true,
      variants: [
        { key: 'A', agentId: null, weightText: '50' },
        { key: 'B', agentId: 'agent-2', weightText: '50' },
      ],
    };
    edit(d);
  };
  const variants = (d: CampaignDraft) => d.outcomes.abTest.variants;
  const abPath = (i: number, f: string) => `outcomes.abTest.variants.${i}.${f}`;
  const goals = (...g: [string, string][]) => (d: CampaignDraft) => (d.outcomes.goals = g.map(([type, targetText]) => ({ type, targetText })));
  const cases: Case[] = [
    ...['abc', '0', '1.5', '-2'].map<Case>((t) => ({
      name: `outcomes.max_voicemail_invalid: ${JSON.stringify(t)}`,
      step: 'outcomes',
      edit: (d) => Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: t }),
      expect: [{ path: 'outcomes.maxVoicemailAttemptsText', code: 'outcomes.max_voicemail_invalid' }],
    })),
    { name: 'max voicemail attempts empty = no limit', step: 'outcomes', edit: (d) => Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: ' ' }), expect: [] },
    { name: 'max voicemail attempts 2 is fine', step: 'outcomes', edit: (d) => Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: '2' }), expect: [] },
    { name: 'max voicemail attempts ignored while retry is off', step: 'outcomes', edit: (d) => Object.assign(d.outcomes, { retryOnVoicemail: false, maxVoicemailAttemptsText: 'abc' }), expect: [] },
    { name: 'A/B: valid A+B 50/50', step: 'outcomes', edit: ab(() => {}), expect: [] },
    { name: 'A/B off: variants are not checked', step: 'outcomes', edit: ab((d) => Object.assign(d.outcomes.abTest, { enabled: false, variants: [] })), expect: [] },
    {
      name: "A/B: variant A's own agentId is ignored (A is the Basics agent)",
      step: 'outcomes',
      edit: ab((d) => (variants(d)[0]!.agentId = 'agent-2')),
      expect: [],
    },
    { name: 'outcomes.ab_agent_required', step: 'outcomes', edit: ab((d) => (variants(d)[1]!.agentId = null)), expect: [{ path: abPath(1, 'agentId'), code: 'outcomes.ab_agent_required' }] },
    { name: 'outcomes.ab_agent_duplicate: same as the Basics agent', step: 'outcomes', edit: ab((d) => (variants(d)[1]!.agentId = 'agent-1')), expect: [{ path: abPath(1, 'agentId'), code: 'outcomes.ab_agent_duplicate' }] },
    {
      name: 'outcomes.ab_agent_duplicate: C same as B',
      step: 'outcomes',
      edit: ab((d) => {
        variants(d)[0]!.weightText = '40';
        variants(d)[1]!.weightText = '30';
        variants(d).push({ key: 'C', agentId: 'agent-2', weightText: '30' });
      }),
      expect: [{ path: abPath(2, 'agentId'), code: 'outcomes.ab_agent_duplicate' }],
    },
    ...['50.5', '101', '-1', '', 'x'].map<Case>((w) => ({
      name: `outcomes.ab_weight_invalid: ${JSON.stringify(w)}`,
      step: 'outcomes',
      edit: ab((d) => (variants(d)[1]!.weightText = w)),
      expect: [{ path: abPath(1, 'weightText'), code: 'outcomes.ab_weight_invalid' }],
    })),
    { name: 'outcomes.ab_weight_invalid on variant A', step: 'outcomes', edit: ab((d) => (variants(d)[0]!.weightText = 'half')), expect: [{ path: abPath(0, 'weightText'), code: 'outcomes.ab_weight_invalid' }] },
    { name: 'weights 100/0 are fine', step: 'outcomes', edit: ab((d) => Object.assign(variants(d), [{ ...variants(d)[0], weightText: '100' }, { ...variants(d)[1], weightText: '0' }])), expect: [] },
    {
      name: 'outcomes.ab_weight_total',
      step: 'outcomes',
      edit: ab((d) => (variants(d)[1]!.weightText = '40')),
      expect: [{ path: 'outcomes.abTest.total', code: 'outcomes.ab_weight_total', params: { total: 90 } }],
    },
    {
      name: 'outcomes.ab_weight_total: over 100',
      step: 'outcomes',
      edit: ab((d) => (variants(d)[1]!.weightText = '60')),
      expect: [{ path: 'outcomes.abTest.total', code: 'outcomes.ab_weight_total', params: { total: 110 } }],
    },
    {
      name: 'outcomes.ab_variant_count: one variant',
      step: 'outcomes',
      edit: ab((d) => (d.outcomes.abTest.variants = [{ key: 'A', agentId: null, weightText: '100' }])),
      expect: [{ path: 'outcomes.abTest.total', code: 'outcomes.ab_variant_count' }],
    },
    {
      name: 'outcomes.ab_variant_count: five variants',
      step: 'outcomes',
      edit: ab((d) => {
        d.outcomes.abTest.variants = (['A', 'B', 'C', 'D', 'D'] as const).map((key, i) => ({ key, agentId: `agent-${i + 1}`, weightText: '20' }));
      }),
      expect: [{ path: 'outcomes.abTest.total', code: 'outcomes.ab_variant_count' }],
    },
    {
      name: 'A/B: four variants 25 each are fine',
      step: 'outcomes',
      edit: ab((d) => {
        d.outcomes.abTest.variants = (['A', 'B', 'C', 'D'] as const).map((key, i) => ({ key, agentId: `agent-${i + 1}`, weightText: '25' }));
      }),
      expect: [],
    },
    { name: 'no goals is fine', step: 'outcomes', edit: goals(), expect: [] },
    {
      name: 'three goals with valid targets',
      step: 'outcomes',
      edit: goals(['appointments_booked', '10'], ['connect_rate', '12.5'], ['average_call_duration', '90']),
      expect: [],
    },
    {
      name: 'outcomes.goal_too_many',
      step: 'outcomes',
      edit: goals(['appointments_booked', ''], ['qualified_leads', ''], ['payments_collected', ''], ['connect_rate', '']),
      expect: [{ path: 'outcomes.goals', code: 'outcomes.goal_too_many' }],
    },
    { name: 'outcomes.goal_duplicate', step: 'outcomes', edit: goals(['qualified_leads', ''], ['qualified_leads', '5']), expect: [{ path: 'outcomes.goals.1.type', code: 'outcomes.goal_duplicate' }] },
    { name: 'outcomes.goal_type_unknown', step: 'outcomes', edit: goals(['world_peace', '1']), expect: [{ path: 'outcomes.goals.0.type', code: 'outcomes.goal_type_unknown' }] },
    { name: 'outcomes.goal_type_unknown: none picked', step: 'outcomes', edit: goals(['', '']), expect: [{ path: 'outcomes.goals.0.type', code: 'outcomes.goal_type_unknown' }] },
    { name: 'knownGoalTypes replaces the list', step: 'outcomes', edit: goals(['custom_goal', '3']), ctx: { knownGoalTypes: ['custom_goal'] }, expect: [] },
    {
      name: 'knownGoalTypes: a listed type the host left out is unknown',
      step: 'outcomes',
      edit: goals(['connect_rate', '']),
      ctx: { knownGoalTypes: ['custom_goal'] },
      expect: [{ path: 'outcomes.goals.0.type', code: 'outcomes.goal_type_unknown' }],
    },
    ...(
      [
        ['appointments_booked', '0', 'count'],
        ['appointments_booked', '2.5', 'count'],
        ['appointments_booked', 'ten', 'count'],
        ['connect_rate', '0', 'percent'],
        ['connect_rate', '100.5', 'percent'],
        ['connect_rate', '-5', 'percent'],
        ['connect_rate', '50%', 'percent'],
        ['average_call_duration', '1.5', 'seconds'],
        ['average_call_duration', '0', 'seconds'],
        ['custom_goal', '0.5', 'count'],
      ] as const
    ).map<Case>(([type, target, kind]) => ({
      name: `outcomes.goal_target_invalid: ${type} ${JSON.stringify(target)}`,
      step: 'outcomes',
      edit: goals([type, target]),
      ctx: { knownGoalTypes: [type] },
      expect: [{ path: 'outcomes.goals.0.targetText', code: 'outcomes.goal_target_invalid', params: { kind } }],
    })),
    ...(
      [
        ['appointments_booked', ''],
        ['appointments_booked', '1'],
        ['connect_rate', '0.5'],
        ['connect_rate', '100'],
        ['connect_rate', ' 33.3 '],
        ['average_call_duration', '120'],
      ] as const
    ).map<Case>(([type, target]) => ({ name: `goal target ${type} ${JSON.stringify(target)} is fine`, step: 'outcomes', edit: goals([type, target]), expect: [] })),
    {
      name: 'errors come in field order',
      step: 'outcomes',
      edit: ab((d) => {
        Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: '0' });
        variants(d)[1]!.agentId = null;
        goals(['connect_rate', '0'])(d);
      }),
      expect: [
        { path: 'outcomes.maxVoicemailAttemptsText', code: 'outcomes.max_voicemail_invalid' },
        { path: abPath(1, 'agentId'), code: 'outcomes.ab_agent_required' },
        { path: 'outcomes.goals.0.targetText', code: 'outcomes.goal_target_invalid', params: { kind: 'percent' } },
      ],
    },
  ];
  cases.forEach(run);
});

describe('validateDraft and firstBlockedStep', () => {
  test('validateDraft lists every step in step order', () => {
    const d = createEmptyDraft();
    d.schedule.priorityText = '0';
    assert.deepEqual(
      validateDraft(d, ctx()).map((e) => e.step),
      ['basics', 'basics', 'telephony', 'audience', 'schedule'],
    );
  });
  test('create mode: validateDraft is validateStep of every step', () => {
    const d = createEmptyDraft();
    assert.deepEqual(validateDraft(d, ctx()), STEP_IDS.flatMap((s) => validateStep(d, s, ctx())));
  });
  const steps: [string, (d: CampaignDraft) => void, StepId | null][] = [
    ['valid draft', () => {}, null],
    ['no name', (d) => (d.name = ''), 'basics'],
    ['no pool', (d) => (d.telephony.numberPoolIds = []), 'telephony'],
    ['no contact ids', (d) => (d.audience.contactIdsText = ''), 'audience'],
    ['bad priority', (d) => (d.schedule.priorityText = ''), 'schedule'],
    ['bad goal', (d) => (d.outcomes.goals = [{ type: 'x', targetText: '' }]), 'outcomes'],
    ['no pool and bad priority', (d) => Object.assign(d, { telephony: { ...d.telephony, numberPoolIds: [] }, schedule: { ...d.schedule, priorityText: '' } }), 'telephony'],
  ];
  for (const [name, edit, expected] of steps) {
    test(`firstBlockedStep: ${name} -> ${expected}`, () => {
      const d = validDraft();
      edit(d);
      assert.equal(firstBlockedStep(d, ctx()), expected);
    });
  }
  test('firstBlockedStep in edit mode skips an empty audience only while it is loaded', () => {
    const d = validDraft();
    d.audience.source = null;
    assert.equal(firstBlockedStep(d, ctx({ mode: 'edit' })), 'audience');
    d.audience.loaded = AUDIENCES.segment;
    assert.equal(firstBlockedStep(d, ctx({ mode: 'edit' })), null);
  });
  test('validation does not mutate the draft', () => {
    const d = validDraft();
    const before = JSON.stringify(d);
    validateDraft(d, ctx());
    assert.equal(JSON.stringify(d), before);
  });
});
