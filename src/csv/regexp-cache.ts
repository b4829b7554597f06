/**
 * libphonenumber-js builds a new `RegExp` from metadata text on every match
 * (`new RegExp('^(?:' + pattern + ')$')` in `matchesEntirely`, and in prefix extraction). With
 * V8 11 (Node 20) that is about a quarter of its time per number (16.0 -> 11.5 us, interleaved
 * runs); Chromium 156's V8 caches these itself and shows no measurable change either way. This
 * replaces the global `RegExp` constructor, in the worker that calls it only, with one that
 * returns a shared instance for the same source when no flags are given. A regular expression
 * without flags keeps no state between uses (`lastIndex` is only read and written for the `g`
 * and `y` flags), so sharing it changes no result; calls with flags, or with a RegExp argument,
 * get a fresh object as before. `instanceof RegExp` still holds.
 *
 * Only for dedicated workers that run this module's own code: never call it on the page.
 */
export function installRegExpCache(maxEntries = 10_000): void {
  const g = globalThis as unknown as { RegExp: RegExpConstructor & { __cwCached?: true } };
  if (g.RegExp.__cwCached) return;
  const Native = g.RegExp;
  // Keyed by length, then compared: the sources are new concatenations on every call, and a Map
  // keyed by the string would flatten and hash all of it each time (measured slower than this).
  const byLength = new Map<number, (string | RegExp)[]>();
  let entries = 0;
  function CachedRegExp(this: unknown, pattern: string | RegExp, flags?: string): RegExp {
    if (flags === undefined && typeof pattern === 'string') {
      let bucket = byLength.get(pattern.length);
      if (bucket === undefined) {
        bucket = [];
        byLength.set(pattern.length, bucket);
      }
      for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === pattern) return bucket[i + 1] as RegExp;
      const re = new Native(pattern);
      if (entries < maxEntries) {
        bucket.push(pattern, re);
        entries++;
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
