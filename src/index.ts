/**
 * campaign-wizard: importing this module defines <campaign-wizard> and
 * <campaign-inbound-returns>. The wizard defines its step elements itself: Basics at once, the
 * other steps in chunks loaded when needed (and prefetched once it has painted).
 */
export { CampaignWizard } from './campaign-wizard.js';
export { CampaignInboundReturns } from './inbound/inbound-returns.js';
export type { CampaignStepBasics } from './steps/step-basics.component.js';
export type { CampaignStepTelephony } from './steps/step-telephony.component.js';
export type { CampaignStepAudience } from './steps/step-audience.component.js';
export type { CampaignStepSchedule } from './steps/step-schedule.component.js';
export type { CampaignStepOutcomes } from './steps/step-outcomes.component.js';
export type { CampaignStepReview } from './steps/step-review.component.js';
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
