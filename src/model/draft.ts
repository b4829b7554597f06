import type { CampaignAudience, CallWindow, FollowUpRule, VariantKey, Weekday } from './schema.js';

/**
 * The in-UI state of a campaign being created or edited. Unlike the payload it may be
 * incomplete or invalid: numbers are kept as the text the user typed, so validation can
 * judge them as they are typed and nothing the user entered is lost.
 */
export interface CampaignDraft {
  name: string;
  agentId: string | null;
  templateId: string | null;
  telephony: {
    primaryFromNumberId: string | null;
    numberPoolIds: string[];
    callRecording: boolean;
    preferCountryMatchedNumbers: boolean;
  };
  audience: AudienceDraft;
  schedule: {
    triggerMode: 'immediate' | 'scheduled';
    /** 'YYYY-MM-DDTHH:mm' wall time in `timezone`, or '' while unset. */
    startAt: string;
    timezone: string;
    callWindows: Record<Weekday, CallWindow>;
    dryRun: boolean;
    concurrency: { mode: 'pool' | 'custom'; limitText: string };
    priorityText: string;
  };
  outcomes: {
    retryOnVoicemail: boolean;
    maxRetries: 1 | 2 | 3;
    /** Empty means no separate limit. */
    maxVoicemailAttemptsText: string;
    abTest: { enabled: boolean; variants: VariantDraft[] };
    followUps: { missedCallFollowUp: boolean; contactMemory: boolean; rules: FollowUpRule[] };
    goals: GoalDraft[];
  };
}

export interface VariantDraft {
  key: VariantKey;
  agentId: string | null;
  weightText: string;
}

export interface GoalDraft {
  type: string;
  targetText: string;
}

export type ContactSource = 'csv' | 'contact_ids' | 'segment';

export interface CsvDraft {
  /** The picked file; null when keeping an upload loaded for edit. */
  file: File | null;
  fileName: string;
  /** Data rows (header excluded), once counted. */
  rowCount: number | null;
  /** Contact field -> column header as written in the file. */
  mapping: Record<string, string>;
  callVariables: { name: string; column: string }[];
  /** Counts from the full validation pass, once it has finished. */
  stats?: CsvStats | null;
}

/** Phone validation counts of a CSV: who will be called and who skipped. */
export interface CsvStats {
  valid: number;
  invalid: number;
  duplicate: number;
  skipped: number;
}

export interface AudienceDraft {
  source: ContactSource | null;
  csv: CsvDraft | null;
  /** The Contact IDs box as typed; split on newlines, commas and white space. */
  contactIdsText: string;
  contactIdVariables: { name: string; value: string }[];
  segment: { segmentId: string | null; mapping: Record<string, string>; callVariables: { name: string; field: string }[] };
  /**
   * The audience as loaded for edit. It is sent back unchanged until the user touches the
   * Audience step, which clears it.
   */
  loaded: CampaignAudience | null;
}
