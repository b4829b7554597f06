import '../support/lit-warnings.js';
import { expect, html } from '@open-wc/testing';
import '../../src/campaign-wizard.js';
import '../../src/steps/step-outcomes.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { toPayload } from '../../src/model/payload.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { description, getByLabel, getByRole, queryAllByLabel, queryAllByRole, waitFor, expectFocused } from '../support/dom.js';
import { fakeAdapters } from '../support/fake-adapters.js';
import { READY, choose, next, openStep, retype } from '../support/wizard.js';

type Features = { followUps?: boolean; contactMemory?: boolean };

async function openOutcomes(opts: { features?: Features; outcomes?: DeepPartial<CampaignPayload['outcomes']> } = {}) {
  const { adapters } = fakeAdapters();
  return openStep(
    html`<campaign-wizard .adapters=${adapters} .features=${opts.features ?? {}}></campaign-wizard>`,
    opts.outcomes ? { ...READY, outcomes: opts.outcomes } : READY,
    'outcomes',
    'Outcomes',
  );
}

const optionTexts = (s: HTMLSelectElement) => Array.from(s.options).map((o) => o.text.trim());

async function enableAbTest(el: CampaignWizard) {
  getByLabel(el, 'A/B testing').click();
  await waitFor(() => expect(optionTexts(getByLabel<HTMLSelectElement>(el, 'Variant B agent'))).to.include('Ava – Appointment Setter'));
}

describe('Outcomes step', () => {
  it('opens with the defaults: no voicemail retry, 1 retry, A/B off, no goals', async () => {
    const el = await openOutcomes();
    expect(getByLabel(el, 'Retry on voicemail').checked).to.equal(false);
    const retries = getByLabel<HTMLSelectElement>(el, 'Max retries');
    expect(optionTexts(retries)).to.deep.equal(['1', '2', '3']);
    expect(retries.value).to.equal('1');
    const vm = getByLabel(el, 'Max voicemail attempts');
    expect(vm.disabled).to.equal(true);
    expect(vm.value).to.equal('');
    expect(getByLabel(el, 'A/B testing').checked).to.equal(false);
    expect(queryAllByLabel(el, 'Variant A weight')).to.have.length(0);
    expect(queryAllByLabel(el, 'Follow-ups / Contact memory')).to.have.length(0);
    expect(getByLabel(el, 'Campaign Goals')).to.exist;
    expect(queryAllByLabel(el, 'Goal 1')).to.have.length(0);
    expect(getByRole(el, 'button', 'Add goal')).to.exist;
    await expect(el).to.be.accessible();
    next(el);
    await waitFor(() => expect(el.step).to.equal('review'));
  });

  it('offers exactly 1, 2 and 3 as Max retries', async () => {
    const el = await openOutcomes();
    const retries = getByLabel<HTMLSelectElement>(el, 'Max retries');
    await choose(retries, '3');
    await waitFor(() => expect(el.draft.outcomes.maxRetries).to.equal(3));
    await choose(retries, '2');
    await waitFor(() => expect(el.draft.outcomes.maxRetries).to.equal(2));
  });

  it('disables Max voicemail attempts while Retry on voicemail is off, and checks it when on', async () => {
    const el = await openOutcomes();
    const vm = getByLabel(el, 'Max voicemail attempts');
    expect(description(vm)).to.equal('Turn on Retry on voicemail to set a limit.');
    getByLabel(el, 'Retry on voicemail').click();
    await waitFor(() => expect(vm.disabled).to.equal(false));
    expect(description(vm)).to.include('Leave it empty for no separate limit');

    await retype(vm, '0');
    await waitFor(() => expect(vm.getAttribute('aria-invalid')).to.equal('true'));
    expect(description(vm)).to.include('Enter a whole number, 1 or more, or leave it empty');
    next(el);
    await waitFor(() => getByRole(el, 'link', 'Enter a whole number, 1 or more, or leave it empty'));
    expect(el.step).to.equal('outcomes');
    await expect(el).to.be.accessible();

    // Switching retry off takes the limit out of play (and out of the blockers) without losing it.
    getByLabel(el, 'Retry on voicemail').click();
    await waitFor(() => expect(vm.disabled).to.equal(true));
    expect(vm.getAttribute('aria-invalid')).to.equal('false');
    expect(vm.value).to.equal('0');
    getByLabel(el, 'Retry on voicemail').click();
    await waitFor(() => expect(vm.disabled).to.equal(false));
    await retype(vm, '');
    await waitFor(() => expect(vm.getAttribute('aria-invalid')).to.equal('false'));
    await retype(vm, '2');
    next(el);
    await waitFor(() => expect(el.step).to.equal('review'));
    expect(el.draft.outcomes.maxVoicemailAttemptsText).to.equal('2');
  });

  describe('A/B testing', () => {
    it('shows variants A and B; A is the Basics agent, read-only; weights start 50/50 with a live total', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      const a = getByLabel(el, 'Variant A agent');
      await waitFor(() => expect(a.value).to.equal('Leo – Renewals'));
      expect(a.readOnly).to.equal(true);
      expect(getByLabel(el, 'Variant A weight').value).to.equal('50');
      expect(getByLabel(el, 'Variant B weight').value).to.equal('50');
      expect(getByLabel<HTMLSelectElement>(el, 'Variant B agent').value).to.equal('');
      expect(getByRole(el, 'status', '100%')).to.exist;
      await retype(getByLabel(el, 'Variant B weight'), '30', false);
      await waitFor(() => getByRole(el, 'status', '80%'));
      await expect(el).to.be.accessible();
    });

    it('needs an agent for each variant', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Select an agent for this variant'));
      expect(el.step).to.equal('outcomes');
      const b = getByLabel<HTMLSelectElement>(el, 'Variant B agent');
      expect(b.getAttribute('aria-invalid')).to.equal('true');
      expect(description(b)).to.equal('Select an agent for this variant');
      await expect(el).to.be.accessible();
      getByRole(el, 'link', 'Select an agent for this variant').click();
      await waitFor(() => expectFocused(b));
      await choose(b, 'Ava – Appointment Setter');
      next(el);
      await waitFor(() => expect(el.step).to.equal('review'));
    });

    it('needs a different agent for each variant', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      const b = getByLabel<HTMLSelectElement>(el, 'Variant B agent');
      await choose(b, 'Leo – Renewals');
      await waitFor(() => expect(description(b)).to.equal('Each variant needs a different agent'));
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Each variant needs a different agent'));
      expect(el.step).to.equal('outcomes');
    });

    it('needs whole-number weights from 0 to 100', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      await choose(getByLabel<HTMLSelectElement>(el, 'Variant B agent'), 'Ava – Appointment Setter');
      const weight = getByLabel(el, 'Variant B weight');
      await retype(weight, '12.5');
      await waitFor(() => expect(weight.getAttribute('aria-invalid')).to.equal('true'));
      expect(description(weight)).to.include('Enter a whole number from 0 to 100');
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Enter a whole number from 0 to 100'));
      expect(el.step).to.equal('outcomes');
      await expect(el).to.be.accessible();
    });

    it('needs weights that total 100, and the error link focuses the first weight', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      await choose(getByLabel<HTMLSelectElement>(el, 'Variant B agent'), 'Ava – Appointment Setter');
      await retype(getByLabel(el, 'Variant B weight'), '40');
      const message = 'Variant weights must total 100%; they total 90%';
      await waitFor(() => expect(description(getByLabel(el, 'Variant A weight'))).to.include(message));
      expect(getByRole(el, 'status', '90%')).to.exist;
      next(el);
      await waitFor(() => getByRole(el, 'link', message)).then((link) => link.click());
      await waitFor(() => expectFocused(getByLabel(el, 'Variant A weight')));
      expect(el.step).to.equal('outcomes');
      await retype(getByLabel(el, 'Variant A weight'), '60');
      await waitFor(() => expect(queryAllByRole(el, 'link', message)).to.have.length(0));
      next(el);
      await waitFor(() => expect(el.step).to.equal('review'));
    });

    it('adds variants up to D and removes them down to B, keys following position', async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      expect(queryAllByRole(el, 'button', /^Remove variant/)).to.have.length(0);
      getByRole(el, 'button', 'Add variant C').click();
      await waitFor(() => expectFocused(getByLabel(el, 'Variant C agent')));
      getByRole(el, 'button', 'Add variant D').click();
      await waitFor(() => expectFocused(getByLabel(el, 'Variant D agent')));
      expect(queryAllByRole(el, 'button', /^Add variant/)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('campaign-step-outcomes')!.shadowRoot!.textContent).to.include('up to four variants');
      await choose(getByLabel<HTMLSelectElement>(el, 'Variant D agent'), 'Ava – Appointment Setter');
      await retype(getByLabel(el, 'Variant D weight'), '20');
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Remove variant C').click();
      await waitFor(() => expect(queryAllByLabel(el, 'Variant D agent')).to.have.length(0));
      // The old D is now C, with its agent and weight.
      expect(getByLabel<HTMLSelectElement>(el, 'Variant C agent').value).to.equal('agent-ava');
      expect(getByLabel(el, 'Variant C weight').value).to.equal('20');
      expectFocused(getByRole(el, 'button', 'Add variant D'));
      expect(getByRole(el, 'status', 'Variant C removed.')).to.exist;
      getByRole(el, 'button', 'Remove variant C').click();
      await waitFor(() => expect(queryAllByLabel(el, 'Variant C agent')).to.have.length(0));
      expect(queryAllByRole(el, 'button', /^Remove variant/)).to.have.length(0);
      expect(el.draft.outcomes.abTest.variants.map((v) => v.key)).to.deep.equal(['A', 'B']);
    });

    it('reports a loaded test with the wrong number of variants', async () => {
      const el = await openOutcomes({ outcomes: { abTest: { variants: [{ key: 'A', agentId: 'agent-leo', weight: 100 }] } } });
      next(el);
      await waitFor(() => getByRole(el, 'link', 'An A/B test needs 2 to 4 variants'));
      expect(el.step).to.equal('outcomes');
    });

    it("follows the Basics agent in variant A", async () => {
      const el = await openOutcomes();
      await enableAbTest(el);
      await waitFor(() => expect(getByLabel(el, 'Variant A agent').value).to.equal('Leo – Renewals'));
      getByRole(el, 'button', /Basics/).click();
      const agent = await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Agent'));
      await waitFor(() => expect(agent.options.length).to.be.greaterThan(1));
      await choose(agent, 'Ava – Appointment Setter');
      getByRole(el, 'button', /Outcomes/).click();
      await waitFor(() => expect(getByLabel(el, 'Variant A agent').value).to.equal('Ava – Appointment Setter'));
    });
  });

  describe('Follow-ups / Contact memory', () => {
    it('is absent when the plan allows neither', async () => {
      const el = await openOutcomes({ features: {} });
      expect(queryAllByLabel(el, 'Missed-call follow-up')).to.have.length(0);
      expect(queryAllByLabel(el, 'Contact memory')).to.have.length(0);
      expect(queryAllByRole(el, 'button', 'Add follow-up rule')).to.have.length(0);
    });

    it('shows only Contact memory when only contact memory is allowed', async () => {
      const el = await openOutcomes({ features: { contactMemory: true } });
      getByLabel(el, 'Contact memory').click();
      await waitFor(() => expect(el.draft.outcomes.followUps.contactMemory).to.equal(true));
      expect(queryAllByLabel(el, 'Missed-call follow-up')).to.have.length(0);
      expect(queryAllByRole(el, 'button', 'Add follow-up rule')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('edits the missed-call toggle and follow-up rules when follow-ups are allowed', async () => {
      const el = await openOutcomes({ features: { followUps: true, contactMemory: true } });
      getByLabel(el, 'Missed-call follow-up').click();
      await waitFor(() => expect(el.draft.outcomes.followUps.missedCallFollowUp).to.equal(true));
      expect(description(getByLabel(el, 'Follow-up rules'))).to.include('attached once the campaign is created');

      getByRole(el, 'button', 'Add follow-up rule').click();
      const trigger = await waitFor(() => {
        const t = getByLabel<HTMLSelectElement>(el, 'Follow-up 1 outcome');
        expectFocused(t);
        return t;
      });
      expect(optionTexts(trigger)).to.deep.equal(['No answer', 'Voicemail', 'Busy', 'Callback requested']);
      expect(getByLabel(el, 'Follow-up 1 delay (hours)').value).to.equal('24');
      expect(optionTexts(getByLabel<HTMLSelectElement>(el, 'Follow-up 1 agent'))).to.deep.equal([
        'Campaign agent', 'Ava – Appointment Setter', 'Leo – Renewals',
      ]);
      await choose(trigger, 'Voicemail');
      await retype(getByLabel(el, 'Follow-up 1 delay (hours)'), '48');
      await choose(getByLabel<HTMLSelectElement>(el, 'Follow-up 1 agent'), 'Ava – Appointment Setter');
      await waitFor(() =>
        expect(el.draft.outcomes.followUps.rules).to.deep.equal([{ trigger: 'voicemail', delayHours: 48, agentId: 'agent-ava' }]),
      );
      await expect(el).to.be.accessible();

      const delay = getByLabel(el, 'Follow-up 1 delay (hours)');
      await retype(delay, '0', false);
      await waitFor(() => expect(delay.getAttribute('aria-invalid')).to.equal('true'));
      expect(description(delay)).to.equal('Enter a whole number of hours from 1 to 720');
      // The draft holds numbers only: it keeps the last valid delay while the field shows the error.
      expect(el.draft.outcomes.followUps.rules[0]!.delayHours).to.equal(48);
      await retype(delay, '72');
      await waitFor(() => expect(delay.getAttribute('aria-invalid')).to.equal('false'));
      expect(el.draft.outcomes.followUps.rules[0]!.delayHours).to.equal(72);

      getByRole(el, 'button', 'Add follow-up rule').click();
      await waitFor(() => getByLabel(el, 'Follow-up 2 outcome'));
      getByRole(el, 'button', 'Remove follow-up 1').click();
      await waitFor(() => expect(queryAllByLabel(el, 'Follow-up 2 outcome')).to.have.length(0));
      expect(el.draft.outcomes.followUps.rules).to.deep.equal([{ trigger: 'no_answer', delayHours: 24, agentId: null }]);
      expectFocused(getByRole(el, 'button', 'Add follow-up rule'));
    });
  });

  describe('Campaign Goals', () => {
    it('adds up to three goals, never the same type twice', async () => {
      const el = await openOutcomes();
      getByRole(el, 'button', 'Add goal').click();
      const first = await waitFor(() => {
        const s = getByLabel<HTMLSelectElement>(el, 'Goal 1');
        expectFocused(s);
        return s;
      });
      expect(optionTexts(first)).to.deep.equal([
        'Appointments booked', 'Qualified leads', 'Transfers to a person', 'Payments collected', 'Callbacks scheduled',
        'Connect rate (%)', 'Conversion rate (%)', 'Average call duration (seconds)',
      ]);
      expect(first.value).to.equal('appointments_booked');
      getByRole(el, 'button', 'Add goal').click();
      const second = await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Goal 2'));
      expect(second.value).to.equal('qualified_leads');
      expect(optionTexts(second)).to.not.include('Appointments booked');
      expect(optionTexts(first)).to.not.include('Qualified leads');
      getByRole(el, 'button', 'Add goal').click();
      await waitFor(() => getByLabel(el, 'Goal 3'));
      expect(queryAllByRole(el, 'button', 'Add goal')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('campaign-step-outcomes')!.shadowRoot!.textContent).to.include('up to three goals');
      expect(el.draft.outcomes.goals.map((g) => g.type)).to.deep.equal(['appointments_booked', 'qualified_leads', 'transfers_to_person']);
      await expect(el).to.be.accessible();

      getByRole(el, 'button', 'Remove goal 2').click();
      await waitFor(() => expect(queryAllByLabel(el, 'Goal 3')).to.have.length(0));
      expect(getByLabel<HTMLSelectElement>(el, 'Goal 2').value).to.equal('transfers_to_person');
      expectFocused(getByRole(el, 'button', 'Add goal'));
      next(el);
      await waitFor(() => expect(el.step).to.equal('review'));
    });

    it('validates a non-empty target for its unit, and an empty one not at all', async () => {
      const el = await openOutcomes();
      getByRole(el, 'button', 'Add goal').click();
      await waitFor(() => expectFocused(getByLabel(el, 'Goal 1')));
      const target = getByLabel(el, 'Goal 1 target');
      expect(description(target)).to.include('a count, a whole number');
      await retype(target, '2.5');
      await waitFor(() => expect(target.getAttribute('aria-invalid')).to.equal('true'));
      expect(description(target)).to.include('Enter a whole number, 1 or more');
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Enter a whole number, 1 or more'));
      expect(el.step).to.equal('outcomes');
      await expect(el).to.be.accessible();

      await choose(getByLabel<HTMLSelectElement>(el, 'Goal 1'), 'Connect rate (%)');
      await waitFor(() => expect(description(target)).to.include('a percentage above 0 and up to 100'));
      expect(target.getAttribute('aria-invalid')).to.equal('false'); // 2.5% is a fine rate
      await retype(target, '150');
      await waitFor(() => expect(description(target)).to.include('Enter a percentage above 0 and up to 100'));
      await retype(target, '');
      await waitFor(() => expect(target.getAttribute('aria-invalid')).to.equal('false'));
      next(el);
      await waitFor(() => expect(el.step).to.equal('review'));
    });

    it('reports a loaded list of more than three goals, and removing one clears it', async () => {
      const el = await openOutcomes({
        outcomes: {
          goals: [
            { type: 'appointments_booked', target: 5 },
            { type: 'qualified_leads', target: null },
            { type: 'connect_rate', target: 40 },
            { type: 'callbacks_scheduled', target: null },
          ],
        },
      });
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Choose at most three goals'));
      expect(getByLabel(el, 'Goal 3 target').value).to.equal('40');
      getByRole(el, 'link', 'Choose at most three goals').click();
      await waitFor(() => expectFocused(getByLabel(el, 'Goal 1')));
      getByRole(el, 'button', 'Remove goal 4').click();
      await waitFor(() => expect(queryAllByRole(el, 'link', 'Choose at most three goals')).to.have.length(0));
      next(el);
      await waitFor(() => expect(el.step).to.equal('review'));
    });
  });

  it('leaves a draft that converts to a valid payload', async () => {
    const features = { followUps: true, contactMemory: true };
    const el = await openOutcomes({ features });
    getByLabel(el, 'Retry on voicemail').click();
    await waitFor(() => expect(getByLabel(el, 'Max voicemail attempts').disabled).to.equal(false));
    await retype(getByLabel(el, 'Max voicemail attempts'), '2');
    await choose(getByLabel<HTMLSelectElement>(el, 'Max retries'), '3');
    await enableAbTest(el);
    await choose(getByLabel<HTMLSelectElement>(el, 'Variant B agent'), 'Ava – Appointment Setter');
    await retype(getByLabel(el, 'Variant A weight'), '70');
    await retype(getByLabel(el, 'Variant B weight'), '30');
    getByLabel(el, 'Contact memory').click();
    getByRole(el, 'button', 'Add follow-up rule').click();
    await waitFor(() => expectFocused(getByLabel(el, 'Follow-up 1 outcome')));
    getByRole(el, 'button', 'Add goal').click();
    await waitFor(() => expectFocused(getByLabel(el, 'Goal 1')));
    await choose(getByLabel<HTMLSelectElement>(el, 'Goal 1'), 'Conversion rate (%)');
    await retype(getByLabel(el, 'Goal 1 target'), '12.5');
    next(el);
    await waitFor(() => expect(el.step).to.equal('review'));

    const result = toPayload(el.draft, { mode: 'create', now: new Date(), environment: 'production', features });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.payload.outcomes).to.deep.equal({
      retryOnVoicemail: true,
      maxRetries: 3,
      maxVoicemailAttempts: 2,
      abTest: {
        variants: [
          { key: 'A', agentId: 'agent-leo', weight: 70 },
          { key: 'B', agentId: 'agent-ava', weight: 30 },
        ],
      },
      followUps: { missedCallFollowUp: false, contactMemory: true, rules: [{ trigger: 'no_answer', delayHours: 24, agentId: null }] },
      goals: [{ type: 'conversion_rate', target: 12.5 }],
    });
  });
});
