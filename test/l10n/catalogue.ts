/**
 * The extracted catalogue (xliff/es.xlf), read in the browser: every English source string
 * the UI can show, its Spanish target, and a matcher that recognises a rendered English string
 * with its placeholders filled in.
 */

export interface CatalogueUnit {
  id: string;
  /** The source with placeholders as `{0}`, `{1}`, ... */
  source: string;
  target: string | null;
  sourcePlaceholders: string[];
  targetPlaceholders: string[];
  /** Matches a rendered English string of this unit; null when it has no words to recognise. */
  englishPattern: RegExp | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function flatten(node: Element | null): { text: string; statics: string[]; placeholders: string[] } {
  const statics = [''];
  const placeholders: string[] = [];
  for (const child of Array.from(node?.childNodes ?? [])) {
    if (child.nodeType === Node.TEXT_NODE) statics[statics.length - 1] += child.textContent ?? '';
    else if (child instanceof Element && child.localName === 'x') {
      placeholders.push(child.getAttribute('id') ?? '');
      statics.push('');
    }
  }
  const text = statics.reduce((acc, s, i) => (i === 0 ? s : `${acc}{${placeholders[i - 1]}}${s}`), '');
  return { text, statics, placeholders };
}

export async function loadCatalogue(url = '/xliff/es.xlf'): Promise<CatalogueUnit[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Cannot read ${url}: ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  if (doc.querySelector('parsererror')) throw new Error(`${url} is not well-formed XML`);
  return Array.from(doc.getElementsByTagName('trans-unit')).map((unit) => {
    const source = flatten(unit.getElementsByTagName('source')[0] ?? null);
    const targetEl = unit.getElementsByTagName('target')[0] ?? null;
    const target = targetEl ? flatten(targetEl) : null;
    const hasWords = source.statics.some((s) => /\p{L}{2,}/u.test(s));
    const englishPattern = hasWords
      ? new RegExp(`^${source.statics.map((s) => escape(normaliseSpace(s))).join('(.+?)')}$`, 's')
      : null;
    return {
      id: unit.getAttribute('id') ?? '',
      source: source.text,
      target: target ? target.text : null,
      sourcePlaceholders: source.placeholders,
      targetPlaceholders: target?.placeholders ?? [],
      englishPattern,
    };
  });
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * The strings a user can see or hear in `root`, through open shadow roots: each text node
 * (a `msg()` result is one text node) and the text-bearing attributes.
 */
export function renderedStrings(root: Element): string[] {
  const out: string[] = [];
  const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription'];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      if (parent === 'style' || parent === 'script') return;
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      return;
    }
    if (node instanceof Element) {
      for (const name of attrs) {
        const value = node.getAttribute(name)?.replace(/\s+/g, ' ').trim();
        if (value) out.push(value);
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    }
    node.childNodes.forEach(visit);
  };
  if (root.shadowRoot) root.shadowRoot.childNodes.forEach(visit);
  root.childNodes.forEach(visit);
  return out;
}

/** Rendered strings that are an English catalogue string, with the unit each one matches. */
export function englishLeft(strings: readonly string[], units: readonly CatalogueUnit[], allow: ReadonlySet<string>) {
  const hits: { text: string; source: string }[] = [];
  for (const text of strings) {
    const unit = units.find((u) => !allow.has(u.source) && u.englishPattern?.test(text));
    if (unit) hits.push({ text, source: unit.source });
  }
  return hits;
}
