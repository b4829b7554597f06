import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { describedBy, errorId, fieldError, fieldId } from '../ui/field.js';

/** One call-variable row: a name and where its value comes from (typed text or a chosen source). */
export interface VariableRow {
  name: string;
  source: string;
}

export interface VariableEditor {
  /** Draft path of the rows, e.g. 'audience.contactIdVariables'. */
  base: string;
  /** Key of the source in the draft rows: 'value', 'field' or 'column'. */
  sourceKey: string;
  rows: readonly VariableRow[];
  /** null: the source is free text; otherwise the choices for a select. */
  choices: readonly string[] | null;
  sourceLabel: (n: number) => string;
  errorFor: (path: string) => string | undefined;
  /**
   * Receives a change to apply to the rows as they are in the draft at that moment (not as last
   * rendered), so two quick edits never undo each other.
   */
  onChange: (change: (rows: VariableRow[]) => VariableRow[], touchedPath?: string) => void;
}

/** Layout of the rows `renderVariables` draws; add to the `styles` of every step that uses it. */
export const variableRowStyles = css`
      .variable-row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space) calc(var(--_space) * 2);
        align-items: end;
      }
      .variable-row .field {
        margin-block-end: var(--_space);
        flex: 1 1 12rem;
      }
`;

/**
 * Optional Call Variables: rows of name + source, with Add and Remove. Names are validated by the
 * model (an identifier, unique); errors show under each control.
 */
export function renderVariables(e: VariableEditor) {
  const set = (index: number, patch: Partial<VariableRow>, touched: string) =>
    e.onChange((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)), touched);
  return html`<fieldset class="field variables">
    <legend>${msg('Call Variables')}</legend>
    <p class="hint">${msg('Optional. Values the agent can use in the call, such as a plan name or a due date.')}</p>
    ${e.rows.map((row, i) => {
      const n = i + 1;
      const namePath = `${e.base}.${i}.name`;
      const sourcePath = `${e.base}.${i}.${e.sourceKey}`;
      const nameError = e.errorFor(namePath);
      const sourceError = e.errorFor(sourcePath);
      return html`<div class="variable-row">
        <div class="field">
          <label for=${fieldId(namePath)}>${msg(str`Variable ${n} name`)}</label>
          <input
            id=${fieldId(namePath)}
            type="text"
            autocomplete="off"
            spellcheck="false"
            .value=${row.name}
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${describedBy(nameError && errorId(namePath)) ?? nothing}
            @input=${(ev: Event) => set(i, { name: (ev.target as HTMLInputElement).value }, namePath)}
          />
          ${fieldError(namePath, nameError)}
        </div>
        <div class="field">
          <label for=${fieldId(sourcePath)}>${e.sourceLabel(n)}</label>
          ${e.choices
            ? html`<select
                id=${fieldId(sourcePath)}
                aria-invalid=${sourceError ? 'true' : 'false'}
                aria-describedby=${describedBy(sourceError && errorId(sourcePath)) ?? nothing}
                @change=${(ev: Event) => set(i, { source: (ev.target as HTMLSelectElement).value }, sourcePath)}
              >
                <option value="" ?selected=${row.source === ''}>${msg('Choose…')}</option>
                ${e.choices.map((c) => html`<option value=${c} ?selected=${c === row.source}>${c}</option>`)}
              </select>`
            : html`<input
                id=${fieldId(sourcePath)}
                type="text"
                .value=${row.source}
                @input=${(ev: Event) => set(i, { source: (ev.target as HTMLInputElement).value }, sourcePath)}
              />`}
          ${fieldError(sourcePath, sourceError)}
        </div>
        <button type="button" @click=${() => e.onChange((rows) => rows.filter((_, j) => j !== i))}>
          ${msg('Remove')}<span class="visually-hidden"> ${msg(str`variable ${n}`)}</span>
        </button>
      </div>`;
    })}
    <div><button type="button" @click=${() => e.onChange((rows) => [...rows, { name: '', source: '' }])}>${msg('Add call variable')}</button></div>
  </fieldset>`;
}
