import type { CampaignDraft } from './draft.js';
import type { CallWindow, Weekday } from './schema.js';
import { defaultTimezone } from './timezones.js';

const WEEKDAY_ON: CallWindow = Object.freeze({ enabled: true, start: '09:00', end: '18:00' });
// Weekend days are off but keep the same times, so switching one on gives a sensible window.
const WEEKEND_OFF: CallWindow = Object.freeze({ enabled: false, start: '09:00', end: '18:00' });

/** The reference's defaults: Mon–Fri 09:00–18:00 on, Saturday and Sunday off. */
export const DEFAULT_CALL_WINDOWS: Readonly<Record<Weekday, CallWindow>> = Object.freeze({
  monday: WEEKDAY_ON,
  tuesday: WEEKDAY_ON,
  wednesday: WEEKDAY_ON,
  thursday: WEEKDAY_ON,
  friday: WEEKDAY_ON,
  saturday: WEEKEND_OFF,
  sunday: WEEKEND_OFF,
});

function defaultCallWindows(): Record<Weekday, CallWindow> {
  const copy = {} as Record<Weekday, CallWindow>;
  for (const [day, w] of Object.entries(DEFAULT_CALL_WINDOWS) as [Weekday, CallWindow][]) copy[day] = { ...w };
  return copy;
}

/**
 * A fresh draft for a new campaign. Choices the reference leaves open:
 * - Call Recording off: recording needs consent in many jurisdictions, so it is opt-in.
 * - Max retries 1: the first of the allowed 1/2/3, the least intrusive.
 * - Priority 5: the middle of 1–10.
 * - A/B off, with A and B at 50/50 ready for when it is switched on.
 * Every call returns new objects, so callers may mutate their copy.
 */
export function createEmptyDraft(opts?: { timezone?: string }): CampaignDraft {
  return {
    name: '',
    agentId: null,
    templateId: null,
    telephony: { primaryFromNumberId: null, numberPoolIds: [], callRecording: false, preferCountryMatchedNumbers: false },
    audience: {
      source: null,
      csv: null,
      contactIdsText: '',
      contactIdVariables: [],
      segment: { segmentId: null, mapping: {}, callVariables: [] },
      loaded: null,
    },
    schedule: {
      triggerMode: 'immediate',
      startAt: '',
      timezone: defaultTimezone(opts?.timezone),
      callWindows: defaultCallWindows(),
      dryRun: false,
      concurrency: { mode: 'pool', limitText: '' },
      priorityText: '5',
    },
    outcomes: {
      retryOnVoicemail: false,
      maxRetries: 1,
      maxVoicemailAttemptsText: '',
      abTest: {
        enabled: false,
        variants: [
          { key: 'A', agentId: null, weightText: '50' },
          { key: 'B', agentId: null, weightText: '50' },
        ],
      },
      followUps: { missedCallFollowUp: false, contactMemory: false, rules: [] },
      goals: [],
    },
  };
}
