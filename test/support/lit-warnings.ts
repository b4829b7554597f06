/**
 * Lit's dev build warns about mistakes no assertion names (an update scheduled by an update,
 * a missing property). Any such warning fails the test that caused it.
 */
const seen: string[] = [];
const original = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (!text.startsWith('Lit is in dev mode') && !text.includes('Multiple versions of Lit')) seen.push(text);
  original(...args);
};

afterEach(function () {
  const warnings = seen.splice(0);
  // Mocha's Runnable#error fails the current test from a hook (missing from @types/mocha).
  const test = this.test as (Mocha.Runnable & { error(e: Error): void }) | undefined;
  if (warnings.length) test?.error(new Error(`Lit warned during this test:\n${warnings.join('\n')}`));
});
