/**
 * The `npm start` page: one <campaign-wizard> on in-memory adapters, with live switches for
 * latency, failures and malformed answers, an event log and the Inbound returns card.
 * Everything shown from data is set with textContent, never innerHTML.
 */
import { ADAPTER_METHODS, createInMemoryAdapters, type AdapterCall, type Latency } from '../src/adapters/in-memory.js';
import { sampleTemplates } from '../src/adapters/sample-data.js';
import type { CampaignWizardAdapters } from '../src/adapters/types.js';

/** The wizard as the contract in DESIGN.md describes it; only what this page uses. */
interface WizardElement extends HTMLElement {
  adapters?: CampaignWizardAdapters;
  features: { followUps?: boolean; contactMemory?: boolean };
}
interface InboundReturnsElement extends HTMLElement {
  adapters?: CampaignWizardAdapters;
  refresh?(): void;
}

const WIZARD_EVENTS = [
  'campaign-create',
  'campaign-save',
  'campaign-step-change',
  'campaign-draft-change',
  'campaign-cancel',
] as const;
const MAX_LOG_ENTRIES = 100;

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo: #${id} is missing from index.html`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const adapters = createInMemoryAdapters({ onCall: (call) => logCall(call) });

// ---- Adapter behaviour panel ----

function buildSwitches(): void {
  const failSet = $<HTMLFieldSetElement>('fail-switches');
  const malformedSet = $<HTMLFieldSetElement>('malformed-switches');
  for (const method of ADAPTER_METHODS) {
    failSet.append(switchFor(`fail-${method}`, `Make ${method} fail`, adapters.options.fail, method));
    malformedSet.append(switchFor(`malformed-${method}`, `Return malformed data from ${method}`, adapters.options.malformed, method));
  }
}

function switchFor<T>(id: string, text: string, set: Set<T>, value: T): HTMLLabelElement {
  const label = el('label');
  const input = el('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = set.has(value);
  input.addEventListener('change', () => (input.checked ? set.add(value) : set.delete(value)));
  // "Make <code>listAgents</code> fail": the method name keeps its place in the sentence.
  const [before = '', after = ''] = text.split(String(value));
  const sentence = el('span');
  sentence.append(before, el('code', String(value)), after);
  label.append(input, sentence);
  return label;
}

function parseLatency(value: string): Latency {
  const [min, max] = value.split('-').map(Number) as [number, number | undefined];
  return max === undefined ? min : [min, max];
}

function wireAdapterPanel(): void {
  const latency = $<HTMLSelectElement>('latency');
  adapters.options.latencyMs = parseLatency(latency.value);
  latency.addEventListener('change', () => (adapters.options.latencyMs = parseLatency(latency.value)));

  const unknownCapacity = $<HTMLInputElement>('unknown-capacity');
  unknownCapacity.addEventListener('change', () => (adapters.options.unknownCapacity = unknownCapacity.checked));
  const untrusted = $<HTMLInputElement>('untrusted');
  untrusted.addEventListener('change', () => (adapters.options.untrusted = untrusted.checked));

  $('reset-switches').addEventListener('click', () => {
    adapters.options.fail.clear();
    adapters.options.malformed.clear();
    adapters.options.unknownCapacity = false;
    adapters.options.untrusted = false;
    for (const input of document.querySelectorAll<HTMLInputElement>(
      '#fail-switches input, #malformed-switches input, #unknown-capacity, #untrusted',
    )) {
      input.checked = false;
    }
  });
}

// ---- Opening the wizard ----

const openAs = $<HTMLSelectElement>('open-as');
const wizardHost = $<HTMLDivElement>('wizard-host');
const wizardStatus = $<HTMLParagraphElement>('wizard-status');

function option(value: string, text: string): HTMLOptionElement {
  const o = el('option', text);
  o.value = value;
  return o;
}

/** "New campaign", one entry per template, one per campaign that can be edited. */
function fillOpenAs(selected = openAs.value || 'new'): void {
  const newGroup = el('optgroup');
  newGroup.label = 'Create';
  newGroup.append(option('new', 'New campaign'));
  for (const t of sampleTemplates) newGroup.append(option(`template:${t.id}`, `From template: ${t.name}`));
  const editGroup = el('optgroup');
  editGroup.label = 'Edit existing campaign';
  for (const [id, campaign] of adapters.campaigns) editGroup.append(option(`edit:${id}`, `${campaign.name} (${id})`));
  openAs.replaceChildren(newGroup, editGroup);
  openAs.value = selected;
  if (openAs.selectedIndex < 0) openAs.value = 'new';
}

/**
 * The same in-memory backend behind a new adapters object. The wizard may cache list answers
 * per adapters object; a new one per opening makes "Reopen" fetch again, so switches flipped
 * since then take effect.
 */
function freshView(): CampaignWizardAdapters {
  return Object.fromEntries(ADAPTER_METHODS.map((m) => [m, adapters[m]])) as unknown as CampaignWizardAdapters;
}

/** Environment, language, theme and plan features: applied to the open wizard as they change. */
function applySettings(wizard: WizardElement): void {
  wizard.setAttribute('environment', $<HTMLSelectElement>('environment').value);
  wizard.setAttribute('locale', $<HTMLSelectElement>('locale').value);
  const theme = $<HTMLSelectElement>('theme').value;
  if (theme) wizard.setAttribute('theme', theme);
  else wizard.removeAttribute('theme');
  wizard.features = {
    followUps: $<HTMLInputElement>('feature-follow-ups').checked,
    contactMemory: $<HTMLInputElement>('feature-contact-memory').checked,
  };
}

function mountWizard(): void {
  const [kind, id] = openAs.value.split(':') as ['new' | 'template' | 'edit', string | undefined];
  const wizard = document.createElement('campaign-wizard') as unknown as WizardElement;
  if (kind === 'template' && id) wizard.setAttribute('template-id', id);
  if (kind === 'edit' && id) {
    wizard.setAttribute('mode', 'edit');
    wizard.setAttribute('campaign-id', id);
  }
  applySettings(wizard);
  wizard.adapters = freshView();
  wizardHost.replaceChildren(wizard);
  wizardStatus.textContent = `Opened: ${openAs.selectedOptions[0]?.textContent ?? 'New campaign'}.`;
}

function wireOpenForm(): void {
  fillOpenAs('new');
  $<HTMLFormElement>('open-form').addEventListener('submit', (event) => {
    event.preventDefault();
    mountWizard();
  });
  // Picking another way to open re-creates the wizard straight away; the other settings apply live.
  openAs.addEventListener('change', mountWizard);
  for (const id of ['environment', 'locale', 'theme', 'feature-follow-ups', 'feature-contact-memory']) {
    $(id).addEventListener('change', () => {
      const wizard = wizardHost.querySelector<WizardElement>('campaign-wizard');
      if (wizard) applySettings(wizard);
    });
  }
}

// ---- Event log ----

const eventLog = $<HTMLOListElement>('event-log');
const callLog = $<HTMLOListElement>('call-log');

function time(): string {
  const now = new Date();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}`;
}

/** JSON for the log: Files and Blobs by name and size, Sets and Maps as arrays. */
function describe(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof File) return `File(${v.name}, ${v.size} bytes)`;
      if (v instanceof Blob) return `Blob(${v.size} bytes)`;
      if (v instanceof Set) return [...v];
      if (v instanceof Map) return Object.fromEntries(v);
      if (v instanceof AbortSignal) return `AbortSignal(${v.aborted ? 'aborted' : 'live'})`;
      return v;
    },
    2,
  );
}

function prepend(list: HTMLOListElement, emptyHint: string, entry: HTMLLIElement): void {
  list.prepend(entry);
  while (list.children.length > MAX_LOG_ENTRIES) list.lastElementChild?.remove();
  $(emptyHint).hidden = true;
}

function logEntry(title: string, detail: unknown): HTMLLIElement {
  const item = el('li');
  const details = el('details');
  const summary = el('summary');
  summary.append(el('time', time()), ' ', el('code', title));
  details.append(summary, el('pre', describe(detail)));
  item.append(details);
  return item;
}

function logEvent(event: Event): void {
  if (event.type === 'campaign-draft-change' && !$<HTMLInputElement>('log-draft-changes').checked) return;
  prepend(eventLog, 'log-empty', logEntry(event.type, (event as CustomEvent).detail));
}

function logCall(call: AdapterCall): void {
  const title = call.idempotencyKey ? `${call.method} (key ${call.idempotencyKey})` : call.method;
  prepend(callLog, 'calls-empty', logEntry(title, call.args));
}

function wireLogs(): void {
  // The events bubble and are composed, so one listener on the host survives re-creating the wizard.
  for (const type of WIZARD_EVENTS) wizardHost.addEventListener(type, logEvent);
  wizardHost.addEventListener('campaign-create', (event) => {
    const { campaignId } = (event as CustomEvent<{ campaignId: string }>).detail;
    fillOpenAs();
    fillInboundCampaigns(campaignId);
    wizardStatus.textContent = `Created campaign ${campaignId}. It is now listed under "Edit existing campaign".`;
  });
  wizardHost.addEventListener('campaign-save', (event) => {
    const { campaignId } = (event as CustomEvent<{ campaignId: string }>).detail;
    fillOpenAs();
    fillInboundCampaigns();
    wizardStatus.textContent = `Saved campaign ${campaignId}.`;
  });
  $('clear-log').addEventListener('click', () => {
    eventLog.replaceChildren();
    $('log-empty').hidden = false;
  });
  $('clear-calls').addEventListener('click', () => {
    callLog.replaceChildren();
    adapters.calls.length = 0;
    $('calls-empty').hidden = false;
  });
}

// ---- Inbound returns card ----

const inboundCampaign = $<HTMLSelectElement>('inbound-campaign');
const inboundHost = $<HTMLDivElement>('inbound-host');

function fillInboundCampaigns(selected = inboundCampaign.value || 'cmp_1001'): void {
  inboundCampaign.replaceChildren(
    ...[...adapters.campaigns].map(([id, campaign]) => option(id, `${campaign.name} (${id})`)),
  );
  inboundCampaign.value = selected;
  if (inboundCampaign.selectedIndex < 0) inboundCampaign.selectedIndex = 0;
  mountInbound();
}

function mountInbound(): void {
  let card = inboundHost.firstElementChild as InboundReturnsElement | null;
  if (!card) {
    card = document.createElement('campaign-inbound-returns') as InboundReturnsElement;
    card.adapters = freshView();
    inboundHost.append(card);
  }
  card.setAttribute('campaign-id', inboundCampaign.value);
}

function wireInbound(): void {
  fillInboundCampaigns('cmp_1001');
  inboundCampaign.addEventListener('change', mountInbound);
  $<HTMLFormElement>('inbound-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const card = inboundHost.firstElementChild as InboundReturnsElement | null;
    if (typeof card?.refresh === 'function') card.refresh();
  });
  const missing = $('inbound-missing');
  missing.hidden = customElements.get('campaign-inbound-returns') !== undefined;
  void customElements.whenDefined('campaign-inbound-returns').then(() => (missing.hidden = true));
}

buildSwitches();
wireAdapterPanel();
wireLogs();
wireOpenForm();
// Loaded dynamically so a broken build shows its error on the page instead of a blank panel.
import('../src/index.js').then(
  () => {
    wireInbound();
    mountWizard();
  },
  (error: unknown) => {
    console.error(error);
    wizardStatus.textContent = `The wizard could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  },
);
