import { CampaignInboundReturns } from './inbound-returns.component.js';

export { CampaignInboundReturns };
export type { InboundReturnsAdapters } from './inbound-returns.component.js';

// Guarded: a second copy of the package on the page keeps the first definition instead of
// throwing. A literal `customElements.define` so the manifest analyzer names the tag.
if (!customElements.get('campaign-inbound-returns')) {
  customElements.define('campaign-inbound-returns', CampaignInboundReturns);
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-inbound-returns': CampaignInboundReturns;
  }
}
