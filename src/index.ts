/**
 * campaign-wizard: importing this module defines <campaign-wizard> and its step elements.
 * Import the `*.component.js` modules instead to get the classes without registering tags.
 */
export { CampaignWizard } from './campaign-wizard.js';
export { CampaignStepBasics } from './steps/step-basics.js';
export { CampaignStepTelephony } from './steps/step-telephony.js';
export type * from './adapters/types.js';
export type * from './events.js';
export type { CampaignDraft } from './model/draft.js';
export type {
  Agent,
  CampaignPayload,
  CampaignTemplate,
  DeepPartial,
  FollowUpRule,
  InboundReturns,
  PhoneNumber,
  PoolCapacity,
  Segment,
  StepId,
  SubmitResult,
} from './model/schema.js';
