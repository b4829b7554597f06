/**
 * What the stories share: the demo's in-memory adapters with their sample data, a realistic new
 * campaign, and one function that opens a <campaign-wizard> the way a host page would.
 */
import { createInMemoryAdapters, type AdapterMethod, type Latency } from '../src/adapters/in-memory.js';
import { sampleCampaigns } from '../src/adapters/sample-data.js';
import type { CampaignWizard } from '../src/campaign-wizard.js';
import type { CampaignPayload, DeepPartial, StepId } from '../src/model/schema.js';

export { STEP_IDS } from '../src/model/schema.js';
export type { StepId };

/** The first Monday at least a week ahead, 09:00, as the wall time a scheduled start is typed in. */
export function nextMondayNine(now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7);
  while (day.getDay() !== 1) day.setDate(day.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}

/**
 * A new campaign filled in as a user would: every step complete, so the wizard can be opened
 * at any step. Built from the sample data the in-memory adapters serve (agents, numbers,
 * segments), so every reference resolves. The scheduled start is always a week or more ahead:
 * a start in the past blocks Schedule.
 */
export function newCampaign(): DeepPartial<CampaignPayload> {
  const base = structuredClone(sampleCampaigns.cmp_1001!);
  return {
    ...base,
    name: 'Spring renewals – East Coast',
    templateId: null,
    audience: {
      source: 'segment',
      segmentId: 'seg_active_us',
      mapping: { phone: 'phone', firstName: 'firstName', lastName: 'lastName', email: 'email' },
      callVariables: [{ name: 'plan', field: 'plan' }],
    },
    schedule: { ...base.schedule, startAt: nextMondayNine() },
  };
}

export interface WizardStoryArgs {
  mode: 'create' | 'edit';
  /** Edit mode: one of the sample campaigns (cmp_1001, cmp_1002, cmp_1003). */
  campaignId?: string;
  /** Create mode: opens with this sample template applied. */
  templateId?: string;
  /** Create mode: a pre-filled draft (see `newCampaign`). */
  initial?: DeepPartial<CampaignPayload>;
  /** The step to open at; the wizard stops at the first step that blocks before it. */
  step: StepId;
  theme?: 'light' | 'dark';
  /** Page-wide in the localisation runtime, so every story sets it: `en`, `es`, `es-MX`… */
  locale: string;
  environment: 'production' | 'development';
  /** Simulated adapter latency in milliseconds. */
  latencyMs: number;
  /** Adapter methods that fail (the demo's failure switches). */
  fail: AdapterMethod[];
  followUps: boolean;
  contactMemory: boolean;
}

export const defaultArgs: WizardStoryArgs = {
  mode: 'create',
  step: 'basics',
  locale: 'en',
  environment: 'production',
  latencyMs: 150,
  fail: [],
  followUps: true,
  contactMemory: true,
};

/** Opens a wizard on fresh in-memory adapters. Returns the element; nothing is fetched from outside. */
export function openWizard(args: WizardStoryArgs): CampaignWizard {
  const latency: Latency = args.latencyMs;
  const adapters = createInMemoryAdapters({ latencyMs: latency, fail: args.fail });
  const wizard = document.createElement('campaign-wizard');
  wizard.adapters = adapters;
  wizard.environment = args.environment;
  wizard.features = { followUps: args.followUps, contactMemory: args.contactMemory };
  if (args.theme) wizard.theme = args.theme;
  wizard.locale = args.locale;
  if (args.mode === 'edit') {
    wizard.mode = 'edit';
    if (args.campaignId) wizard.campaignId = args.campaignId;
  } else {
    if (args.templateId) wizard.templateId = args.templateId;
    // `initial` before `step`: the wizard applies the draft first, then moves as far as it may.
    if (args.initial) wizard.initial = args.initial;
    wizard.step = args.step;
  }
  return wizard;
}

/** Polls until `find` returns something (or throws after `timeoutMs`); for play functions. */
export async function waitFor<T>(find: () => T | null | undefined, timeoutMs = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A button in the wizard's shadow root by its visible text. */
export function wizardButton(wizard: HTMLElement, text: string | RegExp): HTMLButtonElement | undefined {
  const buttons = Array.from(wizard.shadowRoot?.querySelectorAll('button') ?? []);
  return buttons.find((b) => (typeof text === 'string' ? b.textContent?.trim() === text : text.test(b.textContent ?? '')));
}
