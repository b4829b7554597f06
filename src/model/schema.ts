import { z } from './zod.js';

/** The weekdays in display order, Monday first. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const STEP_IDS = ['basics', 'telephony', 'audience', 'schedule', 'outcomes', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const VARIANT_KEYS = ['A', 'B', 'C', 'D'] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const wallTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/));
const nonEmpty = z.string().check(z.minLength(1));

export const callWindowSchema = z.object({ enabled: z.boolean(), start: hhmm, end: hhmm });
export type CallWindow = z.infer<typeof callWindowSchema>;

export const followUpRuleSchema = z.object({
  trigger: z.enum(['no_answer', 'voicemail', 'busy', 'callback_requested']),
  delayHours: z.number().check(z.int(), z.minimum(1), z.maximum(720)),
  agentId: z.nullable(z.string()),
});
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

const audienceSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('csv'),
    fileName: nonEmpty,
    mapping: z.record(z.string(), z.string()),
    callVariables: z.array(z.object({ name: nonEmpty, column: nonEmpty })),
    rowCount: z.number().check(z.int(), z.minimum(0)),
  }),
  z.object({
    source: z.literal('contact_ids'),
    contactIds: z.array(nonEmpty),
    callVariables: z.array(z.object({ name: nonEmpty, value: z.string() })),
  }),
  z.object({
    source: z.literal('segment'),
    segmentId: nonEmpty,
    mapping: z.record(z.string(), z.string()),
    callVariables: z.array(z.object({ name: nonEmpty, field: nonEmpty })),
  }),
]);

/** What the backend receives from `submit` and returns from `loadCampaign` (DESIGN.md). */
export const campaignPayloadSchema = z.object({
  name: nonEmpty,
  agentId: nonEmpty,
  templateId: z.nullable(z.string()),
  telephony: z.object({
    primaryFromNumberId: z.nullable(z.string()),
    numberPoolIds: z.array(nonEmpty).check(z.minLength(1)),
    callRecording: z.boolean(),
    preferCountryMatchedNumbers: z.boolean(),
  }),
  audience: audienceSchema,
  schedule: z.object({
    triggerMode: z.enum(['immediate', 'scheduled']),
    startAt: z.nullable(wallTime),
    timezone: nonEmpty,
    callWindows: z.object({
      monday: callWindowSchema,
      tuesday: callWindowSchema,
      wednesday: callWindowSchema,
      thursday: callWindowSchema,
      friday: callWindowSchema,
      saturday: callWindowSchema,
      sunday: callWindowSchema,
    }),
    callWindowTimezoneMode: z.literal('contact_local'),
    dryRun: z.boolean(),
    concurrency: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('pool') }),
      z.object({ mode: z.literal('custom'), limit: z.number().check(z.int(), z.minimum(1)) }),
    ]),
    priority: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
  }),
  outcomes: z.object({
    retryOnVoicemail: z.boolean(),
    maxRetries: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    maxVoicemailAttempts: z.nullable(z.number().check(z.int(), z.minimum(1))),
    abTest: z.nullable(
      z.object({
        variants: z
          .array(z.object({ key: z.enum(VARIANT_KEYS), agentId: nonEmpty, weight: z.number().check(z.int(), z.minimum(0), z.maximum(100)) }))
          .check(z.minLength(2), z.maxLength(4)),
      }),
    ),
    followUps: z.nullable(
      z.object({ missedCallFollowUp: z.boolean(), contactMemory: z.boolean(), rules: z.array(followUpRuleSchema) }),
    ),
    goals: z.array(z.object({ type: nonEmpty, target: z.nullable(z.number()) })).check(z.maxLength(3)),
  }),
});
export type CampaignPayload = z.infer<typeof campaignPayloadSchema>;
export type CampaignAudience = CampaignPayload['audience'];

/** Recursively optional, for templates, `initial` and clones. Arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

// ---- Adapter answers: every one is checked before use. ----

export const agentSchema = z.object({ id: nonEmpty, name: z.string() });
export type Agent = z.infer<typeof agentSchema>;

export const phoneNumberSchema = z.object({
  id: nonEmpty,
  e164: z.string(),
  label: z.optional(z.string()),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;

export const poolCapacitySchema = z.object({
  maxConcurrentCalls: z.nullable(z.number().check(z.int(), z.minimum(0))),
});
export type PoolCapacity = z.infer<typeof poolCapacitySchema>;

export const segmentSchema = z.object({
  id: nonEmpty,
  name: z.string(),
  fields: z.array(z.string()),
  contactCount: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type Segment = z.infer<typeof segmentSchema>;

/** Template values are a partial payload; they are merged over the draft, so only shape-check the top. */
export const campaignTemplateSchema = z.object({
  id: nonEmpty,
  name: z.string(),
  values: z.record(z.string(), z.unknown()),
});
export interface CampaignTemplate {
  id: string;
  name: string;
  values: DeepPartial<CampaignPayload>;
}

export const submitResultSchema = z.object({ campaignId: nonEmpty });
export type SubmitResult = z.infer<typeof submitResultSchema>;

export const inboundReturnsSchema = z.object({
  total: z.number().check(z.int(), z.minimum(0)),
  byReason: z.array(z.object({ reason: z.string(), count: z.number().check(z.int(), z.minimum(0)), callLogsUrl: z.optional(z.string()) })),
  callLogsUrl: z.optional(z.string()),
});
export type InboundReturns = z.infer<typeof inboundReturnsSchema>;

export const agentListSchema = z.array(agentSchema);
export const phoneNumberListSchema = z.array(phoneNumberSchema);
export const segmentListSchema = z.array(segmentSchema);
export const templateListSchema = z.array(campaignTemplateSchema);
