/**
 * The page of `npm run test:csp`, bundled with lit the way a host app bundles the package.
 * `../../src/index.js` is swapped for the built dist/index.js by the build (see
 * scripts/test-csp.mjs), so what runs here is the library as published; the in-memory adapters
 * and the DOM helpers come from the sources (they are the host's and the test's, not the
 * package's).
 */
import '../../src/index.js';
import { createInMemoryAdapters, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import { deepElements, getByLabel, getByRole, queryAllByLabel, queryAllByRole } from '../support/dom.js';

const adapters = createInMemoryAdapters({ latencyMs: 20 });
const wizard = document.querySelector('campaign-wizard')!;
wizard.adapters = adapters;

const created: { campaignId: string; campaign: unknown }[] = [];
wizard.addEventListener('campaign-create', (event) => {
  created.push(event.detail);
  // The inbound card of the new campaign, as a detail page would show it.
  const card = document.createElement('campaign-inbound-returns');
  card.campaignId = event.detail.campaignId;
  card.adapters = adapters;
  document.querySelector('main')!.append(card);
});

/** Text of the whole page across shadow roots. */
function pageText(): string {
  return [document.body.textContent ?? '', ...deepElements(document.body).map((el) => el.shadowRoot?.textContent ?? '')].join('\n');
}

declare global {
  interface Window {
    cspTest: {
      adapters: InMemoryAdapters;
      created: typeof created;
      getByLabel: typeof getByLabel;
      getByRole: typeof getByRole;
      queryAllByLabel: typeof queryAllByLabel;
      queryAllByRole: typeof queryAllByRole;
      pageText: typeof pageText;
    };
  }
}

window.cspTest = { adapters, created, getByLabel, getByRole, queryAllByLabel, queryAllByRole, pageText };
