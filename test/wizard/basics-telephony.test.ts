import { expect, fixture, html } from '@open-wc/testing';
import '../support/lit-warnings.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import type { CampaignWizardAdapters } from '../../src/adapters/types.js';
import { description, getByLabel, getByRole, queryAllByRole, waitFor, expectFocused } from '../support/dom.js';
import { fakeAdapters } from '../support/fake-adapters.js';

async function openWizard(adapters: CampaignWizardAdapters) {
  const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
  await waitFor(() => {
    if (getByLabel<HTMLSelectElement>(el, 'Agent').options.length < 2) throw new Error('agents not loaded');
  });
  return el;
}

async function type(control: HTMLElement, text: string) {
  control.focus();
  await sendKeys({ type: text });
}

async function select(control: HTMLSelectElement, label: string) {
  const option = Array.from(control.options).find((o) => o.textContent?.trim() === label);
  if (!option) throw new Error(`No option "${label}"`);
  control.value = option.value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

async function completeBasics(el: CampaignWizard) {
  await type(getByLabel(el, 'Campaign Name'), 'Spring renewals');
  await select(getByLabel<HTMLSelectElement>(el, 'Agent'), 'Leo – Renewals');
  getByRole(el, 'button', 'Next').click();
  await waitFor(() => getByRole(el, 'heading', 'Telephony'));
}

describe('<campaign-wizard> Basics', () => {
  it('names the six steps in an ordered list and marks the current one', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    const items = queryAllByRole(el, 'listitem').filter((li) => li.closest('nav'));
    expect(items.map((li) => li.querySelector('.step-title')?.textContent)).to.deep.equal([
      'Basics', 'Telephony', 'Audience', 'Schedule', 'Outcomes', 'Review',
    ]);
    expect(items[0]!.getAttribute('aria-current')).to.equal('step');
    expect(el.getAttribute('step')).to.equal('basics');
  });

  it('shows no error on untouched fields before the first Next', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    expect(getByLabel(el, 'Campaign Name').getAttribute('aria-invalid')).to.equal('false');
    expect(queryAllByRole(el, 'alert')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('blocks Next without a name and an agent, with a focused error summary whose links focus each field', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    getByRole(el, 'button', 'Next').click();
    const summary = await waitFor(() => getByRole(el, 'alert', 'There is a problem'));
    expectFocused(summary);
    expect(el.step).to.equal('basics');

    const name = getByLabel(el, 'Campaign Name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(description(name)).to.equal('Enter a Campaign Name');
    expect(description(getByLabel(el, 'Agent'))).to.include('Select an Agent');

    const hashBefore = location.hash;
    getByRole(el, 'link', 'Select an Agent').click();
    await waitFor(() => expectFocused(getByLabel(el, 'Agent')));
    expect(location.hash).to.equal(hashBefore);
    await expect(el).to.be.accessible();
  });

  it('blocks Next on a name of only spaces', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    await type(getByLabel(el, 'Campaign Name'), '   ');
    await select(getByLabel<HTMLSelectElement>(el, 'Agent'), 'Ava – Appointment Setter');
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', 'Enter a Campaign Name'));
    expect(el.step).to.equal('basics');
  });

  it('moves on when Basics is complete: focuses the heading, announces the step, fires step-change', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    const changes: unknown[] = [];
    el.addEventListener('campaign-step-change', (e) => changes.push(e.detail));
    await completeBasics(el);
    expect(el.step).to.equal('telephony');
    expect(el.getAttribute('step')).to.equal('telephony');
    expectFocused(getByRole(el, 'heading', 'Telephony'));
    expect(getByRole(el, 'status', 'Step 2 of 6: Telephony')).to.exist;
    expect(changes).to.deep.equal([{ step: 'telephony', index: 1 }]);
  });

  it('fires campaign-draft-change for user edits only', async () => {
    const { adapters } = fakeAdapters();
    const el = await openWizard(adapters);
    const drafts: string[] = [];
    el.addEventListener('campaign-draft-change', (e) => drafts.push(e.detail.draft.name));
    el.initial = { name: 'From the host' };
    await el.updateComplete;
    expect(getByLabel(el, 'Campaign Name').value).to.equal('From the host');
    expect(drafts).to.deep.equal([]);
    await type(getByLabel(el, 'Campaign Name'), '!');
    expect(drafts.at(-1)).to.equal('From the host!');
  });

  it('shows a failing agent list with Retry, and recovers', async () => {
    let fail = true;
    const { adapters } = fakeAdapters({
      listAgents: async () => {
        if (fail) throw new Error('Agent service unavailable (503)');
        return [{ id: 'a1', name: 'Mia – Collections' }];
      },
    });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    const alert = await waitFor(() => getByRole(el, 'alert', /Couldn't load agents/));
    expect(alert.textContent).to.include('Agent service unavailable (503)');
    await expect(el).to.be.accessible();
    fail = false;
    getByRole(el, 'button', 'Retry loading agents').click();
    await waitFor(() => expect(Array.from(getByLabel<HTMLSelectElement>(el, 'Agent').options).map((o) => o.text)).to.include('Mia – Collections'));
  });

  it('treats a malformed agent list as an error, not a crash', async () => {
    const { adapters } = fakeAdapters({ listAgents: async () => ({ agents: 'nope' }) as never });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    const alert = await waitFor(() => getByRole(el, 'alert', /Couldn't load agents/));
    expect(alert.textContent).to.include('cannot read');
  });

  it('says so when there are no agents', async () => {
    const { adapters } = fakeAdapters({ listAgents: async () => [] });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => expect(el.shadowRoot!.querySelector('campaign-step-basics')!.shadowRoot!.textContent).to.include('No agents are available'));
  });

  it('renders agent names as text, never as markup', async () => {
    const { adapters } = fakeAdapters({ listAgents: async () => [{ id: 'x', name: '<img src=x onerror=alert(1)>' }] });
    const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
    const agent = await waitFor(() => {
      const s = getByLabel<HTMLSelectElement>(el, 'Agent');
      if (s.options.length < 2) throw new Error('not loaded');
      return s;
    });
    expect(agent.options[1]!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(agent.querySelector('img')).to.equal(null);
  });
});

describe('<campaign-wizard> Telephony', () => {
  it('blocks Next without a number in the pool', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    await completeBasics(el);
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'link', 'Select at least one number for the Number Pool'));
    expect(el.step).to.equal('telephony');
    expect(getByLabel<HTMLFieldSetElement>(el, 'Number Pool').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('moves on once a number is in the pool, and lets the stepper reopen passed steps', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    await completeBasics(el);
    getByLabel(el, 'Sales – East, +12125550101, United States').click();
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => expect(el.step).to.equal('audience'));
    getByRole(el, 'button', /Basics/).click();
    await waitFor(() => expect(getByLabel(el, 'Campaign Name').value).to.equal('Spring renewals'));
  });

  it('adds the Primary From Phone Number to the pool', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    await completeBasics(el);
    await select(getByLabel<HTMLSelectElement>(el, 'Primary From Phone Number'), 'London, +442079460123, United Kingdom');
    await waitFor(() => expect(getByLabel(el, 'London, +442079460123, United Kingdom').checked).to.equal(true));
  });

  it('previews pool capacity for the selection and never shows a stale answer', async () => {
    const { adapters, capacityCalls } = fakeAdapters();
    const el = await openWizard(adapters);
    await completeBasics(el);
    getByLabel(el, 'Sales – East, +12125550101, United States').click();
    await waitFor(() => expect(capacityCalls).to.have.length(1));
    getByLabel(el, 'Sales – West, +13105550102, United States').click();
    await waitFor(() => expect(capacityCalls).to.have.length(2));
    expect(capacityCalls[0]!.signal.aborted).to.equal(true);
    expect(capacityCalls[1]!.ids).to.have.members(['num-ny', 'num-la']);
    // The newer answer arrives first, then the stale one.
    capacityCalls[1]!.answer.resolve({ maxConcurrentCalls: 10 });
    await waitFor(() => getByRole(el, 'status', /up to 10 parallel calls/));
    capacityCalls[0]!.answer.resolve({ maxConcurrentCalls: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(queryAllByRole(el, 'status', /up to 5 parallel/)).to.have.length(0);
    expect(getByRole(el, 'status', /up to 10 parallel calls/)).to.exist;
  });

  it('shows capacity unknown with Retry when the preview fails or has no ceiling', async () => {
    const { adapters, capacityCalls } = fakeAdapters();
    const el = await openWizard(adapters);
    await completeBasics(el);
    getByLabel(el, 'London, +442079460123, United Kingdom').click();
    await waitFor(() => expect(capacityCalls).to.have.length(1));
    capacityCalls[0]!.answer.reject(new Error('Capacity service timed out'));
    await waitFor(() => getByRole(el, 'status', /Pool capacity unknown/));
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Retry checking pool capacity').click();
    await waitFor(() => expect(capacityCalls).to.have.length(2));
    capacityCalls[1]!.answer.resolve({ maxConcurrentCalls: null });
    await waitFor(() => getByRole(el, 'status', /Pool capacity unknown/));
  });

  it('shows a failing number list with Retry', async () => {
    let fail = true;
    const { adapters } = fakeAdapters({
      listPhoneNumbers: async () => {
        if (fail) throw new Error('Numbers unavailable');
        return [{ id: 'n1', e164: '+61491570156', country: 'AU' }];
      },
    });
    const el = await openWizard(adapters);
    await completeBasics(el);
    await waitFor(() => getByRole(el, 'alert', /Couldn't load phone numbers/));
    fail = false;
    getByRole(el, 'button', 'Retry loading phone numbers').click();
    await waitFor(() => getByLabel(el, '+61491570156, Australia'));
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await openWizard(fakeAdapters().adapters);
    getByLabel(el, 'Campaign Name').focus();
    await sendKeys({ type: 'Keyboard campaign' });
    await sendKeys({ press: 'Tab' });
    expectFocused(getByLabel(el, 'Agent'));
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => expect(getByLabel<HTMLSelectElement>(el, 'Agent').value).to.not.equal(''));
    getByRole(el, 'button', 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(el.step).to.equal('telephony'));
    getByLabel(el, 'Sales – East, +12125550101, United States').focus();
    await sendKeys({ press: 'Space' });
    getByRole(el, 'button', 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(el.step).to.equal('audience'));
  });
});
