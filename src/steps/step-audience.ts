import { CampaignStepAudience } from './step-audience.component.js';

export { CampaignStepAudience };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-audience')) customElements.define('campaign-step-audience', CampaignStepAudience);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-audience': CampaignStepAudience;
  }
}
