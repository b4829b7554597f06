import { html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { StepElement } from './step-element.js';

/**
 * The CSV part of the Audience step: file, column mapping, Call Variables and phone checks.
 *
 * @summary The CSV contact source of `<campaign-step-audience>`.
 */
@localized()
export class CampaignAudienceCsv extends StepElement {
  protected override render() {
    if (!this.draft) return nothing;
    return html`<p class="hint">${msg('CSV file')}</p>`;
  }
}
