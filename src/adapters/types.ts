import type {
  Agent,
  CampaignPayload,
  CampaignTemplate,
  FollowUpRule,
  InboundReturns,
  PhoneNumber,
  PoolCapacity,
  Segment,
  SubmitResult,
} from '../model/schema.js';

/** Every adapter call gets a signal; it aborts when the answer is no longer wanted. */
export interface AdapterContext {
  signal: AbortSignal;
}

export interface SubmitContext extends AdapterContext {
  /** The same key for every retry of one submission. */
  idempotencyKey: string;
  onUploadProgress?(loaded: number, total: number): void;
}

export type SubmitRequest =
  | { mode: 'create'; campaign: CampaignPayload; csvFile?: File }
  | { mode: 'edit'; campaignId: string; campaign: CampaignPayload; csvFile?: File };

/** What the host hands the wizard to reach its backend. The wizard never fetches on its own. */
export interface CampaignWizardAdapters {
  listAgents(ctx: AdapterContext): Promise<Agent[]>;
  listPhoneNumbers(ctx: AdapterContext): Promise<PhoneNumber[]>;
  previewPoolCapacity(numberIds: readonly string[], ctx: AdapterContext): Promise<PoolCapacity>;
  submit(request: SubmitRequest, ctx: SubmitContext): Promise<SubmitResult>;
  listTemplates?(ctx: AdapterContext): Promise<CampaignTemplate[]>;
  listSegments?(ctx: AdapterContext): Promise<Segment[]>;
  loadCampaign?(campaignId: string, ctx: AdapterContext): Promise<CampaignPayload>;
  attachFollowUpRules?(campaignId: string, rules: FollowUpRule[], ctx: SubmitContext): Promise<void>;
  getInboundReturns?(campaignId: string, ctx: AdapterContext): Promise<InboundReturns>;
}
