import { css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { canCopyTimes, copyTimesToAll, normaliseTimeText, quietHoursDays } from '../model/call-windows.js';
import type { CampaignDraft } from '../model/draft.js';
import { WEEKDAYS, type CallWindow, type Weekday } from '../model/schema.js';
import { formatUtcOffset, TIMEZONES, utcOffsetMinutes } from '../model/timezones.js';
import { wallTimeAt } from '../model/wall-clock.js';
import { describedBy, errorId, fieldError, fieldHint, fieldId, hintId } from '../ui/field.js';
import { formatList, formatNumber, weekdayName } from '../ui/format.js';
import { weekGridPicture, weekGridStyles } from './schedule-week-grid.js';
import { StepElement } from './step-element.js';

type Schedule = CampaignDraft['schedule'];

/**
 * Step 4: Trigger Mode and Schedule Date & Time, Timezone, Call Windows (with a week picture and
 * a quiet-hours warning), Testing Mode / dry run (outside production), Parallel calls, Priority.
 *
 * @summary The Schedule step of `<campaign-wizard>`; reads and writes the wizard's draft through context.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart week-grid - The week-at-a-glance picture of the call windows.
 * @csspart quiet-hours-warning - The warning shown when a window reaches before 08:00 or after 21:00.
 */
@localized()
export class CampaignStepSchedule extends StepElement {
  static override styles = [...StepElement.styles, weekGridStyles, css`
    .field.wide {
      max-inline-size: 44rem;
    }
    .windows {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) minmax(5.5rem, 7rem) minmax(5.5rem, 7rem) 1fr;
      gap: var(--_space) calc(var(--_space) * 1.5);
      align-items: center;
    }
    .windows-head {
      color: var(--_text-muted);
      font-size: 0.875em;
      font-weight: 600;
    }
    .window-errors {
      grid-column: 1 / -1;
      margin-block-start: calc(var(--_space) / -2);
    }
    .window-errors:empty {
      display: none;
    }
    input.time {
      font-variant-numeric: tabular-nums;
    }
    input:disabled {
      color: var(--_text-muted);
      background: var(--_surface-muted);
    }
    .inline-action {
      justify-self: start;
    }
    .warning {
      border-inline-start: 4px solid var(--_warning);
      background: var(--_warning-surface);
      color: var(--_text);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
    }
    .warning p {
      margin: 0;
    }
    .warning strong {
      color: var(--_warning);
    }
    .indent {
      margin-inline-start: calc(var(--_space) * 3.5);
    }
    .nested {
      margin-inline-start: calc(var(--_space) * 3.5);
      margin-block: var(--_space) 0;
    }
    .nested input {
      max-inline-size: 10rem;
    }
    .short {
      max-inline-size: 8rem;
    }
  `];

  /** What "Copy to all" last did, announced politely. */
  /** The last Copy to all result; a function, so it reads in the locale shown when it renders. */
  @state() private copyNote: (() => string) | undefined;

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const s = draft.schedule;
    return html`
      <h2 tabindex="-1">${msg('Schedule')}</h2>
      ${this.#renderTrigger(s)} ${this.#renderTimezone(s)} ${this.#renderWindows(s)}
      ${this.wizard?.environment !== 'production' ? this.#renderDryRun(s) : nothing} ${this.#renderConcurrency(s)}
      ${this.#renderPriority(s)}
    `;
  }

  // ---- Trigger Mode and Schedule Date & Time ----

  #renderTrigger(s: Schedule) {
    const path = 'schedule.startAt';
    const error = this.errorFor(path);
    const zone = zoneLabel(s.timezone);
    const min = this.wizard?.mode === 'create' && TIMEZONES.includes(s.timezone) ? wallTimeAt(new Date(), s.timezone) : null;
    return html`<fieldset class="field" id=${fieldId('schedule.triggerMode')}>
        <legend>${msg('Trigger Mode')}</legend>
        <div class="choices">
          ${(['immediate', 'scheduled'] as const).map(
            (mode) => html`<label class="check">
              <input
                type="radio"
                name="trigger-mode"
                value=${mode}
                .checked=${s.triggerMode === mode}
                @change=${() => this.#setSchedule({ triggerMode: mode })}
              />
              ${mode === 'immediate' ? msg('Immediate') : msg('Scheduled')}
            </label>`,
          )}
        </div>
      </fieldset>
      ${s.triggerMode === 'scheduled'
        ? html`<div class="field">
            <label for=${fieldId(path)}>${msg('Schedule Date & Time')}</label>
            ${fieldHint(path, msg(str`In the campaign's Timezone: ${zone}.`))}
            <input
              id=${fieldId(path)}
             
              type="datetime-local"
              step="60"
              min=${min ?? nothing}
              aria-required="true"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(hintId(path), error && errorId(path)) ?? nothing}
              .value=${s.startAt}
              @input=${(e: Event) => this.#setSchedule({ startAt: (e.target as HTMLInputElement).value })}
              @change=${() => this.wizard?.touch(path)}
            />
            ${fieldError(path, error)}
          </div>`
        : nothing}`;
  }

  // ---- Timezone ----

  #renderTimezone(s: Schedule) {
    const path = 'schedule.timezone';
    const error = this.errorFor(path);
    const listed = TIMEZONES.includes(s.timezone);
    return html`<div class="field">
      <label for=${fieldId(path)}>${msg('Timezone')}</label>
      <select
        id=${fieldId(path)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(error && errorId(path)) ?? nothing}
        @change=${(e: Event) => this.edit((d) => withSchedule(d, { timezone: (e.target as HTMLSelectElement).value }), path)}
      >
        ${listed ? nothing : html`<option value=${s.timezone} selected>${s.timezone}</option>`}
        ${TIMEZONES.map((zone) => html`<option value=${zone} ?selected=${zone === s.timezone}>${zoneLabel(zone)}</option>`)}
      </select>
      ${fieldError(path, error)}
    </div>`;
  }

  // ---- Call Windows ----

  #renderWindows(s: Schedule) {
    const copyHint = `${fieldId('schedule.callWindows')}-copy-hint`;
    const quiet = quietHoursDays(s.callWindows);
    return html`<fieldset class="field wide" id=${fieldId('schedule.callWindows')} aria-describedby=${hintId('schedule.callWindows')}>
      <legend>${msg('Call Windows')}</legend>
      ${fieldHint(
        'schedule.callWindows',
        msg("Times are in 24-hour HH:mm and are evaluated in each contact's local time. No call window is required."),
      )}
      <div class="windows">
        <span class="windows-head" aria-hidden="true">${msg('Day')}</span>
        <span class="windows-head" aria-hidden="true">${msg('Start')}</span>
        <span class="windows-head" aria-hidden="true">${msg('End')}</span>
        <span></span>
        ${WEEKDAYS.map((day) => this.#renderDay(day, s.callWindows[day], copyHint))}
      </div>
      <p class="hint" id=${copyHint}>
        ${msg("Copy to all copies Monday's start and end times to every day. It does not turn any day on or off.")}
      </p>
      <p class="hint" role="status">${this.copyNote?.() ?? ''}</p>
      ${weekGridPicture(s.callWindows)}
      <div role="status">
        ${quiet.length
          ? html`<div class="warning" part="quiet-hours-warning">
              <p>
                <strong>${msg('Quiet hours:')}</strong>
                ${msg(
                  str`The call window on ${formatList(quiet.map((d) => weekdayName(d, 'long')))} reaches before 08:00 or after 21:00. In the US, the TCPA limits calls to 08:00–21:00 at the contact's location.`,
                )}
              </p>
            </div>`
          : nothing}
      </div>
    </fieldset>`;
  }

  #renderDay(day: Weekday, w: CallWindow, copyHint: string) {
    const base = `schedule.callWindows.${day}`;
    const name = weekdayName(day, 'long');
    const startError = this.errorFor(`${base}.start`);
    const endError = this.errorFor(`${base}.end`);
    const time = (part: 'start' | 'end', label: string, error: string | undefined) => {
      const path = `${base}.${part}`;
      return html`<div>
        <label class="visually-hidden" for=${fieldId(path)}>${label}</label>
        <input
          id=${fieldId(path)}
          class="time"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          maxlength="5"
          placeholder="HH:mm"
          ?disabled=${!w.enabled}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(error && errorId(path)) ?? nothing}
          .value=${w[part]}
          @input=${(e: Event) => this.#setWindow(day, { [part]: (e.target as HTMLInputElement).value })}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const tidy = normaliseTimeText(input.value);
            if (tidy !== input.value) this.#setWindow(day, { [part]: tidy });
            this.wizard?.touch(`${base}.start`);
            this.wizard?.touch(`${base}.end`);
          }}
        />
      </div>`;
    };
    return html`<label class="check">
        <input
          id=${fieldId(`${base}.enabled`)}
          type="checkbox"
          .checked=${w.enabled}
          @change=${(e: Event) => this.#setWindow(day, { enabled: (e.target as HTMLInputElement).checked })}
        />
        ${name}
      </label>
      ${time('start', msg(str`${name} start`), startError)} ${time('end', msg(str`${name} end`), endError)}
      ${day === 'monday'
        ? html`<button type="button" class="inline-action" aria-describedby=${copyHint} @click=${this.#copyToAll}>
            ${msg('Copy to all')}
          </button>`
        : html`<span></span>`}
      <div class="window-errors">${fieldError(`${base}.start`, startError)}${fieldError(`${base}.end`, endError)}</div>`;
  }

  #copyToAll = (): void => {
    const windows = this.draft?.schedule.callWindows;
    if (!windows) return;
    const monday = () => weekdayName('monday', 'long');
    if (!canCopyTimes(windows, 'monday')) {
      this.wizard?.touch('schedule.callWindows.monday.start');
      this.wizard?.touch('schedule.callWindows.monday.end');
      this.copyNote = () => msg(str`Nothing copied: ${monday()} needs a start time before its end time.`);
      return;
    }
    this.edit((d) => withSchedule(d, { callWindows: copyTimesToAll(d.schedule.callWindows, 'monday') }));
    const { start, end } = windows.monday;
    this.copyNote = () => msg(str`Copied ${monday()}'s times, ${start}–${end}, to every day.`);
  };

  #setWindow(day: Weekday, patch: Partial<CallWindow>): void {
    this.copyNote = undefined;
    this.edit((d) => withSchedule(d, { callWindows: { ...d.schedule.callWindows, [day]: { ...d.schedule.callWindows[day], ...patch } } }));
  }

  // ---- Testing Mode / dry run ----

  #renderDryRun(s: Schedule) {
    const path = 'schedule.dryRun';
    return html`<div class="field">
      <label class="check">
        <input
          id=${fieldId(path)}
          type="checkbox"
          aria-describedby=${hintId(path)}
          .checked=${s.dryRun}
          @change=${(e: Event) => this.#setSchedule({ dryRun: (e.target as HTMLInputElement).checked })}
        />
        ${msg('Testing Mode / dry run')}
      </label>
      ${fieldHint(path, msg('Runs the campaign without placing real calls. Not offered in production.'))}
    </div>`;
  }

  // ---- Parallel calls ----

  #renderConcurrency(s: Schedule) {
    const path = 'schedule.concurrency.limitText';
    const error = this.errorFor(path);
    const capacity = this.wizard?.capacity ?? { status: 'idle' };
    const ceiling = capacity.status === 'ready' ? capacity.maxConcurrentCalls : null;
    const poolHint = `${fieldId('schedule.concurrency.mode')}-pool-hint`;
    let poolText: string;
    if (capacity.status === 'loading') poolText = msg('Checking pool capacity…');
    else if (ceiling !== null) poolText = msg(str`Up to ${formatNumber(ceiling)} parallel calls, the pool's previewed capacity.`);
    else poolText = msg('As many parallel calls as the number pool allows. Its capacity is not known yet.');
    return html`<fieldset class="field" id=${fieldId('schedule.concurrency.mode')}>
      <legend>${msg('Parallel calls')}</legend>
      <div class="choices">
        <label class="check">
          <input
            type="radio"
            name="concurrency"
            value="pool"
            aria-describedby=${poolHint}
            .checked=${s.concurrency.mode === 'pool'}
            @change=${() => this.#setSchedule({ concurrency: { ...s.concurrency, mode: 'pool' } })}
          />
          ${msg('Full pool capacity')}
        </label>
        <p class="hint indent" id=${poolHint}>${poolText}</p>
        <label class="check">
          <input
            type="radio"
            name="concurrency"
            value="custom"
            .checked=${s.concurrency.mode === 'custom'}
            @change=${() => this.#setSchedule({ concurrency: { ...s.concurrency, mode: 'custom' } })}
          />
          ${msg('Custom')}
        </label>
      </div>
      ${s.concurrency.mode === 'custom'
        ? html`<div class="field nested">
            <label for=${fieldId(path)}>${msg('Maximum parallel calls')}</label>
            ${ceiling !== null
              ? fieldHint(path, msg(str`A whole number from 1 to ${formatNumber(ceiling)}.`))
              : fieldHint(path, msg('A whole number, 1 or more.'))}
            <input
              id=${fieldId(path)}
              type="text"
              inputmode="numeric"
              autocomplete="off"
              aria-required="true"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(hintId(path), error && errorId(path)) ?? nothing}
              .value=${s.concurrency.limitText}
              @input=${(e: Event) =>
                this.#setSchedule({ concurrency: { mode: 'custom', limitText: (e.target as HTMLInputElement).value } })}
              @change=${() => this.wizard?.touch(path)}
            />
            ${fieldError(path, error)}
          </div>`
        : nothing}
    </fieldset>`;
  }

  // ---- Priority ----

  #renderPriority(s: Schedule) {
    const path = 'schedule.priorityText';
    const error = this.errorFor(path);
    return html`<div class="field">
      <label for=${fieldId(path)}>${msg('Priority')}</label>
      ${fieldHint(path, msg('A whole number from 1 to 10.'))}
      <input
        id=${fieldId(path)}
        class="short"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        maxlength="3"
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(hintId(path), error && errorId(path)) ?? nothing}
        .value=${s.priorityText}
        @input=${(e: Event) => this.edit((d) => withSchedule(d, { priorityText: (e.target as HTMLInputElement).value }), path)}
      />
      <div aria-live="polite">${fieldError(path, error)}</div>
    </div>`;
  }

  #setSchedule(patch: Partial<Schedule>): void {
    this.edit((d) => withSchedule(d, patch));
  }
}

function withSchedule(d: CampaignDraft, patch: Partial<Schedule>): CampaignDraft {
  return { ...d, schedule: { ...d.schedule, ...patch } };
}

/** "America/New York (UTC−05:00)": the zone's name and its offset now. */
function zoneLabel(zone: string): string {
  let offset: string;
  try {
    offset = formatUtcOffset(utcOffsetMinutes(zone, new Date()));
  } catch {
    return zone;
  }
  return `${zone.replace(/_/g, ' ')} (${offset})`;
}
