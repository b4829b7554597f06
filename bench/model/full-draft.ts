// A full draft for the model benchmark: every step filled, every optional feature on
// (Contact IDs audience with call variables, scheduled start, custom windows and concurrency,
// dry run, voicemail retries, A/B with three variants, follow-ups with rules, three goals).
import { createEmptyDraft } from '../../src/model/defaults.js';
import type { CampaignDraft } from '../../src/model/draft.js';
import { applyPayload } from '../../src/model/payload.js';
import type { CampaignPayload } from '../../src/model/schema.js';
import type { ValidationContext } from '../../src/model/validate.js';

export const CONTACT_IDS = 100;

export const FULL_PAYLOAD: CampaignPayload = {
  name: 'Spring renewals – enterprise accounts',
  agentId: 'agent-1',
  templateId: 'tpl-1',
  telephony: { primaryFromNumberId: 'num-2', numberPoolIds: ['num-1', 'num-2', 'num-3', 'num-4'], callRecording: true, preferCountryMatchedNumbers: true },
  audience: {
    source: 'contact_ids',
    contactIds: Array.from({ length: CONTACT_IDS }, (_, i) => `contact-${String(i + 1).padStart(5, '0')}`),
    callVariables: [
      { name: 'offer', value: '10% off' },
      { name: 'renewal_month', value: 'April' },
    ],
  },
  schedule: {
    triggerMode: 'scheduled',
    startAt: '2030-07-01T09:30',
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
      rules: [
        { trigger: 'no_answer', delayHours: 24, agentId: null },
        { trigger: 'voicemail', delayHours: 48, agentId: 'agent-2' },
      ],
    },
    goals: [
      { type: 'appointments_booked', target: 40 },
      { type: 'connect_rate', target: 12.5 },
      { type: 'average_call_duration', target: null },
    ],
  },
} as CampaignPayload;

export const CONTEXT: ValidationContext = {
  mode: 'create',
  now: new Date('2030-06-01T12:00:00Z'),
  environment: 'development',
  poolCapacity: 20,
  features: { followUps: true, contactMemory: true },
};

export function fullDraft(): CampaignDraft {
  return applyPayload(createEmptyDraft({ timezone: 'UTC' }), FULL_PAYLOAD);
}
