/**
 * Phone number checks with libphonenumber-js and its `max` metadata (digit patterns per number
 * type, not only lengths). Loaded only in workers: importing this module pulls about 150 KB.
 */
import { Metadata, PhoneNumber, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

export const PHONE_VALID = 0;
export const PHONE_INVALID = 1;
export const PHONE_MISSING = 2;
export type PhoneStatus = typeof PHONE_VALID | typeof PHONE_INVALID | typeof PHONE_MISSING;

export interface PhoneCheck {
  status: PhoneStatus;
  /** E.164, when valid. */
  e164?: string;
  /** ISO 3166-1 alpha-2 of the number, or '001' for non-geographic numbers (+800, +882...), when valid. */
  country?: string;
  /** True when the E.164 fast path answered. */
  fast?: boolean;
}

/** Country keys a check can return, in a fixed order (index = code posted by the workers). */
export const COUNTRY_KEYS: readonly string[] = [...getCountries(), '001'];

/**
 * Cleans a cell before parsing: trims white space, and drops one leading apostrophe (the text
 * marker spreadsheets and our own rejected-rows export put before "+1...").
 */
export function cleanPhoneCell(raw: string): string {
  let s = raw.trim();
  if (s.charCodeAt(0) === 0x27 /* ' */) s = s.slice(1).trim();
  return s;
}

/**
 * The reference check, for any input: `parsePhoneNumberFromString(x, { defaultCountry, extract:
 * false })` then `isValid()`. `extract: false` so "call me 415 555 0123" is not a number; national
 * formats are read in `defaultCountry` ("020 7946 0958" is valid for GB, not for US).
 */
export function checkPhoneReference(raw: string, defaultCountry: CountryCode): PhoneCheck {
  const s = cleanPhoneCell(raw);
  if (s === '') return { status: PHONE_MISSING };
  const n = parsePhoneNumberFromString(s, { defaultCountry, extract: false });
  if (!n || !n.isValid()) return { status: PHONE_INVALID };
  return { status: PHONE_VALID, e164: n.number, country: n.country ?? '001' };
}

const E164_SHAPE = /^\+[1-9][0-9]{2,16}$/;

interface NumberingPlanLike {
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
}
interface MetadataLike {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: NumberingPlanLike;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** Per calling code: the country a valid number gets, and the national prefix pattern; null = no fast path. */
const planInfo = new Map<string, { country: string; nationalPrefix: RegExp | null } | null>();
let metadata: MetadataLike | undefined;

function infoFor(callingCode: string): { country: string; nationalPrefix: RegExp | null } | null {
  let info = planInfo.get(callingCode);
  if (info !== undefined) return info;
  metadata ??= new Metadata() as unknown as MetadataLike;
  info = null;
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  if (countries && countries.length > 0 && countries[0] !== '001') {
    const main = countries[0];
    metadata.selectNumberingPlan(main);
    // Shared calling codes (+1, +7, +44...): the reference picks the first country, the main
    // one, when the number is valid for it, unless the main country is chosen by leading digits.
    if (countries.length === 1 || !metadata.numberingPlan.leadingDigits()) {
      const npfp = metadata.numberingPlan.nationalPrefixForParsing();
      info = { country: main, nationalPrefix: npfp ? new RegExp(`^(?:${npfp})`) : null };
    }
  }
  planInfo.set(callingCode, info);
  return info;
}

/**
 * The E.164 fast path: for a cell that is exactly "+" and digits, `new PhoneNumber(e164)` reads
 * the calling code and the rest as the national number, skipping the text scanning, extension and
 * national-prefix extraction of a full parse. It returns an answer only where that answer is the
 * reference's:
 * - only "valid" answers (the reference may still find a number this path calls invalid, e.g. by
 *   stripping a national prefix written after the calling code: "+44 07911...", "+54 9 11..."),
 * - only when the country's national prefix for parsing does not match the start of the national
 *   number (else the reference might strip it and change the number),
 * - only for calling codes whose country the reference would pick the same way (a single country,
 *   or the main country of a shared code when it is valid there), never non-geographic ones.
 * Anything else returns undefined and takes the reference path. test/csv/phone.test.ts checks the
 * two agree on a corpus of tricky numbers and on random E.164-shaped strings.
 */
export function checkPhoneE164Fast(s: string): PhoneCheck | undefined {
  if (!E164_SHAPE.test(s)) return undefined;
  let n: PhoneNumber;
  try {
    n = new PhoneNumber(s as `+${string}`);
  } catch {
    return undefined;
  }
  const info = infoFor(n.countryCallingCode);
  if (info === null) return undefined;
  if (info.nationalPrefix !== null && info.nationalPrefix.test(n.nationalNumber)) return undefined;
  if (!n.isValid()) return undefined;
  return { status: PHONE_VALID, e164: n.number, country: info.country, fast: true };
}

/** The check the import uses: the E.164 fast path where it applies, the reference otherwise. */
export function checkPhone(raw: string, defaultCountry: CountryCode): PhoneCheck {
  const s = cleanPhoneCell(raw);
  if (s === '') return { status: PHONE_MISSING };
  if (s.charCodeAt(0) === 0x2b /* + */) {
    const fast = checkPhoneE164Fast(s);
    if (fast) return fast;
  }
  const n = parsePhoneNumberFromString(s, { defaultCountry, extract: false });
  if (!n || !n.isValid()) return { status: PHONE_INVALID };
  return { status: PHONE_VALID, e164: n.number, country: n.country ?? '001' };
}
