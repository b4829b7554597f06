import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignWizardAdapters } from '../adapters/types.js';
// Types only: the CSV engine (papaparse, and libphonenumber-js in its workers) loads lazily.
import type { CountryCode, CsvImport, CsvPreview, CsvProgress, CsvSummary, RejectedCsvOptions } from '../csv/index.js';
import type { CampaignDraft, CsvDraft } from '../model/draft.js';
import { phoneNumberListSchema, type PhoneNumber } from '../model/schema.js';
import { z } from '../model/zod.js';
import type { ResourceCache } from './adapter-resource.js';
import type { DraftChangeSource, DraftRecipe } from './draft-store.js';

/**
 * Countries libphonenumber-js knows (its `getCountries()`), for the default-country choice. Kept
 * here so the page does not load phone metadata to list them; a test checks it against the library.
 */
export const PHONE_COUNTRIES: readonly CountryCode[] = (
  'AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM ' +
  'FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN ' +
  'MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT ' +
  'PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TG TH TJ TK ' +
  'TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ') as CountryCode[];

const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(PHONE_COUNTRIES);

/** `code` upper-cased if libphonenumber-js knows it, else undefined. */
export function phoneCountry(code: string | null | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper && KNOWN_COUNTRIES.has(upper) ? (upper as CountryCode) : undefined;
}

/** The region of the browser's language ("en-GB" -> GB, "en" -> US by likely subtags), if known. */
export function browserCountry(): CountryCode | undefined {
  const languages = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of languages) {
    if (!tag) continue;
    try {
      const region = phoneCountry(new Intl.Locale(tag).maximize().region);
      if (region) return region;
    } catch {
      // An unreadable language tag: try the next.
    }
  }
  return undefined;
}

/** Where the import of the current file stands. */
export type CsvSessionState =
  /** No file. */
  | { status: 'idle' }
  /** Loading the CSV code and reading the first bytes. */
  | { status: 'reading'; file: File }
  /** The preview is there; the full pass (parse, phone checks, duplicates) runs. */
  | { status: 'checking'; file: File; preview: CsvPreview; progress: CsvProgress | null }
  | { status: 'done'; file: File; preview: CsvPreview; summary: CsvSummary }
  /** A CsvImportError (see its `code`), or another error when the CSV code could not load. */
  | { status: 'failed'; file: File; preview: CsvPreview | null; error: unknown }
  /** The user stopped the import; the file was dropped from the draft. */
  | { status: 'cancelled'; fileName: string };

/** A CSV upload made before (edit mode), kept aside while the user tries a replacement. */
export interface KeptUpload {
  csv: CsvDraft;
  loaded: CampaignDraft['audience']['loaded'];
}

export interface CsvSessionOptions {
  store: {
    readonly draft: CampaignDraft;
    update(recipe: DraftRecipe, source?: DraftChangeSource): void;
    subscribe(listener: (draft: CampaignDraft, source: DraftChangeSource) => void): () => void;
  };
  adapters(): CampaignWizardAdapters | undefined;
  /** The wizard's shared adapter answers: the phone number list is read from there when loaded. */
  resources(): ResourceCache;
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';
const errorCode = (e: unknown): string | undefined =>
  e && typeof e === 'object' && (e as { name?: unknown }).name === 'CsvImportError' ? String((e as { code?: unknown }).code) : undefined;
/** Errors about the mapping, not the file: the rows are still there and counted. */
const MAPPING_ERRORS = new Set(['no_phone_column', 'unknown_column']);

function statsOf(s: CsvSummary): NonNullable<CsvDraft['stats']> {
  return { valid: s.valid, invalid: s.invalid, duplicate: s.duplicate, skipped: s.skipped };
}

/**
 * The running CSV import of one wizard. It lives as long as the wizard, not the Audience step, so
 * the full pass goes on while the user moves to other steps and Review shows the final counts.
 *
 * It follows the draft: a new `audience.csv.file` (picked, or restored from autosave) starts an
 * import and cancels the previous one; a new phone column re-runs the pass. It writes back what
 * it learns: the mapping suggested by the headers (for a new pick), `rowCount` (exact for a file
 * that fits the preview, else an estimate until the pass ends) and the phone `stats`. The
 * wizard's disconnect cancels it; a reconnect starts again for the draft's file.
 *
 * The default country for national-format numbers is the primary from-number's country, else the
 * browser's region, until the user chooses one (kept for the wizard's life, not in the draft).
 */
export class CsvSession implements ReactiveController {
  #state: CsvSessionState = { status: 'idle' };
  readonly #options: CsvSessionOptions;
  readonly #listeners = new Set<() => void>();
  #unsubscribe: (() => void) | undefined;
  #import: CsvImport | undefined;
  /** The file the import runs for (identity), null when none. */
  #file: File | null = null;
  /** Bumped for every start, so answers about an older file are dropped. */
  #generation = 0;
  /** Bumped for every pass we wait for. */
  #follow = 0;
  /** The phone column the engine is running with ('' = none), once the preview is known. */
  #phone: string | undefined;
  /** Mapping and call variables to carry over to the next picked file, where its headers allow. */
  #carry: Pick<CsvDraft, 'mapping' | 'callVariables'> | undefined;
  #chosenCountry: CountryCode | undefined;
  #country: CountryCode = browserCountry() ?? 'US';
  /** The country the engine was last given. */
  #runningCountry: CountryCode | undefined;
  /** The loaded (edit) audience last seen in the draft. */
  #loadedSeen: CampaignDraft['audience']['loaded'] = null;
  /** The primary from-number the derived country was worked out for. */
  #countryFor: string | null | undefined;
  #numbers: { adapters: CampaignWizardAdapters; list: Promise<PhoneNumber[] | null> } | undefined;
  #abort = new AbortController();
  #kept: KeptUpload | null = null;
  #waiters = new Set<() => void>();

  constructor(host: ReactiveControllerHost, options: CsvSessionOptions) {
    this.#options = options;
    host.addController(this);
  }

  get state(): CsvSessionState {
    return this.#state;
  }

  /** The country used for numbers written without a country code. */
  get country(): CountryCode {
    return this.#chosenCountry ?? this.#country;
  }

  /** True once the user chose the default country themselves. */
  get countryChosen(): boolean {
    return this.#chosenCountry !== undefined;
  }

  /** Edit mode: the upload the campaign had, while the user tries another file. */
  get keptUpload(): KeptUpload | null {
    return this.#kept;
  }

  /** Calls `listener` after every change of state or country. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    this.#unsubscribe = this.#options.store.subscribe((draft) => this.#sync(draft));
    this.#sync(this.#options.store.draft);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#abort.abort();
    this.#numbers = undefined;
    this.#stop();
    this.#set({ status: 'idle' });
  }

  /**
   * The user picked (or dropped) a file: it replaces the current one in the draft, keeps the
   * mapping and call variables where the new headers allow, and starts the import.
   */
  choose(file: File): void {
    const { store } = this.#options;
    const a = store.draft.audience;
    const previous = a.csv;
    if (previous && !previous.file && previous.fileName && previous.rowCount !== null) {
      // An upload made before (edit): remember it, so "Keep current upload" can bring it back.
      this.#kept = { csv: previous, loaded: a.loaded };
    }
    this.#carry = previous ? { mapping: previous.mapping, callVariables: previous.callVariables } : undefined;
    store.update(
      (d) => ({
        ...d,
        audience: {
          ...d.audience,
          source: 'csv',
          csv: { file, fileName: file.name, rowCount: null, mapping: {}, callVariables: [], stats: null },
          loaded: null,
        },
      }),
      'user',
    );
  }

  /** Edit mode: go back to the upload the campaign had, as it was loaded. */
  keepCurrentUpload(): void {
    const kept = this.#kept;
    if (!kept) return;
    this.#kept = null;
    this.#options.store.update((d) => ({ ...d, audience: { ...d.audience, source: 'csv', csv: kept.csv, loaded: kept.loaded } }), 'user');
    this.#notify();
  }

  /** The user chose the country for national-format numbers; re-checks the file with it. */
  setCountry(country: CountryCode): void {
    this.#chosenCountry = country;
    this.#applyCountry();
    this.#notify();
  }

  /** Stops the import and drops the file from the draft (its mapping is kept for the next file). */
  cancel(): void {
    const file = this.#file;
    if (!file) return;
    this.#stop();
    this.#set({ status: 'cancelled', fileName: file.name });
    this.#options.store.update((d) => {
      const csv = d.audience.csv;
      if (!csv || csv.file !== file) return d;
      return { ...d, audience: { ...d.audience, csv: { ...csv, file: null, fileName: '', rowCount: null, stats: null } } };
    }, 'user');
  }

  /** Starts the same file again (after a read or worker failure). */
  retry(): void {
    const file = this.#file;
    if (!file) return;
    this.#stop();
    this.#start(file);
  }

  /** The rejected rows of the current pass as a CSV Blob (see CsvImport.rejectedRowsCsv). */
  rejectedRowsCsv(options?: RejectedCsvOptions): Promise<Blob> {
    if (!this.#import) return Promise.reject(new DOMException('No CSV import is running.', 'AbortError'));
    return this.#import.rejectedRowsCsv(options);
  }

  /**
   * Resolves once the CSV audience has its final counts (or failed, or there is none), so a
   * submission never sends an estimated rowCount. Check `counting` first: awaiting this when
   * nothing is pending still costs a turn of the event loop's microtasks.
   */
  async settled(): Promise<void> {
    while (this.counting) await new Promise<void>((resolve) => this.#waiters.add(resolve));
  }

  /** True while the CSV audience's file is still being read or counted. */
  get counting(): boolean {
    return this.#options.store.draft.audience.source === 'csv' && (this.#state.status === 'reading' || this.#state.status === 'checking');
  }

  // ---- following the draft ----

  #sync(draft: CampaignDraft): void {
    const loaded = draft.audience.loaded;
    if (loaded && loaded !== this.#loadedSeen) {
      // Another campaign was loaded: an upload kept aside belongs to the one before.
      if (loaded !== this.#kept?.loaded) this.#kept = null;
      this.#loadedSeen = loaded;
    }
    const csv = draft.audience.csv;
    const file = csv?.file ?? null;
    if (file !== this.#file) {
      this.#stop();
      if (file) this.#start(file);
      else if (this.#state.status !== 'cancelled') this.#set({ status: 'idle' });
      return;
    }
    if (!file || !this.#import || this.#phone === undefined) return;
    const phone = csv?.mapping['phone'] ?? '';
    if (phone !== this.#phone) {
      this.#phone = phone;
      this.#import.setMapping(csv?.mapping ?? {});
      this.#rerun();
    }
    if (!this.#chosenCountry && draft.telephony.primaryFromNumberId !== this.#countryFor) void this.#deriveCountry();
  }

  #start(file: File): void {
    const generation = ++this.#generation;
    this.#file = file;
    this.#phone = undefined;
    this.#set({ status: 'reading', file });
    void this.#run(file, generation);
  }

  async #run(file: File, generation: number): Promise<void> {
    const stale = () => generation !== this.#generation;
    const { store } = this.#options;
    // Use what is known now; a primary number still loading adjusts the country later.
    if (!this.#chosenCountry) void this.#deriveCountry();
    let engine: typeof import('../csv/index.js');
    try {
      engine = await import('../csv/index.js');
    } catch (error) {
      if (!stale()) this.#fail(file, null, error);
      return;
    }
    if (stale()) return;
    const given = store.draft.audience.csv?.file === file ? store.draft.audience.csv.mapping : {};
    const hasMapping = Object.values(given).some((v) => v !== '');
    this.#runningCountry = this.country;
    const imp = engine.startCsvImport(file, { defaultCountry: this.#runningCountry, ...(hasMapping ? { mapping: given } : {}) });
    this.#import = imp;
    imp.onProgress((progress) => {
      const s = this.#state;
      if (imp === this.#import && s.status === 'checking') this.#set({ ...s, progress });
    });
    let preview: CsvPreview;
    try {
      preview = await imp.preview;
    } catch (error) {
      if (!stale()) this.#fail(file, null, error);
      return;
    }
    if (stale()) return;
    this.#phone = (hasMapping ? given : preview.suggestedMapping).phone ?? '';
    this.#set({ status: 'checking', file, preview, progress: null });
    this.#followPass(file, preview);
    // A picked file gets the suggested mapping (the last file's choices win where the headers
    // match); a restored one keeps its own. The row count is exact when the file fitted the preview.
    const carry = this.#carry;
    this.#carry = undefined;
    store.update((d) => {
      const csv = d.audience.csv;
      if (!csv || csv.file !== file) return d;
      const next: CsvDraft = { ...csv, rowCount: csv.rowCount ?? preview.estimatedRowCount };
      if (!hasMapping) {
        next.mapping = mergeMapping(preview, carry?.mapping);
        if (csv.callVariables.length === 0 && carry) next.callVariables = carry.callVariables.filter((v) => preview.headers.includes(v.column));
      }
      return { ...d, audience: { ...d.audience, csv: next } };
    }, hasMapping ? 'host' : 'user');
  }

  /** Waits for the current pass and writes its counts into the draft. */
  #followPass(file: File, preview: CsvPreview): void {
    const imp = this.#import;
    if (!imp) return;
    const token = ++this.#follow;
    const stale = () => token !== this.#follow || imp !== this.#import;
    const { store } = this.#options;
    imp.done.then(
      (summary) => {
        if (stale()) return;
        store.update((d) => {
          const csv = d.audience.csv;
          if (!csv || csv.file !== file) return d;
          return { ...d, audience: { ...d.audience, csv: { ...csv, rowCount: summary.rowCount, stats: statsOf(summary) } } };
        }, 'host');
        this.#set({ status: 'done', file, preview, summary });
      },
      (error) => {
        if (stale() || isAbort(error)) return;
        this.#fail(file, preview, error);
      },
    );
  }

  /** The phone column or country changed: the engine re-runs the pass; the old counts are stale. */
  #rerun(): void {
    const s = this.#state;
    const preview = s.status === 'checking' || s.status === 'done' || s.status === 'failed' ? s.preview : null;
    const file = this.#file;
    if (!file || !preview) return;
    this.#set({ status: 'checking', file, preview, progress: null });
    this.#followPass(file, preview);
    // Never write from inside a store notification.
    queueMicrotask(() =>
      this.#options.store.update((d) => {
        const csv = d.audience.csv;
        if (!csv || csv.file !== file || !csv.stats) return d;
        return { ...d, audience: { ...d.audience, csv: { ...csv, stats: null } } };
      }, 'host'),
    );
  }

  #fail(file: File, preview: CsvPreview | null, error: unknown): void {
    this.#set({ status: 'failed', file, preview, error });
    // A mapping problem leaves the rows counted; a bad file has no rows to send.
    const mappingOnly = preview !== null && MAPPING_ERRORS.has(errorCode(error) ?? '');
    this.#options.store.update((d) => {
      const csv = d.audience.csv;
      if (!csv || csv.file !== file) return d;
      const rowCount = mappingOnly ? (csv.rowCount ?? preview.estimatedRowCount) : null;
      if (rowCount === csv.rowCount && !csv.stats) return d;
      return { ...d, audience: { ...d.audience, csv: { ...csv, rowCount, stats: null } } };
    }, 'host');
  }

  #stop(): void {
    this.#generation++;
    this.#follow++;
    this.#import?.cancel();
    this.#import = undefined;
    this.#file = null;
    this.#phone = undefined;
    this.#runningCountry = undefined;
  }

  // ---- default country ----

  #applyCountry(): void {
    const imp = this.#import;
    const country = this.country;
    if (!imp || country === this.#runningCountry) return;
    this.#runningCountry = country;
    // Before the preview the engine only notes it; after, it re-runs the pass.
    imp.setDefaultCountry(country);
    if (this.#phone !== undefined) this.#rerun();
  }

  async #deriveCountry(): Promise<void> {
    const primary = this.#options.store.draft.telephony.primaryFromNumberId;
    this.#countryFor = primary;
    let country: CountryCode | undefined;
    if (primary) {
      const numbers = await this.#phoneNumbers();
      country = phoneCountry(numbers?.find((n) => n.id === primary)?.country);
    }
    if (this.#countryFor !== primary) return; // the primary number changed meanwhile
    const next = country ?? browserCountry() ?? 'US';
    if (next === this.#country) return;
    this.#country = next;
    this.#applyCountry();
    this.#notify();
  }

  /** The wizard's phone numbers: the list the steps loaded, else asked for once. */
  async #phoneNumbers(): Promise<PhoneNumber[] | null> {
    const entry = this.#options.resources().get('listPhoneNumbers');
    if (entry) {
      const state = entry.settled ?? (await entry.promise);
      if (state.status === 'ready') return state.value as PhoneNumber[];
    }
    const adapters = this.#options.adapters();
    if (!adapters) return null;
    if (this.#numbers?.adapters !== adapters) {
      const signal = this.#abort.signal;
      const list = (async () => {
        try {
          const parsed = z.safeParse(phoneNumberListSchema, await adapters.listPhoneNumbers({ signal }));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      })();
      this.#numbers = { adapters, list };
    }
    return this.#numbers.list;
  }

  // ---- notifications ----

  #set(state: CsvSessionState): void {
    this.#state = state;
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const resolve of waiters) resolve();
  }
}

/** The suggested mapping, with the previous file's choices where this file has the same header. */
function mergeMapping(preview: CsvPreview, previous: Record<string, string> | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(preview.suggestedMapping)) if (column) mapping[field] = column;
  if (!previous) return mapping;
  for (const [field, column] of Object.entries(previous)) {
    if (!column || !preview.headers.includes(column)) continue;
    // The column now goes to this field only.
    for (const [other, c] of Object.entries(mapping)) if (c === column && other !== field) delete mapping[other];
    mapping[field] = column;
  }
  return mapping;
}
