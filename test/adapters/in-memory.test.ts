import { expect } from '@open-wc/testing';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  ADAPTER_METHODS,
  FAILURE_MESSAGES,
  InMemoryAdapterError,
  createInMemoryAdapters,
  type AdapterMethod,
  type InMemoryAdapters,
} from '../../src/adapters/in-memory.js';
import {
  sampleAgents,
  sampleCampaigns,
  sampleInboundReturns,
  samplePhoneNumbers,
  sampleSegments,
  sampleTemplates,
} from '../../src/adapters/sample-data.js';
import type { SubmitContext, SubmitRequest } from '../../src/adapters/types.js';
import {
  agentListSchema,
  campaignPayloadSchema,
  inboundReturnsSchema,
  phoneNumberListSchema,
  poolCapacitySchema,
  segmentListSchema,
  submitResultSchema,
  templateListSchema,
  type CampaignPayload,
  type FollowUpRule,
} from '../../src/model/schema.js';

const ctx = (signal: AbortSignal = new AbortController().signal) => ({ signal });
const submitCtx = (idempotencyKey: string, extra: Partial<SubmitContext> = {}): SubmitContext => ({
  signal: new AbortController().signal,
  idempotencyKey,
  ...extra,
});

function payload(overrides: Partial<CampaignPayload> = {}): CampaignPayload {
  return { ...structuredClone(sampleCampaigns.cmp_1001!), name: 'Summer check-in', ...overrides };
}

function csvPayload(fileName: string, rowCount = 3): CampaignPayload {
  return payload({
    audience: { source: 'csv', fileName, mapping: { phone: 'Phone' }, callVariables: [], rowCount },
  });
}

function csvFile(name = 'contacts.csv', bytes = 1_000_000): File {
  const header = 'Phone,First name\n';
  return new File([header + 'x'.repeat(Math.max(0, bytes - header.length))], name, { type: 'text/csv' });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const rules: FollowUpRule[] = [
  { trigger: 'no_answer', delayHours: 24, agentId: null },
  { trigger: 'voicemail', delayHours: 4, agentId: 'agt_mia' },
];

/** One call of each method with valid arguments. */
function callEach(a: InMemoryAdapters, method: AdapterMethod, signal?: AbortSignal): Promise<unknown> {
  const c = ctx(signal);
  switch (method) {
    case 'listAgents':
      return a.listAgents(c);
    case 'listPhoneNumbers':
      return a.listPhoneNumbers(c);
    case 'previewPoolCapacity':
      return a.previewPoolCapacity(['num_us_nyc', 'num_gb_lon1'], c);
    case 'submit':
      return a.submit({ mode: 'create', campaign: payload() }, { ...c, idempotencyKey: `key-${Math.random()}` });
    case 'listTemplates':
      return a.listTemplates(c);
    case 'listSegments':
      return a.listSegments(c);
    case 'loadCampaign':
      return a.loadCampaign('cmp_1002', c);
    case 'attachFollowUpRules':
      return a.attachFollowUpRules('cmp_1002', rules, { ...c, idempotencyKey: `rules-${Math.random()}` });
    case 'getInboundReturns':
      return a.getInboundReturns('cmp_1001', c);
  }
}

describe('sample data', () => {
  it('has the promised amounts', () => {
    expect(sampleAgents.length).to.be.at.least(10);
    expect(samplePhoneNumbers.length).to.equal(12);
    expect(new Set(samplePhoneNumbers.map((n) => n.country))).to.deep.equal(new Set(['US', 'GB', 'CA', 'AU']));
    expect(sampleSegments.length).to.equal(4);
    expect(sampleTemplates.length).to.equal(3);
    const sources = Object.values(sampleCampaigns).map((c) => c.audience.source);
    expect(sources).to.include.members(['contact_ids', 'csv', 'segment']);
  });

  it('uses unique ids', () => {
    for (const list of [sampleAgents, samplePhoneNumbers, sampleSegments, sampleTemplates]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size, ids.join()).to.equal(ids.length);
    }
  });

  it('has valid E.164 numbers in the country each says', () => {
    for (const n of samplePhoneNumbers) {
      const parsed = parsePhoneNumberFromString(n.e164);
      expect(parsed?.isValid(), n.e164).to.equal(true);
      expect(parsed?.number, n.e164).to.equal(n.e164);
      expect(parsed?.country, n.e164).to.equal(n.country);
    }
  });

  it('has campaigns that pass the payload schema and reference known ids', () => {
    const agentIds = new Set(sampleAgents.map((a) => a.id));
    const numberIds = new Set(samplePhoneNumbers.map((n) => n.id));
    for (const [id, campaign] of Object.entries(sampleCampaigns)) {
      expect(campaignPayloadSchema.safeParse(campaign).success, id).to.equal(true);
      expect(agentIds.has(campaign.agentId), id).to.equal(true);
      for (const n of campaign.telephony.numberPoolIds) expect(numberIds.has(n), `${id} ${n}`).to.equal(true);
      if (campaign.audience.source === 'segment') {
        const segment = sampleSegments.find((s) => s.id === (campaign.audience as { segmentId: string }).segmentId);
        expect(segment, id).to.exist;
        for (const v of campaign.audience.callVariables) expect(segment!.fields).to.include(v.field);
      }
    }
  });

  it('has templates whose values, merged over a full campaign, still pass the payload schema', () => {
    const merge = (base: unknown, over: unknown): unknown => {
      if (over === undefined) return base;
      if (Array.isArray(over) || over === null || typeof over !== 'object') return over;
      const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
      return out;
    };
    for (const t of sampleTemplates) {
      const merged = merge(sampleCampaigns.cmp_1003, t.values);
      const result = campaignPayloadSchema.safeParse(merged);
      expect(result.success, `${t.id}: ${JSON.stringify(result.error?.issues)}`).to.equal(true);
    }
  });

  it('has inbound returns whose totals add up, with both documented reasons and an unknown one', () => {
    for (const [id, data] of Object.entries(sampleInboundReturns)) {
      expect(inboundReturnsSchema.safeParse(data).success, id).to.equal(true);
      expect(data.byReason.reduce((s, r) => s + r.count, 0), id).to.equal(data.total);
      for (const r of data.byReason) if (r.callLogsUrl) expect(r.callLogsUrl).to.match(/^\/call-logs\?campaign=/);
    }
    const reasons = new Set(Object.values(sampleInboundReturns).flatMap((d) => d.byReason.map((r) => r.reason)));
    expect(reasons.has('contacted_inbound')).to.equal(true);
    expect(reasons.has('follow_up_match')).to.equal(true);
    expect(reasons.size).to.be.at.least(3);
  });
});

describe('in-memory adapters: the normal path', () => {
  let a: InMemoryAdapters;
  beforeEach(() => {
    a = createInMemoryAdapters({ latencyMs: 0 });
  });

  it('implements every adapter method', () => {
    for (const m of ADAPTER_METHODS) expect(a[m], m).to.be.a('function');
  });

  it('answers lists that pass their schemas', async () => {
    expect(agentListSchema.safeParse(await a.listAgents(ctx())).success).to.equal(true);
    expect(phoneNumberListSchema.safeParse(await a.listPhoneNumbers(ctx())).success).to.equal(true);
    expect(segmentListSchema.safeParse(await a.listSegments(ctx())).success).to.equal(true);
    expect(templateListSchema.safeParse(await a.listTemplates(ctx())).success).to.equal(true);
    expect((await a.listAgents(ctx())).length).to.equal(sampleAgents.length);
  });

  it('answers copies, so a caller mutating them changes nothing', async () => {
    const numbers = await a.listPhoneNumbers(ctx());
    numbers[0]!.label = 'changed';
    expect((await a.listPhoneNumbers(ctx()))[0]!.label).to.equal(samplePhoneNumbers[0]!.label);
    const loaded = await a.loadCampaign('cmp_1001', ctx());
    loaded.name = 'changed';
    expect((await a.loadCampaign('cmp_1001', ctx())).name).to.equal(sampleCampaigns.cmp_1001!.name);
  });

  it('previews pool capacity from the numbers, null when a country has no known ceiling', async () => {
    const cap = (ids: string[]) => a.previewPoolCapacity(ids, ctx()).then((c) => c.maxConcurrentCalls);
    const answer = await a.previewPoolCapacity(['num_us_nyc'], ctx());
    expect(poolCapacitySchema.safeParse(answer).success).to.equal(true);
    expect(await cap(['num_us_nyc', 'num_us_chi', 'num_us_sfo'])).to.equal(15);
    expect(await cap(['num_us_nyc', 'num_gb_lon1'])).to.equal(9);
    expect(await cap(['num_us_nyc', 'num_us_nyc'])).to.equal(5);
    expect(await cap(['num_us_nyc', 'num_au_syd'])).to.equal(null);
    expect(await cap(['num_does_not_exist'])).to.equal(null);
    expect(await cap([])).to.equal(0);
    a.options.unknownCapacity = true;
    expect(await cap(['num_us_nyc'])).to.equal(null);
  });

  it('loads every sample campaign as a valid payload, and rejects an unknown one', async () => {
    for (const id of Object.keys(sampleCampaigns)) {
      const loaded = await a.loadCampaign(id, ctx());
      expect(campaignPayloadSchema.safeParse(loaded).success, id).to.equal(true);
      expect(loaded).to.deep.equal(sampleCampaigns[id]);
    }
    const error = await rejection(a.loadCampaign('cmp_nope', ctx()));
    expect(error).to.be.instanceOf(InMemoryAdapterError);
    expect((error as Error).message).to.contain('Campaign not found');
  });

  it('answers inbound returns per campaign, zero for a new one, and rejects an unknown one', async () => {
    for (const id of Object.keys(sampleInboundReturns)) {
      const data = await a.getInboundReturns(id, ctx());
      expect(inboundReturnsSchema.safeParse(data).success, id).to.equal(true);
      expect(data).to.deep.equal(sampleInboundReturns[id]);
    }
    const { campaignId } = await a.submit({ mode: 'create', campaign: payload() }, submitCtx('k1'));
    const fresh = await a.getInboundReturns(campaignId, ctx());
    expect(inboundReturnsSchema.safeParse(fresh).success).to.equal(true);
    expect(fresh.total).to.equal(0);
    expect((await rejection(a.getInboundReturns('cmp_nope', ctx())) as Error).message).to.contain('Campaign not found');
  });

  it('creates a campaign that can then be loaded and edited', async () => {
    const result = await a.submit({ mode: 'create', campaign: payload() }, submitCtx('create-1'));
    expect(submitResultSchema.safeParse(result).success).to.equal(true);
    expect(result.campaignId).to.match(/^cmp_/);
    expect(a.createdCampaigns.get(result.campaignId)?.name).to.equal('Summer check-in');
    expect((await a.loadCampaign(result.campaignId, ctx())).name).to.equal('Summer check-in');

    const edited = await a.submit(
      { mode: 'edit', campaignId: result.campaignId, campaign: payload({ name: 'Summer check-in (v2)' }) },
      submitCtx('edit-1'),
    );
    expect(edited).to.deep.equal({ campaignId: result.campaignId });
    expect((await a.loadCampaign(result.campaignId, ctx())).name).to.equal('Summer check-in (v2)');
    expect(a.createdCampaigns.size).to.equal(1);
  });

  it('saves an edited CSV campaign without a new file, keeping the upload', async () => {
    const campaign = structuredClone(sampleCampaigns.cmp_1002!);
    campaign.schedule.priority = 9;
    const result = await a.submit({ mode: 'edit', campaignId: 'cmp_1002', campaign }, submitCtx('edit-csv'));
    expect(result.campaignId).to.equal('cmp_1002');
    expect((await a.loadCampaign('cmp_1002', ctx())).schedule.priority).to.equal(9);
    expect(a.createdCampaigns.size).to.equal(0);
  });

  it('rejects invalid or inconsistent submissions as a backend would (422 / 404)', async () => {
    const cases: [SubmitRequest, string][] = [
      [{ mode: 'create', campaign: payload({ name: '' }) }, 'name'],
      [{ mode: 'create', campaign: payload({ agentId: 'agt_ghost' }) }, 'unknown agent'],
      [{ mode: 'create', campaign: csvPayload('contacts.csv') }, 'csvFile'],
      [{ mode: 'create', campaign: csvPayload('other.csv'), csvFile: csvFile('contacts.csv', 100) }, 'not the uploaded file'],
      [{ mode: 'create', campaign: payload(), csvFile: csvFile('contacts.csv', 100) }, 'csvFile was sent'],
      [{ mode: 'edit', campaignId: 'cmp_nope', campaign: payload() }, 'Campaign not found'],
    ];
    for (const [i, [request, message]] of cases.entries()) {
      const error = await rejection(a.submit(request, submitCtx(`bad-${i}`)));
      expect(error, message).to.be.instanceOf(InMemoryAdapterError);
      expect((error as Error).message).to.contain(message);
    }
    expect(a.createdCampaigns.size).to.equal(0);
  });

  it('stores follow-up rules for a campaign', async () => {
    const { campaignId } = await a.submit({ mode: 'create', campaign: payload() }, submitCtx('c'));
    const answer = await a.attachFollowUpRules(campaignId, rules, submitCtx('rules-1'));
    expect(answer).to.equal(undefined);
    expect(a.followUpRules.get(campaignId)).to.deep.equal(rules);
    const missing = await rejection(a.attachFollowUpRules('cmp_nope', rules, submitCtx('rules-2')));
    expect((missing as Error).message).to.contain('Campaign not found');
  });

  it('logs every call with its arguments and idempotency key', async () => {
    await a.listAgents(ctx());
    await a.previewPoolCapacity(['num_us_nyc'], ctx());
    await a.submit({ mode: 'create', campaign: payload() }, submitCtx('logged-key'));
    expect(a.calls.map((c) => c.method)).to.deep.equal(['listAgents', 'previewPoolCapacity', 'submit']);
    expect(a.calls[1]!.args).to.deep.equal([['num_us_nyc']]);
    expect(a.calls[2]!.idempotencyKey).to.equal('logged-key');
    expect(a.calls[0]).not.to.have.property('idempotencyKey');
  });

  it('requires a signal and an idempotency key', async () => {
    const noSignal = await rejection(a.listAgents({} as { signal: AbortSignal }));
    expect(noSignal).to.be.instanceOf(TypeError);
    const noKey = await rejection(a.submit({ mode: 'create', campaign: payload() }, ctx() as SubmitContext));
    expect(noKey).to.be.instanceOf(TypeError);
  });

  it('adds hostile-looking but schema-valid values when asked', async () => {
    a.options.untrusted = true;
    const agents = await a.listAgents(ctx());
    expect(agentListSchema.safeParse(agents).success).to.equal(true);
    expect(agents.some((x) => x.name.includes('<img'))).to.equal(true);
    const returns = await a.getInboundReturns('cmp_1001', ctx());
    expect(inboundReturnsSchema.safeParse(returns).success).to.equal(true);
    expect(returns.byReason.some((r) => r.callLogsUrl?.startsWith('javascript:'))).to.equal(true);
    expect(returns.total).to.equal(returns.byReason.reduce((s, r) => s + r.count, 0));
  });
});

describe('in-memory adapters: latency and abort', () => {
  it('waits about the configured latency', async () => {
    const a = createInMemoryAdapters({ latencyMs: 80 });
    const start = performance.now();
    await a.listAgents(ctx());
    expect(performance.now() - start).to.be.at.least(75);
  });

  it('draws from the default 300–600 ms range', async () => {
    const a = createInMemoryAdapters();
    expect(a.options.latencyMs).to.deep.equal([300, 600]);
    const start = performance.now();
    await a.listAgents(ctx());
    const took = performance.now() - start;
    expect(took).to.be.at.least(295).and.below(1500);
  });

  for (const method of ADAPTER_METHODS) {
    it(`${method} rejects with an AbortError promptly when aborted, and clears its timer`, async () => {
      const a = createInMemoryAdapters({ latencyMs: 10_000 });
      const controller = new AbortController();
      const cleared: unknown[] = [];
      const originalClear = window.clearTimeout;
      window.clearTimeout = ((id?: number) => {
        cleared.push(id);
        originalClear(id);
      }) as typeof window.clearTimeout;
      try {
        const start = performance.now();
        const pending = rejection(callEach(a, method, controller.signal));
        setTimeout(() => controller.abort(), 20);
        const error = await pending;
        expect(error).to.be.instanceOf(DOMException);
        expect((error as DOMException).name).to.equal('AbortError');
        expect(performance.now() - start).to.be.below(500);
        expect(cleared.length).to.be.at.least(1);
      } finally {
        window.clearTimeout = originalClear;
      }
      expect(a.createdCampaigns.size).to.equal(0);
      expect(a.followUpRules.has('cmp_1002')).to.equal(false);
    });
  }

  it('rejects at once when the signal is already aborted', async () => {
    const a = createInMemoryAdapters({ latencyMs: 10_000 });
    const error = await rejection(a.listPhoneNumbers(ctx(AbortSignal.abort())));
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('stops reporting upload progress and creates nothing when aborted mid-upload', async () => {
    const a = createInMemoryAdapters({ latencyMs: 400 });
    const controller = new AbortController();
    const progress: number[] = [];
    const file = csvFile('contacts.csv', 2_000_000);
    const pending = rejection(
      a.submit(
        { mode: 'create', campaign: csvPayload('contacts.csv'), csvFile: file },
        { signal: controller.signal, idempotencyKey: 'abort-upload', onUploadProgress: (loaded) => progress.push(loaded) },
      ),
    );
    await new Promise((r) => setTimeout(r, 120));
    controller.abort();
    expect(((await pending) as DOMException).name).to.equal('AbortError');
    const seen = progress.length;
    expect(seen).to.be.greaterThan(0);
    expect(progress.at(-1)).to.be.below(file.size);
    await new Promise((r) => setTimeout(r, 450));
    expect(progress.length).to.equal(seen);
    expect(a.createdCampaigns.size).to.equal(0);
  });
});

describe('in-memory adapters: failure switch', () => {
  for (const method of ADAPTER_METHODS) {
    it(`${method} rejects with a realistic error while switched on, and recovers when switched off`, async () => {
      const a = createInMemoryAdapters({ latencyMs: 0, fail: [method] });
      const error = await rejection(callEach(a, method));
      expect(error).to.be.instanceOf(InMemoryAdapterError);
      expect((error as Error).message).to.equal(FAILURE_MESSAGES[method].message);
      expect((error as InMemoryAdapterError).status).to.equal(FAILURE_MESSAGES[method].status);
      a.options.fail.delete(method);
      await callEach(a, method);
    });
  }

  it('uses a Set passed by the caller, so flipping it works live', async () => {
    const fail = new Set<AdapterMethod>();
    const a = createInMemoryAdapters({ latencyMs: 0, fail });
    await a.listPhoneNumbers(ctx());
    fail.add('listPhoneNumbers');
    const error = await rejection(a.listPhoneNumbers(ctx()));
    expect((error as Error).message).to.equal('Phone number service is unavailable (503)');
  });

  it('a failed submit creates nothing, and the retry with the same key creates one campaign', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0, fail: ['submit'] });
    const request: SubmitRequest = { mode: 'create', campaign: payload() };
    await rejection(a.submit(request, submitCtx('retry-key')));
    expect(a.createdCampaigns.size).to.equal(0);
    a.options.fail.clear();
    const first = await a.submit(request, submitCtx('retry-key'));
    const second = await a.submit(request, submitCtx('retry-key'));
    expect(second).to.deep.equal(first);
    expect(a.createdCampaigns.size).to.equal(1);
  });

  it('a failing upload reports progress part-way, then rejects', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0, fail: ['submit'] });
    const progress: [number, number][] = [];
    const file = csvFile('contacts.csv', 2_000_000);
    const error = await rejection(
      a.submit(
        { mode: 'create', campaign: csvPayload('contacts.csv'), csvFile: file },
        submitCtx('fail-upload', { onUploadProgress: (l, t) => progress.push([l, t]) }),
      ),
    );
    expect((error as Error).message).to.equal(FAILURE_MESSAGES.submit.message);
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)![0]).to.be.below(file.size);
    expect(a.uploads).to.deep.equal([]);
  });
});

describe('in-memory adapters: malformed answers', () => {
  const checks: Partial<Record<AdapterMethod, { safeParse(x: unknown): { success: boolean } }>> = {
    listAgents: agentListSchema,
    listPhoneNumbers: phoneNumberListSchema,
    previewPoolCapacity: poolCapacitySchema,
    submit: submitResultSchema,
    listTemplates: templateListSchema,
    listSegments: segmentListSchema,
    loadCampaign: campaignPayloadSchema,
    getInboundReturns: inboundReturnsSchema,
  };
  for (const [method, schema] of Object.entries(checks) as [AdapterMethod, (typeof checks)[AdapterMethod]][]) {
    it(`${method} answers data that fails its schema while switched on`, async () => {
      const a = createInMemoryAdapters({ latencyMs: 0, malformed: [method] });
      const answer = await callEach(a, method);
      expect(schema!.safeParse(answer).success).to.equal(false);
      a.options.malformed.delete(method);
      expect(schema!.safeParse(await callEach(a, method)).success).to.equal(true);
    });
  }

  it('attachFollowUpRules answers an unexpected body but still stores the rules', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0, malformed: ['attachFollowUpRules'] });
    const answer: unknown = await a.attachFollowUpRules('cmp_1001', rules, submitCtx('r'));
    expect(answer).not.to.equal(undefined);
    expect(a.followUpRules.get('cmp_1001')).to.deep.equal(rules);
  });

  it('a malformed submit answer still saved the campaign; the retry with the same key gets its id', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0, malformed: ['submit'] });
    const request: SubmitRequest = { mode: 'create', campaign: payload() };
    const garbled = await a.submit(request, submitCtx('lost-answer'));
    expect(submitResultSchema.safeParse(garbled).success).to.equal(false);
    a.options.malformed.clear();
    const retried = await a.submit(request, submitCtx('lost-answer'));
    expect(a.createdCampaigns.size).to.equal(1);
    expect([...a.createdCampaigns.keys()]).to.deep.equal([retried.campaignId]);
  });
});

describe('in-memory adapters: idempotency', () => {
  it('the same key returns the same campaign id without creating a second campaign', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    const request: SubmitRequest = { mode: 'create', campaign: payload() };
    const [one, two] = await Promise.all([a.submit(request, submitCtx('same')), a.submit(request, submitCtx('same'))]);
    const three = await a.submit(request, submitCtx('same'));
    expect(two).to.deep.equal(one);
    expect(three).to.deep.equal(one);
    expect(a.createdCampaigns.size).to.equal(1);
    expect(a.calls.filter((c) => c.method === 'submit').map((c) => c.idempotencyKey)).to.deep.equal(['same', 'same', 'same']);
  });

  it('the same payload key-order-insensitively is the same request', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    const campaign = payload();
    const reordered = Object.fromEntries(Object.entries(campaign).reverse()) as CampaignPayload;
    const one = await a.submit({ mode: 'create', campaign }, submitCtx('k'));
    const two = await a.submit({ mode: 'create', campaign: reordered }, submitCtx('k'));
    expect(two).to.deep.equal(one);
  });

  it('a new key creates a new campaign', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    const request: SubmitRequest = { mode: 'create', campaign: payload() };
    const one = await a.submit(request, submitCtx('k1'));
    const two = await a.submit(request, submitCtx('k2'));
    expect(two.campaignId).not.to.equal(one.campaignId);
    expect(a.createdCampaigns.size).to.equal(2);
  });

  it('reusing a key for a different payload is a conflict (409)', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    await a.submit({ mode: 'create', campaign: payload() }, submitCtx('k'));
    const error = await rejection(a.submit({ mode: 'create', campaign: payload({ name: 'Other' }) }, submitCtx('k')));
    expect((error as InMemoryAdapterError).status).to.equal(409);
    expect(a.createdCampaigns.size).to.equal(1);
  });

  it('attachFollowUpRules is idempotent by its own key', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0, fail: ['attachFollowUpRules'] });
    const { campaignId } = await a.submit({ mode: 'create', campaign: payload() }, submitCtx('create'));
    await rejection(a.attachFollowUpRules(campaignId, rules, submitCtx('rules')));
    expect(a.followUpRules.has(campaignId)).to.equal(false);
    a.options.fail.clear();
    await a.attachFollowUpRules(campaignId, rules, submitCtx('rules'));
    await a.attachFollowUpRules(campaignId, rules, submitCtx('rules'));
    expect(a.followUpRules.get(campaignId)).to.deep.equal(rules);
    const conflict = await rejection(a.attachFollowUpRules(campaignId, rules.slice(0, 1), submitCtx('rules')));
    expect((conflict as InMemoryAdapterError).status).to.equal(409);
    expect(a.createdCampaigns.size).to.equal(1);
  });
});

describe('in-memory adapters: CSV upload progress', () => {
  it('reports progress in a few steps over the file size, ending at the full size', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    const file = csvFile('contacts.csv', 1_500_000);
    const progress: [number, number][] = [];
    const result = await a.submit(
      { mode: 'create', campaign: csvPayload('contacts.csv', 42), csvFile: file },
      submitCtx('upload', { onUploadProgress: (loaded, total) => progress.push([loaded, total]) }),
    );
    expect(progress.length).to.be.within(4, 9);
    expect(progress[0]).to.deep.equal([0, file.size]);
    expect(progress.at(-1)).to.deep.equal([file.size, file.size]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).to.be.greaterThan(progress[i - 1]![0]);
    expect(progress.every(([, total]) => total === file.size)).to.equal(true);
    expect(a.uploads).to.deep.equal([{ campaignId: result.campaignId, fileName: 'contacts.csv', size: file.size }]);
    const stored = a.createdCampaigns.get(result.campaignId)!;
    expect(stored.audience).to.include({ source: 'csv', fileName: 'contacts.csv', rowCount: 42 });
  });

  it('handles an empty file and no progress callback', async () => {
    const a = createInMemoryAdapters({ latencyMs: 0 });
    const progress: [number, number][] = [];
    const empty = new File([], 'empty.csv', { type: 'text/csv' });
    await a.submit(
      { mode: 'create', campaign: csvPayload('empty.csv', 0), csvFile: empty },
      submitCtx('empty', { onUploadProgress: (l, t) => progress.push([l, t]) }),
    );
    expect(progress.at(-1)).to.deep.equal([0, 0]);
    await a.submit({ mode: 'create', campaign: csvPayload('contacts.csv'), csvFile: csvFile() }, submitCtx('no-cb'));
    expect(a.createdCampaigns.size).to.equal(2);
  });
});
