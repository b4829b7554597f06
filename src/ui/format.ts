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

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

// 2024-01-01 was a Monday: day i of WEEKDAYS is 1 + i January 2024.
export function weekdayName(day: Weekday, width: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12));
  return new Intl.DateTimeFormat(uiLocale(), { weekday: width, timeZone: 'UTC' }).format(date);
}

/** A 'YYYY-MM-DDTHH:mm' wall time as a readable date with a 24-hour time, in no time zone. */
export function formatWallTime(wall: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return wall;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return new Intl.DateTimeFormat(uiLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(date);
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
