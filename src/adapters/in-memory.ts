/**
 * In-memory adapters for the demo page and the tests. They behave like a careful backend:
 * simulated latency, AbortSignal honoured, failure and malformed-answer switches that can be
 * flipped at any time, idempotent submit, CSV upload progress, and a log of every call.
 */
import {
  campaignPayloadSchema,
  followUpRuleSchema,
  type Agent,
  type CampaignPayload,
  type CampaignTemplate,
  type FollowUpRule,
  type InboundReturns,
  type PhoneNumber,
  type PoolCapacity,
  type Segment,
  type SubmitResult,
} from '../model/schema.js';
import {
  sampleAgents,
  sampleCallsPerNumberByCountry,
  sampleCampaigns,
  sampleInboundReturns,
  samplePhoneNumbers,
  sampleSegments,
  sampleTemplates,
  sampleUntrusted,
} from './sample-data.js';
import type { AdapterContext, CampaignWizardAdapters, SubmitContext, SubmitRequest } from './types.js';

export type AdapterMethod = keyof CampaignWizardAdapters;

// A record, so adding a method to the interface is a type error here until it is listed.
const METHODS: Record<AdapterMethod, true> = {
  listAgents: true,
  listPhoneNumbers: true,
  previewPoolCapacity: true,
  submit: true,
  listTemplates: true,
  listSegments: true,
  loadCampaign: true,
  attachFollowUpRules: true,
  getInboundReturns: true,
};

/** Every adapter method, in interface order. */
export const ADAPTER_METHODS: readonly AdapterMethod[] = Object.keys(METHODS) as AdapterMethod[];

/** What each method rejects with while its failure switch is on. */
export const FAILURE_MESSAGES: Readonly<Record<AdapterMethod, { status: number; message: string }>> = {
  listAgents: { status: 503, message: 'Agent service is unavailable (503)' },
  listPhoneNumbers: { status: 503, message: 'Phone number service is unavailable (503)' },
  previewPoolCapacity: { status: 504, message: 'Capacity preview timed out (504)' },
  submit: { status: 500, message: 'Campaign service error: could not save the campaign (500)' },
  listTemplates: { status: 503, message: 'Template service is unavailable (503)' },
  listSegments: { status: 503, message: 'Segment service is unavailable (503)' },
  loadCampaign: { status: 502, message: 'Could not load the campaign: bad gateway (502)' },
  attachFollowUpRules: { status: 503, message: 'Follow-up service is unavailable (503)' },
  getInboundReturns: { status: 503, message: 'Inbound routing statistics are unavailable (503)' },
};

/** An error as a backend would report it: a readable message and an HTTP-like status. */
export class InMemoryAdapterError extends Error {
  override name = 'InMemoryAdapterError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface AdapterCall {
  method: AdapterMethod;
  /** The arguments before the context, as passed (not copied). */
  args: unknown[];
  /** Present for `submit` and `attachFollowUpRules`. */
  idempotencyKey?: string;
  /** `performance.now()` at the call. */
  at: number;
}

/** Latency in milliseconds: a fixed value, or a `[min, max]` range drawn from at every call. */
export type Latency = number | readonly [min: number, max: number];

export interface InMemoryOptions {
  /** Default `[300, 600]` (jittered). Use 0 in tests. */
  latencyMs?: Latency;
  /** Methods that reject. A `Set` passed here is used as is, so the caller can flip it live. */
  fail?: Iterable<AdapterMethod>;
  /** Methods that answer with data that does not pass the schemas. A passed `Set` is used as is. */
  malformed?: Iterable<AdapterMethod>;
  /** previewPoolCapacity answers `{ maxConcurrentCalls: null }` whatever the numbers. */
  unknownCapacity?: boolean;
  /** Add markup-laden names and a `javascript:` link to the answers (schema-valid, hostile). */
  untrusted?: boolean;
  /** Called synchronously for every call, after it is logged. */
  onCall?: (call: AdapterCall) => void;
}

/** The live switches. Change them at any time; the next call reads them. */
export interface InMemoryControls {
  latencyMs: Latency;
  readonly fail: Set<AdapterMethod>;
  readonly malformed: Set<AdapterMethod>;
  unknownCapacity: boolean;
  untrusted: boolean;
  onCall: ((call: AdapterCall) => void) | undefined;
}

export interface InMemoryAdapters extends Required<CampaignWizardAdapters> {
  readonly options: InMemoryControls;
  /** Every call in order. Clear it with `calls.length = 0`. */
  readonly calls: AdapterCall[];
  /** Campaigns created through `submit` (mode create), by id. */
  readonly createdCampaigns: Map<string, CampaignPayload>;
  /** Every campaign `loadCampaign` knows: the samples, then created ones, with edits applied. */
  readonly campaigns: Map<string, CampaignPayload>;
  /** Rules stored by `attachFollowUpRules`, by campaign id. */
  readonly followUpRules: Map<string, FollowUpRule[]>;
  /** Files received by `submit`, in order. */
  readonly uploads: { campaignId: string; fileName: string; size: number }[];
}

const DEFAULT_LATENCY: Latency = [300, 600];

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/** Resolves after `ms`; rejects with an AbortError as soon as `signal` aborts, clearing the timer. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** JSON with sorted keys, so two equal payloads compare equal whatever their key order. */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function requireSignal(method: AdapterMethod, ctx: AdapterContext | undefined): AbortSignal {
  if (!ctx || !(ctx.signal instanceof AbortSignal)) {
    throw new TypeError(`${method}: ctx.signal (an AbortSignal) is required`);
  }
  return ctx.signal;
}

function invalid(message: string): InMemoryAdapterError {
  return new InMemoryAdapterError(`Invalid request (422): ${message}`, 422);
}

export function createInMemoryAdapters(options: InMemoryOptions = {}): InMemoryAdapters {
  const controls: InMemoryControls = {
    latencyMs: options.latencyMs ?? DEFAULT_LATENCY,
    fail: options.fail instanceof Set ? options.fail : new Set(options.fail ?? []),
    malformed: options.malformed instanceof Set ? options.malformed : new Set(options.malformed ?? []),
    unknownCapacity: options.unknownCapacity ?? false,
    untrusted: options.untrusted ?? false,
    onCall: options.onCall,
  };
  const calls: AdapterCall[] = [];
  const campaigns = new Map<string, CampaignPayload>(Object.entries(clone(sampleCampaigns)));
  const createdCampaigns = new Map<string, CampaignPayload>();
  const followUpRules = new Map<string, FollowUpRule[]>();
  const uploads: InMemoryAdapters['uploads'] = [];
  // Idempotency: key -> (fingerprint of the request, its result). Scoped per method.
  const submitKeys = new Map<string, { fingerprint: string; campaignId: string }>();
  const attachKeys = new Map<string, string>();
  let counter = 0;

  const latency = (): number => {
    const l = controls.latencyMs;
    if (typeof l === 'number') return l;
    const [min, max] = l;
    return min + Math.random() * (max - min);
  };

  const agents = (): Agent[] => [...sampleAgents, ...(controls.untrusted ? [sampleUntrusted.agent] : [])];
  const segments = (): Segment[] => [...sampleSegments, ...(controls.untrusted ? [sampleUntrusted.segment] : [])];

  const log = (method: AdapterMethod, args: unknown[], idempotencyKey?: string) => {
    const call: AdapterCall = { method, args, at: performance.now() };
    if (idempotencyKey !== undefined) call.idempotencyKey = idempotencyKey;
    calls.push(call);
    controls.onCall?.(call);
  };

  const failIfSwitched = (method: AdapterMethod) => {
    if (controls.fail.has(method)) {
      const { message, status } = FAILURE_MESSAGES[method];
      throw new InMemoryAdapterError(message, status);
    }
  };

  /** The common path: log, wait, fail or answer (malformed when switched). */
  async function respond<T>(
    method: AdapterMethod,
    args: unknown[],
    ctx: AdapterContext,
    answer: () => T,
    malformed: () => unknown,
  ): Promise<T> {
    const signal = requireSignal(method, ctx);
    log(method, args);
    await wait(latency(), signal);
    throwIfAborted(signal);
    failIfSwitched(method);
    if (controls.malformed.has(method)) return malformed() as T;
    return answer();
  }

  function checkReferences(campaign: CampaignPayload): void {
    const agentIds = new Set(agents().map((a) => a.id));
    const numberIds = new Set(samplePhoneNumbers.map((n) => n.id));
    if (!agentIds.has(campaign.agentId)) throw invalid(`unknown agent "${campaign.agentId}"`);
    const { primaryFromNumberId, numberPoolIds } = campaign.telephony;
    for (const id of numberPoolIds) if (!numberIds.has(id)) throw invalid(`unknown phone number "${id}"`);
    if (primaryFromNumberId !== null && !numberIds.has(primaryFromNumberId)) {
      throw invalid(`unknown phone number "${primaryFromNumberId}"`);
    }
    if (campaign.audience.source === 'segment') {
      const { segmentId } = campaign.audience;
      if (!segments().some((s) => s.id === segmentId)) throw invalid(`unknown segment "${segmentId}"`);
    }
    for (const v of campaign.outcomes.abTest?.variants ?? []) {
      if (!agentIds.has(v.agentId)) throw invalid(`unknown agent "${v.agentId}" in variant ${v.key}`);
    }
  }

  function checkSubmit(request: SubmitRequest): CampaignPayload {
    const parsed = campaignPayloadSchema.safeParse(request.campaign);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(`${issue?.path.join('.') || 'campaign'}: ${issue?.message ?? 'invalid'}`);
    }
    const campaign = parsed.data;
    checkReferences(campaign);
    const previous = request.mode === 'edit' ? campaigns.get(request.campaignId) : undefined;
    if (request.mode === 'edit' && !previous) {
      throw new InMemoryAdapterError(`Campaign not found (404): ${request.campaignId}`, 404);
    }
    const { audience } = campaign;
    if (audience.source === 'csv') {
      if (!request.csvFile && (request.mode === 'create' || previous?.audience.source !== 'csv')) {
        throw invalid('a CSV audience needs the file (csvFile)');
      }
      if (request.csvFile && request.csvFile.name !== audience.fileName) {
        throw invalid(`audience.fileName "${audience.fileName}" is not the uploaded file "${request.csvFile.name}"`);
      }
    } else if (request.csvFile) {
      throw invalid(`a csvFile was sent with a "${audience.source}" audience`);
    }
    return campaign;
  }

  /** Reports upload progress in a few steps over the file's size, taking about `ms`. */
  async function upload(file: File, ms: number, signal: AbortSignal, ctx: SubmitContext, stopAt = 1): Promise<void> {
    const total = file.size;
    const steps = total === 0 ? 1 : Math.min(8, Math.max(3, Math.ceil(total / (256 * 1024))));
    const report = (loaded: number) => {
      if (signal.aborted || !ctx.onUploadProgress) return;
      try {
        ctx.onUploadProgress(loaded, total);
      } catch (error) {
        // A throwing progress handler must not fail the upload; surface it as an uncaught error.
        queueMicrotask(() => {
          throw error;
        });
      }
    };
    report(0);
    for (let i = 1; i <= steps; i++) {
      if (i / steps > stopAt) return;
      await wait(ms / steps, signal);
      report(Math.round((total * i) / steps));
    }
  }

  const adapters: InMemoryAdapters = {
    options: controls,
    calls,
    createdCampaigns,
    campaigns,
    followUpRules,
    uploads,

    listAgents(ctx) {
      return respond('listAgents', [], ctx, agents, () => [
        { id: 'agt_ava', name: 'Ava – Appointment Setter' },
        { id: 7, title: 'Agent without a name' },
      ]);
    },

    listPhoneNumbers(ctx) {
      return respond<PhoneNumber[]>(
        'listPhoneNumbers',
        [],
        ctx,
        () => clone([...samplePhoneNumbers]),
        () => ({ numbers: [{ id: '', e164: 14155550123, country: 'United States' }] }),
      );
    },

    previewPoolCapacity(numberIds, ctx) {
      return respond<PoolCapacity>(
        'previewPoolCapacity',
        [[...numberIds]],
        ctx,
        () => {
          if (controls.unknownCapacity) return { maxConcurrentCalls: null };
          let sum = 0;
          for (const id of new Set(numberIds)) {
            const country = samplePhoneNumbers.find((n) => n.id === id)?.country;
            const perNumber = country === undefined ? null : (sampleCallsPerNumberByCountry[country] ?? null);
            if (perNumber === null) return { maxConcurrentCalls: null };
            sum += perNumber;
          }
          return { maxConcurrentCalls: sum };
        },
        () => ({ maxConcurrentCalls: '20 calls' }),
      );
    },

    async submit(request, ctx) {
      const method = 'submit';
      const signal = requireSignal(method, ctx);
      if (typeof ctx.idempotencyKey !== 'string' || ctx.idempotencyKey === '') {
        throw new TypeError('submit: ctx.idempotencyKey is required');
      }
      log(method, [request], ctx.idempotencyKey);
      const ms = latency();
      const failing = controls.fail.has(method);
      if (request.csvFile) {
        // A failing service drops the connection half-way through the upload.
        await upload(request.csvFile, ms * 0.7, signal, ctx, failing ? 0.5 : 1);
        await wait(ms * 0.3, signal);
      } else {
        await wait(ms, signal);
      }
      throwIfAborted(signal);
      failIfSwitched(method);

      const fingerprint = stableStringify({
        mode: request.mode,
        campaignId: request.mode === 'edit' ? request.campaignId : null,
        campaign: request.campaign,
        file: request.csvFile ? [request.csvFile.name, request.csvFile.size] : null,
      });
      const seen = submitKeys.get(ctx.idempotencyKey);
      let campaignId: string;
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new InMemoryAdapterError('Idempotency key was already used for a different request (409)', 409);
        }
        campaignId = seen.campaignId;
      } else {
        const campaign = checkSubmit(request);
        if (request.mode === 'create') {
          counter += 1;
          campaignId = `cmp_${String(counter).padStart(4, '0')}`;
          while (campaigns.has(campaignId)) campaignId = `cmp_${String(++counter).padStart(4, '0')}`;
          createdCampaigns.set(campaignId, clone(campaign));
        } else {
          campaignId = request.campaignId;
          if (createdCampaigns.has(campaignId)) createdCampaigns.set(campaignId, clone(campaign));
        }
        campaigns.set(campaignId, clone(campaign));
        if (request.csvFile) uploads.push({ campaignId, fileName: request.csvFile.name, size: request.csvFile.size });
        submitKeys.set(ctx.idempotencyKey, { fingerprint, campaignId });
      }
      // Malformed: the campaign was saved but the answer is garbled, so a retry with the same
      // key must get the same id back.
      if (controls.malformed.has(method)) return { id: campaignId, status: 'created' } as unknown as SubmitResult;
      return { campaignId };
    },

    listTemplates(ctx) {
      return respond<CampaignTemplate[]>(
        'listTemplates',
        [],
        ctx,
        () => clone([...sampleTemplates]),
        () => [{ id: 'tpl_broken', name: 'Broken template', values: 'agentId=agt_ava' }],
      );
    },

    listSegments(ctx) {
      return respond('listSegments', [], ctx, () => clone(segments()), () => [
        { id: 'seg_broken', name: 'Broken segment', fields: 'phone,email', contactCount: -1 },
      ]);
    },

    loadCampaign(campaignId, ctx) {
      return respond<CampaignPayload>(
        'loadCampaign',
        [campaignId],
        ctx,
        () => {
          const campaign = campaigns.get(campaignId);
          if (!campaign) throw new InMemoryAdapterError(`Campaign not found (404): ${campaignId}`, 404);
          return clone(campaign);
        },
        () => {
          const campaign = clone(campaigns.get(campaignId) ?? Object.values(sampleCampaigns)[0]!);
          return {
            ...campaign,
            telephony: { ...campaign.telephony, numberPoolIds: [] },
            schedule: { ...campaign.schedule, priority: 'high' },
          };
        },
      );
    },

    async attachFollowUpRules(campaignId, rules, ctx) {
      const method = 'attachFollowUpRules';
      const signal = requireSignal(method, ctx);
      if (typeof ctx.idempotencyKey !== 'string' || ctx.idempotencyKey === '') {
        throw new TypeError('attachFollowUpRules: ctx.idempotencyKey is required');
      }
      log(method, [campaignId, rules], ctx.idempotencyKey);
      await wait(latency(), signal);
      throwIfAborted(signal);
      failIfSwitched(method);
      const fingerprint = stableStringify({ campaignId, rules });
      const seen = attachKeys.get(ctx.idempotencyKey);
      if (seen !== undefined && seen !== fingerprint) {
        throw new InMemoryAdapterError('Idempotency key was already used for a different request (409)', 409);
      }
      if (seen === undefined) {
        if (!campaigns.has(campaignId)) throw new InMemoryAdapterError(`Campaign not found (404): ${campaignId}`, 404);
        const agentIds = new Set(agents().map((a) => a.id));
        rules.forEach((rule, i) => {
          const parsed = followUpRuleSchema.safeParse(rule);
          if (!parsed.success) throw invalid(`rules.${i}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
          if (rule.agentId !== null && !agentIds.has(rule.agentId)) throw invalid(`rules.${i}: unknown agent "${rule.agentId}"`);
        });
        followUpRules.set(campaignId, clone(rules));
        attachKeys.set(ctx.idempotencyKey, fingerprint);
      }
      // The answer is void; a malformed one is an unexpected body the caller should ignore.
      if (controls.malformed.has(method)) return { status: 'queued', rules: 'n/a' } as unknown as void;
    },

    getInboundReturns(campaignId, ctx) {
      return respond<InboundReturns>(
        'getInboundReturns',
        [campaignId],
        ctx,
        () => {
          if (!campaigns.has(campaignId)) throw new InMemoryAdapterError(`Campaign not found (404): ${campaignId}`, 404);
          const stored = sampleInboundReturns[campaignId];
          const data: InboundReturns = stored
            ? clone(stored)
            : { total: 0, byReason: [], callLogsUrl: `/call-logs?campaign=${encodeURIComponent(campaignId)}` };
          if (controls.untrusted) {
            data.byReason.push({ ...sampleUntrusted.inboundReason });
            data.total += sampleUntrusted.inboundReason.count;
          }
          return data;
        },
        () => ({ total: '52', byReason: null, callLogsUrl: 42 }),
      );
    },
  };
  return adapters;
}
