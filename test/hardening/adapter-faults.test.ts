/**
 * Adapter faults, table-driven over every adapter method: a rejection, a synchronous throw (an
 * Error and a bare string), malformed answers, an answer that never comes, and slow answers that
 * arrive out of order. Each shows its error with Retry, recovers, and never loses the draft; a
 * pending call's signal aborts on disconnect and when what it was for changes.
 */
import { expect } from '@open-wc/testing';
import '../support/lit-warnings.js';
import '../../src/campaign-wizard.js';
import '../../src/inbound/inbound-returns.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import type { CampaignInboundReturns } from '../../src/inbound/inbound-returns.js';
import { ADAPTER_METHODS, createInMemoryAdapters, type AdapterMethod, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import { sampleCampaigns } from '../../src/adapters/sample-data.js';
import type { AdapterContext } from '../../src/adapters/types.js';
import { getByLabel, getByRole, queryAllByLabel, queryAllByRole, waitFor } from '../support/dom.js';
import { complete, deepText, draftText, goToStep, nameField, openInbound, openWizard, sleep, typeInto, withFollowUps } from './helpers.js';

const MESSAGE = 'Service unavailable (503)';
const STRING_THROWN = 'Plain string failure (500)';

type Fault = 'ok' | 'reject' | 'throw' | 'throw-value' | 'malformed' | 'hang' | 'manual';

interface Call {
  args: unknown[];
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

let faultsInjected = 0;

/**
 * Replaces one method of in-memory adapters with a switchable one. `fault` applies to the calls
 * made while it is set; 'manual' calls wait for the test, and with `honourAbort` reject with an
 * AbortError when their signal aborts (as fetch does); without it they ignore the signal (a
 * backend that answers anyway).
 */
function instrument(adapters: InMemoryAdapters, method: AdapterMethod) {
  const real = (adapters[method] as (...args: unknown[]) => Promise<unknown>).bind(adapters);
  const control = { fault: 'ok' as Fault, malformed: undefined as unknown, honourAbort: false, calls: [] as Call[] };
  (adapters as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    const ctx = args[args.length - 1] as AdapterContext;
    const call: Call = { args, signal: ctx.signal, resolve: () => {}, reject: () => {} };
    control.calls.push(call);
    if (control.fault !== 'ok') faultsInjected++;
    switch (control.fault) {
      case 'throw':
        throw new Error(MESSAGE);
      case 'throw-value':
        // eslint-disable-next-line no-throw-literal
        throw STRING_THROWN;
      case 'reject':
        return Promise.reject(new Error(MESSAGE));
      case 'malformed':
        return Promise.resolve(control.malformed);
      case 'hang':
        return new Promise(() => {});
      case 'manual':
        return new Promise((resolve, reject) => {
          call.resolve = resolve;
          call.reject = reject;
          if (control.honourAbort) {
            ctx.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
          }
        });
      default:
        return real(...args);
    }
  };
  return control;
}

type Host = CampaignWizard | CampaignInboundReturns;

interface Spot {
  method: AdapterMethod;
  title: string;
  open(adapters: InMemoryAdapters): Promise<Host>;
  /** Makes the call when opening alone does not (Create on Review). */
  trigger?(el: Host): void;
  /** The error (throws until it shows). */
  error(el: Host): HTMLElement;
  /** Its Retry button. */
  retry(el: Host): HTMLElement;
  /** The good state after a successful answer (throws until it shows). */
  recovered(el: Host, adapters: InMemoryAdapters): void;
  /** Answers that do not pass the schema. */
  malformed: unknown[];
  /** attachFollowUpRules answers void: whatever comes back is ignored. */
  malformedIgnored?: boolean;
  /** What the user (or host) does that makes a pending call stale and starts a new one. */
  reselect?(el: Host): Promise<void>;
  /** A valid answer for call `i`, told apart by its content. */
  answer?(i: number): unknown;
  /** Throws unless the answer of call `i` is what shows. */
  shows?(el: Host, i: number): void;
  /** A wizard with a draft (the inbound card has none). */
  wizard: boolean;
}

const w = (el: Host) => el as CampaignWizard;
const agentOptions = (el: Host) => Array.from(getByLabel<HTMLSelectElement>(el, 'Agent').options).map((o) => o.text.trim());
const templateOptions = (el: Host) => Array.from(getByLabel<HTMLSelectElement>(el, 'Template').options).map((o) => o.text.trim());
const segmentSelect = (el: Host) => {
  const found = queryAllByLabel<HTMLSelectElement>(el, 'Segment').filter((c) => c.localName === 'select');
  if (found.length !== 1) throw new Error(`Expected one Segment select, found ${found.length}`);
  return found[0]!;
};
const segmentOptions = (el: Host) => Array.from(segmentSelect(el).options).map((o) => o.text.trim());

async function nextThenBack(el: Host, here: string, there: string): Promise<void> {
  getByRole(el, 'button', 'Next').click();
  await waitFor(() => getByRole(el, 'heading', there));
  getByRole(el, 'button', 'Back').click();
  await waitFor(() => getByRole(el, 'heading', here));
}

function showsOnly(texts: string[], i: number, prefix: string): void {
  expect(texts).to.include(`${prefix} ${i}`);
  expect(texts).to.not.include(`${prefix} ${1 - i}`);
}

const segmentDraft = { ...complete, audience: { source: 'segment' as const, segmentId: 'seg_active_us', mapping: { phone: 'phone' }, callVariables: [] } };

const SPOTS: Spot[] = [
  {
    method: 'listAgents',
    title: 'Basics: Agent',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: complete })).el,
    error: (el) => getByRole(el, 'alert', /Couldn't load agents/),
    retry: (el) => getByRole(el, 'button', 'Retry loading agents'),
    recovered: (el) => expect(getByLabel<HTMLSelectElement>(el, 'Agent').value).to.equal('agt_noah'),
    malformed: [null, 'agents', { agents: [] }, [{ id: 7, name: 'Agent 7' }], [{ id: '', name: 'No id' }]],
    reselect: (el) => nextThenBack(el, 'Basics', 'Telephony'),
    answer: (i) => [{ id: 'agt_noah', name: `Agent answer ${i}` }],
    shows: (el, i) => showsOnly(agentOptions(el), i, 'Agent answer'),
  },
  {
    method: 'listTemplates',
    title: 'Basics: Template',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: complete })).el,
    error: (el) => getByRole(el, 'alert', /Couldn't load templates/),
    retry: (el) => getByRole(el, 'button', 'Retry loading templates'),
    recovered: (el) => expect(templateOptions(el).length).to.be.greaterThan(1),
    malformed: [null, { templates: [] }, [{ id: 'tpl', name: 'Broken', values: 'agentId=agt_ava' }], [{ name: 'No id', values: {} }]],
    reselect: (el) => nextThenBack(el, 'Basics', 'Telephony'),
    answer: (i) => [{ id: 'tpl_x', name: `Template answer ${i}`, values: {} }],
    shows: (el, i) => showsOnly(templateOptions(el), i, 'Template answer'),
  },
  {
    method: 'listPhoneNumbers',
    title: 'Telephony: numbers',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: complete, step: 'telephony' })).el,
    error: (el) => getByRole(el, 'alert', /Couldn't load phone numbers/),
    retry: (el) => getByRole(el, 'button', 'Retry loading phone numbers'),
    recovered: (el) => expect(getByLabel(el, 'Sales – East, +12125550142, United States').checked).to.equal(true),
    malformed: [null, { numbers: [] }, [{ id: 'n', e164: 14155550123 }], [{ id: 'n', e164: '+14155550123', country: 'United States' }]],
    reselect: (el) => nextThenBack(el, 'Telephony', 'Audience'),
    answer: (i) => [{ id: 'num_us_nyc', e164: '+12125550142', label: `Number answer ${i}`, country: 'US' }],
    shows: (el, i) => {
      getByLabel(el, `Number answer ${i}, +12125550142, United States`);
      expect(deepText(el)).to.not.include(`Number answer ${1 - i}`);
    },
  },
  {
    method: 'previewPoolCapacity',
    title: 'Telephony: pool capacity',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: complete, step: 'telephony' })).el,
    error: (el) => getByRole(el, 'status', /Pool capacity unknown/),
    retry: (el) => getByRole(el, 'button', 'Retry checking pool capacity'),
    recovered: (el) => getByRole(el, 'status', /Pool capacity: up to \d+ parallel calls/),
    malformed: [null, 'lots', {}, { maxConcurrentCalls: '20 calls' }, { maxConcurrentCalls: -1 }, { maxConcurrentCalls: 2.5 }],
    reselect: async (el) => {
      getByLabel(el, 'Sales – West, +14155550123, United States').click();
      await sleep(350); // the preview waits for clicks to settle
    },
    answer: (i) => ({ maxConcurrentCalls: 10 + i }),
    shows: (el, i) => {
      getByRole(el, 'status', new RegExp(`up to ${10 + i} parallel calls`));
      expect(queryAllByRole(el, 'status', new RegExp(`up to ${11 - i} parallel`))).to.have.length(0);
    },
  },
  {
    method: 'listSegments',
    title: 'Audience: Segment',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: segmentDraft, step: 'audience' })).el,
    error: (el) => getByRole(el, 'alert', /Couldn't load segments/),
    retry: (el) => getByRole(el, 'button', 'Retry loading segments'),
    recovered: (el) => expect(segmentSelect(el).value).to.equal('seg_active_us'),
    malformed: [null, [{ id: 'seg', name: 'Broken', fields: 'phone,email', contactCount: -1 }], [{ id: 'seg' }], { segments: [] }],
    reselect: (el) => nextThenBack(el, 'Audience', 'Schedule'),
    answer: (i) => [{ id: 'seg_active_us', name: `Segment answer ${i}`, fields: ['phone'] }],
    shows: (el, i) => showsOnly(segmentOptions(el), i, 'Segment answer'),
  },
  {
    method: 'loadCampaign',
    title: 'Edit: loading the campaign',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, mode: 'edit', campaignId: 'cmp_1001' })).el,
    error: (el) => getByRole(el, 'alert', /Couldn't load the campaign/),
    retry: (el) => getByRole(el, 'button', 'Retry'),
    recovered: (el) => expect(w(el).draft.name).to.equal(sampleCampaigns[w(el).campaignId!]!.name),
    malformed: [
      null,
      'cmp_1001',
      { name: 'Only a name' },
      { ...sampleCampaigns.cmp_1001, schedule: { ...sampleCampaigns.cmp_1001!.schedule, priority: 'high' } },
      { ...sampleCampaigns.cmp_1001, telephony: { ...sampleCampaigns.cmp_1001!.telephony, numberPoolIds: [] } },
    ],
    reselect: async (el) => {
      w(el).campaignId = 'cmp_1002';
      await w(el).updateComplete;
    },
    answer: (i) => ({ ...structuredClone(sampleCampaigns.cmp_1001!), name: `Campaign answer ${i}` }),
    shows: (el) => expect(w(el).draft.name).to.equal('Campaign answer 1'),
  },
  {
    method: 'submit',
    title: 'Review: Create campaign',
    wizard: true,
    open: async (adapters) => (await openWizard({ adapters, initial: complete, step: 'review' })).el,
    trigger: (el) => getByRole(el, 'button', 'Create campaign').click(),
    error: (el) => getByRole(el, 'alert', /Failed to create campaign/),
    retry: (el) => getByRole(el, 'button', 'Retry'),
    recovered: (el, adapters) => {
      getByRole(el, 'status', 'Campaign created.');
      expect(adapters.createdCampaigns.size).to.equal(1);
    },
    malformed: [null, 'cmp_1', { id: 'cmp_1', status: 'created' }, { campaignId: '' }, { campaignId: 7 }],
  },
  {
    method: 'attachFollowUpRules',
    title: 'Review: attaching follow-up rules',
    wizard: true,
    open: async (adapters) =>
      (await openWizard({ adapters, initial: withFollowUps, step: 'review', features: { followUps: true } })).el,
    trigger: (el) => getByRole(el, 'button', 'Create campaign').click(),
    error: (el) => getByRole(el, 'alert', /The campaign was created, but its follow-up rules were not attached/),
    retry: (el) => getByRole(el, 'button', 'Retry'),
    recovered: (el, adapters) => {
      getByRole(el, 'status', 'Campaign created.');
      expect(adapters.createdCampaigns.size).to.equal(1);
      expect(adapters.calls.filter((c) => c.method === 'submit')).to.have.length(1);
    },
    malformed: [null, { status: 'queued' }, 'ok', 42],
    malformedIgnored: true,
  },
  {
    method: 'getInboundReturns',
    title: 'Inbound returns card',
    wizard: false,
    open: (adapters) => openInbound(adapters),
    error: (el) => getByRole(el, 'alert', /Couldn't load inbound returns/),
    retry: (el) => getByRole(el, 'button', 'Retry loading inbound returns'),
    recovered: (el) => expect(deepText(el)).to.include('Total'),
    malformed: [null, { total: '52', byReason: null, callLogsUrl: 42 }, { total: -1, byReason: [] }, { byReason: [] }],
    reselect: async (el) => {
      (el as CampaignInboundReturns).campaignId = 'cmp_1002';
      await (el as CampaignInboundReturns).updateComplete;
    },
    answer: (i) => ({ total: 10 + i, byReason: [{ reason: 'contacted_inbound', count: 10 + i }] }),
    shows: (el, i) => {
      expect(el.shadowRoot!.querySelector('[part~="total"]')?.textContent).to.include(String(10 + i));
      expect(el.shadowRoot!.querySelector('[part~="total"]')?.textContent).to.not.include(String(11 - i));
    },
  },
];

/** Every method of the interface has a row (a new method must be added here). */
it('covers every adapter method', () => {
  expect([...new Set(SPOTS.map((s) => s.method))].sort()).to.deep.equal([...ADAPTER_METHODS].sort());
});

after(() => {
  console.log(`[hardening] adapter faults injected: ${faultsInjected}`);
});

/** Opens the spot with one instrumented method and waits for the first call. */
async function setUp(spot: Spot, fault: Fault, malformed?: unknown) {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const control = instrument(adapters, spot.method);
  control.fault = fault;
  control.malformed = malformed;
  const el = await spot.open(adapters);
  spot.trigger?.(el);
  await waitFor(() => expect(control.calls.length).to.be.greaterThan(0));
  return { adapters, control, el };
}

/** Edits the draft from Basics while something else is pending: proof that the UI still works. */
async function editWhileWaiting(el: CampaignWizard): Promise<void> {
  if (el.step !== 'basics') await goToStep(el, 'Basics');
  typeInto(nameField(el), 'Edited while waiting');
  expect(el.draft.name).to.equal('Edited while waiting');
  getByRole(el, 'button', 'Next').click();
  // Moves on, or (an edit-mode draft still empty while its campaign loads) says what is missing.
  await waitFor(() => (el.step === 'telephony' ? true : getByRole(el, 'alert', 'There is a problem')));
}

for (const spot of SPOTS) {
  describe(`Adapter faults: ${spot.method} (${spot.title})`, () => {
    /** The draft as the user left it before the fault, compared after the error and after Retry. */
    async function failsThenRecovers(fault: Fault, check: (error: HTMLElement) => void, malformed?: unknown) {
      const adapters = createInMemoryAdapters({ latencyMs: 0 });
      const control = instrument(adapters, spot.method);
      control.fault = fault;
      control.malformed = malformed;
      const el = await spot.open(adapters);
      const before = spot.wizard && spot.method !== 'loadCampaign' ? draftText(w(el)) : null;
      const emptyBefore = spot.method === 'loadCampaign' ? draftText(w(el)) : null;
      spot.trigger?.(el);
      const error = await waitFor(() => spot.error(el));
      check(error);
      if (before !== null) expect(draftText(w(el))).to.equal(before);
      if (emptyBefore !== null) expect(draftText(w(el))).to.equal(emptyBefore);
      control.fault = 'ok';
      spot.retry(el).click();
      await waitFor(() => spot.recovered(el, adapters));
      if (before !== null) expect(draftText(w(el))).to.equal(before);
      return { el, adapters };
    }

    it('a rejection shows its message with Retry; Retry recovers and the draft is kept', async () => {
      await failsThenRecovers('reject', (error) => expect(error.textContent).to.include(MESSAGE));
    });

    it('a synchronous throw (not a promise) is caught like a rejection', async () => {
      await failsThenRecovers('throw', (error) => expect(error.textContent).to.include(MESSAGE));
    });

    it('a thrown string is shown as its text', async () => {
      await failsThenRecovers('throw-value', (error) => expect(error.textContent).to.include(STRING_THROWN));
    });

    for (const [index, value] of spot.malformed.entries()) {
      it(`malformed answer #${index + 1} (${JSON.stringify(value)?.slice(0, 40)}) ${spot.malformedIgnored ? 'is ignored' : 'is an error with Retry, not a crash'}`, async () => {
        if (spot.malformedIgnored) {
          const { el, adapters, control } = await setUp(spot, 'malformed', value);
          await waitFor(() => spot.recovered(el, adapters));
          expect(control.calls).to.have.length(1);
          return;
        }
        await failsThenRecovers('malformed', (error) => expect(error.textContent).to.not.include('undefined'), value);
      });
    }

    it('an answer that never comes leaves the UI usable, and disconnecting aborts the call', async () => {
      const { el, control } = await setUp(spot, 'hang');
      const call = control.calls[0]!;
      expect(call.signal.aborted).to.equal(false);
      if (spot.wizard) {
        const before = draftText(w(el));
        await sleep(50);
        expect(draftText(w(el))).to.equal(before);
        await editWhileWaiting(w(el));
      } else {
        getByRole(el, 'status', /Loading inbound returns/);
      }
      el.remove();
      expect(control.calls.map((c) => c.signal.aborted)).to.not.include(false);
    });

    if (spot.reselect) {
      const reselect = spot.reselect;
      it('a pending call aborts when what it was for changes, and a new call is made', async () => {
        const { el, control } = await setUp(spot, 'hang');
        control.fault = 'ok';
        await reselect(el);
        await waitFor(() => expect(control.calls.length).to.be.greaterThan(1));
        expect(control.calls[0]!.signal.aborted).to.equal(true);
        await waitFor(() => spot.recovered(el, createInMemoryAdapters()));
      });

      it('an adapter that rejects with AbortError on abort (as fetch does) shows no error: the new call answers', async () => {
        const { el, control } = await setUp(spot, 'manual');
        control.honourAbort = true;
        control.calls[0]!.signal.addEventListener('abort', () => (control.fault = 'ok'));
        // A backend that honours the signal: the first call rejects as soon as it is stale.
        control.calls[0]!.signal.addEventListener('abort', () => control.calls[0]!.reject(new DOMException('The operation was aborted.', 'AbortError')));
        await reselect(el);
        await waitFor(() => spot.recovered(el, createInMemoryAdapters()));
        expect(queryAllByRole(el, 'alert').map((a) => a.textContent)).to.not.satisfy((texts: string[]) => texts.some((t) => /abort/i.test(t)));
      });

      it('slow answers arriving out of order: the latest selection wins', async () => {
        const { el, control } = await setUp(spot, 'manual');
        await reselect(el);
        await waitFor(() => expect(control.calls.length).to.be.greaterThan(1));
        const [first, second] = [control.calls[0]!, control.calls.at(-1)!];
        second.resolve(spot.answer!(1));
        await waitFor(() => spot.shows!(el, 1));
        first.resolve(spot.answer!(0));
        await sleep(50);
        spot.shows!(el, 1);
      });
    }
  });
}

describe('Adapter faults: single-flight calls', () => {
  for (const method of ['submit', 'attachFollowUpRules'] as const) {
    it(`${method}: a slow answer and a second Create (click, Enter) send no second request; one campaign`, async () => {
      const spot = SPOTS.find((s) => s.method === method)!;
      const { el, control, adapters } = await setUp(spot, 'manual');
      const button = getByRole(el, 'button', 'Create campaign');
      button.click();
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      button.click();
      await sleep(50);
      expect(control.calls).to.have.length(1);
      if (method === 'attachFollowUpRules') expect(adapters.calls.filter((c) => c.method === 'submit')).to.have.length(1);
      control.calls[0]!.resolve(method === 'submit' ? { campaignId: 'cmp_slow' } : undefined);
      await waitFor(() => getByRole(el, 'status', 'Campaign created.'));
    });
  }
});

describe('Adapter faults: template-id', () => {
  // Not asserted: that Retry then applies the template named by template-id. It does not (the
  // Retry reloads Basics' list only); reported, not fixed here.
  it('a failing template lookup leaves the draft alone; Retry loads the list', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const control = instrument(adapters, 'listTemplates');
    control.fault = 'reject';
    const { el } = await openWizard({ adapters, templateId: 'tpl_renewals' });
    await waitFor(() => getByRole(el, 'alert', /Couldn't load templates/));
    expect(el.draft.templateId).to.equal(null);
    typeInto(nameField(el), 'Typed before the retry');
    control.fault = 'ok';
    getByRole(el, 'button', 'Retry loading templates').click();
    await waitFor(() => expect(getByLabel<HTMLSelectElement>(el, 'Template').options.length).to.be.greaterThan(1));
    expect(el.draft.name).to.equal('Typed before the retry');
  });

  it('a changed template-id makes the older lookup stale: its late answer is not applied', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const templates = await adapters.listTemplates({ signal: new AbortController().signal });
    const control = instrument(adapters, 'listTemplates');
    control.fault = 'manual';
    const { el } = await openWizard({ adapters, templateId: 'tpl_renewals' });
    await waitFor(() => expect(control.calls.length).to.be.greaterThan(0));
    const firstCalls = control.calls.length;
    el.templateId = 'tpl_uk_winback';
    await el.updateComplete;
    await waitFor(() => expect(control.calls.length).to.be.greaterThan(firstCalls));
    for (const call of control.calls.slice(firstCalls)) call.resolve(templates);
    await waitFor(() => expect(el.draft.templateId).to.equal('tpl_uk_winback'));
    for (const call of control.calls.slice(0, firstCalls)) call.resolve(templates);
    await sleep(50);
    expect(el.draft.templateId).to.equal('tpl_uk_winback');
  });
});

describe('Adapter faults: the draft survives a stale campaign load', () => {
  it('edits made while a campaign loads are not silently replaced by a stale answer', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const control = instrument(adapters, 'loadCampaign');
    control.fault = 'manual';
    const { el } = await openWizard({ adapters, mode: 'edit', campaignId: 'cmp_1001' });
    await waitFor(() => expect(control.calls).to.have.length(1));
    el.campaignId = 'cmp_1002';
    await el.updateComplete;
    await waitFor(() => expect(control.calls).to.have.length(2));
    control.calls[1]!.resolve(structuredClone(sampleCampaigns.cmp_1002!));
    await waitFor(() => expect(el.draft.name).to.equal(sampleCampaigns.cmp_1002!.name));
    typeInto(nameField(el), 'My edit');
    control.calls[0]!.resolve(structuredClone(sampleCampaigns.cmp_1001!));
    await sleep(50);
    expect(el.draft.name).to.equal('My edit');
  });
});

describe('Adapter faults: nothing is left running after a disconnect', () => {
  it('a wizard removed with an update still pending starts no call that nobody aborts', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const controls = ADAPTER_METHODS.map((m) => instrument(adapters, m));
    for (const c of controls) c.fault = 'hang';
    const { el } = await openWizard({ adapters, initial: complete, templateId: 'tpl_renewals', step: 'telephony' });
    await sleep(400); // past the capacity preview's debounce
    // The host changes something and removes the wizard in the same task.
    el.initial = { ...complete, name: 'Changed', telephony: { numberPoolIds: ['num_us_sfo'] } };
    el.remove();
    await sleep(400);
    const running = controls.flatMap((c, i) => c.calls.filter((call) => !call.signal.aborted).map(() => ADAPTER_METHODS[i]));
    expect(running).to.deep.equal([]);
  });

  it('the same in edit mode, with the campaign id changed as the wizard is removed', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const controls = ADAPTER_METHODS.map((m) => instrument(adapters, m));
    for (const c of controls) c.fault = 'hang';
    const { el } = await openWizard({ adapters, mode: 'edit', campaignId: 'cmp_1001' });
    await waitFor(() => expect(controls[ADAPTER_METHODS.indexOf('loadCampaign')]!.calls).to.have.length(1));
    el.campaignId = 'cmp_1002';
    el.remove();
    await sleep(400);
    const running = controls.flatMap((c, i) => c.calls.filter((call) => !call.signal.aborted).map(() => ADAPTER_METHODS[i]));
    expect(running).to.deep.equal([]);
  });
});

describe('Adapter faults: the host replaces the adapters', () => {
  it('pending list calls abort, the lists load from the new adapters, and the draft stays', async () => {
    const first = createInMemoryAdapters({ latencyMs: 0 });
    const control = instrument(first, 'listAgents');
    control.fault = 'hang';
    const { el } = await openWizard({ adapters: first, initial: complete });
    await waitFor(() => expect(control.calls).to.have.length(1));
    const before = draftText(el);
    const second = createInMemoryAdapters({ latencyMs: 0 });
    second.listAgents = async () => [{ id: 'agt_noah', name: 'Noah from the new adapters' }];
    el.adapters = second;
    await el.updateComplete;
    expect(control.calls[0]!.signal.aborted).to.equal(true);
    await waitFor(() => expect(agentOptions(el)).to.include('Noah from the new adapters'));
    expect(draftText(el)).to.equal(before);
  });
});
