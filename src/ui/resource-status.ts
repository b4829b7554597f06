import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ResourceState } from '../state/adapter-resource.js';

export interface ResourceTexts {
  /** What is being loaded, in lower case: "agents", "phone numbers". */
  what: string;
  /** Shown when the list loaded but is empty. */
  empty: string;
}

/**
 * The loading, empty and error-with-Retry states of an adapter-fed list. Returns `nothing` when
 * the list is ready and has items, so the caller renders the control.
 */
export function resourceStatus<T>(
  state: ResourceState<readonly T[]>,
  texts: ResourceTexts,
  onRetry: () => void,
  describedById?: string,
): TemplateResult | typeof nothing {
  switch (state.status) {
    case 'loading':
      return html`<p class="status" role="status" id=${describedById ?? nothing}>${msg(str`Loading ${texts.what}…`)}</p>`;
    case 'error': {
      const detail =
        state.reason === 'malformed'
          ? msg(str`The list of ${texts.what} came back in a form the wizard cannot read.`)
          : state.message;
      return html`<div class="problem" role="alert" part="resource-error" id=${describedById ?? nothing}>
        <p>${msg(str`Couldn't load ${texts.what}.`)} ${detail}</p>
        <button type="button" @click=${onRetry}>
          ${msg('Retry')}<span class="visually-hidden"> ${msg(str`loading ${texts.what}`)}</span>
        </button>
      </div>`;
    }
    case 'ready':
      return state.value.length
        ? nothing
        : html`<p class="status" id=${describedById ?? nothing}>${texts.empty}</p>`;
  }
}
