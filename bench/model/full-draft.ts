// A full draft for the model benchmark: every step filled, every optional feature on
// (Contact IDs audience with call variables, scheduled start, custom windows and concurrency,
// dry run, voicemail retries, A/B with three variants, follow-ups with rules, three goals).
import { createEmptyDraft } from '../../src/model/defaults.js';
import type { CampaignDraft } from '../../src/model/draft.js';
import { applyPayload } from '../../src/model/payload.js';
import type { CampaignPayload } from '../../src/model/schema.js';
import type { ValidationContext } from '../../src/model/validate.js';
import { fullPayload } from '../../test/model/fixtures.js';

export const CONTACT_IDS = 100;

// The builder is the model tests' full payload (test/model/fixtures.ts); the benchmark's draft
// differs from it only in the fields set here: a longer name, four pool numbers, a later start,
// 100 Contact IDs with two call variables, and a second follow-up rule.
const base = fullPayload('contact_ids');

export const FULL_PAYLOAD: CampaignPayload = {
  ...base,
  name: 'Spring renewals – enterprise accounts',
  telephony: { ...base.telephony, numberPoolIds: ['num-1', 'num-2', 'num-3', 'num-4'] },
  audience: {
    source: 'contact_ids',
    contactIds: Array.from({ length: CONTACT_IDS }, (_, i) => `contact-${String(i + 1).padStart(5, '0')}`),
    callVariables: [
      { name: 'offer', value: '10% off' },
      { name: 'renewal_month', value: 'April' },
    ],
  },
  schedule: { ...base.schedule, startAt: '2030-07-01T09:30' },
  outcomes: {
    ...base.outcomes,
    followUps: {
      missedCallFollowUp: true,
      contactMemory: true,
      rules: [
        { trigger: 'no_answer', delayHours: 24, agentId: null },
        { trigger: 'voicemail', delayHours: 48, agentId: 'agent-2' },
      ],
    },
  },
};

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
