/**
 * Realistic sample data for the demo page and the tests. Everything here is fictional:
 * phone numbers come from ranges reserved for drama and documentation (NANP 555-01xx,
 * Ofcom's +44 20 7946 0xxx and +44 161 496 0xxx, ACMA's +61 491 570 xxx / 571 xxx), and
 * every id is made up. All of it passes the zod schemas in `src/model/schema.ts`.
 */
import type {
  Agent,
  CampaignPayload,
  CampaignTemplate,
  InboundReturns,
  PhoneNumber,
  Segment,
  Weekday,
} from '../model/schema.js';

export const sampleAgents: readonly Agent[] = [
  { id: 'agt_ava', name: 'Ava – Appointment Setter' },
  { id: 'agt_noah', name: 'Noah – Renewal Specialist' },
  { id: 'agt_mia', name: 'Mia – Customer Win-back' },
  { id: 'agt_liam', name: 'Liam – Payment Reminders' },
  { id: 'agt_zoe', name: 'Zoë – Survey & Feedback' },
  { id: 'agt_oliver', name: 'Oliver – Lead Qualification' },
  { id: 'agt_sofia', name: 'Sofía – Soporte en español' },
  { id: 'agt_ethan', name: 'Ethan – Delivery Scheduling' },
  { id: 'agt_priya', name: 'Priya – Onboarding Concierge' },
  { id: 'agt_lucas', name: 'Lucas – Event Invitations' },
  { id: 'agt_hannah', name: 'Hannah – Collections (Early Stage)' },
  { id: 'agt_kenji', name: 'Kenji – Technical Follow-up' },
];

export const samplePhoneNumbers: readonly PhoneNumber[] = [
  { id: 'num_us_nyc', e164: '+12125550142', label: 'Sales – East', country: 'US' },
  { id: 'num_us_chi', e164: '+13125550178', label: 'Sales – Central', country: 'US' },
  { id: 'num_us_sfo', e164: '+14155550123', label: 'Sales – West', country: 'US' },
  { id: 'num_ca_tor', e164: '+14165550191', label: 'Support – Toronto', country: 'CA' },
  { id: 'num_ca_van', e164: '+16045550117', label: 'Support – Vancouver', country: 'CA' },
  { id: 'num_ca_mtl', e164: '+15145550164', label: 'Support – Montréal', country: 'CA' },
  { id: 'num_gb_lon1', e164: '+442079460958', label: 'Sales – London', country: 'GB' },
  { id: 'num_gb_lon2', e164: '+442079460321', label: 'Renewals – London', country: 'GB' },
  { id: 'num_gb_man', e164: '+441614960427', label: 'Support – Manchester', country: 'GB' },
  { id: 'num_au_syd', e164: '+61491570156', label: 'Sales – Sydney', country: 'AU' },
  { id: 'num_au_mel', e164: '+61491570737', label: 'Sales – Melbourne', country: 'AU' },
  { id: 'num_au_bne', e164: '+61491571266', label: 'Support – Brisbane', country: 'AU' },
];

/**
 * Concurrent calls each number of a country can carry, as the in-memory capacity preview
 * reports them. `null`: the carrier does not report a ceiling, so a pool containing such a
 * number has no known ceiling.
 */
export const sampleCallsPerNumberByCountry: Readonly<Record<string, number | null>> = {
  US: 5,
  CA: 5,
  GB: 4,
  AU: null,
};

export const sampleSegments: readonly Segment[] = [
  {
    id: 'seg_active_us',
    name: 'Active customers – US',
    fields: ['phone', 'firstName', 'lastName', 'email', 'plan'],
    contactCount: 18432,
  },
  {
    id: 'seg_trials_expiring',
    name: 'Trials expiring in 7 days',
    fields: ['phone', 'firstName', 'email', 'plan', 'trialEndsAt'],
    contactCount: 642,
  },
  {
    id: 'seg_lapsed_uk',
    name: 'Lapsed subscribers – UK',
    fields: ['phone', 'firstName', 'lastName', 'email', 'plan', 'lastOrderDate'],
    contactCount: 2190,
  },
  {
    // No contactCount: the segment is still being computed.
    id: 'seg_webinar_march',
    name: 'Webinar sign-ups (March)',
    fields: ['phone', 'firstName', 'lastName', 'company', 'jobTitle'],
  },
];

const weekdayWindows = (start: string, end: string, weekend = false): CampaignPayload['schedule']['callWindows'] => {
  const day = (enabled: boolean) => ({ enabled, start, end });
  const days: Record<Weekday, { enabled: boolean; start: string; end: string }> = {
    monday: day(true),
    tuesday: day(true),
    wednesday: day(true),
    thursday: day(true),
    friday: day(true),
    saturday: day(weekend),
    sunday: day(false),
  };
  return days;
};

export const sampleTemplates: readonly CampaignTemplate[] = [
  {
    id: 'tpl_appointments',
    name: 'Appointment reminders',
    values: {
      agentId: 'agt_ava',
      telephony: { callRecording: true, preferCountryMatchedNumbers: true },
      schedule: { triggerMode: 'immediate', timezone: 'America/New_York', priority: 7 },
      outcomes: {
        retryOnVoicemail: true,
        maxRetries: 2,
        maxVoicemailAttempts: 1,
        goals: [{ type: 'appointments_booked', target: null }],
      },
    },
  },
  {
    id: 'tpl_renewals',
    name: 'Subscription renewals – US',
    values: {
      name: 'Renewal outreach',
      agentId: 'agt_noah',
      telephony: {
        primaryFromNumberId: 'num_us_nyc',
        numberPoolIds: ['num_us_nyc', 'num_us_chi', 'num_us_sfo'],
        callRecording: true,
      },
      schedule: {
        timezone: 'America/Chicago',
        callWindows: weekdayWindows('10:00', '19:00'),
        concurrency: { mode: 'custom', limit: 10 },
      },
      outcomes: {
        maxRetries: 3,
        goals: [
          { type: 'conversion_rate', target: 25 },
          { type: 'payments_collected', target: null },
        ],
      },
    },
  },
  {
    id: 'tpl_uk_winback',
    name: 'Win-back – UK',
    values: {
      name: 'UK win-back',
      agentId: 'agt_mia',
      telephony: {
        primaryFromNumberId: 'num_gb_lon1',
        numberPoolIds: ['num_gb_lon1', 'num_gb_lon2'],
        preferCountryMatchedNumbers: true,
      },
      schedule: {
        timezone: 'Europe/London',
        callWindows: weekdayWindows('09:30', '17:30', true),
        priority: 4,
      },
      outcomes: { retryOnVoicemail: false, maxRetries: 1, maxVoicemailAttempts: null },
    },
  },
];

/** Existing campaigns, for edit mode: one per audience source. */
export const sampleCampaigns: Readonly<Record<string, CampaignPayload>> = {
  cmp_1001: {
    name: 'Spring renewal reminders',
    agentId: 'agt_noah',
    templateId: 'tpl_renewals',
    telephony: {
      primaryFromNumberId: 'num_us_nyc',
      numberPoolIds: ['num_us_nyc', 'num_us_chi', 'num_us_sfo'],
      callRecording: true,
      preferCountryMatchedNumbers: false,
    },
    audience: {
      source: 'contact_ids',
      contactIds: [
        'ct_8f3a21',
        'ct_8f3a22',
        'ct_91bc07',
        'ct_91bc1e',
        'ct_a04d55',
        'ct_a04d9c',
        'ct_b7e310',
        'ct_c2f8aa',
        'ct_d51e02',
        'ct_e9047b',
      ],
      callVariables: [
        { name: 'renewal_date', value: 'March 31' },
        { name: 'discount', value: '15%' },
      ],
    },
    schedule: {
      triggerMode: 'scheduled',
      startAt: '2027-03-15T09:00',
      timezone: 'America/New_York',
      callWindows: weekdayWindows('09:00', '18:00'),
      callWindowTimezoneMode: 'contact_local',
      dryRun: false,
      concurrency: { mode: 'custom', limit: 8 },
      priority: 6,
    },
    outcomes: {
      retryOnVoicemail: true,
      maxRetries: 3,
      maxVoicemailAttempts: 2,
      abTest: null,
      followUps: null,
      goals: [
        { type: 'payments_collected', target: 400 },
        { type: 'conversion_rate', target: 30 },
      ],
    },
  },
  cmp_1002: {
    name: 'UK win-back – Q1',
    agentId: 'agt_mia',
    templateId: 'tpl_uk_winback',
    telephony: {
      primaryFromNumberId: 'num_gb_lon1',
      numberPoolIds: ['num_gb_lon1', 'num_gb_lon2', 'num_gb_man'],
      callRecording: false,
      preferCountryMatchedNumbers: true,
    },
    audience: {
      source: 'csv',
      fileName: 'uk-lapsed-customers-2026-11.csv',
      mapping: { phone: 'Mobile', firstName: 'First name', lastName: 'Surname', email: 'Email address' },
      callVariables: [{ name: 'last_plan', column: 'Plan' }],
      rowCount: 1284,
    },
    schedule: {
      triggerMode: 'immediate',
      startAt: null,
      timezone: 'Europe/London',
      callWindows: weekdayWindows('09:30', '17:30', true),
      callWindowTimezoneMode: 'contact_local',
      dryRun: false,
      concurrency: { mode: 'pool' },
      priority: 4,
    },
    outcomes: {
      retryOnVoicemail: false,
      maxRetries: 1,
      maxVoicemailAttempts: null,
      abTest: {
        variants: [
          { key: 'A', agentId: 'agt_mia', weight: 50 },
          { key: 'B', agentId: 'agt_hannah', weight: 50 },
        ],
      },
      followUps: {
        missedCallFollowUp: true,
        contactMemory: true,
        rules: [
          { trigger: 'no_answer', delayHours: 24, agentId: null },
          { trigger: 'callback_requested', delayHours: 2, agentId: 'agt_mia' },
        ],
      },
      goals: [
        { type: 'conversion_rate', target: 12 },
        { type: 'callbacks_scheduled', target: null },
      ],
    },
  },
  cmp_1003: {
    name: 'Trial conversion – Australia',
    agentId: 'agt_priya',
    templateId: null,
    telephony: {
      primaryFromNumberId: null,
      numberPoolIds: ['num_au_syd', 'num_au_mel', 'num_au_bne'],
      callRecording: true,
      preferCountryMatchedNumbers: true,
    },
    audience: {
      source: 'segment',
      segmentId: 'seg_trials_expiring',
      mapping: { phone: 'phone', firstName: 'firstName', email: 'email' },
      callVariables: [
        { name: 'plan', field: 'plan' },
        { name: 'trial_ends', field: 'trialEndsAt' },
      ],
    },
    schedule: {
      triggerMode: 'immediate',
      startAt: null,
      timezone: 'Australia/Sydney',
      callWindows: weekdayWindows('10:00', '16:00'),
      callWindowTimezoneMode: 'contact_local',
      dryRun: false,
      concurrency: { mode: 'pool' },
      priority: 5,
    },
    outcomes: {
      retryOnVoicemail: true,
      maxRetries: 2,
      maxVoicemailAttempts: null,
      abTest: null,
      followUps: null,
      goals: [{ type: 'qualified_leads', target: 150 }],
    },
  },
};

const callLogs = (campaignId: string, reason?: string) =>
  `/call-logs?campaign=${encodeURIComponent(campaignId)}` + (reason ? `&reason=${encodeURIComponent(reason)}` : '');

/**
 * Inbound returns per campaign. Each has the two reasons the product documents and, where
 * there are any, one reason the UI has no label for (a newer backend), so its fallback shows.
 */
export const sampleInboundReturns: Readonly<Record<string, InboundReturns>> = {
  cmp_1001: {
    total: 52,
    byReason: [
      { reason: 'contacted_inbound', count: 37, callLogsUrl: callLogs('cmp_1001', 'contacted_inbound') },
      { reason: 'follow_up_match', count: 12, callLogsUrl: callLogs('cmp_1001', 'follow_up_match') },
      { reason: 'voicemail_callback', count: 3, callLogsUrl: callLogs('cmp_1001', 'voicemail_callback') },
    ],
    callLogsUrl: callLogs('cmp_1001'),
  },
  cmp_1002: {
    total: 14,
    byReason: [
      { reason: 'contacted_inbound', count: 9, callLogsUrl: callLogs('cmp_1002', 'contacted_inbound') },
      { reason: 'follow_up_match', count: 4, callLogsUrl: callLogs('cmp_1002', 'follow_up_match') },
      // No link for this one: the call-log filter does not know the reason yet.
      { reason: 'legacy_ivr_transfer', count: 1 },
    ],
    callLogsUrl: callLogs('cmp_1002'),
  },
  cmp_1003: { total: 0, byReason: [], callLogsUrl: callLogs('cmp_1003') },
};

/**
 * Untrusted-looking values, schema-valid, for checking that text is rendered as text and
 * that only http(s) or relative links are linked. Added to the answers when the in-memory
 * adapters run with `untrusted: true`.
 */
export const sampleUntrusted = {
  agent: { id: 'agt_markup', name: '<img src=x onerror="alert(1)"> Eve – "Special" & <b>bold</b>' } satisfies Agent,
  segment: {
    id: 'seg_markup',
    name: '<script>alert("segment")</script> VIPs',
    fields: ['phone', '<i>firstName</i>'],
    contactCount: 3,
  } satisfies Segment,
  inboundReason: { reason: '<b>spoofed</b>', count: 1, callLogsUrl: 'javascript:alert(document.domain)' },
} as const;
