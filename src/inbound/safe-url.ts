/**
 * Links rendered from adapter URLs are http(s) or relative; anything else (`javascript:`,
 * `data:`, `vbscript:`, `mailto:`, ...) is shown as text, never linked. Pure: no DOM.
 */

// A scheme, as the URL standard reads one: a letter, then letters, digits, "+", "-" or ".", then ":".
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
// What browsers strip from both ends of an href before parsing: C0 controls and the space.
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
// What browsers delete inside an href ("java\tscript:" runs as "javascript:"); we refuse instead,
// together with every other C0 control and DEL.
const CONTROLS = /[\u0000-\u001f\u007f]/;

/**
 * The URL (trimmed as a browser would trim it) when it is absolute http or https, or relative
 * (path, query, fragment, or `//host` which keeps the page's own http(s) scheme); otherwise
 * `null`. Empty input and non-strings are `null`.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.replace(EDGES, '');
  if (trimmed === '' || CONTROLS.test(trimmed)) return null;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  if (scheme !== 'http' && scheme !== 'https') return null;
  try {
    new URL(trimmed);
  } catch {
    return null;
  }
  return trimmed;
}
