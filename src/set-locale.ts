/**
 * Switches the page's wizard locale. The localisation runtime (and the Spanish strings) load
 * only when a page asks for a locale, so English-only hosts never download them.
 */
export async function requestLocale(tag: string): Promise<void> {
  const { setWizardLocale } = await import('./localization.js');
  await setWizardLocale(tag);
}
