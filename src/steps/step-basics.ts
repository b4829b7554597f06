import { defineElement } from '../define.js';
import { CampaignStepBasics } from './step-basics.component.js';

export { CampaignStepBasics };
defineElement('campaign-step-basics', CampaignStepBasics);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-basics': CampaignStepBasics;
  }
}
