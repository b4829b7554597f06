import { WEEKDAYS, type CallWindow, type CampaignPayload, type StepId, type Weekday } from './schema.js';

/** The Review rows of the reference, in order. */
export const REVIEW_ROWS = [
  'name',
  'pool',
  'source',
  'trigger',
  'mode',
  'retries',
  'concurrency',
  'priority',
  'timezone',
  'windows',
  'abTest',
  'recording',
  'goals',
  'callVariables',
] as const;
export type ReviewRowKey = (typeof REVIEW_ROWS)[number];

/** Where each row's "Change" control leads: the step and the field to focus. */
export const REVIEW_TARGETS: Readonly<Record<ReviewRowKey, { step: StepId; path: string }>> = {
  name: { step: 'basics', path: 'name' },
  pool: { step: 'telephony', path: 'telephony.numberPoolIds' },
  source: { step: 'audience', path: 'audience.source' },
  trigger: { step: 'schedule', path: 'schedule.triggerMode' },
  mode: { step: 'schedule', path: 'schedule.dryRun' },
  retries: { step: 'outcomes', path: 'outcomes.maxRetries' },
  concurrency: { step: 'schedule', path: 'schedule.concurrency.mode' },
  priority: { step: 'schedule', path: 'schedule.priorityText' },
  timezone: { step: 'schedule', path: 'schedule.timezone' },
  windows: { step: 'schedule', path: 'schedule.callWindows.monday.enabled' },
  abTest: { step: 'outcomes', path: 'outcomes.abTest.enabled' },
  recording: { step: 'telephony', path: 'telephony.callRecording' },
  goals: { step: 'outcomes', path: 'outcomes.goals' },
  callVariables: { step: 'audience', path: 'audience.source' },
};

/** The rows to show: call variables only when there are any. */
export function reviewRowKeys(payload: CampaignPayload): ReviewRowKey[] {
  return REVIEW_ROWS.filter((key) => key !== 'callVariables' || payload.audience.callVariables.length > 0);
}

export interface WindowGroup {
  from: Weekday;
  to: Weekday;
  start: string;
  end: string;
}

/**
 * Enabled call windows, consecutive days with the same times joined, so a week reads as
 * "Mon–Fri 09:00–18:00" rather than five entries.
 */
export function windowGroups(windows: Readonly<Record<Weekday, CallWindow>>): WindowGroup[] {
  const groups: WindowGroup[] = [];
  let previous: Weekday | null = null;
  for (const day of WEEKDAYS) {
    const w = windows[day];
    const last = groups.at(-1);
    if (w.enabled && last && previous === last.to && last.start === w.start && last.end === w.end) {
      last.to = day;
    } else if (w.enabled) {
      groups.push({ from: day, to: day, start: w.start, end: w.end });
    }
    previous = w.enabled ? day : null;
  }
  return groups;
}
