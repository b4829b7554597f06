import { html, nothing, css, type PropertyValues } from 'lit';
import { localized, msg } from '@lit/localize';
import { toPayload } from '../model/payload.js';
import { REVIEW_TARGETS, reviewRowKeys, type ReviewRowKey } from '../model/review.js';
import {
  agentListSchema,
  phoneNumberListSchema,
  segmentListSchema,
  type Agent,
  type PhoneNumber,
  type Segment,
} from '../model/schema.js';
import { AdapterResource, type ResourceState } from '../state/adapter-resource.js';
import { errorMessage } from '../ui/messages.js';
import { changeContext, reviewLabel, reviewValue, type ReviewLookups } from './review-values.js';
import { StepElement } from './step-element.js';

/** Asks the wizard to open a step with focus on a field, remembering to come back to Review. */
export interface ReviewChangeDetail {
  step: ReviewChangeTarget['step'];
  path: string;
}
type ReviewChangeTarget = (typeof REVIEW_TARGETS)[ReviewRowKey];

const listOf = <T,>(state: ResourceState<T[]>): T[] => (state.status === 'ready' ? state.value : []);

/**
 * Step 6: the summary of what will be created, each row with a Change control. Nothing is
 * created until the wizard's Create / Save button is pressed.
 *
 * @summary The Review step of `<campaign-wizard>`.
 * @csspart review-list - The summary list (`dl`).
 * @csspart review-row - One term and value of the summary.
 * @csspart change-button - A row's "Change" control.
 */
@localized()
export class CampaignStepReview extends StepElement {
  static override styles = [
    ...StepElement.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(9rem, max-content) 1fr auto;
        gap: var(--_space) calc(var(--_space) * 2);
        margin: 0 0 calc(var(--_space) * 2);
        border-block-start: 1px solid var(--_border);
        padding-block-start: var(--_space);
      }
      .row {
        display: contents;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  readonly #agents = new AdapterResource<Agent[]>(this, {
    key: 'listAgents',
    load: (a, ctx) => a.listAgents(ctx),
    schema: agentListSchema,
  });
  readonly #numbers = new AdapterResource<PhoneNumber[]>(this, {
    key: 'listPhoneNumbers',
    load: (a, ctx) => a.listPhoneNumbers(ctx),
    schema: phoneNumberListSchema,
  });
  readonly #segments = new AdapterResource<Segment[]>(this, {
    key: 'listSegments',
    load: (a, ctx) => a.listSegments?.(ctx),
    schema: segmentListSchema,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapters = this.wizard?.adapters;
    const cache = this.wizard?.resources;
    this.#agents.setAdapters(adapters, cache);
    this.#numbers.setAdapters(adapters, cache);
    if (this.draft?.audience.source === 'segment') this.#segments.setAdapters(adapters, cache);
  }

  protected override render() {
    const wizard = this.wizard;
    if (!wizard) return nothing;
    const result = toPayload(wizard.draft, wizard.validation);
    const editing = wizard.mode === 'edit';
    const intro = editing
      ? msg('Check the changes below. Nothing is saved until you press Save campaign.')
      : msg('Check the campaign below. Nothing is created until you press Create campaign.');
    if (!result.ok) {
      return html`<h2 tabindex="-1">${msg('Review')}</h2>
        <p>${msg('Some steps still need attention before the campaign can be sent:')}</p>
        <ul>
          ${result.errors.map(
            (e) => html`<li>
              <button type="button" class="link" @click=${() => this.#change({ step: e.step, path: e.path })}>${errorMessage(e)}</button>
            </li>`,
          )}
        </ul>`;
    }
    const capacity = wizard.capacity.status === 'ready' ? wizard.capacity.maxConcurrentCalls : undefined;
    const lookups: ReviewLookups = {
      agents: listOf(this.#agents.state),
      numbers: listOf(this.#numbers.state),
      segments: listOf(this.#segments.state),
      capacity,
      csvStats: wizard.draft.audience.csv?.stats ?? null,
      csvCounting: Boolean(wizard.draft.audience.csv?.file && !wizard.draft.audience.csv.stats),
    };
    return html`<h2 tabindex="-1">${msg('Review')}</h2>
      <p>${intro}</p>
      <dl part="review-list">
        ${reviewRowKeys(result.payload).map(
          (key) => html`<div class="row" part="review-row">
            <dt>${reviewLabel(key)}</dt>
            <dd>${reviewValue(key, result.payload, lookups)}</dd>
            <dd>
              <button type="button" class="link" part="change-button" @click=${() => this.#change(REVIEW_TARGETS[key])}>
                ${msg('Change')}<span class="visually-hidden"> ${changeContext(key)}</span>
              </button>
            </dd>
          </div>`,
        )}
      </dl>`;
  }

  #change(target: ReviewChangeDetail): void {
    this.dispatchEvent(new CustomEvent<ReviewChangeDetail>('review-change', { detail: target, bubbles: true, composed: true }));
  }
}
