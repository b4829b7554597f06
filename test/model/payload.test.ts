import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEmptyDraft } from '../../src/model/defaults.js';
import type { CampaignDraft } from '../../src/model/draft.js';
import { applyPayload, csvFileOf, draftFromPayload, toPayload } from '../../src/model/payload.js';
import { campaignPayloadSchema, type CampaignPayload, type DeepPartial } from '../../src/model/schema.js';
import { validateDraft, type ValidationContext } from '../../src/model/validate.js';
import { AUDIENCES, csvFile, ctx, fullPayload, plainPayload, validDraft, withCsv, withSegment } from './fixtures.js';

function payloadOf(d: CampaignDraft, c: Partial<ValidationContext> = {}): CampaignPayload {
  const r = toPayload(d, ctx(c));
  if (!r.ok) assert.fail(`expected a payload, got ${JSON.stringify(r.errors)}`);
  return r.payload;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !(o instanceof Blob)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('toPayload', () => {
  test('the valid fixture gives the full expected payload', () => {
    assert.deepEqual(payloadOf(validDraft()), {
      name: 'Spring renewals',
      agentId: 'agent-1',
      templateId: null,
      telephony: { primaryFromNumberId: 'num-1', numberPoolIds: ['num-1', 'num-2'], callRecording: false, preferCountryMatchedNumbers: false },
      audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2'], callVariables: [] },
      schedule: {
        triggerMode: 'immediate',
        startAt: null,
        timezone: 'UTC',
        callWindows: {
          monday: { enabled: true, start: '09:00', end: '18:00' },
          tuesday: { enabled: true, start: '09:00', end: '18:00' },
          wednesday: { enabled: true, start: '09:00', end: '18:00' },
          thursday: { enabled: true, start: '09:00', end: '18:00' },
          friday: { enabled: true, start: '09:00', end: '18:00' },
          saturday: { enabled: false, start: '09:00', end: '18:00' },
          sunday: { enabled: false, start: '09:00', end: '18:00' },
        },
        callWindowTimezoneMode: 'contact_local',
        dryRun: false,
        concurrency: { mode: 'pool' },
        priority: 5,
      },
      outcomes: { retryOnVoicemail: false, maxRetries: 1, maxVoicemailAttempts: null, abTest: null, followUps: null, goals: [] },
    });
  });

  test('errors: the same list validateDraft gives, and no payload', () => {
    const d = createEmptyDraft();
    assert.deepEqual(toPayload(d, ctx()), { ok: false, errors: validateDraft(d, ctx()) });
  });

  test('the payload passes the exported schema', () => {
    assert.equal(campaignPayloadSchema.safeParse(payloadOf(validDraft())).success, true);
  });

  const rules: [string, (d: CampaignDraft) => void, Partial<ValidationContext>, (p: CampaignPayload) => unknown, unknown][] = [
    ['name is trimmed', (d) => (d.name = '  Q3 push '), {}, (p) => p.name, 'Q3 push'],
    ['pool ids are deduplicated, blanks dropped', (d) => Object.assign(d.telephony, { numberPoolIds: ['n1', '', 'n2', 'n1'], primaryFromNumberId: 'n2' }), {}, (p) => p.telephony.numberPoolIds, ['n1', 'n2']],
    ['an empty primary is null', (d) => (d.telephony.primaryFromNumberId = ''), {}, (p) => p.telephony.primaryFromNumberId, null],
    ['dryRun is forced false in production', (d) => (d.schedule.dryRun = true), { environment: 'production' }, (p) => p.schedule.dryRun, false],
    ['dryRun is kept in development', (d) => (d.schedule.dryRun = true), { environment: 'development' }, (p) => p.schedule.dryRun, true],
    ['startAt null when immediate, whatever was typed', (d) => (d.schedule.startAt = '2030-01-01T10:00'), {}, (p) => p.schedule.startAt, null],
    [
      'startAt sent when scheduled',
      (d) => Object.assign(d.schedule, { triggerMode: 'scheduled', startAt: '2030-01-01T10:00' }),
      {},
      (p) => [p.schedule.triggerMode, p.schedule.startAt],
      ['scheduled', '2030-01-01T10:00'],
    ],
    ['concurrency custom carries the limit', (d) => (d.schedule.concurrency = { mode: 'custom', limitText: ' 12 ' }), {}, (p) => p.schedule.concurrency, { mode: 'custom', limit: 12 }],
    ['concurrency pool drops the limit text', (d) => (d.schedule.concurrency = { mode: 'pool', limitText: '12' }), {}, (p) => p.schedule.concurrency, { mode: 'pool' }],
    ['priority as a number', (d) => (d.schedule.priorityText = '10'), {}, (p) => p.schedule.priority, 10],
    [
      "an off day's unreadable times are sent as the defaults",
      (d) => (d.schedule.callWindows.sunday = { enabled: false, start: '', end: '7pm' }),
      {},
      (p) => p.schedule.callWindows.sunday,
      { enabled: false, start: '09:00', end: '18:00' },
    ],
    [
      "an off day's readable times are kept",
      (d) => (d.schedule.callWindows.sunday = { enabled: false, start: '10:00', end: '12:00' }),
      {},
      (p) => p.schedule.callWindows.sunday,
      { enabled: false, start: '10:00', end: '12:00' },
    ],
    ['maxRetries as chosen', (d) => (d.outcomes.maxRetries = 3), {}, (p) => p.outcomes.maxRetries, 3],
    ['maxVoicemailAttempts null when retry is off', (d) => (d.outcomes.maxVoicemailAttemptsText = '3'), {}, (p) => p.outcomes.maxVoicemailAttempts, null],
    ['maxVoicemailAttempts null when empty', (d) => Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: '' }), {}, (p) => p.outcomes.maxVoicemailAttempts, null],
    ['maxVoicemailAttempts sent when retry is on', (d) => Object.assign(d.outcomes, { retryOnVoicemail: true, maxVoicemailAttemptsText: '3' }), {}, (p) => p.outcomes.maxVoicemailAttempts, 3],
    ['abTest null when disabled', (d) => (d.outcomes.abTest.variants[1]!.agentId = 'agent-2'), {}, (p) => p.outcomes.abTest, null],
    [
      'abTest: A is the Basics agent, keys follow position',
      (d) => {
        d.outcomes.abTest = {
          enabled: true,
          variants: [
            { key: 'B', agentId: 'stale-agent', weightText: '60' },
            { key: 'D', agentId: 'agent-2', weightText: '40' },
          ],
        };
      },
      {},
      (p) => p.outcomes.abTest,
      { variants: [{ key: 'A', agentId: 'agent-1', weight: 60 }, { key: 'B', agentId: 'agent-2', weight: 40 }] },
    ],
    ['followUps null when the plan has neither feature', (d) => (d.outcomes.followUps.missedCallFollowUp = true), {}, (p) => p.outcomes.followUps, null],
    ['followUps null with features all false', (d) => (d.outcomes.followUps.missedCallFollowUp = true), { features: { followUps: false, contactMemory: false } }, (p) => p.outcomes.followUps, null],
    [
      'followUps: only the follow-up parts when only followUps is on',
      (d) => (d.outcomes.followUps = { missedCallFollowUp: true, contactMemory: true, rules: [{ trigger: 'busy', delayHours: 2, agentId: null }] }),
      { features: { followUps: true } },
      (p) => p.outcomes.followUps,
      { missedCallFollowUp: true, contactMemory: false, rules: [{ trigger: 'busy', delayHours: 2, agentId: null }] },
    ],
    [
      'followUps: only contact memory when only contactMemory is on',
      (d) => (d.outcomes.followUps = { missedCallFollowUp: true, contactMemory: true, rules: [{ trigger: 'busy', delayHours: 2, agentId: null }] }),
      { features: { contactMemory: true } },
      (p) => p.outcomes.followUps,
      { missedCallFollowUp: false, contactMemory: true, rules: [] },
    ],
    [
      'goals: targets as numbers, empty as null',
      (d) =>
        (d.outcomes.goals = [
          { type: 'appointments_booked', targetText: ' 25 ' },
          { type: 'conversion_rate', targetText: '7.5' },
          { type: 'average_call_duration', targetText: '' },
        ]),
      {},
      (p) => p.outcomes.goals,
      [
        { type: 'appointments_booked', target: 25 },
        { type: 'conversion_rate', target: 7.5 },
        { type: 'average_call_duration', target: null },
      ],
    ],
    [
      'csv audience from the draft: unmapped fields and blank variable rows dropped',
      (d) => {
        withCsv(d);
        d.audience.csv!.mapping = { phone: 'phone', email: '' };
        d.audience.csv!.callVariables = [{ name: 'plan', column: 'Plan' }, { name: '', column: '' }];
        d.audience.csv!.rowCount = 1200;
      },
      {},
      (p) => p.audience,
      { source: 'csv', fileName: 'contacts.csv', mapping: { phone: 'phone' }, callVariables: [{ name: 'plan', column: 'Plan' }], rowCount: 1200 },
    ],
    [
      'contact ids audience: parsed, deduplicated',
      (d) => {
        d.audience.contactIdsText = 'c-1, c-2\nc-1 c-3';
        d.audience.contactIdVariables = [{ name: 'offer', value: '' }, { name: '', value: '' }];
      },
      {},
      (p) => p.audience,
      { source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [{ name: 'offer', value: '' }] },
    ],
    [
      'segment audience',
      (d) => {
        withSegment(d);
        d.audience.segment.callVariables = [{ name: 'tier', field: 'tier' }];
      },
      {},
      (p) => p.audience,
      { source: 'segment', segmentId: 'seg-1', mapping: { phone: 'mobile' }, callVariables: [{ name: 'tier', field: 'tier' }] },
    ],
    [
      'edit: an untouched loaded audience is sent back exactly, whatever the draft fields say',
      (d) => {
        d.audience.loaded = AUDIENCES.csv;
        d.audience.contactIdsText = 'something-else';
      },
      { mode: 'edit' },
      (p) => p.audience,
      AUDIENCES.csv,
    ],
    [
      'create: a loaded audience is ignored, the draft is sent',
      (d) => (d.audience.loaded = AUDIENCES.csv),
      {},
      (p) => p.audience.source,
      'contact_ids',
    ],
  ];
  for (const [name, edit, c, pick, expected] of rules) {
    test(name, () => {
      const d = validDraft();
      edit(d);
      assert.deepEqual(pick(payloadOf(d, c)), expected);
    });
  }

  test('does not mutate the draft', () => {
    const d = deepFreeze(withCsv(validDraft()));
    assert.doesNotThrow(() => toPayload(d, ctx()));
  });
});

describe('csvFileOf', () => {
  test('the picked file for a csv audience', () => {
    const d = withCsv(validDraft());
    assert.equal(csvFileOf(d), d.audience.csv!.file);
  });
  test('undefined when the csv was kept from before (edit, no new file)', () => {
    const d = withCsv(validDraft());
    d.audience.csv!.file = null;
    assert.equal(csvFileOf(d), undefined);
  });
  test('undefined for an untouched loaded csv audience', () => {
    assert.equal(csvFileOf(draftFromPayload(fullPayload('csv'))), undefined);
  });
  test('undefined for other sources, even with a file left in the draft', () => {
    const d = withCsv(validDraft());
    d.audience.source = 'contact_ids';
    assert.equal(csvFileOf(d), undefined);
    assert.equal(csvFileOf(createEmptyDraft()), undefined);
  });
});

describe('round trips: draftFromPayload then toPayload gives the same payload', () => {
  const editCtx: Partial<ValidationContext> = { mode: 'edit', features: { followUps: true, contactMemory: true } };
  const sources = ['csv', 'contact_ids', 'segment'] as const;
  for (const source of sources) {
    // A plan without follow-ups sends followUps: null, so the plain payload goes without features.
    const variants = [
      ['full (scheduled, custom concurrency, A/B, goals, follow-ups, dry run)', fullPayload, editCtx],
      ['plain', plainPayload, { mode: 'edit' }],
    ] as const;
    for (const [label, make, c] of variants) {
      test(`${source}, ${label}, edit with the loaded audience`, () => {
        const p = make(source);
        assert.deepEqual(payloadOf(draftFromPayload(p), c), p);
      });
      test(`${source}, ${label}, edit with the audience rebuilt from the draft`, () => {
        const p = make(source);
        const d = draftFromPayload(p);
        d.audience.loaded = null;
        assert.deepEqual(payloadOf(d, c), p);
      });
    }
  }
  test('create (clone): contact ids and segment audiences rebuild from the draft', () => {
    for (const source of ['contact_ids', 'segment'] as const) {
      const p = fullPayload(source);
      assert.deepEqual(payloadOf(draftFromPayload(p), { ...editCtx, mode: 'create' }), p);
    }
  });
  test('create (clone): a csv audience needs the file picked again, then round trips', () => {
    const p = fullPayload('csv');
    const d = draftFromPayload(p);
    assert.deepEqual(toPayload(d, ctx({ ...editCtx, mode: 'create' })), {
      ok: false,
      errors: [{ step: 'audience', path: 'audience.csv', code: 'audience.csv_required' }],
    });
    d.audience.csv!.file = csvFile('leads.csv');
    assert.deepEqual(payloadOf(d, { ...editCtx, mode: 'create' }), p);
  });
  test('production: the same, except dryRun is false', () => {
    const p = fullPayload('segment');
    assert.deepEqual(payloadOf(draftFromPayload(p), { ...editCtx, environment: 'production' }), { ...p, schedule: { ...p.schedule, dryRun: false } });
  });
  test('and the other way: toPayload then draftFromPayload then toPayload is stable', () => {
    const d = withSegment(validDraft());
    d.outcomes.goals = [{ type: 'connect_rate', targetText: '.5' }];
    const p = payloadOf(d);
    assert.deepEqual(payloadOf(draftFromPayload(p)), p);
  });
});

describe('draftFromPayload', () => {
  test('keeps the audience as loaded, and fills the audience fields too', () => {
    const d = draftFromPayload(fullPayload('contact_ids'));
    assert.deepEqual(d.audience.loaded, AUDIENCES.contact_ids);
    assert.equal(d.audience.source, 'contact_ids');
    assert.equal(d.audience.contactIdsText, 'c-1\nc-2\nc-3');
  });
  test('a csv audience: file null (nothing picked), name, rows, mapping, variables', () => {
    assert.deepEqual(draftFromPayload(fullPayload('csv')).audience.csv, {
      file: null,
      fileName: 'leads.csv',
      rowCount: 1200,
      mapping: { phone: 'Mobile', firstName: 'First name' },
      callVariables: [{ name: 'plan', column: 'Plan' }],
    });
  });
  test("the payload's timezone wins over the browser zone", () => {
    assert.equal(draftFromPayload(fullPayload(), { timezone: 'Europe/Paris' }).schedule.timezone, 'America/Chicago');
  });
  test('numbers become text', () => {
    const d = draftFromPayload(fullPayload());
    assert.deepEqual(
      [d.schedule.priorityText, d.schedule.concurrency, d.outcomes.maxVoicemailAttemptsText, d.outcomes.goals.map((g) => g.targetText)],
      ['8', { mode: 'custom', limitText: '7' }, '2', ['40', '12.5', '']],
    );
  });
  test('does not share objects with the payload', () => {
    const p = fullPayload();
    const d = draftFromPayload(p);
    (d.audience.loaded as { contactIds: string[] }).contactIds.push('x');
    d.telephony.numberPoolIds.push('x');
    assert.deepEqual(p, fullPayload());
  });
});

describe('applyPayload', () => {
  test('values it defines override; the rest of base stays', () => {
    const base = withSegment(validDraft());
    const out = applyPayload(base, { name: 'From template', telephony: { callRecording: true }, schedule: { priority: 2, callWindows: { saturday: { enabled: true } } } });
    const expected = structuredClone(base);
    expected.name = 'From template';
    expected.telephony.callRecording = true;
    expected.schedule.priorityText = '2';
    expected.schedule.callWindows.saturday.enabled = true;
    assert.deepEqual(out, expected);
  });
  test('never mutates base (deep-frozen base)', () => {
    const base = deepFreeze(withCsv(validDraft()));
    const out = applyPayload(base, fullPayload('csv'));
    assert.notEqual(out, base);
    assert.equal(base.name, 'Spring renewals');
  });
  test('the result shares no mutable object with base', () => {
    const base = withCsv(validDraft());
    const before = JSON.stringify(base);
    const out = applyPayload(base, {});
    out.telephony.numberPoolIds.push('x');
    out.schedule.callWindows.monday.start = '00:00';
    out.audience.csv!.mapping.x = 'y';
    out.audience.segment.callVariables.push({ name: 'n', field: 'f' });
    out.outcomes.abTest.variants[0]!.weightText = '1';
    assert.equal(JSON.stringify(base), before);
    assert.equal(out.audience.csv!.file, base.audience.csv!.file);
  });
  test('abTest null switches A/B off and keeps the variants for later', () => {
    const base = validDraft();
    base.outcomes.abTest.enabled = true;
    const out = applyPayload(base, { outcomes: { abTest: null } });
    assert.deepEqual(out.outcomes.abTest, { ...base.outcomes.abTest, enabled: false });
  });
  test('followUps null keeps the draft toggles (null means "not sent")', () => {
    const base = validDraft();
    base.outcomes.followUps.contactMemory = true;
    assert.equal(applyPayload(base, { outcomes: { followUps: null } }).outcomes.followUps.contactMemory, true);
  });
  test('nulls that mean "unset": startAt, maxVoicemailAttempts', () => {
    const base = validDraft();
    base.schedule.startAt = '2030-01-01T00:00';
    base.outcomes.maxVoicemailAttemptsText = '3';
    const out = applyPayload(base, { schedule: { startAt: null }, outcomes: { maxVoicemailAttempts: null } });
    assert.equal(out.schedule.startAt, '');
    assert.equal(out.outcomes.maxVoicemailAttemptsText, '');
  });
  test('concurrency mode pool keeps the typed limit for when custom is picked again', () => {
    const base = validDraft();
    base.schedule.concurrency = { mode: 'custom', limitText: '4' };
    assert.deepEqual(applyPayload(base, { schedule: { concurrency: { mode: 'pool' } } }).schedule.concurrency, { mode: 'pool', limitText: '4' });
  });
  test('an audience in values replaces the loaded one (edit) and switches source', () => {
    const base = draftFromPayload(fullPayload('csv'));
    const out = applyPayload(base, { audience: { source: 'segment', segmentId: 'seg-2' } });
    assert.equal(out.audience.loaded, null);
    assert.equal(out.audience.source, 'segment');
    assert.deepEqual(out.audience.segment, { segmentId: 'seg-2', mapping: {}, callVariables: [] });
    assert.notEqual(out.audience.csv, null, 'the csv part is kept, in case the user switches back');
  });
  test('values without an audience leave loaded alone', () => {
    const base = draftFromPayload(fullPayload('csv'));
    assert.deepEqual(applyPayload(base, { name: 'x' }).audience.loaded, AUDIENCES.csv);
  });
  test('a different csv file name drops the picked file and its row count', () => {
    const base = withCsv(validDraft());
    const out = applyPayload(base, { audience: { source: 'csv', fileName: 'other.csv' } });
    assert.deepEqual(out.audience.csv, { ...base.audience.csv, file: null, fileName: 'other.csv', rowCount: null });
  });
  test('csv stats stay with the same file and go with a different one', () => {
    const base = withCsv(validDraft());
    base.audience.csv!.stats = { valid: 1, invalid: 0, duplicate: 0, skipped: 0 };
    const same = applyPayload(base, { audience: { source: 'csv', mapping: { phone: 'phone' } } });
    assert.deepEqual(same.audience.csv!.stats, base.audience.csv!.stats);
    const other = applyPayload(base, { audience: { source: 'csv', fileName: 'other.csv' } });
    assert.equal(other.audience.csv!.stats, null);
  });
  test('fields of another source are ignored', () => {
    const base = validDraft();
    const out = applyPayload(base, { audience: { segmentId: 'seg-1' } as DeepPartial<CampaignPayload['audience']> });
    assert.deepEqual(out.audience, base.audience);
  });
  test('A/B variants beyond D are dropped, keys by position', () => {
    const variants = ['a', 'b', 'c', 'd', 'e'].map((agentId) => ({ key: 'A' as const, agentId, weight: 20 }));
    const out = applyPayload(validDraft(), { outcomes: { abTest: { variants } } });
    assert.deepEqual(out.outcomes.abTest.variants.map((v) => `${v.key}:${v.agentId}`), ['A:a', 'B:b', 'C:c', 'D:d']);
  });

  const garbage: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'template'],
    ['an array', [1, 2]],
    ['wrong top-level types', { name: 5, agentId: {}, templateId: 7, telephony: 'x', audience: [], schedule: 3, outcomes: 'y', extra: true }],
    ['wrong telephony types', { telephony: { numberPoolIds: 'n1', primaryFromNumberId: 3, callRecording: 'yes' } }],
    ['pool with non-strings', { telephony: { numberPoolIds: ['n1', 2, null, 'n2'] } }],
    ['unknown source', { audience: { source: 'fax', fileName: 'x' } }],
    ['csv garbage', { audience: { source: 'csv', rowCount: -1, mapping: 5, callVariables: [1, null, { name: 'a', column: 2 }, { name: 'ok', column: 'C' }] } }],
    ['contact ids garbage', { audience: { source: 'contact_ids', contactIds: [1, 'c-1', null], callVariables: 'x' } }],
    ['segment garbage', { audience: { source: 'segment', segmentId: 9, mapping: { phone: 1, email: 'mail' } } }],
    ['schedule garbage', { schedule: { triggerMode: 'later', startAt: 5, timezone: '', callWindows: { monday: 'x', tuesday: { start: 5, enabled: 'y' }, funday: {} }, concurrency: { mode: 'all', limit: 'x' }, priority: Infinity, dryRun: 1 } }],
    ['outcomes garbage', { outcomes: { maxRetries: 4, maxVoicemailAttempts: 'x', retryOnVoicemail: 0, abTest: { variants: 'x' }, goals: [null, { type: 3 }, { type: 'connect_rate', target: 'x' }], followUps: { rules: [{ trigger: 'bad' }, null, { trigger: 'busy', delayHours: 3, agentId: null }], missedCallFollowUp: 'y' } } }],
    ['abTest variants garbage', { outcomes: { abTest: { variants: [null, 3, { agentId: 5, weight: 'x' }] } } }],
    ['prototype keys', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
  ];
  for (const [name, values] of garbage) {
    test(`never throws on garbage: ${name}`, () => {
      const base = deepFreeze(validDraft());
      const out = applyPayload(base, values as DeepPartial<CampaignPayload>);
      assert.doesNotThrow(() => validateDraft(out, ctx()));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }
  test('garbage values are ignored field by field, the good ones kept', () => {
    const out = applyPayload(validDraft(), {
      telephony: { numberPoolIds: ['n1', 2, 'n2'] },
      audience: { source: 'csv', callVariables: [1, { name: 'ok', column: 'C' }] },
      schedule: { priority: 'x', timezone: 'Europe/Paris' },
      outcomes: { maxRetries: 4, followUps: { rules: [{ trigger: 'bad' }, { trigger: 'busy', delayHours: 3, agentId: null }] } },
    } as unknown as DeepPartial<CampaignPayload>);
    assert.deepEqual(out.telephony.numberPoolIds, ['n1', 'n2']);
    assert.deepEqual(out.audience.csv?.callVariables, [{ name: 'ok', column: 'C' }]);
    assert.equal(out.schedule.priorityText, '5');
    assert.equal(out.schedule.timezone, 'Europe/Paris');
    assert.equal(out.outcomes.maxRetries, 1);
    assert.deepEqual(out.outcomes.followUps.rules, [{ trigger: 'busy', delayHours: 3, agentId: null }]);
  });
});
