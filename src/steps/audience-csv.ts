import { CampaignAudienceCsv } from './audience-csv.component.js';

export { CampaignAudienceCsv };
// Guarded, so a second copy of the package on a page does not throw.
if (!customElements.get('campaign-audience-csv')) customElements.define('campaign-audience-csv', CampaignAudienceCsv);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-audience-csv': CampaignAudienceCsv;
  }
}
