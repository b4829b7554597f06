import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { property, query, state } from 'lit/decorators.js';
import type { CampaignWizardAdapters } from './adapters/types.js';
import { emit } from './events.js';
import { createEmptyDraft } from './model/defaults.js';
import type { CampaignDraft } from './model/draft.js';
import { applyPayload, csvFileOf, draftFromPayload, toPayload } from './model/payload.js';
import { STEP_IDS, type CampaignPayload, type DeepPartial, type StepId } from './model/schema.js';
import { validationReport, type FieldError, type ValidationContext, type ValidationReport } from './model/validate.js';
import type { ResourceCache } from './state/adapter-resource.js';
import { CampaignLoader } from './state/campaign-loader.js';
import { CapacityPreviewController } from './state/capacity-preview.js';
import type { CsvSession } from './state/csv-session.js';
import { draftStorage } from './state/draft-storage.js';
import { SubmissionController, type SubmissionInput } from './state/submission.js';
import { DraftStore, type DraftChangeSource } from './state/draft-store.js';
import { wizardContext, type WizardState } from './state/wizard-context.js';
import { renderErrorSummary } from './ui/error-summary.js';
import { renderLoadStatus, renderSubmission } from './ui/submission-status.js';
import { stepTitle } from './ui/messages.js';
import { formStyles } from './ui/shared-styles.js';
import { renderStepper } from './ui/stepper.js';
import { tokens } from './ui/theme.js';
import type { StepElement } from './steps/step-element.js';
import { loadStep, prefetchSteps } from './steps/step-loader.js';
import type { ReviewChangeDetail } from './steps/step-review.component.js';
import { bannerStyles, wizardStyles } from './wizard-styles.js';
import { TemplateOpener } from './state/template-opener.js';
import { requestLocale } from './set-locale.js';
import { uiLocale } from './ui/format.js';


/**
 * Creates or edits an outbound calling campaign in six steps. The host hands it adapters that
 * reach its backend and listens for its events; the wizard never fetches on its own.
 *
 * @summary The campaign set-up wizard: Basics, Telephony, Audience, Schedule, Outcomes, Review.
 *
 * @fires {CustomEvent<CampaignSubmitDetail>} campaign-create - A create succeeded: `{ campaignId, campaign }`.
 * @fires {CustomEvent<CampaignSubmitDetail>} campaign-save - An edit save succeeded: `{ campaignId, campaign }`.
 * @fires {CustomEvent<CampaignStepChangeDetail>} campaign-step-change - The user changed the visible step: `{ step, index }`.
 * @fires {CustomEvent<CampaignDraftChangeDetail>} campaign-draft-change - The user changed the draft: `{ draft }`.
 * @fires {CustomEvent<CampaignCancelDetail>} campaign-cancel - The user pressed Cancel.
 *
 * @slot logo - A partner's logo or heading, shown before the step list. Empty by default: the
 *   wizard shows no brand of its own.
 *
 * @csspart wizard - The wizard's outer box.
 * @csspart header - The row holding the logo slot and the step list.
 * @csspart stepper - The step list navigation.
 * @csspart stepper-item - One step in the step list.
 * @csspart stepper-item-current - The current step in the step list.
 * @csspart stepper-button - The button of a step the user may reopen.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart banner - The failure banner (role alert) with its Retry button.
 * @csspart notice - The "Draft restored" notice.
 * @csspart progress - The upload progress bar.
 * @csspart step - The current step element.
 * @csspart actions - The row of Cancel, Back and Next.
 * @csspart button - Each of Cancel, Back and Next.
 * @csspart button-primary - Next, or Create campaign / Save campaign on Review.
 *
 * @cssprop [--cw-font-family=system-ui] - Font of all text.
 * @cssprop [--cw-font-size=0.9375rem] - Base font size.
 * @cssprop [--cw-color-surface=#ffffff] - Background of the wizard and its controls.
 * @cssprop [--cw-color-surface-muted=#f5f6f8] - Background of secondary areas.
 * @cssprop [--cw-color-text=#1f2328] - Text colour.
 * @cssprop [--cw-color-text-muted=#57606a] - Hints and secondary text.
 * @cssprop [--cw-color-border=#8c959f] - Borders of controls (3:1 against the surface).
 * @cssprop [--cw-color-accent=#0b5cd5] - Primary buttons, links, the current step.
 * @cssprop [--cw-color-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--cw-color-danger=#b3261e] - Errors.
 * @cssprop [--cw-color-danger-surface=#fdecea] - Background of error boxes.
 * @cssprop [--cw-color-warning=#7a4d00] - Warnings.
 * @cssprop [--cw-color-warning-surface=#fff4d6] - Background of warning boxes.
 * @cssprop [--cw-color-success=#1a7f37] - Success text.
 * @cssprop [--cw-radius=6px] - Corner radius of boxes and controls.
 * @cssprop [--cw-space=0.5rem] - The spacing unit; gaps are multiples of it.
 * @cssprop [--cw-focus-ring=3px solid #0b5cd5] - Outline of the focused control.
 * @cssprop [--cw-focus-ring-offset=2px] - Gap between a control and its focus ring.
 */
@localized()
export class CampaignWizard extends LitElement {
  static override styles = [tokens, formStyles, wizardStyles, bannerStyles];

  /** Reaches the host's backend. Required; property only. */
  @property({ attribute: false }) adapters?: CampaignWizardAdapters;

  /** `create` a new campaign or `edit` the one named by `campaign-id`. */
  @property({ reflect: true }) mode: 'create' | 'edit' = 'create';

  /** Edit mode: the campaign loaded through `adapters.loadCampaign`. */
  @property({ attribute: 'campaign-id' }) campaignId?: string;

  /** Pre-fill for a clone or an existing draft: a partial CampaignPayload. Property only. */
  @property({ attribute: false }) initial?: DeepPartial<CampaignPayload>;

  /** Opens with this template applied, as if picked in Basics. */
  @property({ attribute: 'template-id' }) templateId?: string;

  /** Testing Mode / dry run is offered only when this is not `production`. */
  @property() environment: 'production' | 'development' = 'production';

  /** Plan eligibility for Follow-ups and Contact memory. Property only. */
  @property({ attribute: false }) features: { followUps?: boolean; contactMemory?: boolean } = {};

  /**
   * When set (create mode), the draft, a picked CSV file included, autosaves to IndexedDB under
   * this key and is restored when the same key opens again. Unset: nothing is stored.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /**
   * BCP 47 language tag of the UI; falls back `es-MX` → `es` → `en`. Shipped: `en`, `es`.
   * Page-wide: the localisation runtime is global, so every wizard shows the last locale set.
   */
  @property() locale?: string;

  /** Forces a colour scheme; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The current step, always reflected. Setting it may go back, never past a blocker. */
  @property({ reflect: true }) step: StepId = 'basics';

  @provide({ context: wizardContext })
  @state()
  protected wizardState!: WizardState;

  @state() private attempted = new Set<StepId>();
  @state() private furthest = 0;
  /** The last step move, announced; a function, so it reads in the locale shown. */
  @state() private announcement: (() => string) | undefined;
  /** The user came from a Review "Change" control; offer "Back to review". */
  @state() private returnToReview = false;
  @state() private draftRestored = false;

  @query('.error-summary') private errorSummary?: HTMLElement;
  @query('[part~="step"]') private stepElement?: StepElement;

  readonly #store = new DraftStore(createEmptyDraft({ timezone: browserTimezone() }));
  readonly #capacity = new CapacityPreviewController(this);
  readonly #templateOpener = new TemplateOpener(this, (values, id) => this.#applyTemplate(values, id));
  readonly #loader = new CampaignLoader(this, (payload) => this.#store.replace(draftFromPayload(payload, { timezone: browserTimezone() }), 'host'));
  readonly #submission = new SubmissionController(this, (id, input) => this.#submitted(id, input));
  /** The CSV import of this wizard, loaded with the CSV code once a CSV audience is chosen. */
  #csv: CsvSession | undefined;
  #csvLoading = false;
  /** Fields the user edited; their errors show before the first Next. */
  readonly #touched = new Set<string>();
  #resources: ResourceCache = new Map();
  /** The draft's validation as of the last update, and what it was judged against. */
  #validation!: ValidationContext;
  #report!: ValidationReport;
  /** The step this element last moved to itself; any other value of `step` came from the host. */
  #ownStep: StepId = 'basics';
  /** Create mode with a draft key: the stored draft is looked up before a template is applied. */
  #restore: 'pending' | 'checking' | 'done' = 'pending';
  #autosaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.#store.subscribe((draft, source) => this.#onDraftChange(draft, source));
  }

  protected override firstUpdated(): void {
    prefetchSteps();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushAutosave();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale !== undefined) void requestLocale(this.locale);
    if (changed.has('adapters')) this.#resources = new Map();
    if (changed.has('initial') && this.initial) this.#store.replace(this.#freshDraft(), 'host');
    if (this.mode === 'edit') this.#loader.load(this.adapters, this.campaignId);
    else if (this.draftKey && this.#restore === 'pending') void this.#restoreDraft(this.draftKey);
    if (this.mode === 'create' && this.#restore !== 'checking') this.#templateOpener.open(this.adapters, this.templateId);
    if (changed.has('step') && this.step !== this.#ownStep) this.#hostSetStep(this.step);
    if (changed.has('step')) void loadStep(this.step);
    const draft = this.#store.draft;
    this.#ensureCsvSession(draft);
    this.#capacity.watch(this.adapters, draft.telephony.numberPoolIds);
    // One validation per update: the stepper, the summary and the steps' errors all read it.
    this.#validation = this.#validationContext;
    this.#report = validationReport(draft, this.#validation);
    this.wizardState = this.#snapshot(draft);
  }

  protected override render() {
    const index = STEP_IDS.indexOf(this.step);
    const summaryErrors = this.attempted.has(this.step) ? this.#report.blocking[this.step] : [];
    const onReview = this.step === 'review';
    const sending = this.#submission.busy;
    // The language of the strings shown, so screen readers pronounce them right on any host page.
    return html`<div class="wizard" part="wizard" lang=${uiLocale()}>
      <div class="header" part="header">
        <slot name="logo"></slot>
        ${renderStepper(this.#stepperItems(), this.step, (step) => void this.#goTo(step))}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement?.() ?? ''}</div>
      ${renderLoadStatus(this.#loader.state, () => this.#loader.retry(this.adapters, this.campaignId))}
      ${this.draftRestored
        ? html`<div class="notice" part="notice" role="status">
            <p>${msg('Draft restored')}</p>
            <button type="button" @click=${this.#discardDraft}>${msg('Discard draft')}</button>
          </div>`
        : nothing}
      ${renderErrorSummary(summaryErrors, (path) => void this.stepElement?.focusField(path))}
      ${this.#renderTemplateProblem()}
      <div class="step-frame" ?inert=${this.#loader.state.status === 'loading'} aria-busy=${this.#loader.state.status === 'loading' ? 'true' : 'false'}>
        ${this.#renderStep()}
      </div>
      ${onReview ? renderSubmission(this.#submission.state, this.mode, () => void this.#submit()) : nothing}
      <div class="actions" part="actions">
        <button type="button" part="button" @click=${this.#cancel}>${msg('Cancel')}</button>
        <span class="spacer"></span>
        ${index > 0
          ? html`<button type="button" part="button" @click=${() => void this.#goTo(STEP_IDS[index - 1]!)}>${msg('Back')}</button>`
          : nothing}
        ${this.returnToReview && !onReview
          ? html`<button type="button" part="button" @click=${this.#backToReview}>${msg('Back to review')}</button>`
          : nothing}
        ${onReview
          ? this.#submission.state.status === 'done'
            ? nothing
            : html`<button
                type="button"
                class="primary"
                part="button button-primary"
                aria-disabled=${sending ? 'true' : 'false'}
                @click=${() => void this.#submit()}
              >
                ${this.mode === 'edit' ? msg('Save campaign') : msg('Create campaign')}
              </button>`
          : html`<button type="button" class="primary" part="button button-primary" @click=${this.#next}>${msg('Next')}</button>`}
      </div>
    </div>`;
  }

  /** `template-id` could not be applied: say so, and offer Retry when it may work next time. */
  #renderTemplateProblem() {
    const problem = this.#templateOpener.problem;
    if (!problem) return nothing;
    return html`<div class="banner" part="banner" role="alert">
      <p class="banner-title">${msg("Couldn't open the template")}</p>
      <p>
        ${problem === 'not_found'
          ? msg('The template this page asked for is not in the list of saved templates.')
          : msg('The list of templates could not be loaded.')}
      </p>
      ${problem === 'failed'
        ? html`<button type="button" @click=${() => this.#templateOpener.reopen()}>
            ${msg('Retry')}<span class="visually-hidden"> ${msg('opening the template')}</span>
          </button>`
        : nothing}
    </div>`;
  }

  // Steps render inside the wizard's shadow root, so their context requests always find it.
  // While an edit loads, the fields are inert: what the user typed would be overwritten.
  #renderStep() {
    switch (this.step) {
      case 'basics':
        return html`<campaign-step-basics part="step"></campaign-step-basics>`;
      case 'telephony':
        return html`<campaign-step-telephony part="step"></campaign-step-telephony>`;
      case 'audience':
        return html`<campaign-step-audience part="step"></campaign-step-audience>`;
      case 'schedule':
        return html`<campaign-step-schedule part="step"></campaign-step-schedule>`;
      case 'outcomes':
        return html`<campaign-step-outcomes part="step"></campaign-step-outcomes>`;
      case 'review':
        return html`<campaign-step-review part="step" @review-change=${this.#onReviewChange}></campaign-step-review>`;
    }
  }

  /** Loads the CSV session (and with it no parser yet: that comes with a file) on first need. */
  #ensureCsvSession(draft: CampaignDraft): void {
    if (this.#csv || this.#csvLoading || (draft.audience.source !== 'csv' && !draft.audience.csv)) return;
    this.#csvLoading = true;
    void import('./state/csv-session.js').then(({ CsvSession }) => {
      this.#csv = new CsvSession(this, { store: this.#store, adapters: () => this.adapters, resources: () => this.#resources });
      this.requestUpdate();
    });
  }

  /** The current draft, as an immutable snapshot. */
  get draft(): CampaignDraft {
    return this.#store.draft;
  }

  /** The validation context: the wizard's mode, the clock, and the previewed pool ceiling. */
  get #validationContext(): ValidationContext {
    const capacity = this.#capacity.state;
    return {
      mode: this.mode,
      now: new Date(),
      environment: this.environment,
      poolCapacity: capacity.status === 'ready' ? capacity.maxConcurrentCalls : undefined,
      features: this.features,
    };
  }

  /**
   * What blocks `step` now. Event handlers judge the draft as it is this moment (an edit may not
   * have rendered yet, and time passes for a scheduled start); rendering reads `#report`.
   */
  #stepErrors(step: StepId): FieldError[] {
    return validationReport(this.#store.draft, this.#validationContext).blocking[step];
  }

  #snapshot(draft: CampaignDraft): WizardState {
    return {
      draft,
      mode: this.mode,
      environment: this.environment,
      features: this.features,
      adapters: this.adapters,
      resources: this.#resources,
      loading: this.#loader.state.status === 'loading',
      visibleErrors: this.#report.submit.filter((e) => this.attempted.has(e.step) || this.#touched.has(e.path)),
      capacity: this.#capacity.state,
      csv: this.#csv,
      currentStep: this.step,
      validation: this.#validation,
      update: (recipe, source) => this.#store.update(recipe, source),
      touch: (path) => {
        if (this.#touched.has(path)) return;
        this.#touched.add(path);
        // A blur (and so a change event) can come from a step this very render removes.
        queueMicrotask(() => this.requestUpdate());
      },
      retryCapacity: () => this.#capacity.retry(this.#store.draft.telephony.numberPoolIds),
    };
  }

  #stepperItems() {
    let blocked = false;
    return STEP_IDS.map((id, index) => {
      const errors = this.#report.blocking[id].length;
      const item = { id, reachable: !blocked && index <= this.furthest, done: index < this.furthest && errors === 0 };
      if (errors) blocked = true;
      return item;
    });
  }

  #freshDraft(): CampaignDraft {
    const empty = createEmptyDraft({ timezone: browserTimezone() });
    return this.initial ? applyPayload(empty, this.initial) : empty;
  }

  #onDraftChange(draft: CampaignDraft, source: DraftChangeSource): void {
    if (source === 'user') {
      emit(this, 'campaign-draft-change', { draft });
      this.#scheduleAutosave();
    }
    this.requestUpdate();
  }

  #applyTemplate(values: DeepPartial<CampaignPayload>, id: string): void {
    this.#store.update((d) => ({ ...applyPayload(d, values), templateId: id }), 'host');
  }

  // ---- Navigation ----

  #next = async (): Promise<void> => {
    const errors = this.#stepErrors(this.step);
    if (errors.length) {
      this.attempted = new Set(this.attempted).add(this.step);
      await this.updateComplete;
      this.errorSummary?.focus();
      return;
    }
    await this.#goTo(STEP_IDS[STEP_IDS.indexOf(this.step) + 1]!);
  };

  /** Moves to a step at the user's request: never past a blocker; announces and focuses it. */
  async #goTo(target: StepId, focusPath?: string): Promise<void> {
    const to = this.#clamp(target);
    await loadStep(to);
    if (to !== target) this.attempted = new Set(this.attempted).add(to);
    if (to === 'review') this.returnToReview = false;
    if (to !== this.step) {
      const index = STEP_IDS.indexOf(to);
      this.#ownStep = to;
      this.step = to;
      this.furthest = Math.max(this.furthest, index);
      this.announcement = () => msg(str`Step ${index + 1} of ${STEP_IDS.length}: ${stepTitle(to)}`);
      emit(this, 'campaign-step-change', { step: to, index });
    }
    await this.updateComplete;
    const step = this.stepElement;
    if (to !== target && this.errorSummary) this.errorSummary.focus();
    else if (!(focusPath && to === target && (await step?.focusField?.(focusPath)))) await step?.focusHeading?.();
  }

  #onReviewChange = (event: CustomEvent<ReviewChangeDetail>): void => {
    this.returnToReview = true;
    void this.#goTo(event.detail.step, event.detail.path);
  };

  #backToReview = (): void => {
    void this.#goTo('review');
  };

  /** The furthest step at or before `target` that no earlier blocker stands in front of. */
  #clamp(target: StepId): StepId {
    const targetIndex = STEP_IDS.indexOf(target);
    for (let i = 0; i < targetIndex; i++) {
      if (this.#stepErrors(STEP_IDS[i]!).length) return STEP_IDS[i]!;
    }
    return target;
  }

  #hostSetStep(requested: StepId): void {
    const to = STEP_IDS.includes(requested) ? this.#clamp(requested) : this.#ownStep;
    this.#ownStep = to;
    this.step = to;
    this.furthest = Math.max(this.furthest, STEP_IDS.indexOf(to));
  }

  #cancel = (): void => {
    emit(this, 'campaign-cancel', {});
  };

  // ---- Submit ----

  async #submit(): Promise<void> {
    const adapters = this.adapters;
    if (!adapters || this.#submission.busy) return;
    if (this.#csv?.counting) {
      await this.#csv.settled(); // a CSV still being counted has only an estimated rowCount
      if (!this.isConnected || this.#submission.busy) return;
    }
    const result = toPayload(this.#store.draft, this.#validationContext);
    if (!result.ok) {
      const first = result.errors[0]!;
      await this.#goTo(first.step);
      return;
    }
    await this.#submission.send({
      adapters,
      mode: this.mode,
      campaignId: this.campaignId,
      payload: result.payload,
      csvFile: csvFileOf(this.#store.draft),
    });
    // The Create button is gone once it worked: keep focus on the news, not on the page body.
    if (this.#submission.state.status === 'done') {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.submit-done')?.focus();
    }
  }

  #submitted(campaignId: string, input: SubmissionInput): void {
    if (this.draftKey && this.mode === 'create') {
      clearTimeout(this.#autosaveTimer);
      void draftStorage.remove(this.draftKey).catch(() => undefined);
    }
    emit(this, input.mode === 'edit' ? 'campaign-save' : 'campaign-create', { campaignId, campaign: input.payload });
  }

  // ---- Draft autosave ----

  async #restoreDraft(key: string): Promise<void> {
    this.#restore = 'checking';
    let stored: CampaignDraft | null = null;
    try {
      stored = await draftStorage.load(key);
    } catch {
      // Storage unavailable (private mode, blocked): the wizard works without autosave.
    }
    this.#restore = 'done';
    if (stored && this.draftKey === key && this.mode === 'create') {
      this.#store.replace(stored, 'host');
      this.draftRestored = true;
    }
    this.requestUpdate();
  }

  #discardDraft = (): void => {
    if (this.draftKey) void draftStorage.remove(this.draftKey).catch(() => undefined);
    clearTimeout(this.#autosaveTimer);
    this.draftRestored = false;
    this.#store.replace(this.#freshDraft(), 'host');
    this.#templateOpener.reopen();
    void this.#goTo('basics');
  };

  #scheduleAutosave(): void {
    if (!this.draftKey || this.mode !== 'create') return;
    clearTimeout(this.#autosaveTimer);
    this.#autosaveTimer = setTimeout(() => this.#flushAutosave(), AUTOSAVE_DELAY_MS);
  }

  #flushAutosave(): void {
    if (this.#autosaveTimer === undefined || !this.draftKey) return;
    clearTimeout(this.#autosaveTimer);
    this.#autosaveTimer = undefined;
    void draftStorage.save(this.draftKey, this.#store.draft).catch(() => undefined);
  }
}

/** Autosave lands within a second of the last change, without writing on every keystroke. */
const AUTOSAVE_DELAY_MS = 400;

function browserTimezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
