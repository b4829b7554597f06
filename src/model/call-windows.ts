/**
 * Pure helpers for the Schedule step's Call Windows: reading typed times, "Copy to all", the
 * 7 × 24 week grid picture and the quiet-hours (US TCPA 08:00–21:00) warning.
 */
import { WEEKDAYS, type CallWindow, type Weekday } from './schema.js';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a 'HH:mm' time, or null when the text is not one. */
export function minutesOf(text: string): number | null {
  const m = HHMM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * A time typed loosely, tidied to 'HH:mm' when it clearly names one: "9" -> "09:00",
 * "9:30" / "9.30" / "930" -> "09:30", "1745" -> "17:45". Anything else comes back as typed
 * (trimmed), so validation can say what is wrong with it.
 */
export function normaliseTimeText(text: string): string {
  const t = text.trim();
  let hour: number;
  let minute: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(t))) {
    hour = Number(m[1]);
    minute = m[2] === undefined ? 0 : Number(m[2]);
  } else if ((m = /^(\d{1,2})(\d{2})$/.exec(t))) {
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else {
    return t;
  }
  if (hour > 23 || minute > 59) return t;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The window of an enabled day as minutes, when its times are valid and start is before end. */
export function activeWindow(w: CallWindow | undefined): { start: number; end: number } | null {
  if (!w?.enabled) return null;
  const start = minutesOf(w.start);
  const end = minutesOf(w.end);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/** Whether `from`'s times can be copied: both are 'HH:mm' and start is before end. */
export function canCopyTimes(windows: Readonly<Record<Weekday, CallWindow>>, from: Weekday = 'monday'): boolean {
  const w = windows[from];
  const start = minutesOf(w.start);
  const end = minutesOf(w.end);
  return start !== null && end !== null && start < end;
}

/** "Copy to all": every day gets `from`'s start and end; each day keeps its own on/off. */
export function copyTimesToAll(
  windows: Readonly<Record<Weekday, CallWindow>>,
  from: Weekday = 'monday',
): Record<Weekday, CallWindow> {
  const { start, end } = windows[from];
  const out = {} as Record<Weekday, CallWindow>;
  for (const day of WEEKDAYS) out[day] = { enabled: windows[day].enabled, start, end };
  return out;
}

export interface WeekGridRow {
  day: Weekday;
  /** 24 values, one per hour from 00:00: the share of that hour inside the day's window, 0..1. */
  hours: number[];
}

/** The week as a 7 × 24 grid of covered hours; an off day or an unreadable window covers none. */
export function weekGrid(windows: Readonly<Record<Weekday, CallWindow>>): WeekGridRow[] {
  return WEEKDAYS.map((day) => {
    const w = activeWindow(windows[day]);
    const hours = Array.from({ length: 24 }, (_, h) => {
      if (!w) return 0;
      const covered = Math.min(w.end, (h + 1) * 60) - Math.max(w.start, h * 60);
      return covered > 0 ? covered / 60 : 0;
    });
    return { day, hours };
  });
}

/** The US TCPA calling hours at the contact's location: 08:00 to 21:00. */
export const QUIET_HOURS = Object.freeze({ callsFrom: '08:00', callsUntil: '21:00' });
const CALLS_FROM = 8 * 60;
const CALLS_UNTIL = 21 * 60;

/** Whether an hour of the day (0–23) lies, at least partly, outside 08:00–21:00. */
export function isQuietHour(hour: number): boolean {
  return hour < 8 || hour >= 21;
}

/**
 * The enabled days whose window reaches before 08:00 or after 21:00. A warning, not a
 * blocker: windows run in each contact's local time, and the limits apply there.
 */
export function quietHoursDays(windows: Readonly<Record<Weekday, CallWindow>>): Weekday[] {
  return WEEKDAYS.filter((day) => {
    const w = activeWindow(windows[day]);
    return w !== null && (w.start < CALLS_FROM || w.end > CALLS_UNTIL);
  });
}
