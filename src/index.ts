/**
 * campaign-wizard: importing this module defines <campaign-wizard>, its step elements and
 * <campaign-inbound-returns>.
 * Import the `*.component.js` modules instead to get the classes without registering tags.
 */
export { CampaignWizard } from './campaign-wizard.js';
export { CampaignStepBasics } from './steps/step-basics.js';
export { CampaignStepTelephony } from './steps/step-telephony.js';
export { CampaignStepAudience } from './steps/step-audience.js';
export { CampaignStepSchedule } from './steps/step-schedule.js';
export { CampaignStepOutcomes } from './steps/step-outcomes.js';
export { CampaignStepReview } from './steps/step-review.js';
export { CampaignInboundReturns } from './inbound/inbound-returns.js';
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
