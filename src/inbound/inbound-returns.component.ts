import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LOCALE_STATUS_EVENT, localized, msg, str } from '@lit/localize';
import type { CampaignWizardAdapters } from '../adapters/types.js';
import { inboundReturnsSchema, type InboundReturns } from '../model/schema.js';
import { z } from '../model/zod.js';
import { visuallyHiddenStyles } from '../ui/shared-styles.js';
import { tokens } from '../ui/theme.js';
import { reasonLabel } from './reason-labels.js';
import { safeUrl } from './safe-url.js';
import { requestLocale } from '../set-locale.js';

/** The card needs only this of the adapters; a full `CampaignWizardAdapters` will do. */
export type InboundReturnsAdapters = Pick<CampaignWizardAdapters, 'getInboundReturns'>;

type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; reason: 'failed' | 'malformed' | 'missing'; message: string }
  | { status: 'ready'; data: InboundReturns };

// The localisation runtime is page-wide and announces each newly loaded locale; numbers follow it.
let activeLocale: string | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status === 'ready') activeLocale = event.detail.readyLocale;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined): Intl.NumberFormat {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale || undefined);
    } catch {
      format = new Intl.NumberFormat(); // an invalid language tag
    }
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * The Campaign detail page's "Inbound returns" card: how many contacts called back and were
 * routed by smart inbound routing, counted by routing reason, each count linking to the
 * filtered call logs, with a small bar chart. Loads through `adapters.getInboundReturns`;
 * a malformed answer is an error with Retry, never a crash. Only http(s) and relative URLs
 * from the adapter become links; anything else is shown as text.
 *
 * @summary Inbound returns card: total, counts by routing reason, call-log links, bar chart.
 *
 * @csspart card - The card's outer box.
 * @csspart heading - The "Inbound returns" heading.
 * @csspart total - The total line.
 * @csspart list - The list of routing reasons.
 * @csspart item - One routing reason (label and count).
 * @csspart link - Each link to call logs (one per reason, and "View all call logs").
 * @csspart chart - The bar chart.
 * @csspart bar - One bar of the chart (an SVG rect: style it with `fill`).
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssprop [--cw-font-family=system-ui] - Font of all text.
 * @cssprop [--cw-font-size=0.9375rem] - Base font size.
 * @cssprop [--cw-color-surface=#ffffff] - Card background.
 * @cssprop [--cw-color-surface-muted=#f5f6f8] - Bar tracks and row separators.
 * @cssprop [--cw-color-text=#1f2328] - Text colour.
 * @cssprop [--cw-color-text-muted=#57606a] - Secondary text.
 * @cssprop [--cw-color-border=#8c959f] - Card border.
 * @cssprop [--cw-color-accent=#0b5cd5] - Links, bars and the Retry button.
 * @cssprop [--cw-color-on-accent=#ffffff] - Text of the Retry button.
 * @cssprop [--cw-color-danger=#b3261e] - Edge of the error box.
 * @cssprop [--cw-color-danger-surface=#fdecea] - Background of the error box.
 * @cssprop [--cw-radius=6px] - Corner radius.
 * @cssprop [--cw-space=0.5rem] - The spacing unit.
 * @cssprop [--cw-focus-ring=3px solid #0b5cd5] - Focus outline.
 * @cssprop [--cw-focus-ring-offset=2px] - Focus outline offset.
 */
@localized()
export class CampaignInboundReturns extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      [hidden] {
        display: none !important;
      }
      .card {
        background: var(--_surface);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 calc(var(--_space) * 1.5);
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 calc(var(--_space) / 2);
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible,
      a:focus-visible,
      button:focus-visible {
        outline: var(--_focus-ring);
        outline-offset: var(--_focus-offset);
      }
      p {
        margin: 0 0 calc(var(--_space) * 1.5);
      }
      .status,
      .empty {
        color: var(--_text-muted);
      }
      .total {
        display: flex;
        align-items: baseline;
        gap: var(--_space);
      }
      .total-value {
        font-size: 2rem;
        font-weight: 700;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .total-label {
        color: var(--_text-muted);
      }
      ul {
        list-style: none;
        margin: 0 0 calc(var(--_space) * 2);
        padding: 0;
      }
      li {
        border-block-end: 1px solid var(--_surface-muted);
      }
      .row {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: calc(var(--_space) * 2);
        padding-block: calc(var(--_space) * 0.75);
        overflow-wrap: anywhere;
      }
      a {
        color: var(--_accent);
      }
      a.row {
        text-decoration: none;
      }
      a.row .reason {
        text-decoration: underline;
      }
      .count {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .chart {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(4rem, 1fr) auto;
        align-items: center;
        gap: calc(var(--_space) / 2) var(--_space);
        margin: 0 0 calc(var(--_space) * 2);
        font-size: 0.875em;
      }
      .bar-row {
        display: contents;
      }
      .bar-label {
        color: var(--_text-muted);
        overflow-wrap: anywhere;
      }
      .bar-value {
        font-variant-numeric: tabular-nums;
        text-align: end;
      }
      .bar-track {
        display: block;
        inline-size: 100%;
        block-size: 0.75rem;
        background: var(--_surface-muted);
        border-radius: calc(var(--_radius) / 2);
        color: var(--_accent);
      }
      .bar-track rect {
        fill: currentColor;
      }
      :host(:dir(rtl)) .bar-track {
        transform: scaleX(-1);
      }
      @media (forced-colors: active) {
        .bar-track {
          color: CanvasText;
          outline: 1px solid CanvasText;
        }
      }
      .problem {
        background: var(--_danger-surface);
        border-inline-start: 4px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space) calc(var(--_space) * 1.5);
      }
      .problem p {
        margin-block-end: var(--_space);
      }
      button {
        font: inherit;
        color: var(--_accent-text);
        background: var(--_accent);
        border: 1px solid transparent;
        border-radius: var(--_radius);
        padding: calc(var(--_space) / 2) calc(var(--_space) * 2);
        min-block-size: 2.5rem;
        cursor: pointer;
      }
    `,
    visuallyHiddenStyles,
  ];

  /** The campaign whose inbound returns are shown. */
  @property({ attribute: 'campaign-id' }) campaignId = '';

  /** The host's adapters; only `getInboundReturns` is used. Property only. */
  @property({ attribute: false }) adapters: InboundReturnsAdapters | undefined;

  /**
   * Reload every this many seconds while connected and the page is visible. Unset, 0 or
   * invalid: no automatic reload.
   */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval: number | undefined;

  /**
   * BCP 47 language tag of the card; falls back `es-MX` → `es` → `en`. Page-wide, like the
   * wizard's: the localisation runtime is global.
   */
  @property() locale: string | undefined;

  @state() private _state: LoadState = { status: 'idle' };

  @query('h2') private _heading!: HTMLHeadingElement;

  #controller: AbortController | undefined;
  #generation = 0;
  #inFlight = false;
  /** A load was cut short by a disconnect and should run again on reconnect. */
  #interrupted = false;
  #lastSettledAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Reloads now, keeping what is shown until the answer arrives. Resolves when it settles. */
  refresh(): Promise<void> {
    if (!this.isConnected) return Promise.resolve();
    return this.#load(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    if (!this.hasUpdated) return; // the first update loads
    if (this.#interrupted) void this.#load(this._state.status !== 'ready');
    else this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#clearTimer();
    if (this.#inFlight) {
      this.#interrupted = true;
      this.#abort();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale !== undefined) void requestLocale(this.locale);
    if (changed.has('campaignId') || changed.has('adapters')) void this.#load(true);
    else if (changed.has('refreshInterval')) this.#schedule();
  }

  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.#clearTimer();
    else this.#schedule();
  };

  #intervalMs(): number | null {
    const seconds = this.refreshInterval;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
  }

  /** Arms the refresh timer, counting from the last answer; a reload already due runs now. */
  #schedule(): void {
    this.#clearTimer();
    const ms = this.#intervalMs();
    if (ms === null || !this.isConnected || this.#inFlight || document.visibilityState === 'hidden') return;
    if (this._state.status === 'idle') return;
    const delay = Math.max(0, this.#lastSettledAt + ms - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#load(false);
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #abort(): void {
    this.#generation++;
    this.#controller?.abort();
    this.#controller = undefined;
    this.#inFlight = false;
  }

  /**
   * Starts a load, aborting the one before; only the latest answer is ever shown. `replace`
   * clears what is shown (another campaign); otherwise data stays up while reloading.
   */
  #load(replace: boolean): Promise<void> {
    this.#abort();
    this.#clearTimer();
    this.#interrupted = false;
    const generation = this.#generation;
    const campaignId = this.campaignId;
    const adapters = this.adapters;
    if (!campaignId || !adapters) {
      this._state = { status: 'idle' };
      return Promise.resolve();
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#inFlight = true;
    if (replace || this._state.status !== 'ready') this._state = { status: 'loading' };
    return fetchInboundReturns(adapters, campaignId, controller.signal).then((next) => {
      if (generation !== this.#generation) return; // superseded: a stale answer is never shown
      this.#controller = undefined;
      this.#inFlight = false;
      this.#lastSettledAt = Date.now();
      this._state = next;
      this.#schedule();
    });
  }

  async #retry(): Promise<void> {
    const done = this.#load(true);
    await this.updateComplete;
    // The Retry button is gone; keep focus in the card rather than dropping it on the page.
    this._heading?.focus();
    await done;
  }

  #format(n: number): string {
    const lang = activeLocale ?? this.closest('[lang]')?.getAttribute('lang') ?? undefined;
    return numberFormat(lang).format(n);
  }

  protected override render(): TemplateResult {
    return html`<section part="card" class="card" aria-labelledby="heading">
      <h2 part="heading" id="heading" tabindex="-1">${msg('Inbound returns')}</h2>
      ${this.#renderBody()}
    </section>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const s = this._state;
    switch (s.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p class="status" role="status">${msg('Loading inbound returns…')}</p>`;
      case 'error': {
        const detail =
          s.reason === 'malformed'
            ? msg('The answer came back in a form the card cannot read.')
            : s.reason === 'missing'
              ? msg('Inbound returns are not available here.')
              : s.message;
        return html`<div class="problem" role="alert">
          <p>${msg("Couldn't load inbound returns.")} ${detail}</p>
          <button part="retry-button" type="button" @click=${() => void this.#retry()}>
            ${msg('Retry')}<span class="visually-hidden"> ${msg('loading inbound returns')}</span>
          </button>
        </div>`;
      }
      case 'ready':
        return this.#renderData(s.data);
    }
  }

  #renderData(data: InboundReturns): TemplateResult {
    const allLogs = this.#renderAllLogs(data.callLogsUrl);
    if (data.total === 0) {
      return html`<p class="empty">${msg('No inbound returns yet')}</p>
        ${allLogs}`;
    }
    const rows = data.byReason.map((r) => ({ label: reasonLabel(r.reason), count: r.count, url: safeUrl(r.callLogsUrl) }));
    return html`<p part="total" class="total">
        <span class="total-value">${this.#format(data.total)}</span>
        <span class="total-label">${msg('Total')}</span>
      </p>
      ${rows.length ? this.#renderList(rows) : nothing} ${rows.length ? this.#renderChart(rows) : nothing} ${allLogs}`;
  }

  #renderList(rows: Row[]): TemplateResult {
    return html`<h3 id="by-reason">${msg('By routing reason')}</h3>
      <ul part="list" aria-labelledby="by-reason">
        ${rows.map((row) => {
          const content = html`<span class="reason">${row.label}</span>
            <span class="count">${this.#format(row.count)}</span>`;
          return html`<li part="item">
            ${row.url === null
              ? html`<span class="row">${content}</span>`
              : html`<a part="link" class="row" href=${row.url}>${content}</a>`}
          </li>`;
        })}
      </ul>`;
  }

  #renderChart(rows: Row[]): TemplateResult {
    const max = Math.max(0, ...rows.map((r) => r.count));
    const summary = rows.map((r) => msg(str`${r.label}: ${this.#format(r.count)}`)).join('; ');
    return html`<div part="chart" class="chart" role="img" aria-label=${msg(str`Bar chart of inbound returns by routing reason. ${summary}`)}>
      ${rows.map((row) => {
        // Length, not colour, carries the value; a non-zero count always shows a sliver.
        const width = max > 0 ? Math.max(row.count > 0 ? 1 : 0, (row.count / max) * 100) : 0;
        return html`<div class="bar-row">
          <span class="bar-label">${row.label}</span>
          <svg class="bar-track" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect part="bar" x="0" y="0" height="1" width=${width.toFixed(2)}></rect>
          </svg>
          <span class="bar-value">${this.#format(row.count)}</span>
        </div>`;
      })}
    </div>`;
  }

  #renderAllLogs(url: string | undefined): TemplateResult | typeof nothing {
    if (url === undefined) return nothing;
    const safe = safeUrl(url);
    return html`<p class="all-logs">
      ${safe === null ? msg('View all call logs') : html`<a part="link" href=${safe}>${msg('View all call logs')}</a>`}
    </p>`;
  }
}

interface Row {
  label: string;
  count: number;
  url: string | null;
}

/** One adapter call, checked with zod: never throws. */
async function fetchInboundReturns(
  adapters: InboundReturnsAdapters,
  campaignId: string,
  signal: AbortSignal,
): Promise<LoadState> {
  let answer: unknown;
  try {
    if (typeof adapters.getInboundReturns !== 'function') return { status: 'error', reason: 'missing', message: '' };
    answer = await adapters.getInboundReturns(campaignId, { signal });
  } catch (error) {
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    return { status: 'error', reason: 'failed', message };
  }
  const parsed = z.safeParse(inboundReturnsSchema, answer);
  return parsed.success ? { status: 'ready', data: parsed.data } : { status: 'error', reason: 'malformed', message: '' };
}
