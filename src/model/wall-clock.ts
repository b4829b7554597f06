import { utcOffsetMinutes } from './timezones.js';

/**
 * The 'YYYY-MM-DDTHH:mm' wall time an instant shows in `zone` (the inverse of
 * wallTimeToInstant, to the minute), or null for an unknown zone or a date outside years
 * 1000–9999.
 */
export function wallTimeAt(instant: Date, zone: string): string | null {
  let offset: number;
  try {
    offset = utcOffsetMinutes(zone, instant);
  } catch {
    return null;
  }
  const shifted = new Date(Math.floor(instant.getTime() / 60000) * 60000 + offset * 60000);
  const year = shifted.getUTCFullYear();
  if (Number.isNaN(year) || year < 1000 || year > 9999) return null;
  return shifted.toISOString().slice(0, 16);
}
