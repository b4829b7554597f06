/**
 * The interaction page: <campaign-wizard> on in-memory adapters (no latency), driven from
 * bench/interaction/walk.mjs with real key presses. The page finds controls by label as the tests
 * do (test/support/dom.ts), measures Next -> next step painted, and watches long tasks.
 */
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import { toPayload } from '../../src/model/payload.js';
import { getByLabel, getByRole, queryAllByLabel, queryAllByRole } from '../../test/support/dom.js';
import { armNext, countFields, pollUntil, watchLongTasks, type LongTaskWatch, type NextTiming } from '../lib/page.js';

let el: CampaignWizard;
let watch: LongTaskWatch | undefined;
let pending: Promise<NextTiming> | undefined;

const stepElement = () => el.shadowRoot?.querySelector('[part~="step"]') ?? null;
const headingText = () => stepElement()?.shadowRoot?.querySelector('h2')?.textContent?.trim();

/** The control labelled `label`; `kind` (a tag or input type) picks one of several, e.g. 'radio'. */
function control(label: string, kind?: string): HTMLElement {
  if (!kind) return getByLabel<HTMLElement>(el, label);
  const found = queryAllByLabel<HTMLElement>(el, label).filter((c) => c.localName === kind || (c as HTMLInputElement).type === kind);
  if (found.length !== 1) throw new Error(`Expected one ${kind} labelled "${label}", found ${found.length}`);
  return found[0]!;
}

const api = {
  async mount(): Promise<void> {
    el = document.createElement('campaign-wizard');
    el.adapters = createInMemoryAdapters({ latencyMs: 0 });
    el.environment = 'development';
    el.features = { followUps: true, contactMemory: true };
    document.body.append(el);
    await pollUntil(
      () => headingText() === 'Basics' && getByLabel<HTMLSelectElement>(el, 'Agent').options.length > 1,
      5000,
      () => `step ${el.step}, heading "${headingText()}", wizard ${el.shadowRoot?.innerHTML.length ?? 'no shadow'} chars, defined ${Boolean(customElements.get('campaign-step-basics'))}`,
    );
  },
  step: () => el.step,
  heading: () => headingText(),
  exists: (label: string) => queryAllByLabel(el, label).length > 0,
  /** Focuses the control labelled `label`; selects a text box's content so typing replaces it. */
  focus(label: string, select = false, kind?: string): string {
    const c = control(label, kind);
    c.focus();
    if (select && (c instanceof HTMLInputElement || c instanceof HTMLTextAreaElement)) c.select();
    return c.tagName.toLowerCase();
  },
  focusButton(name: string): void {
    getByRole(el, 'button', name).focus();
  },
  /** ArrowDown (+n) or ArrowUp (-n) presses that move the select labelled `label` to the option `pick` (text or value). */
  arrowsTo(label: string, pick: string): number {
    const s = control(label) as HTMLSelectElement;
    const i = Array.from(s.options).findIndex((o) => o.value === pick || o.text.trim() === pick || o.text.trim().startsWith(pick));
    if (i < 0) throw new Error(`no option "${pick}" in ${label}: ${Array.from(s.options).map((o) => o.text.trim()).slice(0, 20).join(' | ')}`);
    return i - s.selectedIndex;
  },
  value: (label: string) => (control(label) as HTMLInputElement).value,
  checked: (label: string) => (control(label) as HTMLInputElement).checked,
  errors: () => queryAllByRole(el, 'alert').map((a) => a.textContent?.replace(/\s+/g, ' ').trim()),
  /** Arms the Next timing; the next Enter keydown starts it. */
  armNext(expected: string): void {
    pending = armNext(expected, headingText, () => countFields(stepElement()));
    pending.catch(() => undefined);
  },
  async nextResult(): Promise<NextTiming> {
    if (!pending) throw new Error('not armed');
    try {
      return await pending;
    } catch (e) {
      throw new Error(`${(e as Error).message}; step ${el.step}; alerts: ${api.errors().join(' / ')}`);
    }
  },
  fieldsNow: () => countFields(stepElement()),
  mark(label: string): void {
    watch?.mark(label);
  },
  startLongTasks(): void {
    watch = watchLongTasks();
  },
  stopLongTasks() {
    const r = watch?.stop();
    watch = undefined;
    return r;
  },
  /** What the walk produced: the payload the Review step would send. */
  payload() {
    const r = toPayload(el.draft, { mode: 'create', now: new Date(), environment: 'development', features: el.features });
    return r.ok ? { ok: true, payload: r.payload } : { ok: false, errors: r.errors.map((e) => `${e.path}: ${e.code}`) };
  },
};

declare global {
  interface Window {
    walk: typeof api;
  }
}
window.walk = api;
