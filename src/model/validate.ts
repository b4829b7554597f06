import { firstBadContactId, MAX_CONTACT_ID_LENGTH, parseContactIds } from './contact-ids.js';
import type { AudienceDraft, CampaignDraft } from './draft.js';
import { GOAL_TYPES, goalKind, MAX_GOALS, type GoalKind } from './goals.js';
import { STEP_IDS, WEEKDAYS, type StepId } from './schema.js';
import { TIMEZONES, wallTimeToInstant } from './timezones.js';

export interface ValidationContext {
  mode: 'create' | 'edit';
  now: Date;
  environment: 'production' | 'development';
  /** The previewed maxConcurrentCalls; undefined or null when unknown. */
  poolCapacity?: number | null;
  /** Goal types the wizard offers; defaults to GOAL_TYPES' ids. */
  knownGoalTypes?: readonly string[];
  /** Plan eligibility (the wizard's `features`); decides whether followUps are sent. */
  features?: { followUps?: boolean; contactMemory?: boolean };
}

export type ErrorCode =
  | 'name.required'
  | 'agent.required'
  | 'pool.required'
  | 'primary.not_in_pool'
  | 'audience.source_required'
  | 'audience.csv_required'
  | 'audience.csv_phone_unmapped'
  | 'audience.contact_ids_required'
  | 'audience.contact_id_invalid'
  | 'audience.contact_id_too_long'
  | 'audience.segment_required'
  | 'audience.variable_name_invalid'
  | 'audience.variable_name_duplicate'
  | 'audience.variable_source_required'
  | 'schedule.start_required'
  | 'schedule.start_invalid'
  | 'schedule.start_past'
  | 'schedule.timezone_invalid'
  | 'schedule.window_time_invalid'
  | 'schedule.window_order'
  | 'schedule.concurrency_invalid'
  | 'schedule.concurrency_cap'
  | 'schedule.priority_range'
  | 'outcomes.max_voicemail_invalid'
  | 'outcomes.ab_agent_required'
  | 'outcomes.ab_agent_duplicate'
  | 'outcomes.ab_weight_invalid'
  | 'outcomes.ab_weight_total'
  | 'outcomes.ab_variant_count'
  | 'outcomes.goal_too_many'
  | 'outcomes.goal_duplicate'
  | 'outcomes.goal_type_unknown'
  | 'outcomes.goal_target_invalid';

/** One problem, keyed by the field id the UI focuses; `code` is the message id. */
export interface FieldError {
  step: StepId;
  path: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

// ---- Typed text -> numbers (shared with payload.ts, so both read text the same way). ----

/** A whole number typed as plain digits (surrounding spaces allowed), else null. */
export function parseIntegerText(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** A non-negative decimal such as "12", "12.5" or ".5", else null. */
export function parseDecimalText(text: string): number | null {
  const t = text.trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A goal target for its kind: null when empty, undefined when invalid. */
export function parseGoalTarget(text: string, kind: GoalKind): number | null | undefined {
  if (text.trim() === '') return null;
  if (kind === 'percent') {
    const n = parseDecimalText(text);
    return n !== null && n > 0 && n <= 100 ? n : undefined;
  }
  const n = parseIntegerText(text);
  return n !== null && n >= 1 ? n : undefined;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// ---- Steps ----

type Push = (path: string, code: ErrorCode, params?: Record<string, string | number>) => void;

function basics(d: CampaignDraft, push: Push): void {
  if (d.name.trim() === '') push('name', 'name.required');
  if (!d.agentId) push('agentId', 'agent.required');
}

function telephony(d: CampaignDraft, push: Push): void {
  const pool = d.telephony.numberPoolIds.filter((id) => id !== '');
  const primary = d.telephony.primaryFromNumberId;
  // With an empty pool the pool error is the one to fix; "not in pool" would only be noise.
  if (primary && pool.length > 0 && !pool.includes(primary)) push('telephony.primaryFromNumberId', 'primary.not_in_pool');
  if (pool.length === 0) push('telephony.numberPoolIds', 'pool.required');
}

/**
 * Call variable rows: a fully blank row is ignored (an "add" the user never filled in);
 * otherwise the name must be an identifier, unique ignoring case, and the source filled in.
 */
function variables(rows: readonly { name: string; source: string }[], base: string, sourceKey: string, push: Push, checkSource: boolean): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.name.trim() === '' && row.source.trim() === '') return;
    if (!IDENTIFIER.test(row.name)) push(`${base}.${i}.name`, 'audience.variable_name_invalid');
    else if (seen.has(row.name.toLowerCase())) push(`${base}.${i}.name`, 'audience.variable_name_duplicate');
    else seen.add(row.name.toLowerCase());
    if (checkSource && row.source.trim() === '') push(`${base}.${i}.${sourceKey}`, 'audience.variable_source_required');
  });
}

/**
 * The audience as a payload can be built from it. `fileNeeded`: create mode needs the picked
 * file itself; an edit may keep the file uploaded before (its name and row count suffice).
 */
function audience(a: AudienceDraft, fileNeeded: boolean, push: Push): void {
  switch (a.source) {
    case 'csv': {
      const csv = a.csv;
      // rowCount stays null until the file has been read; the payload needs the real count.
      if (!csv || csv.fileName.trim() === '' || csv.rowCount === null || (fileNeeded && !csv.file)) {
        push('audience.csv', 'audience.csv_required');
        return;
      }
      if (!csv.mapping['phone']) push('audience.csv.mapping.phone', 'audience.csv_phone_unmapped');
      variables(csv.callVariables.map((v) => ({ name: v.name, source: v.column })), 'audience.csv.callVariables', 'column', push, true);
      return;
    }
    case 'contact_ids': {
      const ids = parseContactIds(a.contactIdsText);
      const bad = firstBadContactId(ids);
      if (ids.length === 0) push('audience.contactIdsText', 'audience.contact_ids_required');
      else if (bad?.problem === 'too_long') push('audience.contactIdsText', 'audience.contact_id_too_long', { id: bad.id.slice(0, 20), max: MAX_CONTACT_ID_LENGTH });
      else if (bad) push('audience.contactIdsText', 'audience.contact_id_invalid', { id: bad.id.slice(0, 40) });
      // A variable's value may be empty text, so only the name is checked.
      variables(a.contactIdVariables.map((v) => ({ name: v.name, source: v.value })), 'audience.contactIdVariables', 'value', push, false);
      return;
    }
    case 'segment':
      if (!a.segment.segmentId) push('audience.segment.segmentId', 'audience.segment_required');
      variables(a.segment.callVariables.map((v) => ({ name: v.name, source: v.field })), 'audience.segment.callVariables', 'field', push, true);
      return;
    default:
      push('audience.source', 'audience.source_required');
  }
}

function schedule(d: CampaignDraft, ctx: ValidationContext, push: Push): void {
  const s = d.schedule;
  const zoneOk = TIMEZONES.includes(s.timezone);
  if (s.triggerMode === 'scheduled') {
    if (s.startAt.trim() === '') push('schedule.startAt', 'schedule.start_required');
    // Judged in UTC first: whether the text names a real date does not depend on the zone.
    else if (wallTimeToInstant(s.startAt, 'UTC') === null) push('schedule.startAt', 'schedule.start_invalid');
    else if (ctx.mode === 'create' && zoneOk) {
      const instant = wallTimeToInstant(s.startAt, s.timezone);
      // The current minute still counts as "now", not the past.
      if (instant && instant.getTime() < Math.floor(ctx.now.getTime() / 60000) * 60000) push('schedule.startAt', 'schedule.start_past');
    }
  }
  if (!zoneOk) push('schedule.timezone', 'schedule.timezone_invalid');

  for (const day of WEEKDAYS) {
    const w = s.callWindows[day];
    if (!w?.enabled) continue; // an off day's times are not used
    const base = `schedule.callWindows.${day}`;
    const startOk = HHMM.test(w.start);
    const endOk = HHMM.test(w.end);
    if (!startOk) push(`${base}.start`, 'schedule.window_time_invalid');
    if (!endOk) push(`${base}.end`, 'schedule.window_time_invalid');
    if (startOk && endOk && w.start >= w.end) push(`${base}.end`, 'schedule.window_order');
  }

  if (s.concurrency.mode === 'custom') {
    const limit = parseIntegerText(s.concurrency.limitText);
    const cap = ctx.poolCapacity;
    if (limit === null || limit < 1) push('schedule.concurrency.limitText', 'schedule.concurrency_invalid');
    else if (typeof cap === 'number' && limit > cap) push('schedule.concurrency.limitText', 'schedule.concurrency_cap', { max: cap });
  }

  const priority = parseIntegerText(s.priorityText);
  if (priority === null || priority < 1 || priority > 10) push('schedule.priorityText', 'schedule.priority_range');
}

function abTest(d: CampaignDraft, push: Push): void {
  const { variants } = d.outcomes.abTest;
  const agents = new Set<string>();
  if (d.agentId) agents.add(d.agentId);
  let total = 0;
  let weightsOk = true;
  variants.forEach((v, i) => {
    const base = `outcomes.abTest.variants.${i}`;
    // Variant A is the Basics agent (its own errors are on Basics).
    if (i > 0) {
      if (!v.agentId) push(`${base}.agentId`, 'outcomes.ab_agent_required');
      else if (agents.has(v.agentId)) push(`${base}.agentId`, 'outcomes.ab_agent_duplicate');
      else agents.add(v.agentId);
    }
    const w = parseIntegerText(v.weightText);
    if (w === null || w > 100) {
      push(`${base}.weightText`, 'outcomes.ab_weight_invalid');
      weightsOk = false;
    } else total += w;
  });
  // One message on the total: a wrong count first; a sum only once every weight is readable.
  if (variants.length < 2 || variants.length > 4) push('outcomes.abTest.total', 'outcomes.ab_variant_count');
  else if (weightsOk && total !== 100) push('outcomes.abTest.total', 'outcomes.ab_weight_total', { total });
}

function goals(d: CampaignDraft, ctx: ValidationContext, push: Push): void {
  const list = d.outcomes.goals;
  const known = ctx.knownGoalTypes ?? GOAL_TYPES.map((g) => g.id);
  if (list.length > MAX_GOALS) push('outcomes.goals', 'outcomes.goal_too_many');
  const seen = new Set<string>();
  list.forEach((g, i) => {
    const base = `outcomes.goals.${i}`;
    if (!known.includes(g.type)) {
      push(`${base}.type`, 'outcomes.goal_type_unknown');
      return;
    }
    if (seen.has(g.type)) push(`${base}.type`, 'outcomes.goal_duplicate');
    seen.add(g.type);
    // A host-known type missing from GOAL_TYPES is taken as a count.
    const kind = goalKind(g.type) ?? 'count';
    if (parseGoalTarget(g.targetText, kind) === undefined) push(`${base}.targetText`, 'outcomes.goal_target_invalid', { kind });
  });
}

function outcomes(d: CampaignDraft, ctx: ValidationContext, push: Push): void {
  const o = d.outcomes;
  if (o.retryOnVoicemail && o.maxVoicemailAttemptsText.trim() !== '') {
    const n = parseIntegerText(o.maxVoicemailAttemptsText);
    if (n === null || n < 1) push('outcomes.maxVoicemailAttemptsText', 'outcomes.max_voicemail_invalid');
  }
  if (o.abTest.enabled) abTest(d, push);
  goals(d, ctx, push);
}

function collect(step: StepId, run: (push: Push) => void): FieldError[] {
  const errors: FieldError[] = [];
  run((path, code, params) => errors.push(params ? { step, path, code, params } : { step, path, code }));
  return errors;
}

/**
 * The errors that block Next on `step`, in the step's field order. In edit mode the Audience
 * step never blocks (the reference relaxes it while a campaign loads).
 */
export function validateStep(draft: CampaignDraft, step: StepId, ctx: ValidationContext): FieldError[] {
  return collect(step, (push) => {
    switch (step) {
      case 'basics':
        return basics(draft, push);
      case 'telephony':
        return telephony(draft, push);
      case 'audience':
        if (ctx.mode === 'create') audience(draft.audience, true, push);
        return;
      case 'schedule':
        return schedule(draft, ctx, push);
      case 'outcomes':
        return outcomes(draft, ctx, push);
      case 'review':
        return;
    }
  });
}

/** What blocks each step's Next, and everything that stops a submit, from one pass. */
export interface ValidationReport {
  blocking: Record<StepId, FieldError[]>;
  submit: FieldError[];
}

/**
 * Both views of the draft at once. `submit` is `blocking` for each step, plus one thing a submit
 * cannot relax: in edit mode an audience the user replaced (no longer `loaded`) must be
 * complete, or there is nothing to send. An untouched loaded audience is valid as is.
 */
export function validationReport(draft: CampaignDraft, ctx: ValidationContext): ValidationReport {
  const blocking = Object.fromEntries(STEP_IDS.map((step) => [step, validateStep(draft, step, ctx)])) as Record<StepId, FieldError[]>;
  const submit = STEP_IDS.flatMap((step) => {
    if (step === 'audience' && ctx.mode === 'edit') {
      return draft.audience.loaded ? [] : collect('audience', (push) => audience(draft.audience, false, push));
    }
    return blocking[step];
  });
  return { blocking, submit };
}

/** Every error that stops a submit, step by step (see validationReport). */
export function validateDraft(draft: CampaignDraft, ctx: ValidationContext): FieldError[] {
  return validationReport(draft, ctx).submit;
}

/** The first step with an error that stops a submit, or null when the draft can be sent. */
export function firstBlockedStep(draft: CampaignDraft, ctx: ValidationContext): StepId | null {
  return validateDraft(draft, ctx)[0]?.step ?? null;
}
