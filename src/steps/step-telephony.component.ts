import { html, nothing, type PropertyValues } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { phoneNumberListSchema, type PhoneNumber } from '../model/schema.js';
import { AdapterResource } from '../state/adapter-resource.js';
import { describedBy, errorId, fieldError, fieldHint, fieldId, hintId } from '../ui/field.js';
import { countryName, formatNumber } from '../ui/format.js';
import { resourceStatus } from '../ui/resource-status.js';
import { StepElement } from './step-element.js';

/**
 * Step 2: Primary From Phone Number, Number Pool, Call Recording, country matching, and the
 * pool's capacity preview.
 *
 * @summary The Telephony step of `<campaign-wizard>`.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart resource-error - The error box of a list that failed to load, with its Retry button.
 * @csspart capacity - The pool capacity preview.
 */
@localized()
export class CampaignStepTelephony extends StepElement {
  readonly #numbers = new AdapterResource<PhoneNumber[]>(this, {
    key: 'listPhoneNumbers',
    load: (adapters, ctx) => adapters.listPhoneNumbers(ctx),
    schema: phoneNumberListSchema,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#numbers.setAdapters(this.wizard?.adapters, this.wizard?.resources);
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const state = this.#numbers.state;
    const numbers = state.status === 'ready' ? state.value : [];
    const { telephony } = draft;
    const primaryError = this.errorFor('telephony.primaryFromNumberId');
    const poolError = this.errorFor('telephony.numberPoolIds');
    const listStatus = resourceStatus(
      state,
      { what: msg('phone numbers'), empty: msg('No phone numbers are available. Buy or port a number first.') },
      () => this.#numbers.retry(),
    );
    return html`
      <h2 tabindex="-1">${msg('Telephony')}</h2>
      ${listStatus}
      <div class="field">
        <label for=${fieldId('telephony.primaryFromNumberId')}>${msg('Primary From Phone Number')}</label>
        ${fieldHint('telephony.primaryFromNumberId', msg('Optional. Choosing one adds it to the Number Pool.'))}
        <select
          id=${fieldId('telephony.primaryFromNumberId')}
          aria-invalid=${primaryError ? 'true' : 'false'}
          aria-describedby=${describedBy(hintId('telephony.primaryFromNumberId'), primaryError && errorId('telephony.primaryFromNumberId')) ?? nothing}
          ?disabled=${!numbers.length}
          @change=${(e: Event) => this.#setPrimary((e.target as HTMLSelectElement).value || null)}
        >
          <option value="" ?selected=${!telephony.primaryFromNumberId}>${msg('None')}</option>
          ${numbers.map(
            (n) => html`<option value=${n.id} ?selected=${n.id === telephony.primaryFromNumberId}>${numberText(n)}</option>`,
          )}
        </select>
        ${fieldError('telephony.primaryFromNumberId', primaryError)}
      </div>
      <fieldset
        class="field"
        id=${fieldId('telephony.numberPoolIds')}
        aria-invalid=${poolError ? 'true' : 'false'}
        aria-describedby=${describedBy(poolError && errorId('telephony.numberPoolIds')) ?? nothing}
      >
        <legend>${msg('Number Pool')}</legend>
        <div class="choices">
          ${numbers.map(
            (n) => html`<label class="check">
              <input
                type="checkbox"
                .checked=${telephony.numberPoolIds.includes(n.id)}
                @change=${(e: Event) => this.#togglePool(n.id, (e.target as HTMLInputElement).checked)}
              />
              <span>${numberText(n)}</span>
            </label>`,
          )}
        </div>
        ${fieldError('telephony.numberPoolIds', poolError)} ${this.#renderCapacity()}
      </fieldset>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            .checked=${telephony.callRecording}
            @change=${(e: Event) => this.#setFlag('callRecording', (e.target as HTMLInputElement).checked)}
          />
          ${msg('Call Recording')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            .checked=${telephony.preferCountryMatchedNumbers}
            @change=${(e: Event) =>
              this.#setFlag('preferCountryMatchedNumbers', (e.target as HTMLInputElement).checked)}
          />
          ${msg('Prefer country-matched numbers for each contact')}
        </label>
      </div>
    `;
  }

  #renderCapacity() {
    const capacity = this.wizard?.capacity ?? { status: 'idle' };
    let content;
    switch (capacity.status) {
      case 'idle':
        content = html`${msg('Select numbers to see the pool capacity.')}`;
        break;
      case 'loading':
        content = html`${msg('Checking pool capacity…')}`;
        break;
      case 'ready':
        content =
          capacity.maxConcurrentCalls === null
            ? this.#unknownCapacity()
            : html`${msg(str`Pool capacity: up to ${formatNumber(capacity.maxConcurrentCalls)} parallel calls.`)}`;
        break;
      case 'error':
        content = this.#unknownCapacity(capacity.message);
        break;
    }
    return html`<div class="hint" part="capacity" role="status">${content}</div>`;
  }

  #unknownCapacity(reason?: string) {
    return html`${msg('Pool capacity unknown.')} ${reason ?? ''}
      <button type="button" class="link" @click=${() => this.wizard?.retryCapacity()}>
        ${msg('Retry')}<span class="visually-hidden"> ${msg('checking pool capacity')}</span>
      </button>`;
  }

  #setPrimary(id: string | null): void {
    this.edit(
      (d) => ({
        ...d,
        telephony: {
          ...d.telephony,
          primaryFromNumberId: id,
          numberPoolIds: id && !d.telephony.numberPoolIds.includes(id) ? [...d.telephony.numberPoolIds, id] : d.telephony.numberPoolIds,
        },
      }),
      'telephony.primaryFromNumberId',
    );
  }

  #togglePool(id: string, on: boolean): void {
    this.edit(
      (d) => ({
        ...d,
        telephony: {
          ...d.telephony,
          numberPoolIds: on
            ? [...d.telephony.numberPoolIds.filter((x) => x !== id), id]
            : d.telephony.numberPoolIds.filter((x) => x !== id),
        },
      }),
      'telephony.numberPoolIds',
    );
  }

  #setFlag(flag: 'callRecording' | 'preferCountryMatchedNumbers', value: boolean): void {
    this.edit((d) => ({ ...d, telephony: { ...d.telephony, [flag]: value } }));
  }
}

/** "Sales – East, +12125550101, United States": label, number and country as plain text. */
function numberText(n: PhoneNumber): string {
  return [n.label, n.e164, n.country ? countryName(n.country) : ''].filter(Boolean).join(', ');
}
