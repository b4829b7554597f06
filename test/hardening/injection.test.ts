/**
 * Injection: XSS payloads in every untrusted string (agent names, number labels and numbers,
 * segment names and fields, template names, values a loaded campaign or `initial` carries,
 * adapter error messages, the inbound card's reasons and URLs, CSV file names, headers and cells)
 * render as text and create no element.
 *
 * Each walk runs twice, with benign strings and with the payloads, and compares the elements
 * of every shadow root step by step: the payloads must not add a single one. On top of that, a
 * payload that ever ran would push its index onto `window.__xss`; no element may carry an
 * inline event handler attribute, and no link may lead anywhere but http(s).
 */
import { expect } from '@open-wc/testing';
import '../support/lit-warnings.js';
import '../../src/campaign-wizard.js';
import '../../src/inbound/inbound-returns.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import { sampleCampaigns } from '../../src/adapters/sample-data.js';
import type { CampaignPayload, DeepPartial, StepId } from '../../src/model/schema.js';
import { deepElements, getByLabel, getByRole, queryAllByRole, waitFor } from '../support/dom.js';
import { complete, deepText, openInbound, openWizard, sleep } from './helpers.js';
import { BENIGN, PAYLOADS, UNSAFE_URLS } from './payloads.js';

type Strings = readonly string[];

beforeEach(() => {
  window.__xss = [];
});

afterEach(async () => {
  // An image error or a load event fires a little later than the render.
  await sleep(60);
  expect(window.__xss, 'payloads that ran').to.deep.equal([]);
});

after(() => {
  console.log(`[hardening] XSS payloads tried: ${PAYLOADS.length} strings (+${UNSAFE_URLS.length} URLs), in ${placesTried.size} kinds of place`);
});

const placesTried = new Set<string>();

/** What the payloads may not change: the elements of every shadow root, counted by tag. */
function structure(root: Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const el of deepElements(root)) counts[el.localName] = (counts[el.localName] ?? 0) + 1;
  return counts;
}

/** Element-level checks that need no baseline. */
function checkElements(root: Element, where: string): void {
  for (const el of deepElements(root)) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) throw new Error(`${where}: <${el.localName}> has an event handler attribute ${attr.name}`);
      if (attr.name === 'srcdoc') throw new Error(`${where}: <${el.localName}> has srcdoc`);
    }
    if (['script', 'iframe', 'object', 'embed', 'img', 'math', 'style', 'frame'].includes(el.localName)) {
      throw new Error(`${where}: an unexpected <${el.localName}> element`);
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
      const url = new URL(el.getAttribute('href')!, location.href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${where}: a link to ${url.protocol}`);
    }
  }
}

interface Snapshot {
  where: string;
  structure: Record<string, number>;
  text: string;
}

function snapshot(root: Element, where: string): Snapshot {
  checkElements(root, where);
  placesTried.add(where);
  return { where, structure: structure(root), text: deepText(root) };
}

/** Runs `walk` with benign strings and with payloads: same elements at every stop, payloads shown as text. */
async function compareWalks(walk: (strings: Strings) => Promise<Snapshot[]>, expectText: (strings: Strings) => string[]) {
  const baseline = await walk(BENIGN);
  const hostile = await walk(PAYLOADS);
  expect(hostile.map((s) => s.where)).to.deep.equal(baseline.map((s) => s.where));
  hostile.forEach((s, i) => {
    expect(s.structure, `elements at ${s.where}`).to.deep.equal(baseline[i]!.structure);
  });
  const allText = hostile.map((s) => s.text).join('\n');
  for (const text of expectText(PAYLOADS)) expect(allText.includes(text), `shown as text: ${JSON.stringify(text.slice(0, 60))}`).to.equal(true);
}

// ---- Lists from the adapters, and values a campaign carries ----

function listAdapters(strings: Strings): InMemoryAdapters {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  adapters.listAgents = async () => strings.map((s, i) => ({ id: `agt_${i}`, name: s }));
  adapters.listPhoneNumbers = async () => strings.map((s, i) => ({ id: `num_${i}`, e164: s, label: s, country: 'US' }));
  adapters.listSegments = async () => strings.map((s, i) => ({ id: `seg_${i}`, name: s, fields: ['phone', s], contactCount: i }));
  adapters.listTemplates = async () => strings.map((s, i) => ({ id: `tpl_${i}`, name: s, values: {} }));
  adapters.previewPoolCapacity = async () => ({ maxConcurrentCalls: 10 });
  return adapters;
}

function hostileDraft(strings: Strings): DeepPartial<CampaignPayload> {
  return {
    name: strings[0],
    agentId: 'agt_0',
    templateId: 'tpl_1',
    telephony: { primaryFromNumberId: 'num_0', numberPoolIds: strings.map((_, i) => `num_${i}`), callRecording: true },
    audience: {
      source: 'segment',
      segmentId: 'seg_0',
      mapping: { phone: 'phone', firstName: strings[0]! },
      callVariables: strings.slice(0, 3).map((s, i) => ({ name: `var_${i}`, field: s })),
    },
    outcomes: {
      abTest: { variants: [{ key: 'A', agentId: 'agt_0', weight: 50 }, { key: 'B', agentId: 'agt_1', weight: 50 }] },
      followUps: { missedCallFollowUp: true, contactMemory: false, rules: [{ trigger: 'no_answer', delayHours: 24, agentId: 'agt_2' }] },
    },
  };
}

const STEPS: StepId[] = ['basics', 'telephony', 'audience', 'schedule', 'outcomes', 'review'];
const TITLES: Record<StepId, string> = { basics: 'Basics', telephony: 'Telephony', audience: 'Audience', schedule: 'Schedule', outcomes: 'Outcomes', review: 'Review' };

/** Waits until nothing on the page is still loading. */
async function settled(el: Element): Promise<void> {
  await waitFor(() => {
    const busy = queryAllByRole(el, 'status').filter((s) => /Loading|Checking|Reading/.test(s.textContent ?? ''));
    if (busy.length) throw new Error(`still loading: ${busy[0]!.textContent}`);
  });
  await sleep(20);
}

async function walkSteps(el: CampaignWizard, label: string, ready: (step: StepId) => void): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for (const step of STEPS) {
    el.step = step;
    await el.updateComplete;
    await waitFor(() => getByRole(el, 'heading', TITLES[step]));
    await waitFor(() => ready(step));
    await settled(el);
    out.push(snapshot(el, `${label}: ${step}`));
  }
  return out;
}

describe('Injection: adapter lists and campaign values render as text', () => {
  it('agent names, numbers and labels, segment names and fields, template names, campaign name and call variables', async () => {
    await compareWalks(
      async (strings) => {
        const { el } = await openWizard({ adapters: listAdapters(strings), initial: hostileDraft(strings), features: { followUps: true } });
        return walkSteps(el, 'lists', (step) => {
          if (step === 'basics') expect(getByLabel<HTMLSelectElement>(el, 'Agent').options.length).to.equal(strings.length + 1);
          if (step === 'telephony') getByRole(el, 'status', /up to 10 parallel calls/);
          if (step === 'review') expect(deepText(el)).to.include(strings[1]!);
        });
      },
      (strings) => [...strings],
    );
  });

  it('a loaded campaign (edit): name, Contact IDs, call variable values, A/B agents', async () => {
    const walk = async (strings: Strings) => {
      const adapters = listAdapters(strings);
      adapters.loadCampaign = async () => ({
        ...structuredClone(sampleCampaigns.cmp_1001!),
        name: strings[3]!,
        agentId: 'agt_0',
        templateId: null,
        telephony: { primaryFromNumberId: null, numberPoolIds: ['num_1', 'num_2'], callRecording: false, preferCountryMatchedNumbers: false },
        audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2'], callVariables: strings.slice(0, 4).map((s, i) => ({ name: `v${i}`, value: s })) },
      });
      const { el } = await openWizard({ adapters, mode: 'edit', campaignId: 'cmp_1001' });
      await waitFor(() => expect(el.draft.name).to.equal(strings[3]));
      return walkSteps(el, 'edit', () => {});
    };
    await compareWalks(walk, (strings) => [strings[3]!, ...strings.slice(0, 4)]);
  });

  it('a loaded CSV upload (edit): file name, mapped columns and call variable columns', async () => {
    const walk = async (strings: Strings) => {
      const adapters = listAdapters(strings);
      adapters.loadCampaign = async () => ({
        ...structuredClone(sampleCampaigns.cmp_1001!),
        agentId: 'agt_0',
        telephony: { primaryFromNumberId: null, numberPoolIds: ['num_1'], callRecording: false, preferCountryMatchedNumbers: false },
        audience: {
          source: 'csv',
          fileName: `${strings[0]}.csv`,
          mapping: { phone: strings[1]!, firstName: strings[2]!, email: strings[3]! },
          callVariables: strings.slice(4, 8).map((s, i) => ({ name: `col_${i}`, column: s })),
          rowCount: 12,
        },
      });
      const { el } = await openWizard({ adapters, mode: 'edit', campaignId: 'cmp_1001' });
      await waitFor(() => expect(el.draft.audience.source).to.equal('csv'));
      return walkSteps(el, 'edit csv', () => {});
    };
    await compareWalks(walk, (strings) => [`${strings[0]}.csv`, ...strings.slice(1, 8)]);
  });

  it('Contact IDs typed or pasted: the validation message quotes the bad one as text', async () => {
    const snapshots = async (strings: Strings) => {
      const out: Snapshot[] = [];
      for (const [i, s] of strings.entries()) {
        const { el } = await openWizard({
          adapters: listAdapters(strings),
          initial: { ...complete, agentId: 'agt_0', telephony: { numberPoolIds: ['num_0'] }, audience: { source: 'contact_ids', contactIds: [s.replace(/\s/g, '_')] } },
          step: 'audience',
        });
        getByRole(el, 'button', 'Next').click();
        // A payload that is itself a valid Contact ID ("-31+1") moves on: nothing to quote.
        await waitFor(() => (el.step !== 'audience' ? null : getByRole(el, 'alert', 'There is a problem')));
        out.push(snapshot(el, `contact id ${i}`));
        el.remove();
      }
      return out;
    };
    const baseline = await snapshots(BENIGN.map((b) => `${b}!`)); // invalid too ("!"), so the same message shows
    const hostile = await snapshots(PAYLOADS);
    hostile.forEach((s, i) => {
      // A payload that is itself a valid Contact ID shows no message; skip those.
      if (!/is not a Contact ID|at most 64 characters/.test(s.text)) return;
      expect(s.structure, s.where).to.deep.equal(baseline[i]!.structure);
    });
  });
});

// ---- Error messages from every adapter method ----

describe('Injection: adapter error messages render as text', () => {
  const failing = (message: string) => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const reject = () => Promise.reject(new Error(message));
    for (const m of ['listAgents', 'listTemplates', 'listPhoneNumbers', 'previewPoolCapacity', 'listSegments', 'loadCampaign', 'getInboundReturns'] as const) {
      (adapters as unknown as Record<string, unknown>)[m] = reject;
    }
    return adapters;
  };

  it('lists and the capacity preview (Basics, Telephony, Audience)', async () => {
    await compareWalks(
      async (strings) => {
        const message = strings.join(' | ');
        const initial = { ...complete, audience: { source: 'segment' as const, segmentId: 'seg_active_us' } };
        const { el } = await openWizard({ adapters: failing(message), initial });
        const out: Snapshot[] = [];
        await waitFor(() => getByRole(el, 'alert', /Couldn't load agents/));
        await waitFor(() => getByRole(el, 'alert', /Couldn't load templates/));
        out.push(snapshot(el, 'errors: basics'));
        el.step = 'telephony';
        await waitFor(() => getByRole(el, 'alert', /Couldn't load phone numbers/));
        await waitFor(() => getByRole(el, 'status', /Pool capacity unknown/));
        out.push(snapshot(el, 'errors: telephony'));
        // A blocked Telephony (no numbers load) keeps the host from jumping on; drop the pool check.
        el.step = 'audience';
        await el.updateComplete;
        if (el.step === 'audience') {
          await waitFor(() => getByRole(el, 'alert', /Couldn't load segments/));
          out.push(snapshot(el, 'errors: audience'));
        }
        return out;
      },
      (strings) => [strings.join(' | ')],
    );
  });

  it('submit and attachFollowUpRules (the failure banner)', async () => {
    await compareWalks(
      async (strings) => {
        const message = strings.join(' | ');
        const out: Snapshot[] = [];
        for (const method of ['submit', 'attachFollowUpRules'] as const) {
          const adapters = createInMemoryAdapters({ latencyMs: 0 });
          (adapters as unknown as Record<string, unknown>)[method] = () => Promise.reject(new Error(message));
          const initial = method === 'submit' ? complete : { ...complete, outcomes: { followUps: { missedCallFollowUp: true, contactMemory: false, rules: [{ trigger: 'busy' as const, delayHours: 2, agentId: null }] } } };
          const { el } = await openWizard({ adapters, initial, step: 'review', features: { followUps: true } });
          getByRole(el, 'button', 'Create campaign').click();
          await waitFor(() => getByRole(el, 'alert', /Failed to create campaign|follow-up rules were not attached/));
          out.push(snapshot(el, `errors: ${method}`));
        }
        return out;
      },
      (strings) => [strings.join(' | ')],
    );
  });

  it('loadCampaign (edit) and getInboundReturns (the card)', async () => {
    await compareWalks(
      async (strings) => {
        const message = strings.join(' | ');
        const { el } = await openWizard({ adapters: failing(message), mode: 'edit', campaignId: 'cmp_1001' });
        await waitFor(() => getByRole(el, 'alert', /Couldn't load the campaign/));
        const card = await openInbound(failing(message));
        await waitFor(() => getByRole(card, 'alert', /Couldn't load inbound returns/));
        return [snapshot(el, 'errors: loadCampaign'), snapshot(card, 'errors: getInboundReturns')];
      },
      (strings) => [strings.join(' | ')],
    );
  });

  it('a thrown non-Error with hostile fields shows no markup', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    adapters.listAgents = () => {
      throw { message: PAYLOADS[0], toString: () => PAYLOADS[1] };
    };
    const { el } = await openWizard({ adapters });
    await waitFor(() => getByRole(el, 'alert', /Couldn't load agents/));
    snapshot(el, 'errors: thrown object');
  });
});

// ---- The inbound card ----

describe('Injection: the inbound returns card', () => {
  it('reason names render as text; unsafe URLs are not linked', async () => {
    await compareWalks(
      async (strings) => {
        const adapters = createInMemoryAdapters({ latencyMs: 0 });
        adapters.getInboundReturns = async () => ({
          total: strings.length,
          byReason: strings.map((s, i) => ({ reason: s, count: 1, callLogsUrl: UNSAFE_URLS[i % UNSAFE_URLS.length]! })),
          callLogsUrl: UNSAFE_URLS[0]!,
        });
        const card = await openInbound(adapters);
        await waitFor(() => expect(deepText(card)).to.include(strings[0]!));
        return [snapshot(card, 'inbound: reasons and URLs')];
      },
      (strings) => [...strings],
    );
  });
});

// ---- CSV: file name, headers and cells ----

/** One CSV field, quoted as RFC 4180 wants. */
const field = (s: string) => `"${s.replaceAll('"', '""')}"`;

function hostileCsv(strings: Strings): File {
  // Headers: Phone, then every string; cells: valid and invalid numbers, then the strings again.
  const header = ['Phone', ...strings.map((s, i) => `${s} ${i}`)];
  const rows = [
    ['+14155552671', ...strings],
    ['+442079460958', ...strings.map((s) => s.split('').reverse().join(''))],
    ['not a number', ...strings],
    ['', ...strings],
  ];
  const text = [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n');
  return new File([text], `${strings[0]!.slice(0, 80)}.csv`, { type: 'text/csv' });
}

describe('Injection: CSV file name, headers and cells', () => {
  it('render as text in the preview, the mapping and the counts', async () => {
    await compareWalks(
      async (strings) => {
        const { el } = await openWizard({ initial: { ...complete, audience: { source: 'csv' } }, step: 'audience' });
        const input = await waitFor(() => getByLabel<HTMLInputElement>(el, 'CSV file'));
        const dt = new DataTransfer();
        dt.items.add(hostileCsv(strings));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await waitFor(() => expect(deepText(el)).to.match(/Phone numbers checked/), 15000);
        await settled(el);
        const out = [snapshot(el, 'csv: audience')];
        el.step = 'review';
        await waitFor(() => getByRole(el, 'heading', 'Review'));
        await settled(el);
        out.push(snapshot(el, 'csv: review'));
        return out;
      },
      (strings) => [`${strings[0]!.slice(0, 80)}.csv`, ...strings.slice(0, 10).map((s, i) => `${s} ${i}`)],
    );
  });
});
