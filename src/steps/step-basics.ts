import { CampaignStepBasics } from './step-basics.component.js';

export { CampaignStepBasics };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-basics')) customElements.define('campaign-step-basics', CampaignStepBasics);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-basics': CampaignStepBasics;
  }
}
