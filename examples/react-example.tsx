// The README's React example, compiled by `npm run typecheck` so it cannot drift from the API.
import { CampaignWizard } from '../src/react/index.js';
import type { CampaignWizardAdapters } from '../src/index.js';

declare function navigate(path: string): void;

export function NewCampaign({ adapters }: { adapters: CampaignWizardAdapters }) {
  return (
    <CampaignWizard
      adapters={adapters}
      environment="production"
      onCampaignCreate={(e) => navigate(`/campaigns/${e.detail.campaignId}`)}
      onCampaignCancel={() => navigate('/campaigns')}
    />
  );
}
