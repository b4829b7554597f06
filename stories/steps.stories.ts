import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defaultArgs, newCampaign, openWizard, type WizardStoryArgs } from './support.js';

/**
 * One story per step: the wizard opened at that step with a complete new campaign, so every
 * field shows a realistic value. The wizard itself decides what is shown; nothing is mocked
 * below the adapters.
 */
const meta = {
  title: 'Steps',
  component: 'campaign-wizard',
  args: { ...defaultArgs, latencyMs: 0 },
  argTypes: { initial: { control: false }, fail: { control: false } },
  render: (args) => openWizard({ ...args, initial: newCampaign() }),
} satisfies Meta<WizardStoryArgs>;

export default meta;
type Story = StoryObj<WizardStoryArgs>;

/** 1. Template, Campaign Name, Agent. */
export const Basics: Story = { args: { step: 'basics' } };

/** 2. Primary From Phone Number, Number Pool with its capacity, Call Recording. */
export const Telephony: Story = { args: { step: 'telephony' } };

/** 3. Contact Source (here a Segment) with its field mapping and call variables. */
export const Audience: Story = { args: { step: 'audience' } };

/** 4. Trigger Mode, timezone, call windows, parallel calls, priority. */
export const Schedule: Story = { args: { step: 'schedule' } };

/** 5. Retries, A/B test, follow-ups and campaign goals. */
export const Outcomes: Story = { args: { step: 'outcomes' } };

/** 6. The summary with a Change link per row, and Create campaign. */
export const Review: Story = { args: { step: 'review' } };
