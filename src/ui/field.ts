import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** The id of the control for a draft path, stable so the error summary can find it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

export function hintId(path: string): string {
  return `${fieldId(path)}-hint`;
}

/** Space-separated ids for aria-describedby, or undefined (no attribute) when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** The inline message of a field. Its id ties it to the control through aria-describedby. */
export function fieldError(path: string, message: string | undefined): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="error" id=${errorId(path)} part="field-error">${message}</p>`;
}

export function fieldHint(path: string, text: string): TemplateResult {
  return html`<p class="hint" id=${hintId(path)}>${text}</p>`;
}

export { ifDefined };
