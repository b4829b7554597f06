// Shared builders for the model tests (not a test file itself).
import { createEmptyDraft } from '../../src/model/defaults.js';
import type { CampaignDraft } from '../../src/model/draft.js';
import type { CampaignPayload } from '../../src/model/schema.js';
import type { ValidationContext } from '../../src/model/validate.js';

export const NOW = new Date('2025-06-01T12:00:00Z');

export function ctx(over: Partial<ValidationContext> = {}): ValidationContext {
  return { mode: 'create', now: NOW, environment: 'development', ...over };
}

export function csvFile(name = 'contacts.csv'): File {
  return new File(['phone,first\n+15550100,Ann\n'], name, { type: 'text/csv' });
}

/** A complete, valid create-mode draft (Contact IDs audience). Mutate the copy freely. */
export function validDraft(): CampaignDraft {
  const d = createEmptyDraft({ timezone: 'UTC' });
  d.name = 'Spring renewals';
  d.agentId = 'agent-1';
  d.telephony.numberPoolIds = ['num-1', 'num-2'];
  d.telephony.primaryFromNumberId = 'num-1';
  d.audience.source = 'contact_ids';
  d.audience.contactIdsText = 'c-1\nc-2';
  return d;
}

export function withCsv(d: CampaignDraft): CampaignDraft {
  d.audience.source = 'csv';
  d.audience.csv = {
    file: csvFile(),
    fileName: 'contacts.csv',
    rowCount: 1,
    mapping: { phone: 'phone', firstName: 'first' },
    callVariables: [],
  };
  return d;
}

export function withSegment(d: CampaignDraft): CampaignDraft {
  d.audience.source = 'segment';
  d.audience.segment = { segmentId: 'seg-1', mapping: { phone: 'mobile' }, callVariables: [] };
  return d;
}

const base: Omit<CampaignPayload, 'audience'> = {
  name: 'Spring renewals',
  agentId: 'agent-1',
  templateId: 'tpl-1',
  telephony: { primaryFromNumberId: 'num-2', numberPoolIds: ['num-1', 'num-2'], callRecording: true, preferCountryMatchedNumbers: true },
  schedule: {
    triggerMode: 'scheduled',
    startAt: '2025-07-01T09:30',
    timezone: 'America/Chicago',
    callWindows: {
      monday: { enabled: true, start: '08:30', end: '17:00' },
      tuesday: { enabled: true, start: '09:00', end: '18:00' },
      wednesday: { enabled: true, start: '09:00', end: '18:00' },
      thursday: { enabled: true, start: '09:00', end: '18:00' },
      friday: { enabled: true, start: '09:00', end: '12:00' },
      saturday: { enabled: true, start: '10:00', end: '14:00' },
      sunday: { enabled: false, start: '09:00', end: '18:00' },
    },
    callWindowTimezoneMode: 'contact_local',
    dryRun: true,
    concurrency: { mode: 'custom', limit: 7 },
    priority: 8,
  },
  outcomes: {
    retryOnVoicemail: true,
    maxRetries: 3,
    maxVoicemailAttempts: 2,
    abTest: {
      variants: [
        { key: 'A', agentId: 'agent-1', weight: 50 },
        { key: 'B', agentId: 'agent-2', weight: 30 },
        { key: 'C', agentId: 'agent-3', weight: 20 },
      ],
    },
    followUps: {
      missedCallFollowUp: true,
      contactMemory: true,
      rules: [{ trigger: 'no_answer', delayHours: 24, agentId: null }],
    },
    goals: [
      { type: 'appointments_booked', target: 40 },
      { type: 'connect_rate', target: 12.5 },
      { type: 'average_call_duration', target: null },
    ],
  },
};

export const AUDIENCES: Record<'csv' | 'contact_ids' | 'segment', CampaignPayload['audience']> = {
  csv: {
    source: 'csv',
    fileName: 'leads.csv',
    mapping: { phone: 'Mobile', firstName: 'First name' },
    callVariables: [{ name: 'plan', column: 'Plan' }],
    rowCount: 1200,
  },
  contact_ids: { source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [{ name: 'offer', value: '10% off' }] },
  segment: { source: 'segment', segmentId: 'seg-9', mapping: { phone: 'phone_e164' }, callVariables: [{ name: 'tier', field: 'loyalty_tier' }] },
};

/** A full payload using every optional feature; pass an audience source. */
export function fullPayload(source: keyof typeof AUDIENCES = 'contact_ids'): CampaignPayload {
  return structuredClone({ ...base, audience: AUDIENCES[source] });
}

/** A plain payload: immediate, pool concurrency, no A/B, no goals, no follow-ups. */
export function plainPayload(source: keyof typeof AUDIENCES = 'contact_ids'): CampaignPayload {
  const p = fullPayload(source);
  p.schedule = { ...p.schedule, triggerMode: 'immediate', startAt: null, dryRun: false, concurrency: { mode: 'pool' }, priority: 5 };
  p.outcomes = { retryOnVoicemail: false, maxRetries: 1, maxVoicemailAttempts: null, abTest: null, followUps: null, goals: [] };
  return p;
}
