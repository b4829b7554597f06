// The baseline: lit alone, as a bare LitElement with one property and one template.
import { LitElement, css, html } from 'lit';

class BareElement extends LitElement {
  static override styles = css`:host { display: block; }`;
  static override properties = { label: {} };
  declare label: string;
  constructor() {
    super();
    this.label = 'Hello';
  }
  protected override render() {
    return html`<p>${this.label}</p>`;
  }
}
customElements.define('bare-element', BareElement);
export { BareElement };
