import { defineElement } from '../define.js';
import { CampaignStepTelephony } from './step-telephony.component.js';

export { CampaignStepTelephony };
defineElement('campaign-step-telephony', CampaignStepTelephony);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-telephony': CampaignStepTelephony;
  }
}
