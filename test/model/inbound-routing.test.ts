import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyRuns } from './property-runs.js';
import {
  DEFAULT_LOOK_BACK_HOURS,
  routeInboundCall,
  toE164,
  toEpochMs,
  type CampaignFollowUp,
  type CampaignTask,
  type InboundRoutingResult,
  type InboundRoutingSettings,
} from '../../src/model/inbound-routing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.parse('2025-06-10T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const ago = (ms: number) => iso(T - ms);

const CALLER = '+14155550123';
const OTHER = '+442079460958';
const call = { callerNumber: CALLER, at: iso(T) };
const settings: InboundRoutingSettings = { smartRoutingEnabled: true, taskLookBackHours: 72, followUpLookBackHours: 48 };

const task = (o: Partial<CampaignTask> = {}): CampaignTask => ({
  id: 't1',
  campaignId: 'c1',
  agentId: 'agent-1',
  status: 'active',
  phoneNumber: CALLER,
  lastAttemptAt: ago(HOUR),
  ...o,
});
const followUp = (o: Partial<CampaignFollowUp> = {}): CampaignFollowUp => ({
  id: 'f1',
  campaignId: 'c2',
  agentId: 'agent-2',
  phoneNumber: CALLER,
  createdAt: ago(HOUR),
  status: 'active',
  ...o,
});

const NOTHING: InboundRoutingResult = { route: { kind: 'default' }, attribution: null, changes: [] };
const taskClosed = (taskId: string) => ({ type: 'task_closed', taskId, status: 'contacted_inbound' }) as const;
const followUpClosed = (followUpId: string) => ({ type: 'follow_up_closed', followUpId }) as const;
const viaTask = (campaignId: string, agentId: string, ...ids: string[]): InboundRoutingResult => ({
  route: { kind: 'agent', agentId, campaignId },
  attribution: { campaignId, reason: 'contacted_inbound' },
  changes: ids.map(taskClosed),
});
const viaFollowUp = (campaignId: string, agentId: string | null, ...ids: string[]): InboundRoutingResult => ({
  route: agentId === null ? { kind: 'default' } : { kind: 'agent', agentId, campaignId },
  attribution: { campaignId, reason: 'follow_up_match' },
  changes: ids.map(followUpClosed),
});

interface Case {
  name: string;
  call?: unknown;
  settings?: unknown;
  tasks?: unknown;
  followUps?: unknown;
  expected: InboundRoutingResult;
}

function run(c: Case): InboundRoutingResult {
  return routeInboundCall(
    ('call' in c ? c.call : call) as never,
    ('settings' in c ? c.settings : settings) as never,
    ('tasks' in c ? c.tasks : []) as never,
    ('followUps' in c ? c.followUps : []) as never,
  );
}

function table(title: string, cases: Case[]) {
  describe(title, () => {
    for (const c of cases) it(c.name, () => assert.deepEqual(run(c), c.expected));
  });
}

table('kill switch', [
  { name: 'disabled: default route, nothing attributed or closed', settings: { ...settings, smartRoutingEnabled: false }, tasks: [task()], followUps: [followUp()], expected: NOTHING },
  { name: 'missing switch counts as off', settings: { taskLookBackHours: 72 }, tasks: [task()], expected: NOTHING },
  { name: 'a truthy non-boolean counts as off', settings: { ...settings, smartRoutingEnabled: 'true' }, tasks: [task()], expected: NOTHING },
  { name: 'settings not an object: off', settings: null, tasks: [task()], expected: NOTHING },
  {
    name: 'disabled keeps the default route target',
    settings: { ...settings, smartRoutingEnabled: false, defaultRoute: 'queue-main' },
    tasks: [task()],
    expected: { route: { kind: 'default', target: 'queue-main' }, attribution: null, changes: [] },
  },
  { name: 'enabled with nothing matching: default route', tasks: [], followUps: [], expected: NOTHING },
  {
    name: 'enabled with nothing matching keeps the target',
    settings: { ...settings, defaultRoute: 'ivr-1' },
    expected: { route: { kind: 'default', target: 'ivr-1' }, attribution: null, changes: [] },
  },
]);

table('task layer', [
  { name: 'active task closes as contacted_inbound and bridges to its agent', tasks: [task()], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'retry_pending task does the same', tasks: [task({ status: 'retry_pending' })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'closed task is ignored', tasks: [task({ status: 'closed' })], expected: NOTHING },
  { name: 'unknown status is ignored', tasks: [task({ status: 'paused' as never })], expected: NOTHING },
  { name: 'never-attempted task (null) is ignored', tasks: [task({ lastAttemptAt: null })], expected: NOTHING },
  { name: 'exactly one window old still counts (inclusive)', tasks: [task({ lastAttemptAt: ago(72 * HOUR) })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'one millisecond older than the window is ignored', tasks: [task({ lastAttemptAt: ago(72 * HOUR + 1) })], expected: NOTHING },
  { name: 'attempt at the very instant of the call counts', tasks: [task({ lastAttemptAt: iso(T) })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'future-dated attempt is ignored', tasks: [task({ lastAttemptAt: iso(T + 1) })], expected: NOTHING },
  {
    name: 'window in days',
    settings: { smartRoutingEnabled: true, taskLookBackDays: 2 },
    tasks: [task({ id: 'in', lastAttemptAt: ago(2 * DAY) }), task({ id: 'out', campaignId: 'c9', lastAttemptAt: ago(2 * DAY + 1) })],
    expected: viaTask('c1', 'agent-1', 'in'),
  },
  {
    name: 'hours and days add up',
    settings: { smartRoutingEnabled: true, taskLookBackDays: 1, taskLookBackHours: 6 },
    tasks: [task({ id: 'in', lastAttemptAt: ago(30 * HOUR) }), task({ id: 'out', lastAttemptAt: ago(30 * HOUR + 1) })],
    expected: viaTask('c1', 'agent-1', 'in'),
  },
  {
    name: 'no window set: the 30-day default, inclusive',
    settings: { smartRoutingEnabled: true },
    tasks: [task({ id: 'in', lastAttemptAt: ago(DEFAULT_LOOK_BACK_HOURS * HOUR) }), task({ id: 'out', lastAttemptAt: ago(30 * DAY + 1) })],
    expected: viaTask('c1', 'agent-1', 'in'),
  },
  { name: 'a zero window admits only the same instant', settings: { smartRoutingEnabled: true, taskLookBackHours: 0 }, tasks: [task({ lastAttemptAt: ago(1) })], expected: NOTHING },
  ...[-1, Number.NaN, Number.POSITIVE_INFINITY, '72', true].map((bad) => ({
    name: `malformed window (${String(bad)}) turns the task layer off, follow-ups still match`,
    settings: { ...settings, taskLookBackHours: bad },
    tasks: [task({ lastAttemptAt: ago(1) })],
    followUps: [followUp()],
    expected: viaFollowUp('c2', 'agent-2', 'f1'),
  })),
  { name: 'a malformed days value next to valid hours still turns it off', settings: { ...settings, taskLookBackDays: -2 }, tasks: [task()], expected: NOTHING },
]);

table('follow-up layer', [
  { name: 'active follow-up is attributed, closes, and routes to its agent', followUps: [followUp()], expected: viaFollowUp('c2', 'agent-2', 'f1') },
  { name: 'follow-up naming no agent: attributed and closed, default route', followUps: [followUp({ agentId: null })], expected: viaFollowUp('c2', null, 'f1') },
  {
    name: 'follow-up naming no agent uses the default route target',
    settings: { ...settings, defaultRoute: 'queue-main' },
    followUps: [followUp({ agentId: '' })],
    expected: { ...viaFollowUp('c2', null, 'f1'), route: { kind: 'default', target: 'queue-main' } },
  },
  { name: 'closed follow-up is ignored', followUps: [followUp({ status: 'closed' })], expected: NOTHING },
  { name: 'exactly one window old still counts', followUps: [followUp({ createdAt: ago(48 * HOUR) })], expected: viaFollowUp('c2', 'agent-2', 'f1') },
  { name: 'one millisecond older is ignored', followUps: [followUp({ createdAt: ago(48 * HOUR + 1) })], expected: NOTHING },
  { name: 'future-dated follow-up is ignored', followUps: [followUp({ createdAt: iso(T + HOUR) })], expected: NOTHING },
  {
    name: 'its own window, not the task window',
    settings: { smartRoutingEnabled: true, taskLookBackHours: 1000, followUpLookBackDays: 1 },
    followUps: [followUp({ createdAt: ago(DAY + 1) })],
    expected: NOTHING,
  },
  { name: 'malformed follow-up window turns only that layer off', settings: { ...settings, followUpLookBackHours: -5 }, tasks: [task()], followUps: [followUp({ createdAt: iso(T) })], expected: viaTask('c1', 'agent-1', 't1') },
]);

table('number matching (E.164)', [
  ...['+1 (415) 555-0123', '001 415 555 0123', '+1-415-555-0123', '+1.415.555.0123', '\u00a0+14155550123 '].map((callerNumber) => ({
    name: `caller "${callerNumber}" matches a task stored as E.164`,
    call: { ...call, callerNumber },
    tasks: [task()],
    expected: viaTask('c1', 'agent-1', 't1'),
  })),
  { name: 'a record stored with punctuation matches an E.164 caller', tasks: [task({ phoneNumber: '00 1 (415) 555-0123' })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'UK number with a bracketed trunk zero matches its E.164 form', call: { ...call, callerNumber: '+44 (0)20 7946 0958' }, tasks: [task({ phoneNumber: OTHER })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'a different number never matches', call: { ...call, callerNumber: OTHER }, tasks: [task()], followUps: [followUp()], expected: NOTHING },
  { name: 'a national-format caller never matches, even an identical string', call: { ...call, callerNumber: '4155550123' }, tasks: [task({ phoneNumber: '4155550123' })], expected: NOTHING },
  ...['anonymous', 'Restricted', '', '+', '+1000', '+1 415 CALL NOW', '+14155550123 ext. 12', 'tel:+14155550123'].map((callerNumber) => ({
    name: `invalid caller "${callerNumber}" never matches`,
    call: { ...call, callerNumber },
    tasks: [task({ phoneNumber: callerNumber })],
    followUps: [followUp({ phoneNumber: callerNumber })],
    expected: NOTHING,
  })),
  { name: 'a number libphonenumber rejects never matches, even when equal', call: { ...call, callerNumber: '+15555550100' }, tasks: [task({ phoneNumber: '+15555550100' })], expected: NOTHING },
  { name: 'a caller number that is not a string never matches', call: { ...call, callerNumber: 14155550123 }, tasks: [task()], expected: NOTHING },
  { name: 'a record with an invalid number is skipped', tasks: [task({ id: 'bad', phoneNumber: 'n/a', lastAttemptAt: iso(T) }), task({ id: 'good' })], expected: viaTask('c1', 'agent-1', 'good') },
]);

table('timestamps', [
  { name: 'call time as a Date', call: { ...call, at: new Date(T) }, tasks: [task()], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'call time as epoch ms', call: { ...call, at: T }, tasks: [task({ lastAttemptAt: T - 72 * HOUR })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'an offset is honoured (inclusive boundary across zones)', tasks: [task({ lastAttemptAt: '2025-06-07T14:00:00+02:00' })], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'an offset is honoured (1 minute out)', tasks: [task({ lastAttemptAt: '2025-06-07T13:59:00+02:00' })], expected: NOTHING },
  ...['2025-06-10', '2025-06-10T11:00:00', '2025-02-30T10:00:00Z', '2025-06-10T25:00:00Z', 'yesterday', '', 'Tue, 10 Jun 2025 11:00:00 GMT'].map((lastAttemptAt) => ({
    name: `ambiguous or impossible time "${lastAttemptAt}" is ignored`,
    tasks: [task({ lastAttemptAt })],
    expected: NOTHING,
  })),
  ...[new Date(Number.NaN), Number.NaN, Number.POSITIVE_INFINITY, '2025-06-10T12:00', null, undefined, {}].map((at) => ({
    name: `invalid call time (${String(at)}) routes by default`,
    call: { ...call, at },
    tasks: [task()],
    expected: NOTHING,
  })),
]);

table('precedence', [
  {
    name: 'several campaigns: the most recent activity wins, the others stay open',
    tasks: [task({ id: 'old', campaignId: 'cA', agentId: 'aA', lastAttemptAt: ago(10 * HOUR) }), task({ id: 'new', campaignId: 'cB', agentId: 'aB', lastAttemptAt: ago(2 * HOUR) })],
    expected: viaTask('cB', 'aB', 'new'),
  },
  {
    name: 'a newer follow-up of another campaign beats an older task',
    tasks: [task({ campaignId: 'cA', lastAttemptAt: ago(5 * HOUR) })],
    followUps: [followUp({ campaignId: 'cB', agentId: 'aB', createdAt: ago(HOUR) })],
    expected: viaFollowUp('cB', 'aB', 'f1'),
  },
  {
    name: 'a newer task beats an older follow-up of another campaign',
    tasks: [task({ campaignId: 'cA', agentId: 'aA', lastAttemptAt: ago(HOUR) })],
    followUps: [followUp({ campaignId: 'cB', createdAt: ago(5 * HOUR) })],
    expected: viaTask('cA', 'aA', 't1'),
  },
  {
    name: 'same instant: a task beats a follow-up',
    tasks: [task({ id: 'z', campaignId: 'cZ', agentId: 'aZ', lastAttemptAt: ago(HOUR) })],
    followUps: [followUp({ id: 'a', campaignId: 'cA', createdAt: ago(HOUR) })],
    expected: viaTask('cZ', 'aZ', 'z'),
  },
  {
    name: 'same instant, same kind: the smaller id wins',
    tasks: [task({ id: 't9', campaignId: 'cA', agentId: 'aA' }), task({ id: 't10', campaignId: 'cB', agentId: 'aB' })],
    expected: viaTask('cB', 'aB', 't10'),
  },
  {
    name: 'same instant, same kind: input order does not matter',
    tasks: [task({ id: 't10', campaignId: 'cB', agentId: 'aB' }), task({ id: 't9', campaignId: 'cA', agentId: 'aA' })],
    expected: viaTask('cB', 'aB', 't10'),
  },
  {
    name: 'same id in two campaigns: the smaller campaign id wins',
    tasks: [task({ campaignId: 'cB', agentId: 'aB' }), task({ campaignId: 'cA', agentId: 'aA' })],
    expected: viaTask('cA', 'aA', 't1'),
  },
  {
    name: 'within the winning campaign a newer follow-up and a task both close; the task gives reason and agent',
    tasks: [task({ id: 't1', campaignId: 'c1', agentId: 'campaign-agent', lastAttemptAt: ago(20 * HOUR) })],
    followUps: [followUp({ id: 'f1', campaignId: 'c1', agentId: 'follow-up-agent', createdAt: ago(HOUR) })],
    expected: { ...viaTask('c1', 'campaign-agent', 't1'), changes: [taskClosed('t1'), followUpClosed('f1')] },
  },
  {
    name: 'every qualifying task of the winning campaign closes, most recent first',
    tasks: [task({ id: 'older', lastAttemptAt: ago(5 * HOUR) }), task({ id: 'newer', lastAttemptAt: ago(HOUR), status: 'retry_pending' })],
    expected: viaTask('c1', 'agent-1', 'newer', 'older'),
  },
  {
    name: 'records of the winning campaign outside their window stay open',
    tasks: [task({ id: 'in' }), task({ id: 'out', lastAttemptAt: ago(73 * HOUR) })],
    followUps: [followUp({ campaignId: 'c1', createdAt: ago(49 * HOUR) })],
    expected: viaTask('c1', 'agent-1', 'in'),
  },
  { name: 'a duplicated record closes once', tasks: [task(), task()], expected: viaTask('c1', 'agent-1', 't1') },
  {
    name: 'a task without an agent falls back to the campaign follow-up agent',
    tasks: [task({ agentId: '' })],
    followUps: [followUp({ campaignId: 'c1', agentId: 'fu-agent', createdAt: ago(2 * HOUR) })],
    expected: {
      route: { kind: 'agent', agentId: 'fu-agent', campaignId: 'c1' },
      attribution: { campaignId: 'c1', reason: 'contacted_inbound' },
      changes: [taskClosed('t1'), followUpClosed('f1')],
    },
  },
  {
    name: 'no agent anywhere in the campaign: attributed, closed, default route',
    tasks: [task({ agentId: '' })],
    expected: { route: { kind: 'default' }, attribution: { campaignId: 'c1', reason: 'contacted_inbound' }, changes: [taskClosed('t1')] },
  },
]);

table('malformed input', [
  { name: 'junk records are skipped', tasks: [null, 42, 'x', {}, [], task({ id: '' }), task({ campaignId: undefined as never }), task()], expected: viaTask('c1', 'agent-1', 't1') },
  { name: 'tasks not an array', tasks: { 0: task(), length: 1 }, followUps: [followUp()], expected: viaFollowUp('c2', 'agent-2', 'f1') },
  { name: 'call not an object', call: 'hello', tasks: [task()], expected: NOTHING },
  {
    name: 'a throwing getter yields the default route',
    tasks: [
      Object.defineProperty(task(), 'phoneNumber', {
        get() {
          throw new Error('boom');
        },
      }),
    ],
    expected: NOTHING,
  },
]);

describe('helpers', () => {
  it('toE164 normalises or rejects', () => {
    assert.equal(toE164('0044 20 7946 0958'), OTHER);
    assert.equal(toE164('+1 (415) 555-0123'), CALLER);
    assert.equal(toE164('415 555 0123'), null);
    assert.equal(toE164(undefined), null);
    assert.equal(toE164('+'.padEnd(200, '1')), null);
  });
  it('toEpochMs reads only unambiguous instants', () => {
    assert.equal(toEpochMs('2025-06-10T12:00:00Z'), T);
    assert.equal(toEpochMs('2025-06-10T12:00Z'), T);
    assert.equal(toEpochMs('2025-06-10T14:00:00.000+02:00'), T);
    assert.equal(toEpochMs('2025-06-10T12:00:00.0009Z'), T);
    assert.equal(toEpochMs('2024-02-29T00:00:00Z'), Date.parse('2024-02-29T00:00:00Z'));
    assert.equal(toEpochMs('2023-02-29T00:00:00Z'), null);
    assert.equal(toEpochMs('0001-01-01T00:00:00Z'), Date.parse('0001-01-01T00:00:00Z'));
    assert.equal(toEpochMs('2025-06-10T12:00:00+24:00'), null);
    assert.equal(toEpochMs(new Date('x')), null);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const PHONES: { repr: string; key: string | null }[] = [
  { repr: CALLER, key: CALLER },
  { repr: '+1 (415) 555-0123', key: CALLER },
  { repr: '0014155550123', key: CALLER },
  { repr: OTHER, key: OTHER },
  { repr: '+44 20 7946 0958', key: OTHER },
  { repr: '+33612345678', key: '+33612345678' },
  { repr: 'anonymous', key: null },
  { repr: '', key: null },
  { repr: '4155550123', key: null },
  { repr: '+15555550100', key: null },
];
const phoneArb = fc.constantFrom(...PHONES);

const WINDOW_HOURS = [0, 1, 24, 48, 72, DEFAULT_LOOK_BACK_HOURS];
const offsetArb = fc.oneof(
  fc.integer({ min: -40 * DAY, max: 2 * DAY }),
  fc.constantFrom(...WINDOW_HOURS.flatMap((h) => [-h * HOUR, -h * HOUR - 1, -h * HOUR + 1]), 0, 1, -1, -DAY),
);

/** A timestamp in one of the accepted forms (known instant) or an unreadable one (null). */
const timeArb = (base: number) =>
  fc.oneof(
    offsetArb.chain((off) => {
      const ms = base + off;
      return fc.constantFrom(
        { ms, repr: ms as unknown },
        { ms, repr: new Date(ms) as unknown },
        { ms, repr: iso(ms) as unknown },
        { ms, repr: withOffset(ms, 5 * 60 + 30) as unknown },
        { ms, repr: withOffset(ms, -8 * 60) as unknown },
      );
    }),
    fc.constantFrom<{ ms: number | null; repr: unknown }>(
      { ms: null, repr: null },
      { ms: null, repr: 'yesterday' },
      { ms: null, repr: '2025-06-10' },
      { ms: null, repr: Number.NaN },
      { ms: null, repr: {} },
    ),
  );

function withOffset(ms: number, minutes: number): string {
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, -1);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const windowValueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(undefined, ...WINDOW_HOURS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }) as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, Number.NaN, Number.POSITIVE_INFINITY, '24', null) },
);
const daysValueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<unknown>(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }) as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, Number.NaN) },
);

const idArb = fc.constantFrom('r1', 'r2', 'r3', 'r4', '');
const campaignArb = fc.constantFrom('cA', 'cB', 'cC');
const agentArb = fc.constantFrom<string | null>('a1', 'a2', '', null);

const scenarioArb = fc
  .record({
    enabled: fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>(true) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(false, undefined, 'true') }),
    taskHours: windowValueArb,
    taskDays: daysValueArb,
    followUpHours: windowValueArb,
    followUpDays: daysValueArb,
    caller: phoneArb,
    callAt: fc.oneof({ weight: 9, arbitrary: fc.constant({ ms: T as number | null, repr: iso(T) as unknown }) }, { weight: 1, arbitrary: timeArb(T) }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      tasks: fc.array(
        fc.record({
          id: idArb,
          campaignId: campaignArb,
          agentId: agentArb,
          status: fc.constantFrom('active', 'retry_pending', 'closed', 'bogus'),
          phone: phoneArb,
          time: timeArb(s.callAt.ms ?? T),
        }),
        { maxLength: 8 },
      ),
      followUps: fc.array(
        fc.record({
          id: idArb,
          campaignId: campaignArb,
          agentId: agentArb,
          status: fc.constantFrom('active', 'closed'),
          phone: phoneArb,
          time: timeArb(s.callAt.ms ?? T),
        }),
        { maxLength: 8 },
      ),
    }),
  );

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function build(sc: Scenario) {
  const { s } = sc;
  const settingsIn: Record<string, unknown> = { smartRoutingEnabled: s.enabled };
  if (s.taskHours !== undefined) settingsIn.taskLookBackHours = s.taskHours;
  if (s.taskDays !== undefined) settingsIn.taskLookBackDays = s.taskDays;
  if (s.followUpHours !== undefined) settingsIn.followUpLookBackHours = s.followUpHours;
  if (s.followUpDays !== undefined) settingsIn.followUpLookBackDays = s.followUpDays;
  return {
    call: { callerNumber: s.caller.repr, at: s.callAt.repr },
    settings: settingsIn,
    tasks: sc.tasks.map((t) => ({ id: t.id, campaignId: t.campaignId, agentId: t.agentId, status: t.status, phoneNumber: t.phone.repr, lastAttemptAt: t.time.repr })),
    followUps: sc.followUps.map((f) => ({ id: f.id, campaignId: f.campaignId, agentId: f.agentId, status: f.status, phoneNumber: f.phone.repr, createdAt: f.time.repr })),
  };
}

/** An independent statement of the window: null when the layer is off. */
function oracleWindow(hours: unknown, days: unknown): number | null {
  if (hours == null && days == null) return DEFAULT_LOOK_BACK_HOURS * HOUR;
  const ok = (v: unknown) => v == null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (!ok(hours) || !ok(days)) return null;
  return ((hours as number | undefined) ?? 0) * HOUR + ((days as number | undefined) ?? 0) * DAY;
}

interface Qualifying {
  kind: 'task' | 'follow_up';
  id: string;
  campaignId: string;
  agentId: string | null;
  ms: number;
}

/** Every record that may be attributed: right status, ids, number, inside its window. */
function qualifying(sc: Scenario): Qualifying[] {
  const { s } = sc;
  const callerKey = s.caller.key;
  const at = s.callAt.ms;
  if (s.enabled !== true || callerKey === null || at === null) return [];
  const out: Qualifying[] = [];
  const taskW = oracleWindow(s.taskHours, s.taskDays);
  const fuW = oracleWindow(s.followUpHours, s.followUpDays);
  for (const t of sc.tasks) {
    const ms = t.time.ms;
    if (taskW === null || ms === null || (t.status !== 'active' && t.status !== 'retry_pending')) continue;
    if (t.id === '' || t.phone.key !== callerKey || ms > at || ms < at - taskW) continue;
    out.push({ kind: 'task', id: t.id, campaignId: t.campaignId, agentId: t.agentId || null, ms });
  }
  for (const f of sc.followUps) {
    const ms = f.time.ms;
    if (fuW === null || ms === null || f.status !== 'active') continue;
    if (f.id === '' || f.phone.key !== callerKey || ms > at || ms < at - fuW) continue;
    out.push({ kind: 'follow_up', id: f.id, campaignId: f.campaignId, agentId: f.agentId || null, ms });
  }
  return out;
}

const PROPERTY_RUNS = propertyRuns(500);

describe('properties', () => {
  it('never throws, whatever the input, and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        const r = routeInboundCall(a as never, b as never, c as never, d as never);
        assert.ok(r.route.kind === 'default' || r.route.kind === 'agent');
        assert.ok(Array.isArray(r.changes));
      }),
      PROPERTY_RUNS,
    );
  });

  it('never throws on near-valid input (records of arbitrary shape)', () => {
    const recordArb = fc.record(
      { id: fc.anything(), campaignId: fc.anything(), agentId: fc.anything(), status: fc.anything(), phoneNumber: fc.oneof(fc.string(), phoneArb.map((p) => p.repr)), lastAttemptAt: fc.anything(), createdAt: fc.anything() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.record({ callerNumber: fc.oneof(fc.string(), phoneArb.map((p) => p.repr)), at: fc.oneof(fc.anything(), fc.date(), fc.double()) }, { requiredKeys: [] }),
        fc.record({ smartRoutingEnabled: fc.boolean(), taskLookBackHours: fc.anything(), taskLookBackDays: fc.double(), followUpLookBackHours: fc.double(), followUpLookBackDays: fc.anything(), defaultRoute: fc.anything() }, { requiredKeys: ['smartRoutingEnabled'] }),
        fc.array(recordArb, { maxLength: 6 }),
        fc.array(recordArb, { maxLength: 6 }),
        (callIn, settingsIn, tasks, followUps) => {
          routeInboundCall(callIn as never, settingsIn as never, tasks as never, followUps as never);
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it('never attributes, closes or routes outside a look-back window, and misses nothing inside', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const input = build(sc);
        const r = routeInboundCall(input.call as never, input.settings as never, input.tasks as never, input.followUps as never);
        const q = qualifying(sc);

        if (q.length === 0) {
          assert.equal(r.attribution, null);
          assert.deepEqual(r.changes, []);
          assert.equal(r.route.kind, 'default');
          return;
        }
        assert.ok(r.attribution, 'a qualifying record exists, so the call is attributed');
        const campaignId = r.attribution.campaignId;
        const mine = q.filter((x) => x.campaignId === campaignId);
        // The winning campaign holds the most recent qualifying activity.
        assert.equal(Math.max(...mine.map((x) => x.ms)), Math.max(...q.map((x) => x.ms)));
        // Every change is a qualifying record of that campaign, and every such record changes.
        const expectedChanges = new Set(mine.map((x) => `${x.kind}:${x.id}`));
        const actualChanges = r.changes.map((c) => (c.type === 'task_closed' ? `task:${c.taskId}` : `follow_up:${c.followUpId}`));
        assert.equal(new Set(actualChanges).size, actualChanges.length, 'no record changes twice');
        assert.deepEqual(new Set(actualChanges), expectedChanges);
        for (const c of r.changes) if (c.type === 'task_closed') assert.equal(c.status, 'contacted_inbound');
        assert.equal(r.attribution.reason, mine.some((x) => x.kind === 'task') ? 'contacted_inbound' : 'follow_up_match');
        // The route is the campaign's agent when one of its records names one.
        const agents = mine.map((x) => x.agentId).filter((a): a is string => a !== null);
        if (agents.length === 0) assert.equal(r.route.kind, 'default');
        else {
          assert.equal(r.route.kind, 'agent');
          if (r.route.kind === 'agent') {
            assert.equal(r.route.campaignId, campaignId);
            assert.ok(agents.includes(r.route.agentId));
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('does not depend on the order of tasks and follow-ups', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (sc, seed) => {
        const input = build(sc);
        const shuffle = <X>(xs: X[]) => {
          const out = [...xs];
          let k = seed;
          for (let i = out.length - 1; i > 0; i--) {
            k = (k * 1103515245 + 12345) | 0;
            const j = Math.abs(k) % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = routeInboundCall(input.call as never, input.settings as never, input.tasks as never, input.followUps as never);
        const b = routeInboundCall(input.call as never, input.settings as never, shuffle(input.tasks) as never, shuffle(input.followUps) as never);
        assert.deepEqual(b, a);
      }),
      PROPERTY_RUNS,
    );
  });

  it('the kill switch off means nothing happens', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<unknown>(false, undefined, null, 1, 'true'), (sc, off) => {
        const input = build(sc);
        const r = routeInboundCall(input.call as never, { ...input.settings, smartRoutingEnabled: off } as never, input.tasks as never, input.followUps as never);
        assert.deepEqual(r, NOTHING);
      }),
      PROPERTY_RUNS,
    );
  });
});
