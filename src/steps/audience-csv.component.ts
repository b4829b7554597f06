import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
// Types only: the CSV engine loads lazily, through the wizard's CsvSession.
import type { CountryCode, CsvImportErrorCode, CsvPreview, CsvSummary, RejectReason } from '../csv/index.js';
import { CSV_LIMITS } from '../csv/limits.js';
import { CONTACT_FIELDS } from '../model/contact-fields.js';
import type { CampaignDraft, CsvDraft } from '../model/draft.js';
import { PHONE_COUNTRIES, type CsvSession, type CsvSessionState } from '../state/csv-session.js';
import { describedBy, errorId, fieldError, fieldId, hintId } from '../ui/field.js';
import { countryName, formatNumber, uiLocale } from '../ui/format.js';
import { contactFieldLabel } from '../ui/messages.js';
import { renderVariables, variableRowStyles, type VariableRow } from './audience-variables.js';
import { StepElement } from './step-element.js';

/** What the file picker offers; any file may still be dropped (the import says what it is). */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values,application/vnd.ms-excel';
/** Preview rows shown in the table (the preview holds up to 20). */
const TABLE_ROWS = 10;
/** Characters of a cell shown in the preview table. */
const CELL_CHARS = 120;
/** Countries listed by name; the rest are summed as "Other countries". */
const COUNTRY_ROWS = 10;

const PATH = 'audience.csv';
const PHONE_PATH = 'audience.csv.mapping.phone';
const COUNTRY_ID = 'csv-default-country';
const PROGRESS_ID = 'csv-progress';

/** The localised label of a rejected-row reason (also the Reason column of the download). */
export function rejectReasonLabel(reason: RejectReason): string {
  switch (reason) {
    case 'missing_phone':
      return msg('Missing phone number');
    case 'invalid_phone':
      return msg('Invalid phone number');
    case 'duplicate_phone':
      return msg('Duplicate phone number');
    case 'cell_too_long':
      return msg('Cell too long');
  }
}

function rejectLabels(): Record<RejectReason, string> {
  return {
    missing_phone: rejectReasonLabel('missing_phone'),
    invalid_phone: rejectReasonLabel('invalid_phone'),
    duplicate_phone: rejectReasonLabel('duplicate_phone'),
    cell_too_long: rejectReasonLabel('cell_too_long'),
  };
}

/** A byte count for people, in steps of 1024 as most file managers count: "12.4 KB", "256 MB". */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: units[unit], unitDisplay: unit ? 'short' : 'long', maximumFractionDigits: unit ? 1 : 0 }).format(value);
}

interface CsvErrorLike {
  code: string;
  row?: number;
  detail?: string;
}

function asCsvError(error: unknown): CsvErrorLike | undefined {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'CsvImportError') return error as CsvErrorLike;
  return undefined;
}

function binaryMessage(detail: string | undefined): string {
  switch (detail) {
    case 'xlsx':
    case 'xls':
      return msg('This is an Excel workbook, not a CSV file. In Excel, use Save As and choose "CSV UTF-8", then choose that file.');
    case 'pdf':
      return msg('This is a PDF, not a CSV file. Export your contacts as CSV, then choose that file.');
    case 'image':
      return msg('This is an image, not a CSV file. Choose a CSV file.');
    default:
      return msg('This file is not a text CSV file. Export your contacts as CSV, then choose that file.');
  }
}

/** One message per CsvImportError code (a Record, so a new code is a type error until it has one). */
const CSV_ERROR_MESSAGES: Record<CsvImportErrorCode, (e: CsvErrorLike) => string> = {
  empty: () => msg('This file is empty. Choose a CSV file with a header row and at least one contact.'),
  header_only: () => msg('This file has a header row but no contacts. Add the contacts below the header, then choose the file again.'),
  no_phone_column: () => msg('No column looks like phone numbers. Under Phone, choose the column that holds them.'),
  unknown_column: (e) => msg(str`This file has no column "${e.detail ?? ''}". Choose the phone column again.`),
  binary: (e) => binaryMessage(e.detail),
  too_large: () =>
    msg(str`This file is larger than ${formatBytes(CSV_LIMITS.maxBytes)}, the most one import can read. Split it into smaller files.`),
  too_many_rows: () =>
    msg(str`This file has more than ${formatNumber(CSV_LIMITS.maxRows)} contacts, the most one campaign can import. Split it into smaller files.`),
  too_many_columns: () =>
    msg(str`This file has more than ${formatNumber(CSV_LIMITS.maxColumns)} columns. Remove the columns you do not need, then choose the file again.`),
  unbalanced_quotes: (e) =>
    e.row
      ? msg(
          str`A quoted value that starts in row ${formatNumber(e.row)} (counting from the first row after the header) is never closed, so the file cannot be read. Check the quotation marks there.`,
        )
      : msg('A quoted value in the header row is never closed, so the file cannot be read. Check the quotation marks there.'),
  line_too_long: (e) =>
    e.row
      ? msg(str`Row ${formatNumber(e.row)} (counting from the first row after the header) is far too long for a contact. This may not be a CSV file.`)
      : msg('The first line is far too long for a header row. This may not be a CSV file.'),
  read_failed: () => msg('The file could not be read. It may have been moved, changed or deleted. Choose it again.'),
  worker_failed: () => msg('The browser stopped the file check before it finished. Try again.'),
};

/**
 * The message for a failed import: one per CsvImportError code; anything else means the CSV
 * code itself could not load.
 */
export function csvErrorMessage(error: unknown): string {
  const e = asCsvError(error);
  if (!e) return msg('The CSV importer could not load. Check your connection, then try again.');
  const message = CSV_ERROR_MESSAGES[e.code as CsvImportErrorCode];
  return message ? message(e) : msg('This file could not be imported. Choose another CSV file.');
}

/** Errors about the mapping, not the file. */
const MAPPING_ERROR_CODES = new Set(['no_phone_column', 'unknown_column']);

/** Errors worth a "Try again" on the same file. */
const RETRYABLE = new Set(['read_failed', 'worker_failed']);

/** A call-variable name from a column header: "Due Date" -> "due_date", "2nd plan" -> "_2nd_plan". */
export function variableNameFor(column: string, taken: readonly string[]): string {
  let base = column
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (base === '') base = 'variable';
  if (/^[0-9]/.test(base)) base = `_${base}`;
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** The headers a select can offer: unique, and never blank (a blank value means "Not mapped"). */
function choosableHeaders(headers: readonly string[]): string[] {
  return [...new Set(headers.filter((h) => h.trim() !== ''))];
}

function clip(text: string): string {
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
}

/**
 * The CSV contact source of the Audience step: the file (picker and drop zone), a first preview,
 * progress of the full pass with Cancel, column mapping, default country, phone counts, rejected
 * rows, and Call Variables from unmapped columns. In edit mode, the campaign's upload can be kept
 * or replaced.
 *
 * The import itself runs in the wizard's CsvSession (so it goes on while the user visits other
 * steps); this element shows it and edits the draft. CSV cells and headers are only ever text.
 *
 * @summary The CSV contact source of `<campaign-step-audience>`.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart csv-error - The message of a file that could not be imported.
 */
@localized()
export class CampaignAudienceCsv extends StepElement {
  static override styles = [
    ...StepElement.styles,
    css`
      .dropzone {
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        max-inline-size: 36rem;
        box-sizing: border-box;
      }
      .dropzone.dragging {
        border-color: var(--_accent);
        background: var(--_surface-muted);
      }
      .dropzone .field {
        margin-block-end: 0;
      }
      .chosen {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .block {
        margin-block-end: calc(var(--_space) * 3);
      }
      .progress {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space) calc(var(--_space) * 2);
      }
      .progress progress {
        flex: 1 1 12rem;
        block-size: 1rem;
        accent-color: var(--_accent);
      }
      .progress p {
        margin: 0;
      }
      .mapping {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 calc(var(--_space) * 2);
        max-inline-size: none;
      }
      .mapping legend,
      .mapping > .hint {
        grid-column: 1 / -1;
      }
      .mapping .field {
        margin-block-end: var(--_space);
      }
      .table-wrap {
        overflow-x: auto;
        max-inline-size: 100%;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      table {
        border-collapse: collapse;
        font-size: 0.875em;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding: var(--_space);
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: calc(var(--_space) / 2) var(--_space);
        border-block-start: 1px solid var(--_border);
        white-space: nowrap;
      }
      .preview td {
        max-inline-size: 16rem;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      thead th {
        background: var(--_surface-muted);
      }
      .column-name {
        display: block;
        font-weight: 400;
        color: var(--_text-muted);
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .skipped {
        font-weight: 600;
        margin: 0 0 var(--_space);
      }
      .stats {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space) calc(var(--_space) * 3);
        margin: 0 0 var(--_space);
      }
      .stats div {
        display: flex;
        gap: calc(var(--_space) / 2);
      }
      .stats dt {
        font-weight: 600;
      }
      .stats dt::after {
        content: ':';
      }
      .stats dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .warning {
        border-inline-start: 4px solid var(--_warning);
        background: var(--_warning-surface);
        padding: var(--_space) calc(var(--_space) * 1.5);
        border-radius: var(--_radius);
        margin: 0 0 var(--_space);
      }
      .actions-row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        margin-block: var(--_space);
      }
      h3 {
        font-size: 1.0625rem;
        margin: 0 0 var(--_space);
      }
      .kept dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
        margin: 0;
      }
      .kept dt {
        font-weight: 600;
      }
      .kept dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
    variableRowStyles,
  ];

  /** Edit mode: the user chose "Replace file" and has not picked one yet. */
  @state() private replacing = false;
  @state() private dragging = false;
  @state() private download: 'idle' | 'preparing' | 'ready' | 'failed' = 'idle';
  /** Bumped by the session's notifications, so this element re-renders. */
  @state() private sessionTick = 0;

  #session: CsvSession | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #urls = new Set<string>();
  #dragDepth = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.wizard?.csv;
    if (session !== this.#session) this.#follow(session);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#session && !this.#unsubscribe) this.#follow(this.#session);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  #follow(session: CsvSession | undefined): void {
    this.#unsubscribe?.();
    this.#session = session;
    let last = session?.state;
    this.#unsubscribe = session?.subscribe(() => {
      // A new pass makes an earlier download out of date.
      if (session.state !== last && session.state.status !== 'done' && this.download !== 'idle') this.download = 'idle';
      last = session.state;
      this.sessionTick++;
    });
  }

  protected override render() {
    const draft = this.draft;
    const session = this.wizard?.csv;
    if (!draft || !session) return nothing;
    const csv = draft.audience.csv;
    const st = session.state;
    const current = this.#currentUpload(draft, session);
    const showPicker = !(current && this.#keeping(draft));
    const preview = st.status === 'checking' || st.status === 'done' || (st.status === 'failed' && st.preview) ? (st as { preview: CsvPreview }).preview : null;
    return html`
      ${current ? this.#renderCurrentUpload(draft, current) : nothing}
      ${showPicker ? this.#renderPicker(csv) : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#liveText(st)}</p>
      ${this.#renderProblem(st)}
      ${st.status === 'reading' ? html`<p class="status">${msg(str`Reading ${st.file.name}…`)}</p>` : nothing}
      ${st.status === 'cancelled' ? html`<p class="status">${msg(str`The import of ${st.fileName} was cancelled. Choose a file to start again.`)}</p>` : nothing}
      ${st.status === 'checking' ? this.#renderProgress(st) : nothing}
      ${preview && csv?.file === (st as { file?: File }).file ? this.#renderFileDetails(csv!, preview, st, session) : nothing}
    `;
  }

  // ---- edit mode: keep or replace ----

  /** The upload the campaign already has (edit mode): in the draft, or kept aside for a replacement. */
  #currentUpload(draft: CampaignDraft, session: CsvSession): CsvDraft | null {
    if (this.wizard?.mode !== 'edit') return null;
    const csv = draft.audience.csv;
    if (csv && !csv.file && csv.fileName && csv.rowCount !== null) return csv;
    return session.keptUpload?.csv ?? null;
  }

  #keeping(draft: CampaignDraft): boolean {
    const csv = draft.audience.csv;
    return Boolean(csv && !csv.file && csv.fileName && csv.rowCount !== null) && !this.replacing;
  }

  #renderCurrentUpload(draft: CampaignDraft, upload: CsvDraft) {
    const keeping = this.#keeping(draft);
    const mapped = CONTACT_FIELDS.filter((f) => upload.mapping[f]);
    const variables = upload.callVariables.filter((v) => v.name || v.column);
    return html`<fieldset class="field kept">
      <legend>${msg(str`Current upload: ${upload.fileName} (${formatNumber(upload.rowCount ?? 0)} rows)`)}</legend>
      <div class="choices">
        <label class="check">
          <input type="radio" name="csv-upload" .checked=${keeping} @change=${this.#keepUpload} />
          ${msg('Keep current upload')}
        </label>
        <label class="check">
          <input type="radio" name="csv-upload" .checked=${!keeping} @change=${this.#replaceUpload} />
          ${msg('Replace file')}
        </label>
      </div>
      ${keeping
        ? html`<dl>
            ${mapped.map((f) => html`<dt>${contactFieldLabel(f)}</dt><dd>${upload.mapping[f]}</dd>`)}
            ${variables.map((v) => html`<dt>${v.name}</dt><dd>${msg(str`Call variable from column "${v.column}"`)}</dd>`)}
          </dl>`
        : nothing}
    </fieldset>`;
  }

  #keepUpload = (): void => {
    this.replacing = false;
    this.wizard?.csv?.keepCurrentUpload();
  };

  #replaceUpload = async (): Promise<void> => {
    this.replacing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(PATH)}`)?.focus();
  };

  // ---- the file ----

  #renderPicker(csv: CsvDraft | null) {
    const error = this.errorFor(PATH);
    const chosenId = `${fieldId(PATH)}-chosen`;
    const file = csv?.file ?? null;
    const copiedName = !file && csv?.fileName && this.wizard?.mode === 'create' ? csv.fileName : '';
    return html`<div
      class="dropzone block ${this.dragging ? 'dragging' : ''}"
      @dragenter=${this.#onDragEnter}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <div class="field">
        <label for=${fieldId(PATH)}>${msg('CSV file')}</label>
        <p class="hint" id=${hintId(PATH)}>
          ${msg(
            str`Drop a file here or choose one: a header row, then one contact per row, separated by commas, semicolons, tabs or pipes. Up to ${formatNumber(CSV_LIMITS.maxRows)} rows and ${formatBytes(CSV_LIMITS.maxBytes)}.`,
          )}
        </p>
        <input
          id=${fieldId(PATH)}
          type="file"
          accept=${ACCEPT}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(hintId(PATH), (file || copiedName) && chosenId, error && errorId(PATH)) ?? nothing}
          @change=${this.#onPick}
        />
        ${file
          ? html`<p class="chosen" id=${chosenId}>${msg(str`Selected file: ${file.name} (${formatBytes(file.size)})`)}</p>`
          : copiedName
            ? html`<p class="chosen hint" id=${chosenId}>${msg(str`The campaign this one started from used "${copiedName}". Choose the file to upload it with this campaign.`)}</p>`
            : nothing}
        ${fieldError(PATH, error)}
      </div>
    </div>`;
  }

  #onPick = (event: Event): void => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.#choose(file);
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Once a file is refused or cancelled, let the same file (fixed) be chosen again: the
    // browser sends no change event for the file it already shows.
    const st = this.wizard?.csv?.state;
    const refused = st?.status === 'cancelled' || (st?.status === 'failed' && !MAPPING_ERROR_CODES.has(asCsvError(st.error)?.code ?? ''));
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(PATH)}`);
    if (refused && input?.value) input.value = '';
  }

  #choose(file: File): void {
    this.replacing = false;
    this.download = 'idle';
    this.wizard?.csv?.choose(file);
  }

  #onDragEnter = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.#dragDepth++;
    this.dragging = true;
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  #onDragLeave = (): void => {
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.#dragDepth = 0;
    this.dragging = false;
    const files = event.dataTransfer?.files;
    const file = files?.[0];
    if (!file) return;
    // The picker then names the dropped file too.
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(PATH)}`);
    if (input && files.length === 1) input.files = files;
    this.#choose(file);
  };

  // ---- status ----

  /** Announced politely: one sentence per stage, never the running numbers. */
  #liveText(st: CsvSessionState): string {
    switch (st.status) {
      case 'reading':
        return msg(str`Reading ${st.file.name}…`);
      case 'checking':
        return msg('Checking phone numbers…');
      case 'done':
        return msg(str`Phone numbers checked: ${formatNumber(st.summary.skipped)} of ${formatNumber(st.summary.rowCount)} contacts will be skipped.`);
      case 'cancelled':
        return msg('Import cancelled.');
      default:
        return this.download === 'preparing' ? msg('Preparing the rejected rows…') : '';
    }
  }

  #renderProblem(st: CsvSessionState) {
    if (st.status !== 'failed') return nothing;
    const code = asCsvError(st.error)?.code;
    const retry = !code || RETRYABLE.has(code);
    return html`<div class="problem block" role="alert" part="csv-error">
      <p>${csvErrorMessage(st.error)}</p>
      ${retry ? html`<button type="button" @click=${() => this.wizard?.csv?.retry()}>${msg('Try again')}</button>` : nothing}
    </div>`;
  }

  #renderProgress(st: Extract<CsvSessionState, { status: 'checking' }>) {
    const p = st.progress;
    // The share of the file read, times the share of what was read that has been checked.
    const pct =
      p && p.totalBytes > 0 ? Math.min(100, Math.floor((100 * p.bytesRead * (p.rowsParsed ? p.rowsChecked / p.rowsParsed : 0)) / p.totalBytes)) : undefined;
    return html`<div class="progress block">
      <label for=${PROGRESS_ID}>${msg('Checking phone numbers')}</label>
      <progress id=${PROGRESS_ID} max="100" value=${ifDefined(pct)} aria-describedby=${`${PROGRESS_ID}-text`}></progress>
      <p id=${`${PROGRESS_ID}-text`}>
        ${p ? msg(str`${formatNumber(p.rowsChecked)} rows checked (${pct ?? 0}%)`) : msg('Starting…')}
      </p>
      <button type="button" @click=${this.#cancel}>${msg('Cancel import')}</button>
    </div>`;
  }

  #cancel = async (): Promise<void> => {
    this.wizard?.csv?.cancel();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(PATH)}`)?.focus();
  };

  // ---- once the headers are known ----

  #renderFileDetails(csv: CsvDraft, preview: CsvPreview, st: CsvSessionState, session: CsvSession) {
    const summary = st.status === 'done' ? st.summary : null;
    return html`
      ${this.#renderMapping(csv, preview)} ${this.#renderCountry(session)} ${this.#renderTable(csv, preview, summary)}
      ${summary ? this.#renderCounts(summary, csv) : nothing} ${this.#renderVariables(csv, preview)}
    `;
  }

  #renderMapping(csv: CsvDraft, preview: CsvPreview) {
    const headers = choosableHeaders(preview.headers);
    return html`<fieldset class="field mapping">
      <legend>${msg('Column mapping')}</legend>
      <p class="hint">${msg('Matched from the column headings. Change any that are wrong; Phone is required.')}</p>
      ${CONTACT_FIELDS.map((field) => {
        const path = `audience.csv.mapping.${field}`;
        const error = this.errorFor(path);
        const value = csv.mapping[field] ?? '';
        return html`<div class="field">
          <label for=${fieldId(path)}>${contactFieldLabel(field)}</label>
          <select
            id=${fieldId(path)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy(error && errorId(path)) ?? nothing}
            aria-required=${field === 'phone' ? 'true' : nothing}
            @change=${(e: Event) => this.#setMapping(field, (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${value === ''}>${msg('Not mapped')}</option>
            ${headers.map((h) => html`<option .value=${h} ?selected=${h === value}>${h}</option>`)}
          </select>
          ${fieldError(path, error)}
        </div>`;
      })}
    </fieldset>`;
  }

  #setMapping(field: string, column: string): void {
    this.#editCsv((csv) => {
      const mapping = { ...csv.mapping };
      if (column) mapping[field] = column;
      else delete mapping[field];
      return { ...csv, mapping };
    }, field === 'phone' ? PHONE_PATH : undefined);
  }

  #renderCountry(session: CsvSession) {
    const current = session.country;
    const countries = [...PHONE_COUNTRIES].map((code) => ({ code, name: countryName(code) }));
    countries.sort((a, b) => a.name.localeCompare(b.name, uiLocale()));
    return html`<div class="field">
      <label for=${COUNTRY_ID}>${msg('Default country for phone numbers')}</label>
      <p class="hint" id=${`${COUNTRY_ID}-hint`}>
        ${session.countryChosen
          ? msg('Used for numbers written without a country code, such as (415) 555-0123.')
          : msg('Used for numbers written without a country code, such as (415) 555-0123. Set from the primary from-number, or your browser.')}
      </p>
      <select id=${COUNTRY_ID} aria-describedby=${`${COUNTRY_ID}-hint`} @change=${(e: Event) => this.#setCountry((e.target as HTMLSelectElement).value)}>
        ${countries.map((c) => html`<option value=${c.code} ?selected=${c.code === current}>${c.name}</option>`)}
      </select>
    </div>`;
  }

  #setCountry(code: string): void {
    this.wizard?.csv?.setCountry(code as CountryCode);
  }

  #renderTable(csv: CsvDraft, preview: CsvPreview, summary: CsvSummary | null) {
    const rows = preview.rows.slice(0, TABLE_ROWS);
    const captionId = 'csv-preview-caption';
    const total = summary?.rowCount ?? (preview.complete ? preview.estimatedRowCount : null);
    const caption =
      total !== null
        ? msg(str`Preview: the first ${formatNumber(rows.length)} of ${formatNumber(total)} rows`)
        : msg(str`Preview: the first ${formatNumber(rows.length)} rows of about ${formatNumber(preview.estimatedRowCount)}`);
    const status = summary ? rowStatus(summary) : null;
    return html`<div class="table-wrap block" role="region" aria-labelledby=${captionId} tabindex="0">
      <table class="preview">
        <caption id=${captionId}>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Row')}</th>
            ${preview.headers.map((h, i) => this.#renderHeading(csv, preview, h, i))}
            ${status ? html`<th scope="col">${msg('Status')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row, k) => html`<tr>
              <th scope="row" class="num">${formatNumber(k + 1)}</th>
              ${preview.headers.map((_, i) => html`<td>${clip(row[i] ?? '')}</td>`)}
              ${status ? html`<td>${status(k + 1)}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** A column's heading follows the mapping: the contact field or call variable, then the header. */
  #renderHeading(csv: CsvDraft, preview: CsvPreview, header: string, index: number): TemplateResult {
    const first = preview.headers.indexOf(header) === index;
    const fields = first ? CONTACT_FIELDS.filter((f) => csv.mapping[f] === header).map((f) => contactFieldLabel(f)) : [];
    const variables = first ? csv.callVariables.filter((v) => v.column === header && v.name).map((v) => v.name) : [];
    const shown = header.trim() === '' ? msg(str`Column ${index + 1}`) : header;
    const names = [...fields, ...variables];
    if (names.length === 0) return html`<th scope="col"><span class="column-name">${shown}</span></th>`;
    return html`<th scope="col">${names.join(', ')} <span class="column-name">${shown}</span></th>`;
  }

  #renderCounts(summary: CsvSummary, csv: CsvDraft) {
    const headingId = 'csv-counts-heading';
    const byCountry = Object.entries(summary.byCountry).sort((a, b) => b[1] - a[1]);
    const top = byCountry.slice(0, COUNTRY_ROWS);
    const others = byCountry.slice(COUNTRY_ROWS).reduce((n, [, c]) => n + c, 0);
    const invalidReasons = (['invalid_phone', 'missing_phone', 'cell_too_long'] as const).filter((r) => summary.reasons[r] > 0);
    return html`<section class="block" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${msg('Phone numbers')}</h3>
      <p class="skipped">
        ${msg(str`${formatNumber(summary.skipped)} of ${formatNumber(summary.rowCount)} contacts will be skipped`)}
      </p>
      <dl class="stats">
        <div><dt>${msg('Valid')}</dt><dd>${formatNumber(summary.valid)}</dd></div>
        <div><dt>${msg('Invalid')}</dt><dd>${formatNumber(summary.invalid)}</dd></div>
        <div><dt>${msg('Duplicate')}</dt><dd>${formatNumber(summary.duplicate)}</dd></div>
      </dl>
      ${invalidReasons.length
        ? html`<p class="hint">
            ${invalidReasons.map((r, i) => html`${i ? '; ' : ''}${rejectReasonLabel(r)}: ${formatNumber(summary.reasons[r])}`)}
          </p>`
        : nothing}
      ${summary.ragged > 0
        ? html`<p class="warning">
            ${msg(str`${formatNumber(summary.ragged)} rows have a different number of columns than the header. Check that their values are in the right columns.`)}
          </p>`
        : nothing}
      ${summary.quoteErrors > 0
        ? html`<p class="warning">${msg(str`${formatNumber(summary.quoteErrors)} rows have stray quotation marks and may be split oddly.`)}</p>`
        : nothing}
      ${top.length
        ? html`<table>
            <caption>${msg('Valid contacts by country')}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Country')}</th>
                <th scope="col" class="num">${msg('Contacts')}</th>
              </tr>
            </thead>
            <tbody>
              ${top.map(
                ([code, n]) => html`<tr>
                  <th scope="row">${code === '001' ? msg('International (non-geographic)') : countryName(code)}</th>
                  <td class="num">${formatNumber(n)}</td>
                </tr>`,
              )}
              ${others
                ? html`<tr>
                    <th scope="row">${msg('Other countries')}</th>
                    <td class="num">${formatNumber(others)}</td>
                  </tr>`
                : nothing}
            </tbody>
          </table>`
        : nothing}
      ${summary.skipped > 0
        ? html`<div class="actions-row">
            <button type="button" aria-disabled=${this.download === 'preparing' ? 'true' : 'false'} @click=${() => void this.#downloadRejected(csv)}>
              ${msg('Download rejected rows')}
            </button>
            ${this.download === 'preparing' ? html`<span class="status">${msg('Preparing the file…')}</span>` : nothing}
            ${this.download === 'failed'
              ? html`<span class="error" role="alert">${msg('The rejected rows could not be prepared. Try again.')}</span>`
              : nothing}
          </div>`
        : nothing}
    </section>`;
  }

  async #downloadRejected(csv: CsvDraft): Promise<void> {
    const session = this.wizard?.csv;
    if (!session || this.download === 'preparing') return;
    this.download = 'preparing';
    let blob: Blob;
    try {
      blob = await session.rejectedRowsCsv({ labels: rejectLabels(), rowHeader: msg('Row'), reasonHeader: msg('Reason') });
    } catch (error) {
      // A new pass (or a cancel) made this download moot; anything else is a failure.
      this.download = error instanceof DOMException && error.name === 'AbortError' ? 'idle' : 'failed';
      return;
    }
    this.download = 'ready';
    const url = URL.createObjectURL(blob);
    this.#urls.add(url);
    const link = document.createElement('a');
    link.href = url;
    link.download = rejectedFileName(csv.fileName);
    link.click();
    // The browser has read the Blob by then; keep memory from piling up.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      this.#urls.delete(url);
    }, 60_000);
  }

  #renderVariables(csv: CsvDraft, preview: CsvPreview) {
    const mapped = new Set(Object.values(csv.mapping));
    const unmapped = choosableHeaders(preview.headers).filter((h) => !mapped.has(h));
    const rows: VariableRow[] = csv.callVariables.map((v) => ({ name: v.name, source: v.column }));
    // A chosen column stays offered even if it has been mapped since.
    const choices = [...unmapped, ...rows.map((r) => r.source).filter((c) => c && !unmapped.includes(c))];
    return renderVariables({
      base: 'audience.csv.callVariables',
      sourceKey: 'column',
      rows,
      choices,
      sourceLabel: (n) => msg(str`Variable ${n} column`),
      errorFor: (p) => this.errorFor(p),
      onChange: (change, touched) =>
        this.#editCsv((c) => {
          const next = change(c.callVariables.map((v) => ({ name: v.name, source: v.column })));
          // Picking a column for an unnamed variable names it after the column.
          const named = next.map((row, i) =>
            touched === `audience.csv.callVariables.${i}.column` && row.name === '' && row.source !== ''
              ? { ...row, name: variableNameFor(row.source, next.map((r) => r.name)) }
              : row,
          );
          return { ...c, callVariables: named.map((r) => ({ name: r.name, column: r.source })) };
        }, touched),
    });
  }

  /** Any edit here replaces a loaded (edit mode) audience with what the step shows, as the step does. */
  #editCsv(recipe: (csv: CsvDraft) => CsvDraft, touchedPath?: string): void {
    this.edit((d) => {
      const csv = d.audience.csv;
      if (!csv) return d;
      return { ...d, audience: { ...d.audience, csv: recipe(csv), loaded: null } };
    }, touchedPath);
  }
}

/** Row number (1 = first row after the header) -> what happens to it, from the pass's samples. */
function rowStatus(summary: CsvSummary): (row: number) => string {
  const valid = new Map(summary.validSample.map((s) => [s.row, s.e164]));
  const rejected = new Map(summary.rejectedSample.map((s) => [s.row, s.reason]));
  return (row) => {
    const e164 = valid.get(row);
    if (e164) return msg(str`Will be called (${e164})`);
    const reason = rejected.get(row);
    return reason ? msg(str`Skipped: ${rejectReasonLabel(reason)}`) : '';
  };
}

function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'contacts';
  return `${base}-rejected-rows.csv`;
}
