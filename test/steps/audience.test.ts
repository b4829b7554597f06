import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../support/lit-warnings.js';
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import { sampleCampaigns, sampleSegments } from '../../src/adapters/sample-data.js';
import { toPayload } from '../../src/model/payload.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { description, getByLabel, getByRole, queryAllByLabel, waitFor } from '../support/dom.js';

const telephonyDone: DeepPartial<CampaignPayload> = {
  name: 'Audience test',
  agentId: 'agt_ava',
  telephony: { numberPoolIds: ['num_us_nyc'] },
};

async function openAudience(adapters = createInMemoryAdapters({ latencyMs: 0 }), attrs: Partial<CampaignWizard> = {}) {
  const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
  Object.assign(el, attrs);
  el.initial = telephonyDone;
  await el.updateComplete;
  el.step = 'audience';
  await waitFor(() => getByRole(el, 'heading', 'Audience'));
  return { el, adapters };
}

function idsBox(el: CampaignWizard): HTMLTextAreaElement {
  const box = queryAllByLabel<HTMLTextAreaElement>(el, 'Contact IDs').find((c) => c.localName === 'textarea');
  if (!box) throw new Error('No Contact IDs box');
  return box;
}

const ctx = (el: CampaignWizard) => ({ mode: el.mode, now: new Date(), environment: el.environment });

describe('Audience step', () => {
  it('offers CSV, Contact IDs and Segment, and blocks Next until one is chosen', async () => {
    const { el } = await openAudience();
    const labels = ['CSV', 'Contact IDs', 'Segment'];
    for (const label of labels) expect(queryAllByLabel(el, label).some((c) => c.type === 'radio')).to.equal(true);
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', 'Choose a Contact Source'));
    expect(el.step).to.equal('audience');
    await expect(el).to.be.accessible();
  });

  it('Contact IDs: splits, de-duplicates and counts, and blocks when empty', async () => {
    const { el } = await openAudience();
    queryAllByLabel(el, 'Contact IDs').find((c) => c.type === 'radio')!.click();
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', 'Enter at least one Contact ID'));
    const box = await waitFor(() => idsBox(el));
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    box.focus();
    await sendKeys({ type: 'c-1, c-2 c-3\nc-1' });
    await waitFor(() => expect(description(box)).to.include('3 contacts'));
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => expect(el.step).to.equal('schedule'));
    const result = toPayload(el.draft, ctx(el));
    expect(result.ok && result.payload.audience).to.deep.equal({ source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [] });
  });

  it('Contact IDs: a malformed or over-long token gets a clear error', async () => {
    const { el } = await openAudience();
    queryAllByLabel(el, 'Contact IDs').find((c) => c.type === 'radio')!.click();
    const box = await waitFor(() => idsBox(el));
    box.value = 'ok-1 <script>';
    box.dispatchEvent(new Event('input'));
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', /"<script>" is not a Contact ID/));
    box.value = 'x'.repeat(80);
    box.dispatchEvent(new Event('input'));
    await waitFor(() => expect(description(box)).to.include('at most 64 characters'));
  });

  it('Contact IDs: call variables need a valid, unique name', async () => {
    const { el } = await openAudience();
    queryAllByLabel(el, 'Contact IDs').find((c) => c.type === 'radio')!.click();
    const box = await waitFor(() => idsBox(el));
    box.value = 'c-1';
    box.dispatchEvent(new Event('input'));
    getByRole(el, 'button', 'Add call variable').click();
    const name = await waitFor(() => getByLabel(el, 'Variable 1 name'));
    name.value = '1plan';
    name.dispatchEvent(new Event('input'));
    getByLabel(el, 'Variable 1 value').value = 'gold';
    getByLabel(el, 'Variable 1 value').dispatchEvent(new Event('input'));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).to.equal('true'));
    name.value = 'plan';
    name.dispatchEvent(new Event('input'));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).to.equal('false'));
    const result = toPayload(el.draft, ctx(el));
    expect(result.ok && result.payload.audience.callVariables).to.deep.equal([{ name: 'plan', value: 'gold' }]);
    await expect(el).to.be.accessible();
  });

  it('Segment: picks a segment with its count, guesses the field mapping, and blocks without one', async () => {
    const { el } = await openAudience();
    queryAllByLabel(el, 'Segment').find((c) => c.type === 'radio')!.click();
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', 'Select a Segment'));
    const select = await waitFor(() => {
      const s = queryAllByLabel<HTMLSelectElement>(el, 'Segment').find((c) => c.localName === 'select')!;
      if (s.options.length < 2) throw new Error('segments not loaded');
      return s;
    });
    const segment = sampleSegments[0]!;
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).to.include(
      `${segment.name} (${segment.contactCount!.toLocaleString('en')} contacts)`,
    );
    select.value = segment.id;
    select.dispatchEvent(new Event('change'));
    await waitFor(() => expect(getByLabel<HTMLSelectElement>(el, 'Phone').value).to.not.equal(''));
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => expect(el.step).to.equal('schedule'));
    const result = toPayload(el.draft, ctx(el));
    expect(result.ok && result.payload.audience.source).to.equal('segment');
  });

  it('Segment: a failing list shows Retry', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0, fail: ['listSegments'] });
    const { el } = await openAudience(adapters);
    queryAllByLabel(el, 'Segment').find((c) => c.type === 'radio')!.click();
    await waitFor(() => getByRole(el, 'alert', /Couldn't load segments/));
    adapters.options.fail.delete('listSegments');
    getByRole(el, 'button', 'Retry loading segments').click();
    await waitFor(() => {
      if (queryAllByLabel<HTMLSelectElement>(el, 'Segment').find((c) => c.localName === 'select')!.options.length < 2) throw new Error('not yet');
    });
  });

  it('renders segment names as text', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0, untrusted: true });
    const { el } = await openAudience(adapters);
    queryAllByLabel(el, 'Segment').find((c) => c.type === 'radio')!.click();
    await waitFor(() => {
      const s = queryAllByLabel<HTMLSelectElement>(el, 'Segment').find((c) => c.localName === 'select')!;
      if (!Array.from(s.options).some((o) => o.textContent!.includes('<'))) throw new Error('not yet');
    });
    const step = el.shadowRoot!.querySelector('campaign-step-audience')!;
    expect(step.shadowRoot!.querySelector('select img, select script, option img')).to.equal(null);
  });

  it('edit mode: never blocks, and sends a loaded audience back unchanged', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1003" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.equal(sampleCampaigns.cmp_1003!.name));
    el.step = 'audience';
    await waitFor(() => getByRole(el, 'heading', 'Audience'));
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => expect(el.step).to.equal('schedule'));
    const result = toPayload(el.draft, ctx(el));
    expect(result.ok && result.payload.audience).to.deep.equal(sampleCampaigns.cmp_1003!.audience);
  });
});
