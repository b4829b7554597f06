import { CampaignStepOutcomes } from './step-outcomes.component.js';

export { CampaignStepOutcomes };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-outcomes')) customElements.define('campaign-step-outcomes', CampaignStepOutcomes);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-outcomes': CampaignStepOutcomes;
  }
}
