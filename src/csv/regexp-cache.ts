/**
 * libphonenumber-js builds a new `RegExp` from metadata text on every match
 * (`new RegExp('^(?:' + pattern + ')$')` in `matchesEntirely`, and in prefix extraction), which is
 * about half of its time per number. This replaces the global `RegExp` constructor, in the worker
 * that calls it only, with one that returns a shared instance for the same source when no flags
 * are given. A regular expression without flags keeps no state between uses (`lastIndex` is only
 * read and written for the `g` and `y` flags), so sharing it changes no result; calls with flags,
 * or with a RegExp argument, get a fresh object as before. `instanceof RegExp` still holds.
 *
 * Only for dedicated workers that run this module's own code: never call it on the page.
 */
export function installRegExpCache(maxEntries = 10_000): void {
  const g = globalThis as unknown as { RegExp: RegExpConstructor & { __cwCached?: true } };
  if (g.RegExp.__cwCached) return;
  const Native = g.RegExp;
  const cache = new Map<string, RegExp>();
  function CachedRegExp(this: unknown, pattern: string | RegExp, flags?: string): RegExp {
    if (flags === undefined && typeof pattern === 'string') {
      let re = cache.get(pattern);
      if (re === undefined) {
        re = new Native(pattern);
        if (cache.size < maxEntries) cache.set(pattern, re);
      }
      return re;
    }
    return new Native(pattern, flags);
  }
  CachedRegExp.prototype = Native.prototype;
  Object.setPrototypeOf(CachedRegExp, Native);
  Object.defineProperty(CachedRegExp, '__cwCached', { value: true });
  g.RegExp = CachedRegExp as unknown as RegExpConstructor;
}
