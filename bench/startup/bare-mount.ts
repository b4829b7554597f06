// The start-up baseline: lit and one bare element showing a heading and Basics' two fields.
import { LitElement, html } from 'lit';
import type { Mounted } from './measure.js';

class BareBasics extends LitElement {
  protected override render() {
    return html`<h2 tabindex="-1">Basics</h2>
      <div class="field"><label for="name">Campaign Name</label><input id="name" type="text" /></div>
      <div class="field">
        <label for="agent">Agent</label>
        <select id="agent">
          <option value="">Select an agent</option>
        </select>
      </div>`;
  }
}
customElements.define('bare-basics', BareBasics);

export function mount(parent: HTMLElement): Mounted {
  const el = document.createElement('bare-basics');
  parent.append(el);
  return {
    heading: () => el.shadowRoot?.querySelector('h2')?.textContent?.trim(),
    ready: () => true,
  };
}
