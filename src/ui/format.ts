import type { Weekday } from '../model/schema.js';
import { WEEKDAYS } from '../model/schema.js';

let activeLocale = 'en';

/** The active UI locale, for Intl formatters. Set by the localisation runtime. */
export function uiLocale(): string {
  return activeLocale;
}

export function setUiLocale(locale: string): void {
  activeLocale = locale;
}

// Building an Intl formatter costs far more than using one (the Schedule step formats ~20 day
// names a render), so each is made once per locale and kind.
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.ListFormat | Intl.DateTimeFormat>(kind: string, make: (locale: string) => T): T {
  const key = `${kind}|${uiLocale()}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make(uiLocale())));
  return formatter;
}

export function formatNumber(n: number): string {
  return cached('number', (l) => new Intl.NumberFormat(l)).format(n);
}

export function formatList(items: readonly string[]): string {
  return cached('list', (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
}

// 2024-01-01 was a Monday: day i of WEEKDAYS is 1 + i January 2024.
export function weekdayName(day: Weekday, width: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12));
  return cached(`weekday-${width}`, (l) => new Intl.DateTimeFormat(l, { weekday: width, timeZone: 'UTC' })).format(date);
}

/** A 'YYYY-MM-DDTHH:mm' wall time as a readable date with a 24-hour time, in no time zone. */
export function formatWallTime(wall: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return wall;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return cached(
    'wall-time',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }),
  ).format(date);
}

const regionNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string): string {
  const locale = uiLocale();
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale, 'en'], { type: 'region' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
