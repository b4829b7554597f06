/**
 * Smart inbound routing: when a contact calls back, which campaign gets the credit, where the
 * call goes, and which records close. Pure TypeScript: no DOM, no Lit, no clock (the call's own
 * time is "now"), no I/O. A host backend imports it from `campaign-wizard/inbound-routing`,
 * loads the caller's tasks and follow-ups, calls {@link routeInboundCall}, and applies the
 * returned `changes` itself.
 *
 * The reference ("Inbound returns and smart routing"):
 * - an inbound from a contact with an `active` or `retry_pending` task in a campaign closes that
 *   task as `contacted_inbound` and bridges the call to the campaign's agent;
 * - an inbound that matches an `active` follow-up created from a campaign is attributed to that
 *   campaign and the follow-up closes;
 * - a per-tenant kill switch turns all of it off; look-back windows bound how old a task or a
 *   follow-up may be.
 *
 * Decisions (the reference leaves these open):
 *
 * Kill switch. Only `smartRoutingEnabled === true` turns routing on. Anything else (false,
 * missing, a malformed settings object) routes to the default route, attributes nothing and
 * changes nothing.
 *
 * Number matching (E.164). Both the caller's number and each record's number are normalised:
 * white space, dashes, dots and parentheses are removed, a leading `00` becomes `+`; the result
 * must then be `+` followed by digits only, and libphonenumber-js must read it as a valid
 * number; its E.164 form is the match key. Keys are compared as exact strings. A number
 * without a country code (national format), with letters, an extension or anything else, or
 * that libphonenumber-js rejects is invalid: an invalid caller number never matches anything
 * (withheld numbers such as "anonymous" included), and a record with an invalid number is never
 * matched.
 *
 * Times. A timestamp is a `Date`, a finite number of epoch milliseconds, or an ISO 8601
 * date-time string with an explicit offset (`2025-03-01T09:30:00Z`,
 * `2025-03-01T09:30:00.000+01:00`). Date-only strings and strings without an offset are
 * rejected (they would depend on the server's time zone), as are impossible dates
 * (`2025-02-30`). A call with an invalid time routes to the default route with nothing
 * attributed; a record with an invalid or missing time (a task never attempted) is ignored.
 *
 * Look-back windows. A task's activity time is `lastAttemptAt`, a follow-up's is `createdAt`.
 * A record counts only when `call.at - window <= activity <= call.at`: both ends inclusive, so a
 * record exactly one window old still counts and one millisecond older does not. Records dated
 * after the call (clock skew, bad data) never count. The window is `hours + 24 * days` of the
 * settings' `...LookBackHours` and `...LookBackDays`; when neither is set it is
 * {@link DEFAULT_LOOK_BACK_HOURS}. A present value that is not a finite number >= 0 disables
 * that layer (fail closed: a broken setting never widens the window).
 *
 * Precedence.
 * 1. Campaign: among all qualifying tasks and follow-ups of every campaign, the one with the
 *    most recent activity picks the campaign. Ties: a task before a follow-up, then by `id`,
 *    then `campaignId`, then `agentId`, comparing strings by UTF-16 code units (never by
 *    locale), so the result never depends on the input order.
 * 2. Within that campaign, every qualifying task closes as `contacted_inbound` and every
 *    qualifying follow-up closes (the contact is back; redialling them would be wrong). Records
 *    of other campaigns, and records outside their window, are never touched.
 * 3. Reason: `contacted_inbound` when a task of that campaign closed (the task layer comes
 *    first, as in the reference), otherwise `follow_up_match`.
 * 4. Route: the campaign's agent, taken from its qualifying tasks (most recent first), else
 *    from its qualifying follow-ups (most recent first); a record with an empty or missing
 *    `agentId` names no agent. No agent named: the default route (the call is still
 *    attributed and the records still close).
 * 5. Nothing qualifies: the default route, no attribution, no changes.
 *
 * Robustness. {@link routeInboundCall} never throws, whatever it is given: malformed records
 * are skipped, and an unexpected failure yields the default route with nothing attributed.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A `Date`, epoch milliseconds, or an ISO 8601 date-time string with `Z` or an offset. */
export type Timestamp = string | number | Date;

export interface InboundCall {
  /** The caller's number as received (E.164 preferred; `00` international prefix accepted). */
  callerNumber: string;
  /** When the call arrived. */
  at: Timestamp;
}

/** The tenant's "Tenant settings → Inbound routing". */
export interface InboundRoutingSettings {
  /** The kill switch: only `true` enables smart routing. */
  smartRoutingEnabled: boolean;
  taskLookBackHours?: number;
  taskLookBackDays?: number;
  followUpLookBackHours?: number;
  followUpLookBackDays?: number;
  /** Opaque id of the tenant's default route (queue, IVR); echoed in a default route. */
  defaultRoute?: string;
}

export type CampaignTaskStatus = 'active' | 'retry_pending' | 'closed';

/** One of the caller's campaign tasks (the contact's place in a campaign's dial list). */
export interface CampaignTask {
  id: string;
  campaignId: string;
  /** The campaign's agent. */
  agentId: string;
  status: CampaignTaskStatus;
  phoneNumber: string;
  /** The last outbound attempt; `null` when never attempted (such a task is ignored). */
  lastAttemptAt: Timestamp | null;
}

export type FollowUpStatus = 'active' | 'closed';

/** A follow-up created from a campaign. */
export interface CampaignFollowUp {
  id: string;
  campaignId: string;
  /** The agent to route to; `null` when the follow-up names none. */
  agentId: string | null;
  phoneNumber: string;
  createdAt: Timestamp;
  status: FollowUpStatus;
}

export type InboundRoute =
  | { kind: 'agent'; agentId: string; campaignId: string }
  /** `target` is the settings' `defaultRoute`, when one is set. */
  | { kind: 'default'; target?: string };

export type InboundReturnReason = 'contacted_inbound' | 'follow_up_match';

/** The routing reasons this module produces, in display order. */
export const INBOUND_RETURN_REASONS: readonly InboundReturnReason[] = ['contacted_inbound', 'follow_up_match'];

export interface InboundAttribution {
  campaignId: string;
  reason: InboundReturnReason;
}

export type InboundRoutingChange =
  | { type: 'task_closed'; taskId: string; status: 'contacted_inbound' }
  | { type: 'follow_up_closed'; followUpId: string };

export interface InboundRoutingResult {
  route: InboundRoute;
  attribution: InboundAttribution | null;
  /** Tasks first, then follow-ups, each in precedence order; no id twice. */
  changes: InboundRoutingChange[];
}

/** The look-back window when a tenant sets neither hours nor days: 30 days. */
export const DEFAULT_LOOK_BACK_HOURS = 30 * 24;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Routes one inbound call. See the module header for every rule. Never throws.
 */
export function routeInboundCall(
  call: InboundCall,
  settings: InboundRoutingSettings,
  tasks: readonly CampaignTask[],
  followUps: readonly CampaignFollowUp[],
): InboundRoutingResult {
  try {
    return route(call, settings, tasks, followUps);
  } catch {
    // Last line of defence (a throwing getter or proxy in the input): do nothing clever.
    return { route: { kind: 'default' }, attribution: null, changes: [] };
  }
}

interface Candidate {
  kind: 'task' | 'follow_up';
  id: string;
  campaignId: string;
  agentId: string | null;
  at: number;
}

function route(
  call: unknown,
  settings: unknown,
  tasks: unknown,
  followUps: unknown,
): InboundRoutingResult {
  const s = isObject(settings) ? settings : {};
  const defaultRoute: InboundRoute =
    typeof s.defaultRoute === 'string' && s.defaultRoute !== ''
      ? { kind: 'default', target: s.defaultRoute }
      : { kind: 'default' };
  const nothing = (): InboundRoutingResult => ({ route: { ...defaultRoute }, attribution: null, changes: [] });

  if (s.smartRoutingEnabled !== true) return nothing();
  if (!isObject(call)) return nothing();
  const caller = toE164(call.callerNumber);
  const at = toEpochMs(call.at);
  if (caller === null || at === null) return nothing();

  const taskWindow = lookBackMs(s.taskLookBackHours, s.taskLookBackDays);
  const followUpWindow = lookBackMs(s.followUpLookBackHours, s.followUpLookBackDays);
  const within = (t: number, windowMs: number) => t <= at && t >= at - windowMs;

  const candidates: Candidate[] = [];
  if (taskWindow !== null) {
    for (const task of asArray(tasks)) {
      if (!isObject(task)) continue;
      if (task.status !== 'active' && task.status !== 'retry_pending') continue;
      const c = candidate('task', task, task.lastAttemptAt, caller);
      if (c && within(c.at, taskWindow)) candidates.push(c);
    }
  }
  if (followUpWindow !== null) {
    for (const followUp of asArray(followUps)) {
      if (!isObject(followUp)) continue;
      if (followUp.status !== 'active') continue;
      const c = candidate('follow_up', followUp, followUp.createdAt, caller);
      if (c && within(c.at, followUpWindow)) candidates.push(c);
    }
  }
  if (candidates.length === 0) return nothing();

  candidates.sort(byPrecedence);
  const campaignId = candidates[0]!.campaignId;
  const inCampaign = candidates.filter((c) => c.campaignId === campaignId);
  const campaignTasks = inCampaign.filter((c) => c.kind === 'task');
  const campaignFollowUps = inCampaign.filter((c) => c.kind === 'follow_up');

  const changes: InboundRoutingChange[] = [];
  const seenTasks = new Set<string>();
  for (const t of campaignTasks) {
    if (seenTasks.has(t.id)) continue;
    seenTasks.add(t.id);
    changes.push({ type: 'task_closed', taskId: t.id, status: 'contacted_inbound' });
  }
  const seenFollowUps = new Set<string>();
  for (const f of campaignFollowUps) {
    if (seenFollowUps.has(f.id)) continue;
    seenFollowUps.add(f.id);
    changes.push({ type: 'follow_up_closed', followUpId: f.id });
  }

  const reason: InboundReturnReason = campaignTasks.length > 0 ? 'contacted_inbound' : 'follow_up_match';
  const agentId = [...campaignTasks, ...campaignFollowUps].find((c) => c.agentId !== null)?.agentId ?? null;
  return {
    route: agentId !== null ? { kind: 'agent', agentId, campaignId } : { ...defaultRoute },
    attribution: { campaignId, reason },
    changes,
  };
}

function candidate(
  kind: Candidate['kind'],
  record: Record<string, unknown>,
  activity: unknown,
  caller: string,
): Candidate | null {
  const { id, campaignId, agentId } = record;
  if (!isNonEmptyString(id) || !isNonEmptyString(campaignId)) return null;
  if (toE164(record.phoneNumber) !== caller) return null;
  const at = toEpochMs(activity);
  if (at === null) return null;
  return { kind, id, campaignId, agentId: isNonEmptyString(agentId) ? agentId : null, at };
}

/** Most recent first; then task before follow-up; then id, campaignId, agentId ascending. */
function byPrecedence(a: Candidate, b: Candidate): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.kind !== b.kind) return a.kind === 'task' ? -1 : 1;
  return (
    compareStrings(a.id, b.id) ||
    compareStrings(a.campaignId, b.campaignId) ||
    compareStrings(a.agentId ?? '', b.agentId ?? '')
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The window in milliseconds, or `null` when a present setting is malformed (layer off).
 */
function lookBackMs(hours: unknown, days: unknown): number | null {
  if (hours == null && days == null) return DEFAULT_LOOK_BACK_HOURS * HOUR_MS;
  let ms = 0;
  for (const [value, unit] of [
    [hours, HOUR_MS],
    [days, DAY_MS],
  ] as const) {
    if (value == null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
    ms += value * unit;
  }
  return Number.isFinite(ms) ? ms : null;
}

const NUMBER_PUNCTUATION = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212.()]/g;

/**
 * The number's E.164 form, or `null` when it is not a valid international number. Exported for
 * hosts that key their records by the same normalisation.
 */
export function toE164(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let n = input.replace(NUMBER_PUNCTUATION, '');
  if (n.startsWith('00')) n = '+' + n.slice(2);
  if (!/^\+[1-9]\d{1,14}$/.test(n)) return null;
  const parsed = parsePhoneNumberFromString(n);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Epoch milliseconds, or `null` for anything that is not an unambiguous instant. Exported so a
 * host can validate its timestamps the same way.
 */
export function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? t : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const t = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(t) ? t : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
