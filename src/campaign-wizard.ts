import { CampaignWizard } from './campaign-wizard.component.js';
// The first step ships with the wizard; the others load on demand (see steps/step-loader.ts).
import './steps/step-basics.js';

export { CampaignWizard };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-wizard')) customElements.define('campaign-wizard', CampaignWizard);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-wizard': CampaignWizard;
  }
}
