// Shared pieces of the hardening suites (not a test file itself).
import { fixture, html } from '@open-wc/testing';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import type { CampaignInboundReturns } from '../../src/inbound/inbound-returns.js';
import { createInMemoryAdapters, type AdapterMethod, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { deepElements, getByLabel, getByRole, waitFor } from '../support/dom.js';

/** A campaign that passes every step (Contact IDs audience), on the in-memory sample data. */
export const complete: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { primaryFromNumberId: 'num_us_nyc', numberPoolIds: ['num_us_nyc', 'num_us_chi'], callRecording: true },
  audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [] },
};

/** The same with a follow-up rule, for `attachFollowUpRules` (needs `features.followUps`). */
export const withFollowUps: DeepPartial<CampaignPayload> = {
  ...complete,
  outcomes: {
    followUps: { missedCallFollowUp: true, contactMemory: false, rules: [{ trigger: 'no_answer', delayHours: 24, agentId: null }] },
  },
};

export interface OpenOptions {
  adapters?: InMemoryAdapters;
  initial?: DeepPartial<CampaignPayload>;
  step?: CampaignWizard['step'];
  mode?: 'create' | 'edit';
  campaignId?: string;
  templateId?: string;
  features?: CampaignWizard['features'];
  environment?: CampaignWizard['environment'];
}

/** A wizard on the in-memory adapters (no latency), pre-filled and opened at `step`. */
export async function openWizard(options: OpenOptions = {}) {
  const adapters = options.adapters ?? createInMemoryAdapters({ latencyMs: 0 });
  const el = await fixture<CampaignWizard>(html`<campaign-wizard
    mode=${options.mode ?? 'create'}
    campaign-id=${options.campaignId ?? ''}
    template-id=${options.templateId ?? ''}
    environment=${options.environment ?? 'production'}
    .features=${options.features ?? {}}
    .adapters=${adapters}
  ></campaign-wizard>`);
  if (options.initial) {
    el.initial = options.initial;
    await el.updateComplete;
  }
  if (options.step && options.step !== 'basics') {
    el.step = options.step;
    await el.updateComplete;
    const title = options.step[0]!.toUpperCase() + options.step.slice(1);
    await waitFor(() => getByRole(el, 'heading', title));
  }
  return { el, adapters };
}

export async function openInbound(adapters: Pick<InMemoryAdapters, 'getInboundReturns'>, campaignId = 'cmp_1001') {
  return fixture<CampaignInboundReturns>(
    html`<campaign-inbound-returns campaign-id=${campaignId} .adapters=${adapters}></campaign-inbound-returns>`,
  );
}

/** Types into a text field as a user would (value, then an input event). */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function selectOption(control: HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Every text node under `root`, across open shadow roots, plus form values, as one string. */
export function deepText(root: Element): string {
  const parts: string[] = [root.textContent ?? '', root.shadowRoot?.textContent ?? ''];
  for (const el of deepElements(root)) {
    if (el.shadowRoot) parts.push(el.shadowRoot.textContent ?? '');
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
  }
  return parts.join('\n');
}

/** The current draft as comparable text (a picked File shows as its name and size). */
export function draftText(el: CampaignWizard): string {
  return JSON.stringify(el.draft, (_k, v: unknown) => (v instanceof File ? `File(${v.name}, ${v.size})` : v));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Moves to a step through the stepper, as a user would. */
export async function goToStep(el: CampaignWizard, title: string): Promise<void> {
  getByRole(el, 'button', new RegExp(`^\\d+ ${title}( \\(completed\\))?$`)).click();
  await waitFor(() => getByRole(el, 'heading', title));
}

export function nameField(el: CampaignWizard): HTMLInputElement {
  return getByLabel(el, 'Campaign Name');
}

export type { AdapterMethod };
