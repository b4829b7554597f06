import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CampaignDraft } from '../../src/model/draft.js';
import { applyPayload, draftFromPayload, toPayload } from '../../src/model/payload.js';
import { STEP_IDS, VARIANT_KEYS, WEEKDAYS, type CampaignPayload, type DeepPartial } from '../../src/model/schema.js';
import { validateDraft, validateStep, type ValidationContext } from '../../src/model/validate.js';
import { csvFile } from './fixtures.js';

// Drafts come in two flavours: "clean" ones draw every field from values that are valid on
// their own (so a fair share of whole drafts is valid), "wild" ones add near misses and
// arbitrary strings. Both flavours share one generator, so the shapes stay identical.
type Pick = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) => fc.Arbitrary<T>;

function draftArb(clean: boolean): fc.Arbitrary<CampaignDraft> {
  const pick: Pick = (valid, wild) => (clean ? valid : fc.oneof(valid, wild));
  const text = (valid: string[], wild: string[] = []) => pick(fc.constantFrom(...valid), fc.oneof(fc.constantFrom('', ...wild), fc.string()));
  const maybe = <T>(a: fc.Arbitrary<T>) => pick(a, fc.option(a, { nil: null }));
  const id = text(['a-1', 'a-2', 'a-3']);
  const varName = text(['plan', 'due_date', '_x'], ['1bad', 'has space', 'Plan']);
  const vars = <K extends string>(key: K) =>
    pick(
      fc.constant([]),
      fc.array(fc.record({ name: varName, [key]: text(['Plan', 'tier'], ['']) } as Record<'name' | K, fc.Arbitrary<string>>), { maxLength: 3 }),
    ) as fc.Arbitrary<({ name: string } & Record<K, string>)[]>;
  const hhmm = (valid: string[]) => text(valid, ['9:00', '24:00', '12:60']);
  const intText = (valid: string[]) => text(valid, ['0', '11', '2.5', 'abc', ' 3 ', '-1']);
  const window = fc.record({ enabled: fc.boolean(), start: hhmm(['08:00', '09:00']), end: hhmm(['17:00', '18:00', '23:59']) });
  const loaded: fc.Arbitrary<CampaignDraft['audience']['loaded']> = fc.constantFrom(
    null,
    { source: 'contact_ids', contactIds: ['c-1'], callVariables: [] },
    { source: 'csv', fileName: 'old.csv', mapping: { phone: 'P' }, callVariables: [], rowCount: 3 },
  );

  return fc.record({
    name: text(['Spring', ' Q3 '], [' ']),
    agentId: maybe(id),
    templateId: fc.option(fc.constant('tpl-1'), { nil: null }),
    telephony: fc.record({
      primaryFromNumberId: pick(fc.constant(null), fc.option(text(['n-1', 'n-2'], ['n-9']), { nil: null })),
      numberPoolIds: pick(fc.constantFrom(['n-1'], ['n-1', 'n-2']), fc.array(text(['n-1', 'n-2']), { maxLength: 3 })),
      callRecording: fc.boolean(),
      preferCountryMatchedNumbers: fc.boolean(),
    }),
    audience: fc.record({
      source: pick(fc.constantFrom('csv' as const, 'contact_ids' as const, 'segment' as const), fc.constant(null)),
      csv: maybe(
        fc.record({
          file: pick(fc.constant(csvFile()), fc.constant(null)),
          fileName: text(['contacts.csv']),
          rowCount: maybe(fc.nat(5000)),
          mapping: pick(fc.constant({ phone: 'Phone', email: '' }), fc.dictionary(text(['phone', 'firstName']), text(['Phone', 'First'], ['']))),
          callVariables: vars('column'),
        }),
      ),
      contactIdsText: text(['c-1', 'c-1, c-2\nc-3', 'c-1 c-1'], [' , ']),
      contactIdVariables: vars('value'),
      segment: fc.record({ segmentId: maybe(text(['seg-1'])), mapping: fc.constant({ phone: 'mobile' }), callVariables: vars('field') }),
      loaded,
    }),
    schedule: fc.record({
      triggerMode: fc.constantFrom('immediate', 'scheduled'),
      startAt: text(['2025-07-01T10:00', '2026-01-01T00:00'], ['2025-05-01T10:00', '2025-06-02T07:59', '2025-02-30T10:00']),
      timezone: text(['UTC', 'Pacific/Auckland', 'America/New_York'], ['Mars/Base']),
      callWindows: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, window])) as Record<(typeof WEEKDAYS)[number], typeof window>),
      dryRun: fc.boolean(),
      concurrency: fc.record({ mode: fc.constantFrom('pool', 'custom'), limitText: intText(['1', '3']) }),
      priorityText: intText(['1', '5', '10']),
    }),
    outcomes: fc.record({
      retryOnVoicemail: fc.boolean(),
      maxRetries: fc.constantFrom(1, 2, 3),
      maxVoicemailAttemptsText: intText(['', '1', '4']),
      abTest: fc.record({
        enabled: pick(fc.constant(false), fc.boolean()),
        variants: fc
          .array(fc.record({ agentId: maybe(id), weightText: text(['50'], ['25', '100', '0', '101', '33.3']) }), { minLength: 0, maxLength: 5 })
          .map((vs) => vs.map((v, i) => ({ ...v, key: VARIANT_KEYS[Math.min(i, 3)]! }))),
      }),
      followUps: fc.record({
        missedCallFollowUp: fc.boolean(),
        contactMemory: fc.boolean(),
        rules: fc.array(
          fc.record({
            trigger: fc.constantFrom('no_answer' as const, 'voicemail' as const, 'busy' as const, 'callback_requested' as const),
            delayHours: fc.integer({ min: 1, max: 720 }),
            agentId: fc.option(fc.constant('a-1'), { nil: null }),
          }),
          { maxLength: 2 },
        ),
      }),
      goals: pick(
        fc.subarray([
          { type: 'appointments_booked', targetText: '10' },
          { type: 'connect_rate', targetText: '12.5' },
          { type: 'average_call_duration', targetText: '' },
        ]),
        fc.array(fc.record({ type: text(['appointments_booked', 'connect_rate', 'average_call_duration'], ['nope']), targetText: text(['', '10', '12.5'], ['0', 'x']) }), {
          maxLength: 4,
        }),
      ),
    }),
  });
}

const draft = fc.boolean().chain(draftArb);

const context: fc.Arbitrary<ValidationContext> = fc.record({
  mode: fc.constantFrom('create', 'edit'),
  now: fc.constantFrom(new Date('2025-06-01T12:00:00Z'), new Date('2025-06-01T20:00:00Z')),
  environment: fc.constantFrom('production', 'development'),
  poolCapacity: fc.constantFrom(undefined, null, 0, 3, 50),
  knownGoalTypes: fc.constantFrom(undefined, ['appointments_booked', 'connect_rate', 'nope']),
  features: fc.constantFrom(undefined, {}, { followUps: true }, { contactMemory: true }, { followUps: true, contactMemory: true }),
});

const RUNS = { numRuns: 3000 };

test('property: validateDraft never throws, and its errors are validateStep per step (create) in step order', () => {
  fc.assert(
    fc.property(draft, context, (d, c) => {
      const errors = validateDraft(d, c);
      const order = errors.map((e) => STEP_IDS.indexOf(e.step));
      assert.deepEqual(order, [...order].sort((a, b) => a - b));
      if (c.mode === 'create') assert.deepEqual(errors, STEP_IDS.flatMap((s) => validateStep(d, s, c)));
    }),
    RUNS,
  );
});

test('property: toPayload never throws and is ok exactly when validateDraft has no errors', () => {
  let ok = 0;
  fc.assert(
    fc.property(draft, context, (d, c) => {
      const result = toPayload(d, c);
      assert.equal(result.ok, validateDraft(d, c).length === 0);
      if (result.ok) ok++;
    }),
    RUNS,
  );
  assert.ok(ok > 50, `only ${ok} valid drafts were generated; the property says little`);
});

test('property: a payload round trips through draftFromPayload (edit)', () => {
  fc.assert(
    fc.property(draft, context, (d, c) => {
      const first = toPayload(d, c);
      if (!first.ok) return;
      const editCtx = { ...c, mode: 'edit' as const };
      assert.deepEqual(toPayload(draftFromPayload(first.payload), editCtx), { ok: true, payload: first.payload });
    }),
    RUNS,
  );
});

test('property: applyPayload never throws on anything, and the result can be validated', () => {
  fc.assert(
    fc.property(draft, fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), context, (base, values, c) => {
      const out = applyPayload(base, values as DeepPartial<CampaignPayload>);
      validateDraft(out, c);
    }),
    RUNS,
  );
});

test('property: applyPayload survives payload-shaped garbage', () => {
  const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.anything(), { maxLength: 3 }));
  const shaped = fc.record(
    {
      name: leaf,
      agentId: leaf,
      telephony: fc.oneof(leaf, fc.record({ numberPoolIds: leaf, primaryFromNumberId: leaf, callRecording: leaf }, { requiredKeys: [] })),
      audience: fc.oneof(
        leaf,
        fc.record(
          { source: fc.constantFrom('csv', 'contact_ids', 'segment', 'x'), fileName: leaf, rowCount: leaf, mapping: leaf, callVariables: leaf, contactIds: leaf, segmentId: leaf },
          { requiredKeys: ['source'] },
        ),
      ),
      schedule: fc.oneof(
        leaf,
        fc.record(
          { triggerMode: leaf, startAt: leaf, timezone: leaf, callWindows: fc.oneof(leaf, fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.oneof(leaf, fc.record({ enabled: leaf, start: leaf, end: leaf })))), concurrency: fc.oneof(leaf, fc.record({ mode: leaf, limit: leaf })), priority: leaf },
          { requiredKeys: [] },
        ),
      ),
      outcomes: fc.oneof(
        leaf,
        fc.record(
          { maxRetries: leaf, maxVoicemailAttempts: leaf, abTest: fc.oneof(leaf, fc.record({ variants: fc.oneof(leaf, fc.array(fc.record({ agentId: leaf, weight: leaf }), { maxLength: 5 })) })), followUps: fc.oneof(leaf, fc.record({ rules: leaf, contactMemory: leaf })), goals: fc.oneof(leaf, fc.array(fc.record({ type: leaf, target: leaf }), { maxLength: 4 })) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(draft, shaped, context, (base, values, c) => {
      const before = JSON.stringify(base);
      const out = applyPayload(base, values as DeepPartial<CampaignPayload>);
      assert.equal(JSON.stringify(base), before, 'base is not mutated');
      validateDraft(out, c);
      toPayload(out, c);
    }),
    RUNS,
  );
});
