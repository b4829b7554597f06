import { expect, fixture, html } from '@open-wc/testing';
import '../support/lit-warnings.js';
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import { sampleCampaigns } from '../../src/adapters/sample-data.js';
import { campaignPayloadSchema, type CampaignPayload, type DeepPartial } from '../../src/model/schema.js';
import { getByLabel, getByRole, queryAllByRole, waitFor, normalise, expectFocused } from '../support/dom.js';
import { deferred } from '../support/fake-adapters.js';

const complete: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { primaryFromNumberId: 'num_us_nyc', numberPoolIds: ['num_us_nyc', 'num_us_chi', 'num_us_sfo'], callRecording: true },
  audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [] },
};

async function openAtReview(extra: Partial<CampaignWizard> = {}, initial = complete) {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
  Object.assign(el, extra);
  el.initial = initial;
  await el.updateComplete;
  el.step = 'review';
  await el.updateComplete;
  await waitFor(() => getByRole(el, 'heading', 'Review'));
  return { el, adapters };
}

/** The Review list as term → value. */
function reviewRows(el: CampaignWizard): Record<string, string> {
  const step = el.shadowRoot!.querySelector('campaign-step-review')!;
  const rows: Record<string, string> = {};
  for (const row of Array.from(step.shadowRoot!.querySelectorAll('.row'))) {
    const [dt, dd] = [row.querySelector('dt')!, row.querySelector('dd')!];
    rows[normalise(dt.textContent)] = normalise(dd.textContent);
  }
  return rows;
}

describe('Review', () => {
  it('summarises a full campaign in plain words', async () => {
    const { el } = await openAtReview();
    await waitFor(() => expect(reviewRows(el)['Number Pool']).to.include('Sales – East (+12125550142)'));
    await waitFor(() => expect(reviewRows(el)['Parallel calls']).to.equal('Full pool capacity (up to 15)'));
    const rows = reviewRows(el);
    expect(rows).to.include({
      'Campaign Name': 'Spring renewals',
      'Contact Source': 'Contact IDs: 3 contacts',
      'Trigger Mode': 'Immediate',
      Mode: 'Live',
      Priority: '5',
      'Call Windows': 'Mon–Fri 09:00–18:00',
      'A/B testing': 'Off',
      'Call Recording': 'On',
      'Campaign Goals': 'None',
    });
    expect(rows['Max retries']).to.match(/^1; no retry on voicemail$/);
    expect(rows.Timezone).to.equal(el.draft.schedule.timezone);
    expect(Object.keys(rows)).to.have.members([
      'Campaign Name', 'Number Pool', 'Contact Source', 'Trigger Mode', 'Mode', 'Max retries', 'Parallel calls',
      'Priority', 'Timezone', 'Call Windows', 'A/B testing', 'Call Recording', 'Campaign Goals',
    ]);
    expect(getByRole(el, 'button', 'Create campaign')).to.exist;
    expect(el.shadowRoot!.querySelector('campaign-step-review')!.shadowRoot!.textContent).to.include(
      'Nothing is created until you press Create campaign',
    );
    await expect(el).to.be.accessible();
  });

  it('lists call variables when there are some, and a scheduled start with its zone', async () => {
    const { el } = await openAtReview({}, {
      ...complete,
      audience: { source: 'contact_ids', contactIds: ['c-1'], callVariables: [{ name: 'plan', value: 'gold' }, { name: 'due_date', value: 'May 1' }] },
      schedule: { triggerMode: 'scheduled', startAt: '2099-03-02T10:30', timezone: 'Europe/London' },
    });
    await waitFor(() => expect(reviewRows(el)['Call Variables']).to.equal('plan and due_date'));
    expect(reviewRows(el)['Trigger Mode']).to.match(/^Scheduled: .*2099.*10:30 \(Europe\/London\)$/);
    expect(reviewRows(el)['Contact Source']).to.equal('Contact IDs: 1 contact');
  });

  it('Change opens the step with focus on the field, and Back to review returns', async () => {
    const { el } = await openAtReview();
    getByRole(el, 'button', 'Change campaign name').click();
    await waitFor(() => expectFocused(getByLabel(el, 'Campaign Name')));
    expect(el.step).to.equal('basics');
    getByRole(el, 'button', 'Back to review').click();
    await waitFor(() => expect(el.step).to.equal('review'));
    expect(queryAllByRole(el, 'button', 'Back to review')).to.have.length(0);

    (await waitFor(() => getByRole(el, 'button', 'Change number pool'))).click();
    await waitFor(() => expectFocused(getByLabel(el, 'Sales – East, +12125550142, United States')));
  });

  it('Back to review stops at a step the change broke', async () => {
    const { el } = await openAtReview();
    getByRole(el, 'button', 'Change campaign name').click();
    const name = await waitFor(() => getByLabel(el, 'Campaign Name'));
    name.value = '';
    name.dispatchEvent(new Event('input'));
    getByRole(el, 'button', 'Back to review').click();
    await waitFor(() => getByRole(el, 'alert', 'There is a problem'));
    expect(el.step).to.equal('basics');
  });
});

describe('Create', () => {
  it('sends a schema-valid payload with the reference defaults and fires campaign-create once', async () => {
    const { el, adapters } = await openAtReview();
    const events: CustomEvent[] = [];
    el.addEventListener('campaign-create', (e) => events.push(e));
    getByRole(el, 'button', 'Create campaign').click();
    await waitFor(() => expect(events).to.have.length(1));
    const { campaignId, campaign } = events[0]!.detail;
    expect(campaignId).to.match(/^cmp_/);
    expect(campaignPayloadSchema.safeParse(campaign).success).to.equal(true);
    expect(campaign.schedule.callWindows.monday).to.deep.equal({ enabled: true, start: '09:00', end: '18:00' });
    expect(campaign.schedule.callWindows.saturday.enabled).to.equal(false);
    expect(campaign.schedule.callWindowTimezoneMode).to.equal('contact_local');
    expect(campaign.schedule.dryRun).to.equal(false);
    expect(campaign.schedule.concurrency).to.deep.equal({ mode: 'pool' });
    expect(adapters.createdCampaigns.size).to.equal(1);
    const done = await waitFor(() => getByRole(el, 'status', 'Campaign created.'));
    await waitFor(() => expectFocused(done));
  });

  it('sends one request for a double click', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const gate = deferred<{ campaignId: string }>();
    let calls = 0;
    const submit = adapters.submit;
    adapters.submit = async (req, ctx) => {
      calls++;
      await gate.promise;
      return submit(req, ctx);
    };
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    el.initial = complete;
    await el.updateComplete;
    el.step = 'review';
    const button = await waitFor(() => getByRole(el, 'button', 'Create campaign'));
    button.click();
    button.click();
    await waitFor(() => getByRole(el, 'status', 'Creating campaign…'));
    getByRole(el, 'button', 'Create campaign').click();
    gate.resolve({ campaignId: 'x' });
    await waitFor(() => getByRole(el, 'status', 'Campaign created.'));
    expect(calls).to.equal(1);
  });

  it('shows "Failed to create campaign" with Retry, keeps the key, and creates once', async () => {
    const { el, adapters } = await openAtReview();
    adapters.options.fail.add('submit');
    const events: unknown[] = [];
    el.addEventListener('campaign-create', (e) => events.push(e.detail));
    getByRole(el, 'button', 'Create campaign').click();
    const alert = await waitFor(() => getByRole(el, 'alert', /Failed to create campaign/));
    expect(alert.textContent).to.include('(5');
    await expect(el).to.be.accessible();
    expect(el.draft.name).to.equal('Spring renewals');
    adapters.options.fail.delete('submit');
    getByRole(el, 'button', 'Retry').click();
    await waitFor(() => expect(events).to.have.length(1));
    const keys = adapters.calls.filter((c) => c.method === 'submit').map((c) => c.idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[1]).to.equal(keys[0]);
    expect(adapters.createdCampaigns.size).to.equal(1);
  });

  it('uses a new key when the payload changed after a failure', async () => {
    const { el, adapters } = await openAtReview();
    adapters.options.fail.add('submit');
    getByRole(el, 'button', 'Create campaign').click();
    await waitFor(() => getByRole(el, 'alert', /Failed to create campaign/));
    adapters.options.fail.delete('submit');
    getByRole(el, 'button', 'Change campaign name').click();
    const name = await waitFor(() => getByLabel(el, 'Campaign Name'));
    name.value = 'Spring renewals 2';
    name.dispatchEvent(new Event('input'));
    getByRole(el, 'button', 'Back to review').click();
    const create = await waitFor(() => getByRole(el, 'button', 'Create campaign'));
    create.click();
    await waitFor(() => getByRole(el, 'status', 'Campaign created.'));
    const keys = adapters.calls.filter((c) => c.method === 'submit').map((c) => c.idempotencyKey);
    expect(keys[1]).to.not.equal(keys[0]);
  });

  it('retries only the follow-up attachment when it fails after a create', async () => {
    const initial = {
      ...complete,
      outcomes: {
        followUps: { missedCallFollowUp: true, contactMemory: false, rules: [{ trigger: 'no_answer' as const, delayHours: 24, agentId: null }] },
      },
    };
    const { el, adapters } = await openAtReview({ features: { followUps: true } }, initial);
    adapters.options.fail.add('attachFollowUpRules');
    const events: unknown[] = [];
    el.addEventListener('campaign-create', (e) => events.push(e.detail));
    getByRole(el, 'button', 'Create campaign').click();
    await waitFor(() => getByRole(el, 'alert', /The campaign was created, but its follow-up rules were not attached/));
    expect(adapters.createdCampaigns.size).to.equal(1);
    adapters.options.fail.delete('attachFollowUpRules');
    getByRole(el, 'button', 'Retry').click();
    await waitFor(() => expect(events).to.have.length(1));
    expect(adapters.calls.filter((c) => c.method === 'submit')).to.have.length(1);
    const attachKeys = adapters.calls.filter((c) => c.method === 'attachFollowUpRules').map((c) => c.idempotencyKey);
    expect(attachKeys).to.have.length(2);
    expect(attachKeys[0]).to.equal(attachKeys[1]);
    expect(adapters.createdCampaigns.size).to.equal(1);
  });

  it('aborts the request when the element is disconnected', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 5000 });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    el.initial = complete;
    await el.updateComplete;
    el.step = 'review';
    let signal: AbortSignal | undefined;
    const submit = adapters.submit;
    adapters.submit = (req, ctx) => {
      signal = ctx.signal;
      return submit(req, ctx);
    };
    (await waitFor(() => getByRole(el, 'button', 'Create campaign'))).click();
    await waitFor(() => expect(signal).to.exist);
    el.remove();
    expect(signal!.aborted).to.equal(true);
  });
});

describe('Opening', () => {
  it('edit: shows loading, loads the campaign, relaxes Audience, and saves', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 50 });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1001" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(el, 'status', 'Loading campaign…'));
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.equal(sampleCampaigns.cmp_1001!.name));
    el.step = 'review';
    await waitFor(() => getByRole(el, 'button', 'Save campaign'));
    const saves: { campaignId: string; campaign: CampaignPayload }[] = [];
    el.addEventListener('campaign-save', (e) => saves.push(e.detail));
    getByRole(el, 'button', 'Save campaign').click();
    await waitFor(() => expect(saves).to.have.length(1));
    expect(saves[0]!.campaignId).to.equal('cmp_1001');
    expect(saves[0]!.campaign.audience).to.deep.equal(sampleCampaigns.cmp_1001!.audience);
  });

  it('edit: Audience does not block while the campaign loads', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const gate = deferred<CampaignPayload>();
    adapters.loadCampaign = () => gate.promise;
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1001" .adapters=${adapters}></campaign-wizard>`);
    el.initial = { name: 'x', agentId: 'agt_ava', telephony: { numberPoolIds: ['num_us_nyc'] } };
    await el.updateComplete;
    el.step = 'schedule';
    await el.updateComplete;
    expect(el.step).to.equal('schedule');
    gate.resolve(structuredClone(sampleCampaigns.cmp_1001!));
  });

  it('edit: "Failed to save campaign" with Retry', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1001" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.not.equal(''));
    el.step = 'review';
    adapters.options.fail.add('submit');
    (await waitFor(() => getByRole(el, 'button', 'Save campaign'))).click();
    await waitFor(() => getByRole(el, 'alert', /Failed to save campaign/));
  });

  it('edit: a failing load shows an error with Retry', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0, fail: ['loadCampaign'] });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1001" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(el, 'alert', /Couldn't load the campaign/));
    adapters.options.fail.delete('loadCampaign');
    getByRole(el, 'button', 'Retry').click();
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.equal(sampleCampaigns.cmp_1001!.name));
  });

  it('template-id opens with the template applied and leaves the rest', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const template = (await adapters.listTemplates({ signal: new AbortController().signal }))[0]!;
    const el = await fixture<CampaignWizard>(html`<campaign-wizard template-id=${template.id} .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => expect(el.draft.templateId).to.equal(template.id));
    if (template.values.name) expect(el.draft.name).to.equal(template.values.name);
    expect(getByLabel<HTMLSelectElement>(el, 'Template').value).to.equal(template.id);
  });

  it('template-id: a failed lookup says so, and Retry applies the template', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0, fail: ['listTemplates'] });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard template-id="tpl_renewals" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(el, 'alert', /Couldn't open the template/));
    adapters.options.fail.delete('listTemplates');
    getByRole(el, 'button', 'Retry opening the template').click();
    await waitFor(() => expect(el.draft.templateId).to.equal('tpl_renewals'));
    expect(queryAllByRole(el, 'alert', /Couldn't open the template/)).to.have.length(0);
  });

  it('edit: fields cannot be typed into while the campaign loads, so nothing typed is overwritten', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const gate = deferred<CampaignPayload>();
    adapters.loadCampaign = () => gate.promise;
    const el = await fixture<CampaignWizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1001" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(el, 'status', 'Loading campaign…'));
    const name = getByLabel(el, 'Campaign Name');
    expect(name.closest('[inert]') ?? (name.getRootNode() as ShadowRoot).host.closest('[inert]')).to.not.equal(null);
    gate.resolve(structuredClone(sampleCampaigns.cmp_1001!));
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.equal(sampleCampaigns.cmp_1001!.name));
    expect((getByLabel(el, 'Campaign Name').getRootNode() as ShadowRoot).host.closest('[inert]')).to.equal(null);
  });

  it('initial (a clone) pre-fills the draft without a draft-change event', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    const changes: unknown[] = [];
    el.addEventListener('campaign-draft-change', (e) => changes.push(e));
    el.initial = { ...structuredClone(sampleCampaigns.cmp_1002!), name: 'Copy of campaign' };
    await el.updateComplete;
    expect(getByLabel(el, 'Campaign Name').value).to.equal('Copy of campaign');
    expect(changes).to.have.length(0);
  });

  it('draft-key: autosaves, restores after a reload with the file, and Discard draft starts over', async () => {
    const key = `test-${Math.random()}`;
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const first = await fixture<CampaignWizard>(html`<campaign-wizard draft-key=${key} .adapters=${adapters}></campaign-wizard>`);
    const name = await waitFor(() => getByLabel(first, 'Campaign Name'));
    name.value = 'Autosaved campaign';
    name.dispatchEvent(new Event('input'));
    const file = new File(['phone\n+12125550142\n'], 'contacts.csv', { type: 'text/csv' });
    // A picked file is part of the draft: write it as the Audience step does, through the context.
    const store = (first as unknown as { wizardState: { update(fn: (d: any) => any, s: string): void } }).wizardState;
    store.update((d) => ({ ...d, audience: { ...d.audience, source: 'csv', csv: { file, fileName: 'contacts.csv', rowCount: 1, mapping: { phone: 'phone' }, callVariables: [] } } }), 'user');
    await new Promise((r) => setTimeout(r, 1000));
    first.remove();

    const second = await fixture<CampaignWizard>(html`<campaign-wizard draft-key=${key} .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(second, 'status', /Draft restored/));
    expect(getByLabel(second, 'Campaign Name').value).to.equal('Autosaved campaign');
    const restoredFile = second.draft.audience.csv?.file;
    expect(restoredFile).to.be.instanceOf(Blob);
    expect(await restoredFile!.text()).to.equal('phone\n+12125550142\n');
    await expect(second).to.be.accessible();

    getByRole(second, 'button', 'Discard draft').click();
    await waitFor(() => expect(getByLabel(second, 'Campaign Name').value).to.equal(''));
    second.remove();
    const third = await fixture<CampaignWizard>(html`<campaign-wizard draft-key=${key} .adapters=${adapters}></campaign-wizard>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(queryAllByRole(third, 'status', /Draft restored/)).to.have.length(0);
  });
});
