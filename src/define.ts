/**
 * Registers a tag once. A second copy of the package on the page (or a hot reload) warns
 * instead of throwing "this name has already been used".
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy of campaign-wizard; keeping the first.`);
}
