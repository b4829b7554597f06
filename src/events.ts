import type { CampaignDraft } from './model/draft.js';
import type { CampaignPayload, StepId } from './model/schema.js';

export interface CampaignSubmitDetail {
  campaignId: string;
  campaign: CampaignPayload;
}
export interface CampaignStepChangeDetail {
  step: StepId;
  index: number;
}
export interface CampaignDraftChangeDetail {
  draft: CampaignDraft;
}
export type CampaignCancelDetail = Record<string, never>;

/** The wizard's events and their details, for typed `addEventListener` in host apps. */
export interface CampaignWizardEventMap {
  'campaign-create': CustomEvent<CampaignSubmitDetail>;
  'campaign-save': CustomEvent<CampaignSubmitDetail>;
  'campaign-step-change': CustomEvent<CampaignStepChangeDetail>;
  'campaign-draft-change': CustomEvent<CampaignDraftChangeDetail>;
  'campaign-cancel': CustomEvent<CampaignCancelDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends CampaignWizardEventMap {}
}

/** Dispatches a typed event that bubbles out of shadow roots, as every wizard event does. */
export function emit<K extends keyof CampaignWizardEventMap>(
  target: EventTarget,
  type: K,
  detail: CampaignWizardEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
