import { LOCALE_STATUS_EVENT, configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, type targetLocales } from './generated/locale-codes.js';
import { setUiLocale, uiLocale } from './ui/format.js';

/** A locale the wizard ships strings for: `en` (the source) or `es`. */
export type WizardLocale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

// One lazy chunk per target locale; the source locale needs none. A Record over the generated
// codes: a new target locale without a loader here is a type error.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
};

/**
 * The shipped locale for a BCP 47 tag: the tag itself if shipped, else its shorter prefixes
 * (`es-MX` → `es`), else the source locale `en`. Invalid or empty tags give `en`.
 */
export function resolveWizardLocale(tag: string | null | undefined): WizardLocale {
  if (!tag) return sourceLocale;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0] ?? '';
  } catch {
    return sourceLocale;
  }
  const parts = canonical.toLowerCase().split('-');
  while (parts.length) {
    const candidate = parts.join('-');
    const found = allLocales.find((l) => l.toLowerCase() === candidate);
    if (found) return found;
    parts.pop();
  }
  return sourceLocale;
}

// The tag last asked for; Intl formatting uses it when its language is the one being shown
// (`es-MX` numbers and dates under Spanish strings), else the shown locale itself.
let requestedTag = '';
let loading = false;
let runtime: ReturnType<typeof configureLocalization> | undefined;
let configureFailed = false;

function intlTag(shown: string): string {
  try {
    const requested = requestedTag ? new Intl.Locale(requestedTag) : undefined;
    // `es-MX` under es strings formats as es-MX; `fr-CA` under the en fallback formats as en.
    if (requested && requested.language === new Intl.Locale(shown).language) return requested.toString();
  } catch {
    // An invalid tag: fall through to the shown locale.
  }
  return shown;
}

// A capturing listener on window runs before the elements' own (at the target, capture comes
// first), so Intl formatting has switched by the time they re-render for the new locale, even
// though this module loads after they connected.
if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    const detail = event.detail;
    if (detail.status === 'loading') loading = true;
    else {
      loading = false;
      if (detail.status === 'ready') setUiLocale(intlTag(detail.readyLocale));
    }
  }, { capture: true });
}

function ensureRuntime(): ReturnType<typeof configureLocalization> | undefined {
  if (runtime || configureFailed) return runtime;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales: Object.keys(loaders) as TargetLocale[],
      loadLocale: (locale) => loaders[locale as TargetLocale](),
    });
  } catch (error) {
    // The page configured @lit/localize itself (the runtime is global and configured once):
    // its setLocale decides the strings; the wizard can only follow it.
    configureFailed = true;
    console.warn('campaign-wizard: @lit/localize is already configured on this page; the locale property cannot switch strings.', error);
  }
  return runtime;
}

/**
 * Switches every wizard on the page (the localisation runtime is global) to the locale for
 * `tag`, falling back `es-MX` → `es` → `en`. Intl formatting (numbers, dates, lists, day
 * names) follows. The runtime is configured on first use, so a page that never sets a locale
 * never touches it. Resolves when the strings have loaded.
 */
export async function setWizardLocale(tag: string | null | undefined): Promise<WizardLocale> {
  const locale = resolveWizardLocale(tag);
  requestedTag = tag?.trim() ?? '';
  const rt = ensureRuntime();
  if (!rt) {
    setUiLocale(intlTag(locale));
    return locale;
  }
  if (rt.getLocale() === locale && !loading) {
    // Same strings in another region (es → es-MX): re-render for the Intl formats only.
    if (intlTag(locale) !== uiLocale()) {
      window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
    }
    return locale;
  }
  await rt.setLocale(locale);
  return locale;
}

/** The locale whose strings are showing. */
export function wizardLocale(): WizardLocale {
  return (runtime?.getLocale() as WizardLocale | undefined) ?? sourceLocale;
}
