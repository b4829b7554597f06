/**
 * The fixed Timezone list and the wall-time arithmetic the Schedule step needs.
 * Everything goes through Intl, so DST rules come from the runtime's tz database.
 */

/** IANA zones covering the main calling markets, roughly west to east; UTC (the fallback) first. */
export const TIMEZONES: readonly string[] = Object.freeze([
  'UTC',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Europe/Istanbul',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
]);

// Browsers report some zones by their old or link names (Chrome says "Asia/Calcutta"),
// so map the common ones onto the listed name before falling back to UTC.
const ALIASES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Asia/Istanbul': 'Europe/Istanbul',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  'Etc/Universal': 'UTC',
  'Etc/Zulu': 'UTC',
  GMT: 'UTC',
  Universal: 'UTC',
  Zulu: 'UTC',
  'US/Eastern': 'America/New_York',
  'US/Central': 'America/Chicago',
  'US/Mountain': 'America/Denver',
  'US/Arizona': 'America/Phoenix',
  'US/Pacific': 'America/Los_Angeles',
  'US/Alaska': 'America/Anchorage',
  'US/Hawaii': 'Pacific/Honolulu',
  Singapore: 'Asia/Singapore',
  Japan: 'Asia/Tokyo',
  'Australia/NSW': 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
};

/** The browser's zone when it is (an alias of) a listed zone, else UTC. */
export function defaultTimezone(browserZone?: string): string {
  if (!browserZone) return 'UTC';
  const zone = ALIASES[browserZone] ?? browserZone;
  return TIMEZONES.includes(zone) ? zone : 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // h23: some engines print midnight as "24" with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Milliseconds since the epoch of a UTC date; years 0–99 are not shifted to 19xx as Date.UTC does. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone's offset from UTC at `at`, in minutes (east positive). Throws RangeError for an unknown zone. */
export function utcOffsetMinutes(zone: string, at: Date): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(at)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = utcMs(year, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  // Local mean times before 1900 have offsets in seconds; the UI only shows minutes.
  return Math.round((wall - whole) / 60000);
}

/** "UTC+05:30", "UTC−05:00" (a real minus sign, U+2212), "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(Math.round(minutes));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a 'YYYY-MM-DDTHH:mm' wall time names in `zone`, or null when the text is not a
 * real date and time or the zone is unknown. DST is resolved like Temporal's "compatible":
 * a repeated time (clocks go back) is the earlier instant; a skipped time (clocks go forward)
 * is moved forward by the gap, so 02:30 on a spring-forward night is 03:30.
 */
export function wallTimeToInstant(wall: string, zone: string): Date | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  const asUtc = utcMs(year, month, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null; // 2025-02-30 and the like

  const DAY = 86_400_000;
  let before: number;
  let after: number;
  try {
    before = utcOffsetMinutes(zone, new Date(asUtc - DAY));
    after = utcOffsetMinutes(zone, new Date(asUtc + DAY));
  } catch {
    return null;
  }
  // An offset fits when the instant it gives shows the same wall time in the zone.
  const fits = [before, after]
    .map((o) => asUtc - o * 60000)
    .filter((t) => asUtc - utcOffsetMinutes(zone, new Date(t)) * 60000 === t)
    .sort((a, b) => a - b);
  if (fits.length > 0) return new Date(fits[0]!);
  // In a gap: the offset from before the jump carries the wall time past it.
  return new Date(asUtc - before * 60000);
}
