import '../support/lit-warnings.js';
import './process-env.js';
import { expect } from '@open-wc/testing';
import React from 'react';
import ReactDOMClient from 'react-dom/client';
import { CampaignInboundReturns, CampaignWizard } from '../../src/react/index.js';
import type { CampaignWizard as CampaignWizardElement } from '../../src/campaign-wizard.js';
import type { CampaignSubmitDetail, CampaignStepChangeDetail } from '../../src/events.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { getByRole, waitFor } from '../support/dom.js';

const COMPLETE: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { primaryFromNumberId: 'num_us_nyc', numberPoolIds: ['num_us_nyc'], callRecording: true },
  audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2'], callVariables: [] },
};

let container: HTMLDivElement;
let root: ReturnType<typeof ReactDOMClient.createRoot>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = ReactDOMClient.createRoot(container);
});

afterEach(() => {
  root.unmount();
  container.remove();
});

function render(element: React.ReactElement) {
  // React 19 renders asynchronously; the element appears on a later task.
  root.render(element);
}

describe('campaign-wizard/react', () => {
  it('renders <campaign-wizard> with properties and receives campaign-create through onCampaignCreate', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const created: CampaignSubmitDetail[] = [];
    const steps: CampaignStepChangeDetail[] = [];
    let cancelled = 0;
    const ref = React.createRef<CampaignWizardElement>();
    render(
      React.createElement(CampaignWizard, {
        ref,
        adapters,
        initial: COMPLETE,
        step: 'review',
        environment: 'development',
        onCampaignCreate: (e) => created.push(e.detail),
        onCampaignStepChange: (e) => steps.push(e.detail),
        onCampaignCancel: () => cancelled++,
      }),
    );
    const el = await waitFor(() => {
      const found = container.querySelector('campaign-wizard');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    expect(el instanceof HTMLElement && el.localName === 'campaign-wizard').to.equal(true);
    expect(ref.current === el, 'the ref is the element').to.equal(true);
    // Objects arrive as properties, not stringified attributes.
    expect(el.adapters === adapters).to.equal(true);
    expect(el.getAttribute('adapters')).to.equal(null);
    expect(el.environment).to.equal('development');
    await waitFor(() => getByRole(el, 'heading', 'Review'));
    expect(el.step).to.equal('review');

    getByRole(el, 'button', 'Create campaign').click();
    await waitFor(() => expect(created).to.have.length(1));
    expect(created[0]!.campaignId).to.match(/^cmp_/);
    expect(created[0]!.campaign.name).to.equal('Spring renewals');
    expect(adapters.createdCampaigns.size).to.equal(1);

    getByRole(el, 'button', 'Back').click();
    await waitFor(() => expect(steps.at(-1)).to.deep.equal({ step: 'outcomes', index: 4 }));
    getByRole(el, 'button', 'Cancel').click();
    expect(cancelled).to.equal(1);
  });

  it('a changed prop reaches the element, and a removed handler is no longer called', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    let calls = 0;
    const onCampaignCancel = () => calls++;
    render(React.createElement(CampaignWizard, { adapters, locale: 'en', onCampaignCancel }));
    const wizard = await waitFor(() => {
      const found = container.querySelector('campaign-wizard');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    await waitFor(() => getByRole(wizard, 'heading', 'Basics'));
    getByRole(wizard, 'button', 'Cancel').click();
    expect(calls).to.equal(1);

    render(React.createElement(CampaignWizard, { adapters, locale: 'es' }));
    await waitFor(() => getByRole(wizard, 'heading', 'Datos básicos'));
    getByRole(wizard, 'button', 'Cancelar').click();
    expect(calls).to.equal(1);
    render(React.createElement(CampaignWizard, { adapters, locale: 'en' }));
    await waitFor(() => getByRole(wizard, 'heading', 'Basics'));
  });

  it('renders <campaign-inbound-returns>', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    render(React.createElement(CampaignInboundReturns, { adapters, campaignId: 'cmp_1001' }));
    const card = await waitFor(() => {
      const found = container.querySelector('campaign-inbound-returns');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    await waitFor(() => getByRole(card, 'heading', 'Inbound returns'));
    expect(card.campaignId).to.equal('cmp_1001');
  });
});
