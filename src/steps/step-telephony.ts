import { CampaignStepTelephony } from './step-telephony.component.js';

export { CampaignStepTelephony };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-telephony')) customElements.define('campaign-step-telephony', CampaignStepTelephony);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-telephony': CampaignStepTelephony;
  }
}
