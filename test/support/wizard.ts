/** Opening a later step of the wizard and driving its fields, for the browser tests of the steps. */
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import { getByRole, waitFor } from './dom.js';

/** Steps 1–3 complete (Basics, Telephony, Audience), so the host may open Schedule or Outcomes. */
export const READY: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agent-leo',
  telephony: { numberPoolIds: ['num-ny'] },
  audience: { source: 'contact_ids', contactIds: ['c1'], callVariables: [] },
};

/** Renders `template` (a `<campaign-wizard>`), gives it `initial`, opens `step` and waits for its heading. */
export async function openStep(
  template: TemplateResult,
  initial: DeepPartial<CampaignPayload>,
  step: CampaignWizard['step'],
  heading: string,
): Promise<CampaignWizard> {
  const el = await fixture<CampaignWizard>(template);
  el.initial = initial;
  el.step = step;
  await waitFor(() => getByRole(el, 'heading', heading));
  return el;
}

/** Replaces a text box's content as a user does: focus, select all, type, then Tab away. */
export async function retype(control: HTMLInputElement, text: string, leave = true) {
  control.focus();
  control.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  if (leave) await sendKeys({ press: 'Tab' });
}

/** Sets a select's value and fires `change`, then lets the step re-render. */
export async function select(control: HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r));
}

/** Picks an option by its visible text, as a user does from the list. */
export async function choose(control: HTMLSelectElement, text: string) {
  const option = Array.from(control.options).find((o) => o.text.trim() === text);
  if (!option) throw new Error(`No option "${text}" in ${Array.from(control.options).map((o) => o.text).join(' | ')}`);
  await select(control, option.value);
}

/** Clicks the footer's Next button. */
export function next(el: CampaignWizard) {
  getByRole(el, 'button', 'Next').click();
}
