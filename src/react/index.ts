/**
 * `campaign-wizard/react`: React components for the elements, through @lit/react. Importing
 * this module defines the elements. React is a peer dependency and is never bundled here.
 *
 * ```tsx
 * import { CampaignWizard } from 'campaign-wizard/react';
 *
 * <CampaignWizard adapters={adapters} locale="es" onCampaignCreate={(e) => open(e.detail.campaignId)} />
 * ```
 */
// The default import is React's module.exports in every bundler and in Node, React being CJS.
import React from 'react';
import type * as ReactTypes from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CampaignWizard as CampaignWizardElement } from '../campaign-wizard.js';
import { CampaignInboundReturns as CampaignInboundReturnsElement } from '../inbound/inbound-returns.js';
import type { CampaignWizardEventMap } from '../events.js';

type WizardEvent<K extends keyof CampaignWizardEventMap> = EventName<CampaignWizardEventMap[K]>;

/** `<campaign-wizard>` as a React component; each wizard event is an `on…` prop. */
export const CampaignWizard = createComponent({
  react: React,
  tagName: 'campaign-wizard',
  elementClass: CampaignWizardElement,
  displayName: 'CampaignWizard',
  events: {
    onCampaignCreate: 'campaign-create' as WizardEvent<'campaign-create'>,
    onCampaignSave: 'campaign-save' as WizardEvent<'campaign-save'>,
    onCampaignStepChange: 'campaign-step-change' as WizardEvent<'campaign-step-change'>,
    onCampaignDraftChange: 'campaign-draft-change' as WizardEvent<'campaign-draft-change'>,
    onCampaignCancel: 'campaign-cancel' as WizardEvent<'campaign-cancel'>,
  },
});

/** `<campaign-inbound-returns>` as a React component. */
export const CampaignInboundReturns = createComponent({
  react: React,
  tagName: 'campaign-inbound-returns',
  elementClass: CampaignInboundReturnsElement,
  displayName: 'CampaignInboundReturns',
});

export type CampaignWizardProps = ReactTypes.ComponentProps<typeof CampaignWizard>;
export type CampaignInboundReturnsProps = ReactTypes.ComponentProps<typeof CampaignInboundReturns>;
export type * from '../events.js';
