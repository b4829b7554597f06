import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CampaignDraft } from '../../src/model/draft.js';
import { applyPayload, draftFromPayload, toPayload } from '../../src/model/payload.js';
import { createEmptyDraft } from '../../src/model/defaults.js';
import { GOAL_TYPES } from '../../src/model/goals.js';
import { campaignPayloadSchema, STEP_IDS, VARIANT_KEYS, WEEKDAYS, type CampaignPayload, type DeepPartial } from '../../src/model/schema.js';
import { TIMEZONES } from '../../src/model/timezones.js';
import { validateDraft, validateStep, type ValidationContext } from '../../src/model/validate.js';
import { csvFile } from './fixtures.js';
import { propertyRuns } from './property-runs.js';

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

const RUNS = propertyRuns(300);

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

// ---- Payload first: arbitrary valid payloads, not only those built from drafts. ----
//
// "Valid" means what the wizard itself would send: it passes the schema and validation, and is
// canonical (a name without surrounding spaces, no duplicate pool numbers, startAt only when
// scheduled, a voicemail limit only when retrying, A/B keys A-D in order with variant A on the
// Basics agent, followUps only on an eligible plan). Anything the wizard normalises on the way
// (trimming, dropping empty mapping entries) cannot come back unchanged, by design.

const nonBlank = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s.trim() !== '');
const trimmedText = nonBlank.filter((s) => s.trim() === s);
const anyText = fc.string({ maxLength: 12, unit: 'grapheme' });
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
const hhmm = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const wallTime = (minYear: number) =>
  fc
    .date({ min: new Date(`${minYear}-01-01T00:00:00Z`), max: new Date('2099-12-31T23:59:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 16));
/** Call-variable rows whose names are distinct ignoring case, as validation wants. */
const variableRows = <K extends string>(key: K, source: fc.Arbitrary<string>) =>
  fc.uniqueArray(fc.record({ name: identifier, [key]: source } as Record<'name' | K, fc.Arbitrary<string>>), {
    maxLength: 3,
    selector: (r) => r.name.toLowerCase(),
  }) as fc.Arbitrary<({ name: string } & Record<K, string>)[]>;

/** Audiences as a backend may return them (edit mode sends an untouched one back as it came). */
const loadedAudience: fc.Arbitrary<CampaignPayload['audience']> = fc.oneof(
  fc.record({
    source: fc.constant('csv' as const),
    fileName: nonBlank,
    mapping: fc.dictionary(anyText, anyText, { maxKeys: 4 }),
    callVariables: fc.array(fc.record({ name: nonBlank, column: nonBlank }), { maxLength: 3 }),
    rowCount: fc.nat(),
  }),
  fc.record({
    source: fc.constant('contact_ids' as const),
    contactIds: fc.array(nonBlank, { maxLength: 5 }),
    callVariables: fc.array(fc.record({ name: nonBlank, value: anyText }), { maxLength: 3 }),
  }),
  fc.record({
    source: fc.constant('segment' as const),
    segmentId: nonBlank,
    mapping: fc.dictionary(anyText, anyText, { maxKeys: 4 }),
    callVariables: fc.array(fc.record({ name: nonBlank, field: nonBlank }), { maxLength: 3 }),
  }),
);

/** Audiences a user can build in create mode, in the form the wizard sends them. */
const contactId = fc.stringMatching(/^[\p{L}\p{N}_.:@#/+-]{1,64}$/u);
const builtAudience: fc.Arbitrary<CampaignPayload['audience']> = fc.oneof(
  fc.record({
    source: fc.constant('contact_ids' as const),
    contactIds: fc.uniqueArray(contactId, { minLength: 1, maxLength: 6 }),
    callVariables: variableRows('value', anyText),
  }),
  fc.record({
    source: fc.constant('segment' as const),
    segmentId: nonBlank,
    mapping: fc.dictionary(fc.constantFrom('phone', 'firstName', 'lastName', 'email'), nonBlank, { maxKeys: 4 }),
    callVariables: variableRows('field', nonBlank),
  }),
  fc.record({
    source: fc.constant('csv' as const),
    fileName: nonBlank,
    mapping: fc.record({ phone: nonBlank }).chain((m) => fc.dictionary(fc.constantFrom('firstName', 'lastName', 'email'), nonBlank).map((rest) => ({ ...rest, ...m }))),
    callVariables: variableRows('column', nonBlank),
    rowCount: fc.nat(),
  }),
);

const goalArb = fc.constantFrom(...GOAL_TYPES).chain((g) =>
  fc.record({
    type: fc.constant(g.id),
    target: fc.option(
      g.kind === 'percent'
        ? fc.double({ min: 1e-6, max: 100, noNaN: true })
        : fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      { nil: null },
    ),
  }),
);

/** Weights 0-100 for `n` variants that sum to 100. */
const weights = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

interface PayloadCase {
  payload: CampaignPayload;
  ctx: ValidationContext;
}

function payloadArb(mode: 'create' | 'edit'): fc.Arbitrary<PayloadCase> {
  const now = new Date('2025-06-01T12:00:00Z');
  return fc
    .record({
      environment: fc.constantFrom('production' as const, 'development' as const),
      eligible: fc.boolean(),
      agentId: nonBlank,
      pool: fc.uniqueArray(nonBlank, { minLength: 1, maxLength: 4 }),
      variantCount: fc.constantFrom(0, 2, 3, 4),
      retryOnVoicemail: fc.boolean(),
      triggerMode: fc.constantFrom('immediate' as const, 'scheduled' as const),
    })
    .chain((k) =>
      fc
        .record({
          name: trimmedText,
          templateId: fc.option(anyText, { nil: null }),
          primary: fc.option(fc.constantFrom(...k.pool), { nil: null }),
          callRecording: fc.boolean(),
          preferCountryMatchedNumbers: fc.boolean(),
          audience: mode === 'edit' ? loadedAudience : builtAudience,
          startAt: wallTime(2026),
          timezone: fc.constantFrom(...TIMEZONES),
          windows: fc.tuple(...WEEKDAYS.map(() => fc.record({ enabled: fc.boolean(), a: hhmm, b: hhmm }))),
          dryRun: fc.boolean(),
          concurrency: fc.oneof(
            fc.constant({ mode: 'pool' as const }),
            fc.record({ mode: fc.constant('custom' as const), limit: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) }),
          ),
          priority: fc.integer({ min: 1, max: 10 }),
          maxRetries: fc.constantFrom(1 as const, 2 as const, 3 as const),
          maxVoicemailAttempts: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
          variantAgents: fc.uniqueArray(nonBlank.filter((a) => a !== k.agentId), { minLength: 3, maxLength: 3 }),
          weights: k.variantCount ? weights(k.variantCount) : fc.constant([] as number[]),
          followUps: fc.record({
            missedCallFollowUp: fc.boolean(),
            contactMemory: fc.boolean(),
            rules: fc.array(
              fc.record({
                trigger: fc.constantFrom('no_answer' as const, 'voicemail' as const, 'busy' as const, 'callback_requested' as const),
                delayHours: fc.integer({ min: 1, max: 720 }),
                agentId: fc.option(nonBlank, { nil: null }),
              }),
              { maxLength: 3 },
            ),
          }),
          goals: fc.uniqueArray(goalArb, { maxLength: 3, selector: (g) => g.type }),
        })
        .map((v): PayloadCase => {
          const windows = Object.fromEntries(
            WEEKDAYS.map((day, i) => {
              const w = v.windows[i]!;
              // An open day needs start < end; a closed day keeps any valid times.
              if (!w.enabled) return [day, { enabled: false, start: w.a, end: w.b }];
              const [start, end] = w.a < w.b ? [w.a, w.b] : w.a > w.b ? [w.b, w.a] : ['00:00', '23:59'];
              return [day, { enabled: true, start, end }];
            }),
          ) as CampaignPayload['schedule']['callWindows'];
          const payload: CampaignPayload = {
            name: v.name,
            agentId: k.agentId,
            templateId: v.templateId,
            telephony: {
              primaryFromNumberId: v.primary,
              numberPoolIds: k.pool,
              callRecording: v.callRecording,
              preferCountryMatchedNumbers: v.preferCountryMatchedNumbers,
            },
            audience: v.audience,
            schedule: {
              triggerMode: k.triggerMode,
              startAt: k.triggerMode === 'scheduled' ? v.startAt : null,
              timezone: v.timezone,
              callWindows: windows,
              callWindowTimezoneMode: 'contact_local',
              dryRun: k.environment === 'production' ? false : v.dryRun,
              concurrency: v.concurrency,
              priority: v.priority,
            },
            outcomes: {
              retryOnVoicemail: k.retryOnVoicemail,
              maxRetries: v.maxRetries,
              maxVoicemailAttempts: k.retryOnVoicemail ? v.maxVoicemailAttempts : null,
              abTest: k.variantCount
                ? {
                    variants: v.weights.map((weight, i) => ({
                      key: VARIANT_KEYS[i]!,
                      agentId: i === 0 ? k.agentId : v.variantAgents[i - 1]!,
                      weight,
                    })),
                  }
                : null,
              followUps: k.eligible ? v.followUps : null,
              goals: v.goals,
            },
          };
          const features = k.eligible ? { followUps: true, contactMemory: true } : {};
          return { payload, ctx: { mode, now, environment: k.environment, features } };
        }),
    );
}

const PAYLOAD_RUNS = propertyRuns(200);

test('property: every generated payload passes the schema (the generator itself is sound)', () => {
  fc.assert(
    fc.property(fc.oneof(payloadArb('create'), payloadArb('edit')), ({ payload }) => {
      const parsed = campaignPayloadSchema.safeParse(payload);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    }),
    PAYLOAD_RUNS,
  );
});

test('property: payload -> draft -> payload is the identity for any valid payload (edit: loadCampaign)', () => {
  fc.assert(
    fc.property(payloadArb('edit'), ({ payload, ctx }) => {
      // fast-check builds some objects without a prototype; a backend's JSON has ordinary ones.
      const original = structuredClone(payload);
      const before = JSON.stringify(payload);
      const result = toPayload(draftFromPayload(payload), ctx);
      assert.deepEqual(result, { ok: true, payload: original });
      assert.equal(JSON.stringify(payload), before, 'the loaded payload is not mutated');
    }),
    PAYLOAD_RUNS,
  );
});

test('property: payload -> draft -> payload is the identity for any valid payload (create: initial, clone)', () => {
  fc.assert(
    fc.property(payloadArb('create'), ({ payload, ctx }) => {
      const original = structuredClone(payload);
      const draft = applyPayload(createEmptyDraft({ timezone: 'UTC' }), payload);
      // A clone of a CSV campaign needs the file itself: the user picks it again.
      if (draft.audience.source === 'csv' && draft.audience.csv) draft.audience.csv.file = csvFile(payload.audience.source === 'csv' ? payload.audience.fileName : 'x.csv');
      const result = toPayload(draft, ctx);
      assert.deepEqual(result, { ok: true, payload: original });
    }),
    PAYLOAD_RUNS,
  );
});

test('property: whenever toPayload succeeds, its payload passes the exported schema', () => {
  fc.assert(
    fc.property(draft, context, (d, c) => {
      const result = toPayload(d, c);
      if (result.ok) assert.ok(campaignPayloadSchema.safeParse(result.payload).success);
    }),
    RUNS,
  );
});

test('a hostile "__proto__" mapping key from a backend is dropped, and no prototype is touched', () => {
  const audience = JSON.parse('{"source":"segment","segmentId":"s","mapping":{"__proto__":{"polluted":"yes"},"constructor":"C","phone":"Phone"},"callVariables":[]}');
  const payload = { ...structuredClone(validPayloadForEdit()), audience };
  const result = toPayload(draftFromPayload(payload as CampaignPayload), { mode: 'edit', now: new Date('2025-06-01T12:00:00Z'), environment: 'production' });
  // The loaded audience goes back as it came; the schema check on the way out drops the key.
  assert.ok(result.ok);
  assert.deepEqual(Object.keys(result.payload.audience.source === 'segment' ? result.payload.audience.mapping : {}), ['constructor', 'phone']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

function validPayloadForEdit(): CampaignPayload {
  const d = createEmptyDraft({ timezone: 'UTC' });
  d.name = 'n';
  d.agentId = 'a';
  d.telephony.numberPoolIds = ['n-1'];
  d.audience.source = 'contact_ids';
  d.audience.contactIdsText = 'c-1';
  const r = toPayload(d, { mode: 'create', now: new Date('2025-06-01T12:00:00Z'), environment: 'production' });
  if (!r.ok) throw new Error('fixture is invalid');
  return r.payload;
}
