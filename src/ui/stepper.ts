import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { classMap } from 'lit/directives/class-map.js';
import type { StepId } from '../model/schema.js';
import { stepTitle } from './messages.js';

export interface StepperItem {
  id: StepId;
  /** The user may open it: it was reached before and nothing before it blocks. */
  reachable: boolean;
  done: boolean;
}

/**
 * The ordered list of the six steps. The current one carries aria-current="step"; steps the user
 * may reopen are buttons, the rest plain text, so nothing can jump past a blocker.
 */
export function renderStepper(items: readonly StepperItem[], current: StepId, onOpen: (step: StepId) => void) {
  return html`<nav class="stepper" part="stepper" aria-label=${msg('Campaign steps')}>
    <ol>
      ${items.map((item, index) => {
        const isCurrent = item.id === current;
        const label = html`<span class="step-number" aria-hidden="true">${index + 1}</span>
          <span class="step-title">${stepTitle(item.id)}</span>
          ${item.done && !isCurrent ? html`<span class="visually-hidden">${msg('(completed)')}</span>` : ''}`;
        return html`<li
          part=${isCurrent ? 'stepper-item stepper-item-current' : 'stepper-item'}
          class=${classMap({ current: isCurrent, done: item.done })}
          aria-current=${isCurrent ? 'step' : 'false'}
        >
          ${item.reachable && !isCurrent
            ? html`<button type="button" class="step-link" part="stepper-button" @click=${() => onOpen(item.id)}
                title=${msg(str`Go to ${stepTitle(item.id)}`)}>${label}</button>`
            : html`<span class="step-link">${label}</span>`}
        </li>`;
      })}
    </ol>
  </nav>`;
}
