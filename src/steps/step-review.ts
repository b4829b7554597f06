import { CampaignStepReview } from './step-review.component.js';

export { CampaignStepReview };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-review')) customElements.define('campaign-step-review', CampaignStepReview);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-review': CampaignStepReview;
  }
}
