/**
 * Finding things as a user does, across open shadow roots: by visible label, by role and
 * accessible name. Labels and controls of one field share a shadow root, as they must.
 */

/** Every element under `root`, descending into open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

export function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function labelText(el: Element): string {
  // The label's own words, without the text of a control nested inside it.
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('input, select, textarea').forEach((c) => c.remove());
  return normalise(clone.textContent);
}

/** The form control whose label (or legend, or aria-label) reads exactly `text`. */
export function getByLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const found = queryAllByLabel<T>(root, text);
  if (found.length !== 1) throw new Error(`Expected one control labelled "${text}", found ${found.length}`);
  return found[0]!;
}

export function queryAllByLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T[] {
  const results: T[] = [];
  for (const el of deepElements(root)) {
    if (el instanceof HTMLLabelElement && labelText(el) === text) {
      const control = el.control ?? el.querySelector('input, select, textarea');
      if (control) results.push(control as unknown as T);
    } else if (el instanceof HTMLLegendElement && normalise(el.textContent) === text && el.parentElement) {
      results.push(el.parentElement as T);
    } else if (el.getAttribute('aria-label') === text && !(el instanceof HTMLLabelElement)) {
      results.push(el as T);
    }
  }
  return [...new Set(results)];
}

const roleSelectors: Record<string, string> = {
  button: 'button, [role="button"]',
  link: 'a[href], [role="link"]',
  heading: 'h1, h2, h3, h4, [role="heading"]',
  alert: '[role="alert"]',
  status: '[role="status"]',
  list: 'ol, ul, [role="list"]',
  listitem: 'li',
};

function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return normalise(label);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as ParentNode & { getElementById?: (id: string) => Element | null };
    return normalise(labelledBy.split(' ').map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
  }
  return normalise(el.textContent);
}

/** Elements of a role whose accessible name equals `name` (or matches it, for a RegExp). */
export function queryAllByRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: string | RegExp): T[] {
  const selector = roleSelectors[role] ?? `[role="${role}"]`;
  return deepElements(root).filter((el) => {
    if (!el.matches(selector)) return false;
    if (name === undefined) return true;
    const accName = accessibleName(el);
    return typeof name === 'string' ? accName === name : name.test(accName);
  }) as T[];
}

export function getByRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: string | RegExp): T {
  const found = queryAllByRole<T>(root, role, name);
  if (found.length !== 1) throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0]!;
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text of the elements named by a control's aria-describedby. */
export function description(el: Element): string {
  const root = el.getRootNode() as ParentNode & { getElementById?: (id: string) => Element | null };
  const ids = el.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return normalise(ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
}

/** Resolves when `check` stops throwing, or rejects with its last error after `timeout` ms. */
export async function waitFor<T>(check: () => T, timeout = 3000): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (performance.now() - start > timeout) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/**
 * Throws unless `expected` has focus. Compares identity and describes elements briefly: chai's
 * own failure message would try to print a whole element graph.
 */
export function expectFocused(expected: Element): void {
  const active = deepActiveElement();
  if (active !== expected) {
    const describe = (el: Element | null) => (el ? `<${el.tagName.toLowerCase()} id="${el.id}">` : 'nothing');
    throw new Error(`Expected focus on ${describe(expected)}, but it is on ${describe(active)}`);
  }
}
