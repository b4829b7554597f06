import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { FieldError } from '../model/validate.js';
import { errorMessage } from './messages.js';
import { fieldId } from './field.js';

/**
 * "There is a problem": one link per error that focuses its field. The links keep their href for
 * meaning but never navigate, since a #fragment cannot reach into a shadow root and would change
 * the host page's URL.
 */
export function renderErrorSummary(errors: readonly FieldError[], onFocusField: (path: string) => void) {
  if (!errors.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${errors.map(
        (error) => html`<li>
          <a
            href="#${fieldId(error.path)}"
            @click=${(e: Event) => {
              e.preventDefault();
              onFocusField(error.path);
            }}
            >${errorMessage(error)}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}
