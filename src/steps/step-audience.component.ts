import { css, html, nothing, type PropertyValues } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { CONTACT_FIELDS, guessFieldMapping } from '../model/contact-fields.js';
import { parseContactIds } from '../model/contact-ids.js';
import type { AudienceDraft, CampaignDraft, ContactSource } from '../model/draft.js';
import { segmentListSchema, type Segment } from '../model/schema.js';
import { AdapterResource } from '../state/adapter-resource.js';
import { describedBy, errorId, fieldError, fieldHint, fieldId, hintId } from '../ui/field.js';
import { formatNumber } from '../ui/format.js';
import { contactFieldLabel } from '../ui/messages.js';
import { resourceStatus } from '../ui/resource-status.js';
import { renderVariables, variableRowStyles, type VariableRow } from './audience-variables.js';
import { StepElement } from './step-element.js';
import './audience-csv.js';

/**
 * Step 3: who will be called. Contact Source is a CSV file, a list of Contact IDs, or a Segment,
 * each with its field mapping and optional Call Variables. The CSV part lives in
 * `<campaign-audience-csv>`, which loads the CSV engine only when a CSV is chosen.
 *
 * @summary The Audience step of `<campaign-wizard>`.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart resource-error - The error box of a list that failed to load, with its Retry button.
 */
@localized()
export class CampaignStepAudience extends StepElement {
  static override styles = [
    ...StepElement.styles,
    variableRowStyles,
    css`
      .mapping {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 calc(var(--_space) * 2);
        max-inline-size: none;
      }
      textarea {
        min-block-size: 8rem;
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  readonly #segments = new AdapterResource<Segment[]>(this, {
    key: 'listSegments',
    load: (adapters, ctx) => adapters.listSegments?.(ctx),
    schema: segmentListSchema,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.wizard?.adapters?.listSegments) this.#segments.setAdapters(this.wizard.adapters, this.wizard.resources);
  }

  /** CSV fields live in the CSV element's own shadow root; hand their paths to it. */
  override async focusField(path: string): Promise<boolean> {
    if (path.startsWith('audience.csv')) {
      await this.updateComplete;
      const csv = this.renderRoot.querySelector('campaign-audience-csv');
      if (csv) return csv.focusField(path);
    }
    return super.focusField(path);
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const a = draft.audience;
    const sourceError = this.errorFor('audience.source');
    const segmentsOffered = Boolean(this.wizard?.adapters?.listSegments);
    const options: [ContactSource, string][] = [
      ['csv', msg('CSV')],
      ['contact_ids', msg('Contact IDs')],
      ...(segmentsOffered ? ([['segment', msg('Segment')]] as [ContactSource, string][]) : []),
    ];
    return html`
      <h2 tabindex="-1">${msg('Audience')}</h2>
      ${this.wizard?.mode === 'edit' && a.loaded
        ? html`<p class="hint">${msg('The campaign keeps its current audience unless you change it here.')}</p>`
        : nothing}
      <fieldset
        class="field"
        id=${fieldId('audience.source')}
        aria-invalid=${sourceError ? 'true' : 'false'}
        aria-describedby=${describedBy(sourceError && errorId('audience.source')) ?? nothing}
      >
        <legend>${msg('Contact Source')}</legend>
        <div class="choices">
          ${options.map(
            ([value, label]) => html`<label class="check">
              <input
                type="radio"
                name="source"
                .value=${value}
                .checked=${a.source === value}
                @change=${() => this.#editAudience((x) => ({ ...x, source: value }), 'audience.source')}
              />
              ${label}
            </label>`,
          )}
        </div>
        ${fieldError('audience.source', sourceError)}
      </fieldset>
      ${a.source === 'csv' ? html`<campaign-audience-csv></campaign-audience-csv>` : nothing}
      ${a.source === 'contact_ids' ? this.#renderContactIds(a) : nothing}
      ${a.source === 'segment' ? this.#renderSegment(a) : nothing}
    `;
  }

  #renderContactIds(a: AudienceDraft) {
    const path = 'audience.contactIdsText';
    const error = this.errorFor(path);
    const count = parseContactIds(a.contactIdsText).length;
    const countId = `${fieldId(path)}-count`;
    return html`<div class="field">
        <label for=${fieldId(path)}>${msg('Contact IDs')}</label>
        ${fieldHint(path, msg('One per line, or separated by commas or spaces. Duplicates are removed.'))}
        <textarea
          id=${fieldId(path)}
          spellcheck="false"
          autocomplete="off"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(hintId(path), countId, error && errorId(path)) ?? nothing}
          .value=${a.contactIdsText}
          @input=${(e: Event) => this.#editAudience((x) => ({ ...x, contactIdsText: (e.target as HTMLTextAreaElement).value }))}
          @change=${() => this.wizard?.touch(path)}
        ></textarea>
        <p class="hint" id=${countId} aria-live="polite">
          ${count === 1 ? msg('1 contact') : msg(str`${formatNumber(count)} contacts`)}
        </p>
        ${fieldError(path, error)}
      </div>
      ${renderVariables({
        base: 'audience.contactIdVariables',
        sourceKey: 'value',
        rows: a.contactIdVariables.map((v) => ({ name: v.name, source: v.value })),
        choices: null,
        sourceLabel: (n) => msg(str`Variable ${n} value`),
        errorFor: (p) => this.errorFor(p),
        onChange: (change, touched) =>
          this.#editAudience((x) => {
            const rows: VariableRow[] = change(x.contactIdVariables.map((v) => ({ name: v.name, source: v.value })));
            return { ...x, contactIdVariables: rows.map((r) => ({ name: r.name, value: r.source })) };
          }, touched),
      })}`;
  }

  #renderSegment(a: AudienceDraft) {
    const state = this.#segments.state;
    const segments = state.status === 'ready' ? state.value : [];
    const path = 'audience.segment.segmentId';
    const error = this.errorFor(path);
    const selected = segments.find((s) => s.id === a.segment.segmentId);
    return html`<div class="field">
        <label for=${fieldId(path)}>${msg('Segment')}</label>
        <select
          id=${fieldId(path)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(error && errorId(path)) ?? nothing}
          ?disabled=${!segments.length}
          @change=${(e: Event) => this.#pickSegment((e.target as HTMLSelectElement).value, segments)}
        >
          <option value="" ?selected=${!a.segment.segmentId}>${msg('Select a segment')}</option>
          ${segments.map(
            (s) => html`<option value=${s.id} ?selected=${s.id === a.segment.segmentId}>
              ${s.contactCount === undefined ? s.name : msg(str`${s.name} (${formatNumber(s.contactCount)} contacts)`)}
            </option>`,
          )}
        </select>
        ${resourceStatus(state, { what: msg('segments'), empty: msg('No segments yet. Create one in your contacts.') }, () =>
          this.#segments.retry(),
        )}
        ${fieldError(path, error)}
      </div>
      ${selected ? this.#renderSegmentMapping(a, selected) : nothing}`;
  }

  #renderSegmentMapping(a: AudienceDraft, segment: Segment) {
    return html`<fieldset class="field mapping">
        <legend>${msg('Field mapping')}</legend>
        ${CONTACT_FIELDS.map((field) => {
          const path = `audience.segment.mapping.${field}`;
          return html`<div class="field">
            <label for=${fieldId(path)}>${contactFieldLabel(field)}</label>
            <select
              id=${fieldId(path)}
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value;
                this.#editAudience((x) => ({ ...x, segment: { ...x.segment, mapping: withMapping(x.segment.mapping, field, value) } }));
              }}
            >
              <option value="" ?selected=${!a.segment.mapping[field]}>${msg('Not mapped')}</option>
              ${segment.fields.map((f) => html`<option value=${f} ?selected=${a.segment.mapping[field] === f}>${f}</option>`)}
            </select>
          </div>`;
        })}
      </fieldset>
      ${renderVariables({
        base: 'audience.segment.callVariables',
        sourceKey: 'field',
        rows: a.segment.callVariables.map((v) => ({ name: v.name, source: v.field })),
        choices: segment.fields,
        sourceLabel: (n) => msg(str`Variable ${n} field`),
        errorFor: (p) => this.errorFor(p),
        onChange: (change, touched) =>
          this.#editAudience((x) => {
            const rows = change(x.segment.callVariables.map((v) => ({ name: v.name, source: v.field })));
            return { ...x, segment: { ...x.segment, callVariables: rows.map((r) => ({ name: r.name, field: r.source })) } };
          }, touched),
      })}`;
  }

  #pickSegment(id: string, segments: readonly Segment[]): void {
    const segment = segments.find((s) => s.id === id);
    this.#editAudience(
      (x) => ({
        ...x,
        segment: {
          segmentId: segment?.id ?? null,
          mapping: segment ? (guessFieldMapping(segment.fields) as Record<string, string>) : {},
          callVariables: [],
        },
      }),
      'audience.segment.segmentId',
    );
  }

  /** Any edit here replaces a loaded (edit mode) audience with what the step now shows. */
  #editAudience(recipe: (a: AudienceDraft) => AudienceDraft, touchedPath?: string): void {
    this.edit((d: CampaignDraft) => ({ ...d, audience: { ...recipe(d.audience), loaded: null } }), touchedPath);
  }
}

function withMapping(mapping: Record<string, string>, field: string, column: string): Record<string, string> {
  const next = { ...mapping };
  if (column) next[field] = column;
  else delete next[field];
  return next;
}
