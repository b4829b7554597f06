// What the start-up clock loads: the package (src/index.ts, which defines the elements) and the
// host's in-memory adapters; mount() puts a <campaign-wizard> on the page.
import '../../src/index.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { Mounted } from './measure.js';

export function mount(parent: HTMLElement): Mounted {
  const el = document.createElement('campaign-wizard');
  el.adapters = createInMemoryAdapters({ latencyMs: 0 });
  parent.append(el);
  const step = () => el.shadowRoot?.querySelector('[part~="step"]')?.shadowRoot ?? null;
  return {
    heading: () => step()?.querySelector('h2')?.textContent?.trim(),
    // Template and Agent lists filled from the adapters.
    ready: () => {
      const selects = Array.from(step()?.querySelectorAll('select') ?? []);
      return selects.length >= 2 && selects.every((s) => s.options.length > 1);
    },
  };
}
