import { CampaignStepSchedule } from './step-schedule.component.js';

export { CampaignStepSchedule };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-step-schedule')) customElements.define('campaign-step-schedule', CampaignStepSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-step-schedule': CampaignStepSchedule;
  }
}
