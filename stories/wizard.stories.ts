import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defaultArgs, newCampaign, openWizard, STEP_IDS, waitFor, wizardButton, type WizardStoryArgs } from './support.js';

/**
 * <campaign-wizard> on the demo's in-memory adapters: create, edit and failure states, a dark
 * theme and a white-label brand. Every story builds fresh adapters, so switches never leak.
 */
const meta = {
  title: 'Wizard',
  component: 'campaign-wizard',
  args: defaultArgs,
  argTypes: {
    mode: { control: 'inline-radio', options: ['create', 'edit'] },
    campaignId: { control: 'select', options: ['cmp_1001', 'cmp_1002', 'cmp_1003'], if: { arg: 'mode', eq: 'edit' } },
    templateId: {
      control: 'select',
      options: [undefined, 'tpl_appointments', 'tpl_renewals', 'tpl_uk_winback'],
      if: { arg: 'mode', eq: 'create' },
    },
    step: { control: 'select', options: [...STEP_IDS] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'es-MX'] },
    environment: { control: 'inline-radio', options: ['production', 'development'] },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    fail: {
      control: 'check',
      options: [
        'listAgents',
        'listPhoneNumbers',
        'previewPoolCapacity',
        'submit',
        'listTemplates',
        'listSegments',
        'loadCampaign',
        'attachFollowUpRules',
      ],
    },
    initial: { control: false },
  },
  render: (args) => openWizard(args),
} satisfies Meta<WizardStoryArgs>;

export default meta;
type Story = StoryObj<WizardStoryArgs>;

/** A new, empty campaign. */
export const Create: Story = {};

/** A new campaign opened from the "Subscription renewals – US" template. */
export const CreateFromTemplate: Story = {
  args: { templateId: 'tpl_renewals' },
};

/** Every step filled in, opened at Review with "Create campaign". */
export const CreateReadyToSubmit: Story = {
  args: { initial: newCampaign(), step: 'review' },
};

/** Editing an existing campaign (loaded through `loadCampaign`); Review reads "Save campaign". */
export const Edit: Story = {
  args: { mode: 'edit', campaignId: 'cmp_1002' },
};

/** Edit mode, moved to Review once the campaign has loaded. */
export const EditAtReview: Story = {
  args: { mode: 'edit', campaignId: 'cmp_1001' },
  play: async ({ canvasElement }) => {
    const wizard = await waitFor(() => canvasElement.querySelector('campaign-wizard'));
    await waitFor(() => wizard.draft.name !== '');
    wizard.step = 'review';
  },
};

/**
 * Submit fails: the in-memory `submit` answers 500. Opened at Review, the story presses
 * "Create campaign" so the "Failed to create campaign" banner with Retry shows; the draft is kept.
 */
export const SubmitFailure: Story = {
  args: { initial: newCampaign(), step: 'review', fail: ['submit'] },
  play: async ({ canvasElement }) => {
    const wizard = await waitFor(() => canvasElement.querySelector('campaign-wizard'));
    (await waitFor(() => wizardButton(wizard, 'Create campaign'))).click();
    await waitFor(() => wizard.shadowRoot?.querySelector('[part~="banner"]'));
  },
};

/** Edit mode when `loadCampaign` fails: the error and its Retry, nothing editable behind it. */
export const LoadFailure: Story = {
  args: { mode: 'edit', campaignId: 'cmp_1001', fail: ['loadCampaign'] },
};

/** Lists that fail to load: agents and templates on Basics show their error with Retry. */
export const ListFailure: Story = {
  args: { fail: ['listAgents', 'listTemplates'] },
};

/** `theme="dark"` forces the dark palette whatever the system prefers. */
export const Dark: Story = {
  args: { theme: 'dark', initial: newCampaign(), step: 'schedule' },
  render: (args) => html`<div style="background:#0d1117;padding:24px;border-radius:8px">${openWizard(args)}</div>`,
};

/** Spanish (`locale="es"`): every string, dates and numbers through Intl. */
export const Spanish: Story = {
  args: { locale: 'es', initial: newCampaign(), step: 'review' },
};

/** Under `dir="rtl"` the stepper, fields and actions lay out right to left. */
export const RightToLeft: Story = {
  args: { initial: newCampaign(), step: 'schedule' },
  render: (args) => html`<div dir="rtl">${openWizard(args)}</div>`,
};

/**
 * Another brand: only `--cw-*` tokens and `::part` rules from the host page, the brand's own
 * logo beside it, no change to the component.
 */
export const WhiteLabel: Story = {
  args: { initial: newCampaign(), step: 'outcomes' },
  render: (args) => html`
    <style>
      .brand-northwind {
        font-family: Georgia, 'Times New Roman', serif;
        background: #fbf7f2;
        padding: 24px;
        border-radius: 4px;
      }
      .brand-northwind header {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-block-end: 16px;
        color: #3b1f4a;
      }
      .brand-northwind header strong {
        font-size: 1.25rem;
        letter-spacing: 0.02em;
      }
      .brand-northwind campaign-wizard {
        --cw-font-family: Georgia, 'Times New Roman', serif;
        --cw-font-size: 1rem;
        --cw-color-surface: #ffffff;
        --cw-color-surface-muted: #f6eff8;
        --cw-color-text: #2a1633;
        --cw-color-text-muted: #5f4b69;
        --cw-color-border: #8a6f99;
        --cw-color-accent: #7a1f8f;
        --cw-color-on-accent: #ffffff;
        --cw-color-danger: #a4161a;
        --cw-color-danger-surface: #fdeeee;
        --cw-color-warning: #6b4e00;
        --cw-color-warning-surface: #fff6dc;
        --cw-color-success: #1d6b3a;
        --cw-radius: 2px;
        --cw-space: 0.55rem;
        --cw-focus-ring: 3px solid #e0a100;
        --cw-focus-ring-offset: 1px;
      }
      .brand-northwind campaign-wizard::part(wizard) {
        border-top: 6px solid #7a1f8f;
        box-shadow: 0 8px 24px rgb(59 31 74 / 0.12);
      }
      .brand-northwind campaign-wizard::part(stepper-item-current) {
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      .brand-northwind campaign-wizard::part(button-primary) {
        border-radius: 999px;
        padding-inline: 1.5rem;
      }
    </style>
    <div class="brand-northwind">
      <header>
        <svg width="36" height="36" viewBox="0 0 36 36" role="img" aria-label="Northwind Voice logo">
          <circle cx="18" cy="18" r="17" fill="#7a1f8f" />
          <path d="M10 24V12l8 8 8-8v12" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round" />
        </svg>
        <strong>Northwind Voice</strong>
      </header>
      ${openWizard(args)}
    </div>
  `,
};
