import { css, html } from 'lit';
import { msg, str } from '@lit/localize';
import { classMap } from 'lit/directives/class-map.js';
import { activeWindow, isQuietHour, weekGrid } from '../model/call-windows.js';
import type { CallWindow, Weekday } from '../model/schema.js';
import { formatList, weekdayName } from '../ui/format.js';

/** What the picture says in words, for screen readers: "Monday 09:00–18:00, …, Sunday off". */
export function weekSummary(windows: Readonly<Record<Weekday, CallWindow>>): string {
  return formatList(
    weekGrid(windows).map(({ day }) => {
      const name = weekdayName(day, 'long');
      const w = windows[day];
      if (!w.enabled) return msg(str`${name} off`);
      return activeWindow(w) ? msg(str`${name} ${w.start}–${w.end}`) : msg(str`${name} not set`);
    }),
  );
}

/**
 * The week at a glance: 7 days × 24 hours, filled where calls may be made. Hours outside
 * 08:00–21:00 that a window reaches are drawn in the warning colour. The grid is one image
 * to assistive technology, named by the same schedule in words.
 */
export function weekGridPicture(windows: Readonly<Record<Weekday, CallWindow>>) {
  const rows = weekGrid(windows);
  return html`<figure class="week" part="week-grid">
    <figcaption class="week-caption">${msg('Week at a glance')}</figcaption>
    <div class="week-grid" role="img" aria-label=${weekSummary(windows)}>
      ${rows.map(
        (row) => html`<span class="week-day">${weekdayName(row.day, 'short')}</span>
          ${row.hours.map((share, hour) => {
            const covered = share > 0;
            return html`<span
              class=${classMap({ cell: true, full: share >= 1, partial: covered && share < 1, quiet: covered && isQuietHour(hour) })}
            ></span>`;
          })}`,
      )}
      <span></span>
      ${[0, 6, 12, 18].map((h) => html`<span class="week-hour">${String(h).padStart(2, '0')}</span>`)}
    </div>
    <div class="week-legend" aria-hidden="true">
      <span><span class="cell full"></span> ${msg('Calls allowed')}</span>
      <span><span class="cell full quiet"></span> ${msg('Before 08:00 or after 21:00')}</span>
    </div>
  </figure>`;
}

export const weekGridStyles = css`
  .week {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .week-caption {
    font-weight: 600;
  }
  .week-grid {
    display: grid;
    grid-template-columns: minmax(2.5rem, auto) repeat(24, minmax(0.5rem, 1fr));
    gap: 2px;
    align-items: center;
    font-size: 0.8125em;
  }
  .week-day,
  .week-hour {
    color: var(--_text-muted);
  }
  /* After the blank first cell, each label spans six hours: 00, 06, 12, 18. No inline
     style: a style attribute would break a strict CSP (style-src 'self'). */
  .week-hour {
    grid-column: span 6;
    text-align: start;
  }
  .cell {
    display: inline-block;
    block-size: 1rem;
    min-inline-size: 0.5rem;
    border-radius: 2px;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    box-sizing: border-box;
  }
  .cell.full {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .cell.partial {
    background: linear-gradient(to right, var(--_accent) 50%, var(--_surface-muted) 50%);
    border-color: var(--_accent);
  }
  .cell.quiet.full {
    background: var(--_warning);
    border-color: var(--_warning);
  }
  .cell.quiet.partial {
    background: linear-gradient(to right, var(--_warning) 50%, var(--_surface-muted) 50%);
    border-color: var(--_warning);
  }
  /* Gradients have no logical direction: mirror the half-filled hour under right-to-left. */
  .cell.partial:dir(rtl) {
    background: linear-gradient(to left, var(--_accent) 50%, var(--_surface-muted) 50%);
  }
  .cell.quiet.partial:dir(rtl) {
    background: linear-gradient(to left, var(--_warning) 50%, var(--_surface-muted) 50%);
  }
  .week-legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .week-legend .cell {
    inline-size: 1rem;
    vertical-align: middle;
  }
`;
