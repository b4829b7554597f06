import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/campaign-wizard.js';
import '../../src/inbound/inbound-returns.js';
// These checks read every step's styles, so define the steps the wizard would load later.
import '../../src/steps/step-telephony.js';
import '../../src/steps/step-audience.js';
import '../../src/steps/audience-csv.js';
import '../../src/steps/step-schedule.js';
import '../../src/steps/step-outcomes.js';
import '../../src/steps/step-review.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { getByRole, waitFor } from '../support/dom.js';

const READY: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { numberPoolIds: ['num_us_nyc'] },
  audience: { source: 'contact_ids', contactIds: ['c-1'], callVariables: [] },
  schedule: { callWindows: { monday: { enabled: true, start: '09:30', end: '18:00' } } },
};

async function openWizard(dir: 'rtl' | 'ltr') {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const box = await fixture<HTMLDivElement>(
    html`<div dir=${dir} style="inline-size: 1000px"><campaign-wizard .adapters=${adapters}></campaign-wizard></div>`,
  );
  const el = box.querySelector('campaign-wizard') as CampaignWizard;
  el.initial = READY;
  await el.updateComplete;
  return el;
}

const stepperBoxes = (el: CampaignWizard) =>
  Array.from(el.shadowRoot!.querySelectorAll('[part~="stepper-item"]')).map((li) => li.getBoundingClientRect());

describe('right to left', () => {
  it('the stepper lays out right to left under dir="rtl"', async () => {
    const el = await openWizard('rtl');
    const boxes = stepperBoxes(el);
    expect(boxes).to.have.length(6);
    expect(boxes[0]!.left > boxes[1]!.left, 'first step right of the second').to.equal(true);
    for (let i = 1; i < boxes.length; i++) {
      if (boxes[i]!.top === boxes[i - 1]!.top) expect(boxes[i - 1]!.left > boxes[i]!.left, `step ${i} right of step ${i + 1}`).to.equal(true);
    }
  });

  it('and left to right otherwise', async () => {
    const el = await openWizard('ltr');
    const boxes = stepperBoxes(el);
    expect(boxes[0]!.left < boxes[1]!.left).to.equal(true);
  });

  it('Cancel sits at the inline start and Next at the inline end', async () => {
    const el = await openWizard('rtl');
    const cancel = getByRole(el, 'button', 'Cancel').getBoundingClientRect();
    const next = getByRole(el, 'button', 'Next').getBoundingClientRect();
    expect(cancel.left > next.left, 'Cancel right of Next').to.equal(true);
  });

  it('the week grid runs right to left and mirrors a half-filled hour', async () => {
    const el = await openWizard('rtl');
    el.step = 'schedule';
    await waitFor(() => getByRole(el, 'heading', 'Schedule'));
    const step = el.shadowRoot!.querySelector('campaign-step-schedule')!;
    const day = step.shadowRoot!.querySelector('.week-day')!.getBoundingClientRect();
    const cell = step.shadowRoot!.querySelector('.week-grid .cell')!.getBoundingClientRect();
    expect(day.left > cell.left, 'day name at the inline start (right)').to.equal(true);
    const partial = step.shadowRoot!.querySelector('.cell.partial');
    expect(partial, 'Monday 09:30 fills half of hour 9').to.exist;
    expect(getComputedStyle(partial!).backgroundImage).to.match(/^linear-gradient\(to left/);
  });

  it('no element style uses a physical left/right property', async () => {
    const tags = [
      'campaign-wizard',
      'campaign-step-basics',
      'campaign-step-telephony',
      'campaign-step-audience',
      'campaign-audience-csv',
      'campaign-step-schedule',
      'campaign-step-outcomes',
      'campaign-step-review',
      'campaign-inbound-returns',
    ];
    const physical = /\b(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b|(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b|border-(?:top|bottom)-(?:left|right)-radius)/g;
    const found: string[] = [];
    for (const tag of tags) {
      const ctor = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: { cssText: string }[] }) | undefined;
      expect(ctor, `${tag} is defined`).to.exist;
      document.createElement(tag); // finalizes the class
      for (const sheet of ctor!.elementStyles ?? []) {
        for (const match of sheet.cssText.match(physical) ?? []) found.push(`${tag}: ${match}`);
      }
    }
    expect(found).to.deep.equal([]);
  });
});
