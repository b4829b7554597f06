import { parseContactIds } from './contact-ids.js';
import { createEmptyDraft, DEFAULT_CALL_WINDOWS } from './defaults.js';
import type { AudienceDraft, CampaignDraft, CsvDraft, GoalDraft, VariantDraft } from './draft.js';
import { goalKind } from './goals.js';
import {
  campaignPayloadSchema,
  followUpRuleSchema,
  VARIANT_KEYS,
  WEEKDAYS,
  type CallWindow,
  type CampaignAudience,
  type CampaignPayload,
  type DeepPartial,
  type FollowUpRule,
  type Weekday,
} from './schema.js';
import { parseGoalTarget, parseIntegerText, validateDraft, type FieldError, type ValidationContext } from './validate.js';

export type PayloadResult = { ok: true; payload: CampaignPayload } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------------------------
// draft -> payload
// ---------------------------------------------------------------------------------------------

/** A call-variable row the user added and never filled in is not sent (validation ignores it too). */
const filled = (name: string, source: string) => name.trim() !== '' || source.trim() !== '';

/** Mapping entries with no column/field chosen are "not mapped", not an empty header. */
function chosen(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== ''));
}

function audienceOf(a: AudienceDraft, ctx: ValidationContext): CampaignAudience {
  // Edit: an audience the user did not touch goes back exactly as it came.
  if (ctx.mode === 'edit' && a.loaded) return structuredClone(a.loaded);
  switch (a.source) {
    case 'csv': {
      const csv = a.csv as CsvDraft; // validation guarantees csv, fileName and rowCount
      return {
        source: 'csv',
        fileName: csv.fileName,
        mapping: chosen(csv.mapping),
        callVariables: csv.callVariables.filter((v) => filled(v.name, v.column)).map((v) => ({ name: v.name, column: v.column })),
        rowCount: csv.rowCount ?? 0,
      };
    }
    case 'contact_ids':
      return {
        source: 'contact_ids',
        contactIds: parseContactIds(a.contactIdsText),
        callVariables: a.contactIdVariables.filter((v) => filled(v.name, v.value)).map((v) => ({ name: v.name, value: v.value })),
      };
    default:
      return {
        source: 'segment',
        segmentId: a.segment.segmentId ?? '',
        mapping: chosen(a.segment.mapping),
        callVariables: a.segment.callVariables.filter((v) => filled(v.name, v.field)).map((v) => ({ name: v.name, field: v.field })),
      };
  }
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An off day's times are not validated; unreadable ones are sent as the defaults. */
function windowOf(day: Weekday, w: CallWindow): CallWindow {
  if (w.enabled) return { enabled: true, start: w.start, end: w.end };
  const d = DEFAULT_CALL_WINDOWS[day];
  return { enabled: false, start: HHMM.test(w.start) ? w.start : d.start, end: HHMM.test(w.end) ? w.end : d.end };
}

function build(d: CampaignDraft, ctx: ValidationContext): CampaignPayload {
  const s = d.schedule;
  const o = d.outcomes;
  const features = ctx.features ?? {};
  const maxVoicemail = o.retryOnVoicemail ? parseIntegerText(o.maxVoicemailAttemptsText) : null;
  const customLimit = parseIntegerText(s.concurrency.limitText);
  return {
    name: d.name.trim(),
    agentId: d.agentId ?? '',
    templateId: d.templateId,
    telephony: {
      primaryFromNumberId: d.telephony.primaryFromNumberId || null,
      numberPoolIds: [...new Set(d.telephony.numberPoolIds.filter((id) => id !== ''))],
      callRecording: d.telephony.callRecording,
      preferCountryMatchedNumbers: d.telephony.preferCountryMatchedNumbers,
    },
    audience: audienceOf(d.audience, ctx),
    schedule: {
      triggerMode: s.triggerMode,
      startAt: s.triggerMode === 'scheduled' ? s.startAt : null,
      timezone: s.timezone,
      callWindows: Object.fromEntries(WEEKDAYS.map((day) => [day, windowOf(day, s.callWindows[day])])) as Record<Weekday, CallWindow>,
      callWindowTimezoneMode: 'contact_local',
      dryRun: ctx.environment === 'production' ? false : s.dryRun,
      concurrency: s.concurrency.mode === 'custom' && customLimit !== null ? { mode: 'custom', limit: customLimit } : { mode: 'pool' },
      priority: parseIntegerText(s.priorityText) ?? 0,
    },
    outcomes: {
      retryOnVoicemail: o.retryOnVoicemail,
      maxRetries: o.maxRetries,
      maxVoicemailAttempts: maxVoicemail,
      abTest: o.abTest.enabled
        ? {
            variants: o.abTest.variants.map((v, i) => ({
              key: VARIANT_KEYS[i] ?? v.key, // keys follow position: A, B, C, D
              agentId: (i === 0 ? d.agentId : v.agentId) ?? '', // A is always the Basics agent
              weight: parseIntegerText(v.weightText) ?? 0,
            })),
          }
        : null,
      // Sent only on eligible plans, and each part only when its feature is on.
      followUps:
        features.followUps || features.contactMemory
          ? {
              missedCallFollowUp: !!features.followUps && o.followUps.missedCallFollowUp,
              contactMemory: !!features.contactMemory && o.followUps.contactMemory,
              rules: features.followUps ? o.followUps.rules.map((r) => ({ ...r })) : [],
            }
          : null,
      goals: o.goals.map((g) => ({ type: g.type, target: parseGoalTarget(g.targetText, goalKind(g.type) ?? 'count') ?? null })),
    },
  };
}

/**
 * The payload to submit, or the errors that stop it. The payload is checked against the
 * schema before it leaves: a failure there means validation let something through (a bug),
 * so it throws with the schema's issues rather than sending bad data.
 */
export function toPayload(draft: CampaignDraft, ctx: ValidationContext): PayloadResult {
  const errors = validateDraft(draft, ctx);
  if (errors.length > 0) return { ok: false, errors };
  const checked = campaignPayloadSchema.safeParse(build(draft, ctx));
  if (!checked.success) throw new Error(`campaign-wizard: built payload fails its schema: ${JSON.stringify(checked.error.issues)}`);
  return { ok: true, payload: checked.data };
}

/** The CSV file to upload with the payload: only a newly picked one. */
export function csvFileOf(draft: CampaignDraft): File | undefined {
  return draft.audience.source === 'csv' ? (draft.audience.csv?.file ?? undefined) : undefined;
}

// ---------------------------------------------------------------------------------------------
// payload -> draft (templates, `initial`, clone, loadCampaign). Values come from hosts and
// backends, so every value is type-checked here and anything unexpected is ignored.
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const nullableStr = (v: unknown, fallback: string | null): string | null => (v === null || typeof v === 'string' ? v : fallback);
const numText = (v: unknown, fallback: string): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** A mapping is one unit (it belongs to one file or segment), so a defined one replaces the old. */
function stringRecord(v: unknown, fallback: Record<string, string>): Record<string, string> {
  if (!isObj(v)) return { ...fallback };
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Rows of { name, <key> } strings; malformed rows are dropped. Arrays replace whole. */
function rows<K extends string>(v: unknown, key: K, fallback: ({ name: string } & Record<K, string>)[]) {
  if (!Array.isArray(v)) return fallback.map((r) => ({ ...r }));
  return v
    .filter((r): r is Obj => isObj(r) && typeof r.name === 'string' && typeof r[key] === 'string')
    .map((r) => ({ name: r.name, [key]: r[key] }) as { name: string } & Record<K, string>);
}

const SOURCES = ['csv', 'contact_ids', 'segment'] as const;

function mergeAudience(base: AudienceDraft, value: unknown): AudienceDraft {
  const a: AudienceDraft = {
    ...base,
    csv: base.csv && { ...base.csv, mapping: { ...base.csv.mapping }, callVariables: base.csv.callVariables.map((r) => ({ ...r })) },
    contactIdVariables: base.contactIdVariables.map((r) => ({ ...r })),
    segment: { ...base.segment, mapping: { ...base.segment.mapping }, callVariables: base.segment.callVariables.map((r) => ({ ...r })) },
  };
  if (!isObj(value)) return a;
  const v = value;
  const named = SOURCES.find((s) => s === v.source);
  const source = named ?? a.source;
  // Only the fields of the (new or current) source apply; mapping/callVariables exist in two.
  let touched = named !== undefined;
  const has = (k: string) => v[k] !== undefined && (touched = true);
  if (source === 'csv' && ['fileName', 'rowCount', 'mapping', 'callVariables'].some(has)) {
    const csv = a.csv ?? { file: null, fileName: '', rowCount: null, mapping: {}, callVariables: [] };
    const fileName = str(v.fileName, csv.fileName);
    const renamed = fileName !== csv.fileName; // a different file: the picked one no longer matches
    const rowCount = typeof v.rowCount === 'number' && Number.isSafeInteger(v.rowCount) && v.rowCount >= 0 ? v.rowCount : renamed ? null : csv.rowCount;
    a.csv = {
      ...csv, // keeps whatever else the UI holds about the file (validation stats)
      file: renamed ? null : csv.file,
      fileName,
      rowCount,
      mapping: stringRecord(v.mapping, csv.mapping),
      callVariables: rows(v.callVariables, 'column', csv.callVariables),
    };
    if (renamed && a.csv.stats) a.csv.stats = null;
  }
  if (source === 'contact_ids') {
    if (has('contactIds') && Array.isArray(v.contactIds)) a.contactIdsText = v.contactIds.filter((id) => typeof id === 'string').join('\n');
    if (has('callVariables')) a.contactIdVariables = rows(v.callVariables, 'value', a.contactIdVariables);
  }
  if (source === 'segment' && ['segmentId', 'mapping', 'callVariables'].some(has)) {
    a.segment = {
      segmentId: nullableStr(v.segmentId, a.segment.segmentId),
      mapping: stringRecord(v.mapping, a.segment.mapping),
      callVariables: rows(v.callVariables, 'field', a.segment.callVariables),
    };
  }
  if (touched) {
    a.source = source;
    a.loaded = null; // what the draft shows is no longer the loaded audience
  }
  return a;
}

function mergeWindows(base: Record<Weekday, CallWindow>, value: unknown): Record<Weekday, CallWindow> {
  const v = obj(value);
  const out = {} as Record<Weekday, CallWindow>;
  for (const day of WEEKDAYS) {
    const w = obj(v[day]);
    const b = base[day] ?? DEFAULT_CALL_WINDOWS[day];
    out[day] = { enabled: bool(w.enabled, b.enabled), start: str(w.start, b.start), end: str(w.end, b.end) };
  }
  return out;
}

function mergeSchedule(base: CampaignDraft['schedule'], value: unknown): CampaignDraft['schedule'] {
  const v = obj(value);
  const c = obj(v.concurrency);
  const mode = c.mode === 'pool' || c.mode === 'custom' ? c.mode : base.concurrency.mode;
  return {
    triggerMode: v.triggerMode === 'immediate' || v.triggerMode === 'scheduled' ? v.triggerMode : base.triggerMode,
    startAt: v.startAt === null ? '' : str(v.startAt, base.startAt),
    timezone: typeof v.timezone === 'string' && v.timezone !== '' ? v.timezone : base.timezone,
    callWindows: mergeWindows(base.callWindows, v.callWindows),
    dryRun: bool(v.dryRun, base.dryRun),
    concurrency: { mode, limitText: numText(c.limit, base.concurrency.limitText) },
    priorityText: numText(v.priority, base.priorityText),
  };
}

function mergeVariants(base: VariantDraft[], value: unknown): VariantDraft[] {
  if (!Array.isArray(value)) return base.map((x) => ({ ...x }));
  return value
    .filter(isObj)
    .slice(0, VARIANT_KEYS.length)
    .map((x, i) => ({ key: VARIANT_KEYS[i]!, agentId: nullableStr(x.agentId, null), weightText: numText(x.weight, '') }));
}

function mergeGoals(base: GoalDraft[], value: unknown): GoalDraft[] {
  if (!Array.isArray(value)) return base.map((g) => ({ ...g }));
  return value
    .filter((g): g is Obj => isObj(g) && typeof g.type === 'string')
    .map((g) => ({ type: g.type as string, targetText: numText(g.target, '') }));
}

function mergeOutcomes(base: CampaignDraft['outcomes'], value: unknown): CampaignDraft['outcomes'] {
  const v = obj(value);
  const f = obj(v.followUps); // null means "not sent" (plan not eligible), not "clear"
  const rules: FollowUpRule[] = Array.isArray(f.rules)
    ? f.rules.flatMap((r) => {
        const parsed = followUpRuleSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      })
    : base.followUps.rules.map((r) => ({ ...r }));
  return {
    retryOnVoicemail: bool(v.retryOnVoicemail, base.retryOnVoicemail),
    maxRetries: v.maxRetries === 1 || v.maxRetries === 2 || v.maxRetries === 3 ? v.maxRetries : base.maxRetries,
    maxVoicemailAttemptsText: v.maxVoicemailAttempts === null ? '' : numText(v.maxVoicemailAttempts, base.maxVoicemailAttemptsText),
    abTest:
      v.abTest === null
        ? { enabled: false, variants: base.abTest.variants.map((x) => ({ ...x })) }
        : isObj(v.abTest)
          ? { enabled: true, variants: mergeVariants(base.abTest.variants, v.abTest.variants) }
          : { enabled: base.abTest.enabled, variants: base.abTest.variants.map((x) => ({ ...x })) },
    followUps: {
      missedCallFollowUp: bool(f.missedCallFollowUp, base.followUps.missedCallFollowUp),
      contactMemory: bool(f.contactMemory, base.followUps.contactMemory),
      rules,
    },
    goals: mergeGoals(base.goals, v.goals),
  };
}

/**
 * `base` with every value `values` defines laid over it; the rest of base stays. Arrays and
 * mappings replace whole. Never mutates base and never throws: unknown keys and values of the
 * wrong type are ignored. Does not set `audience.loaded` (see draftFromPayload).
 */
export function applyPayload(base: CampaignDraft, values: DeepPartial<CampaignPayload>): CampaignDraft {
  const v: Obj = obj(values);
  const t = obj(v.telephony);
  return {
    name: str(v.name, base.name),
    agentId: nullableStr(v.agentId, base.agentId),
    templateId: nullableStr(v.templateId, base.templateId),
    telephony: {
      primaryFromNumberId: nullableStr(t.primaryFromNumberId, base.telephony.primaryFromNumberId),
      numberPoolIds: Array.isArray(t.numberPoolIds)
        ? t.numberPoolIds.filter((id): id is string => typeof id === 'string')
        : [...base.telephony.numberPoolIds],
      callRecording: bool(t.callRecording, base.telephony.callRecording),
      preferCountryMatchedNumbers: bool(t.preferCountryMatchedNumbers, base.telephony.preferCountryMatchedNumbers),
    },
    audience: mergeAudience(base.audience, v.audience),
    schedule: mergeSchedule(base.schedule, v.schedule),
    outcomes: mergeOutcomes(base.outcomes, v.outcomes),
  };
}

/** The draft for editing a loaded campaign: its audience is kept as `loaded` until touched. */
export function draftFromPayload(payload: CampaignPayload, opts?: { timezone?: string }): CampaignDraft {
  const draft = applyPayload(createEmptyDraft(opts), payload);
  draft.audience.loaded = structuredClone(payload.audience);
  return draft;
}
