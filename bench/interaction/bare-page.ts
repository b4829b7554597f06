/**
 * The interaction baseline: one bare Lit element that re-renders with a heading and a given
 * number of labelled fields when its Next button is pressed. Same timing code as the wizard page.
 */
import { LitElement, html } from 'lit';
import { getByRole } from '../../test/support/dom.js';
import { armNext, countFields, pollUntil, type NextTiming } from '../lib/page.js';

class BareSteps extends LitElement {
  static override properties = { index: { state: true } };
  declare index: number;
  steps: { heading: string; fields: number }[] = [];
  constructor() {
    super();
    this.index = 0;
  }
  protected override render() {
    const step = this.steps[this.index];
    if (!step) return html``;
    return html`<h2 tabindex="-1">${step.heading}</h2>
      ${Array.from({ length: step.fields }, (_, i) => html`<div class="field">
        <label for=${`f${i}`}>Field ${i + 1}</label>
        <input id=${`f${i}`} type="text" .value=${''} />
      </div>`)}
      <button type="button" @click=${() => (this.index = Math.min(this.index + 1, this.steps.length - 1))}>Next</button>`;
  }
}
customElements.define('bare-steps', BareSteps);

let el: BareSteps;
let pending: Promise<NextTiming> | undefined;
const headingText = () => el.shadowRoot?.querySelector('h2')?.textContent?.trim();

const api = {
  async mount(steps: { heading: string; fields: number }[]): Promise<void> {
    el = document.createElement('bare-steps') as BareSteps;
    el.steps = steps;
    document.body.append(el);
    await pollUntil(() => headingText() === steps[0]!.heading);
  },
  focusButton(name: string): void {
    getByRole(el, 'button', name).focus();
  },
  armNext(expected: string): void {
    pending = armNext(expected, headingText, () => countFields(el));
    pending.catch(() => undefined);
  },
  async nextResult(): Promise<NextTiming> {
    if (!pending) throw new Error('not armed');
    return pending;
  },
};

declare global {
  interface Window {
    bare: typeof api;
  }
}
window.bare = api;
