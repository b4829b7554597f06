import { CampaignWizard } from './campaign-wizard.component.js';
import './steps/step-basics.js';
import './steps/step-telephony.js';
import './steps/step-audience.js';
import './steps/step-schedule.js';
import './steps/step-outcomes.js';
import './steps/step-review.js';

export { CampaignWizard };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-wizard')) customElements.define('campaign-wizard', CampaignWizard);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-wizard': CampaignWizard;
  }
}
