import { defineElement } from './define.js';
import { CampaignWizard } from './campaign-wizard.component.js';
import './steps/step-basics.js';
import './steps/step-telephony.js';

export { CampaignWizard };
defineElement('campaign-wizard', CampaignWizard);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-wizard': CampaignWizard;
  }
}
