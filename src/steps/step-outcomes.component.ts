import { css, html, nothing, type PropertyValues } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import type { CampaignDraft, GoalDraft, VariantDraft } from '../model/draft.js';
import { GOAL_TYPES, goalKind, MAX_GOALS, type GoalKind } from '../model/goals.js';
import { agentListSchema, VARIANT_KEYS, type Agent, type FollowUpRule } from '../model/schema.js';
import { parseIntegerText } from '../model/validate.js';
import { AdapterResource, type ResourceState } from '../state/adapter-resource.js';
import { describedBy, errorId, fieldError, fieldHint, fieldId, hintId } from '../ui/field.js';
import { formatNumber } from '../ui/format.js';
import { goalName } from '../ui/messages.js';
import { resourceStatus } from '../ui/resource-status.js';
import { StepElement } from './step-element.js';

type Outcomes = CampaignDraft['outcomes'];
type Trigger = FollowUpRule['trigger'];

const TRIGGERS: readonly Trigger[] = ['no_answer', 'voicemail', 'busy', 'callback_requested'];
const MAX_DELAY_HOURS = 720;
/** A new follow-up rule: call back a day after no answer, with the campaign's agent. */
const NEW_RULE: FollowUpRule = Object.freeze({ trigger: 'no_answer', delayHours: 24, agentId: null });

function triggerName(trigger: Trigger): string {
  switch (trigger) {
    case 'no_answer':
      return msg('No answer');
    case 'voicemail':
      return msg('Voicemail');
    case 'busy':
      return msg('Busy');
    case 'callback_requested':
      return msg('Callback requested');
  }
}

function targetHint(kind: GoalKind): string {
  switch (kind) {
    case 'percent':
      return msg('Optional target: a percentage above 0 and up to 100.');
    case 'seconds':
      return msg('Optional target: a whole number of seconds, 1 or more.');
    case 'count':
      return msg('Optional target: a count, a whole number, 1 or more.');
  }
}

function unitText(kind: GoalKind): string {
  switch (kind) {
    case 'percent':
      return '%';
    case 'seconds':
      return msg('seconds');
    case 'count':
      return msg('count');
  }
}

/**
 * Step 5: Retry on voicemail, Max retries, Max voicemail attempts, A/B testing, Follow-ups /
 * Contact memory (on eligible plans) and Campaign Goals.
 *
 * @summary The Outcomes step of `<campaign-wizard>`; reads and writes the wizard's draft through context.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart resource-error - The error box of a list that failed to load, with its Retry button.
 */
@localized()
export class CampaignStepOutcomes extends StepElement {
  static override styles = [
    ...StepElement.styles,
    css`
      .field.wide {
        max-inline-size: 44rem;
      }
      .short {
        max-inline-size: 8rem;
      }
      input:disabled,
      input[readonly] {
        color: var(--_text-muted);
        background: var(--_surface-muted);
      }
      .rows {
        display: grid;
        gap: calc(var(--_space) * 1.5);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space) calc(var(--_space) * 1.5);
        align-items: end;
        padding-block-end: var(--_space);
        border-block-end: 1px solid var(--_surface-muted);
      }
      .row > .cell {
        display: grid;
        gap: calc(var(--_space) / 2);
        flex: 1 1 12rem;
        min-inline-size: 0;
      }
      .row > .cell.narrow {
        flex: 0 1 9rem;
      }
      .row > .row-errors {
        flex-basis: 100%;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      .row > .row-errors:empty {
        display: none;
      }
      .row label {
        font-weight: 400;
      }
      .with-unit {
        display: flex;
        align-items: center;
        gap: calc(var(--_space) / 2);
      }
      .total {
        font-weight: 600;
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      .subsection {
        border: 0;
        padding: 0;
        margin: calc(var(--_space) * 2) 0 0;
        display: grid;
        gap: var(--_space);
      }
    `,
  ];

  readonly #agents = new AdapterResource<Agent[]>(this, {
    key: 'listAgents',
    load: (adapters, ctx) => adapters.listAgents(ctx),
    schema: agentListSchema,
  });

  /**
   * Follow-up delays as typed while they are not a whole number of hours from 1 to 720. The
   * draft keeps numbers only (FollowUpRule), so an unreadable entry lives here until fixed.
   */
  @state() private delayTexts: ReadonlyMap<number, string> = new Map();

  /** What the last add or remove did, announced politely. */
  @state() private note: (() => string) | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#agents.setAdapters(this.wizard?.adapters);
  }

  /** The total's errors focus the first weight; the rest as usual. */
  override async focusField(path: string): Promise<boolean> {
    return super.focusField(path === 'outcomes.abTest.total' ? 'outcomes.abTest.variants.0.weightText' : path);
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const o = draft.outcomes;
    const features = this.wizard?.features ?? {};
    return html`
      <h2 tabindex="-1">${msg('Outcomes')}</h2>
      ${this.#renderRetries(o)} ${this.#renderAbTest(draft)}
      ${features.followUps || features.contactMemory ? this.#renderFollowUps(o, features) : nothing}
      ${this.#renderGoals(o.goals)}
      <p class="visually-hidden" role="status">${this.note?.() ?? ''}</p>
    `;
  }

  // ---- Retry on voicemail, Max retries, Max voicemail attempts ----

  #renderRetries(o: Outcomes) {
    const vmPath = 'outcomes.maxVoicemailAttemptsText';
    const vmError = this.errorFor(vmPath);
    return html`<div class="field">
        <label class="check">
          <input
            id=${fieldId('outcomes.retryOnVoicemail')}
            type="checkbox"
            .checked=${o.retryOnVoicemail}
            @change=${(e: Event) => this.#setOutcomes({ retryOnVoicemail: (e.target as HTMLInputElement).checked })}
          />
          ${msg('Retry on voicemail')}
        </label>
      </div>
      <div class="field">
        <label for=${fieldId('outcomes.maxRetries')}>${msg('Max retries')}</label>
        <select
          id=${fieldId('outcomes.maxRetries')}
          class="short"
          @change=${(e: Event) => this.#setOutcomes({ maxRetries: Number((e.target as HTMLSelectElement).value) as 1 | 2 | 3 })}
        >
          ${([1, 2, 3] as const).map((n) => html`<option value=${n} ?selected=${o.maxRetries === n}>${formatNumber(n)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for=${fieldId(vmPath)}>${msg('Max voicemail attempts')}</label>
        ${fieldHint(
          vmPath,
          o.retryOnVoicemail
            ? msg('Optional. A whole number, 1 or more. Leave it empty for no separate limit.')
            : msg('Turn on Retry on voicemail to set a limit.'),
        )}
        <input
          id=${fieldId(vmPath)}
          class="short"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          ?disabled=${!o.retryOnVoicemail}
          aria-invalid=${vmError ? 'true' : 'false'}
          aria-describedby=${describedBy(hintId(vmPath), vmError && errorId(vmPath)) ?? nothing}
          .value=${o.maxVoicemailAttemptsText}
          @input=${(e: Event) => this.#setOutcomes({ maxVoicemailAttemptsText: (e.target as HTMLInputElement).value })}
          @change=${() => this.wizard?.touch(vmPath)}
        />
        ${fieldError(vmPath, vmError)}
      </div>`;
  }

  // ---- A/B testing ----

  #renderAbTest(draft: CampaignDraft) {
    const ab = draft.outcomes.abTest;
    const toggle = html`<div class="field">
      <label class="check">
        <input
          id=${fieldId('outcomes.abTest.enabled')}
          type="checkbox"
          aria-describedby=${hintId('outcomes.abTest.enabled')}
          .checked=${ab.enabled}
          @change=${(e: Event) => this.#toggleAbTest((e.target as HTMLInputElement).checked)}
        />
        ${msg('A/B testing')}
      </label>
      ${fieldHint('outcomes.abTest.enabled', msg('Splits the contacts between agents by weight.'))}
    </div>`;
    if (!ab.enabled) return toggle;

    const agentsState = this.#agents.state;
    const totalPath = 'outcomes.abTest.total';
    const totalError = this.errorFor(totalPath);
    const totalId = `${fieldId(totalPath)}-live`;
    const total = ab.variants.reduce((sum, v) => sum + (parseIntegerText(v.weightText) ?? 0), 0);
    return html`${toggle}
      <fieldset class="field wide" id=${fieldId('outcomes.abTest.variants')} aria-describedby=${hintId('outcomes.abTest.variants')}>
        <legend>${msg('Variants')}</legend>
        ${fieldHint(
          'outcomes.abTest.variants',
          msg('Variant A uses the Basics agent. Each variant needs a different agent; weights are whole percentages that total 100.'),
        )}
        ${resourceStatus(agentsState, { what: msg('agents'), empty: msg('No agents are available. Create an agent first.') }, () =>
          this.#agents.retry(),
        )}
        <div class="rows">
          ${ab.variants.map((v, i) => this.#renderVariant(draft, v, i, ab.variants.length, agentsState, totalId, totalError))}
        </div>
        <p class="total">
          ${msg('Total:')} <output id=${totalId} role="status">${formatNumber(total)}%</output>
        </p>
        ${fieldError(totalPath, totalError)}
        <div class="actions">
          ${ab.variants.length < VARIANT_KEYS.length
            ? html`<button type="button" id="add-variant" @click=${this.#addVariant}>
                ${msg(str`Add variant ${VARIANT_KEYS[ab.variants.length]!}`)}
              </button>`
            : html`<p class="hint">${msg('An A/B test can have up to four variants, A to D.')}</p>`}
        </div>
      </fieldset>`;
  }

  #renderVariant(
    draft: CampaignDraft,
    v: VariantDraft,
    i: number,
    count: number,
    agentsState: ResourceState<Agent[]>,
    totalId: string,
    totalError: string | undefined,
  ) {
    const key = VARIANT_KEYS[i] ?? v.key;
    const base = `outcomes.abTest.variants.${i}`;
    const agentPath = `${base}.agentId`;
    const weightPath = `${base}.weightText`;
    const agentError = this.errorFor(agentPath);
    const weightError = this.errorFor(weightPath);
    const agents = agentsState.status === 'ready' ? agentsState.value : [];
    let agentControl;
    if (i === 0) {
      // Variant A is the Basics agent, shown read-only; it follows any change made in Basics.
      const name = agents.find((a) => a.id === draft.agentId)?.name ?? (agentsState.status === 'loading' ? msg('Loading…') : (draft.agentId ?? ''));
      agentControl = html`<label for=${fieldId(agentPath)}>${msg(str`Variant ${key} agent`)}</label>
        <input id=${fieldId(agentPath)} type="text" readonly .value=${name} />`;
    } else {
      const known = agents.some((a) => a.id === v.agentId);
      agentControl = html`<label for=${fieldId(agentPath)}>${msg(str`Variant ${key} agent`)}</label>
        <select
          id=${fieldId(agentPath)}
          aria-required="true"
          aria-invalid=${agentError ? 'true' : 'false'}
          aria-describedby=${describedBy(agentError && errorId(agentPath)) ?? nothing}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value || null;
            this.#setVariant(i, { agentId: value }, agentPath);
          }}
        >
          <option value="" ?selected=${!v.agentId}>${msg('Select an agent')}</option>
          ${v.agentId && !known ? html`<option value=${v.agentId} selected>${v.agentId}</option>` : nothing}
          ${agents.map((a) => html`<option value=${a.id} ?selected=${a.id === v.agentId}>${a.name}</option>`)}
        </select>`;
    }
    return html`<div class="row">
      <div class="cell">${agentControl}</div>
      <div class="cell narrow">
        <label for=${fieldId(weightPath)}>${msg(str`Variant ${key} weight`)}</label>
        <span class="with-unit">
          <input
            id=${fieldId(weightPath)}
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength="3"
            aria-required="true"
            aria-invalid=${weightError ? 'true' : 'false'}
            aria-describedby=${describedBy(weightError && errorId(weightPath), totalError && errorId('outcomes.abTest.total'), totalId) ?? nothing}
            .value=${v.weightText}
            @input=${(e: Event) => this.#setVariant(i, { weightText: (e.target as HTMLInputElement).value })}
            @change=${() => {
              this.wizard?.touch(weightPath);
              this.wizard?.touch('outcomes.abTest.total');
            }}
          />
          <span aria-hidden="true">%</span>
        </span>
      </div>
      ${i > 0 && count > 2
        ? html`<button type="button" @click=${() => this.#removeVariant(i)}>
            ${msg('Remove')}<span class="visually-hidden"> ${msg(str`variant ${key}`)}</span>
          </button>`
        : nothing}
      <div class="row-errors">${fieldError(agentPath, agentError)}${fieldError(weightPath, weightError)}</div>
    </div>`;
  }

  #toggleAbTest(on: boolean): void {
    this.edit((d) => {
      const ab = d.outcomes.abTest;
      const variants = on ? ab.variants.map((v, i) => (i === 0 ? { ...v, agentId: d.agentId } : v)) : ab.variants;
      return withOutcomes(d, { abTest: { enabled: on, variants } });
    });
  }

  #setVariant(i: number, patch: Partial<VariantDraft>, touchedPath?: string): void {
    this.edit(
      (d) =>
        withOutcomes(d, {
          abTest: { ...d.outcomes.abTest, variants: d.outcomes.abTest.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) },
        }),
      touchedPath,
    );
  }

  #addVariant = async (): Promise<void> => {
    const count = this.draft?.outcomes.abTest.variants.length ?? 0;
    const key = VARIANT_KEYS[count];
    if (!key) return;
    this.edit((d) =>
      withOutcomes(d, {
        abTest: { ...d.outcomes.abTest, variants: [...d.outcomes.abTest.variants, { key, agentId: null, weightText: '' }] },
      }),
    );
    this.note = () => msg(str`Variant ${key} added.`);
    await this.#focusAfterRender(`#${CSS.escape(fieldId(`outcomes.abTest.variants.${count}.agentId`))}`);
  };

  #removeVariant(i: number): void {
    const key = VARIANT_KEYS[i];
    this.edit((d) =>
      withOutcomes(d, {
        abTest: {
          ...d.outcomes.abTest,
          // Keys follow position: removing C makes D the new C.
          variants: d.outcomes.abTest.variants.filter((_, j) => j !== i).map((v, j) => ({ ...v, key: VARIANT_KEYS[j]! })),
        },
      }),
    );
    this.note = () => msg(str`Variant ${key} removed.`);
    void this.#focusAfterRender('#add-variant');
  }

  // ---- Follow-ups / Contact memory ----

  #renderFollowUps(o: Outcomes, features: { followUps?: boolean; contactMemory?: boolean }) {
    const f = o.followUps;
    return html`<fieldset class="field wide" id=${fieldId('outcomes.followUps')}>
      <legend>${msg('Follow-ups / Contact memory')}</legend>
      ${features.followUps
        ? html`<label class="check">
            <input
              id=${fieldId('outcomes.followUps.missedCallFollowUp')}
              type="checkbox"
              .checked=${f.missedCallFollowUp}
              @change=${(e: Event) => this.#setFollowUps({ missedCallFollowUp: (e.target as HTMLInputElement).checked })}
            />
            ${msg('Missed-call follow-up')}
          </label>`
        : nothing}
      ${features.contactMemory
        ? html`<label class="check">
            <input
              id=${fieldId('outcomes.followUps.contactMemory')}
              type="checkbox"
              .checked=${f.contactMemory}
              @change=${(e: Event) => this.#setFollowUps({ contactMemory: (e.target as HTMLInputElement).checked })}
            />
            ${msg('Contact memory')}
          </label>`
        : nothing}
      ${features.followUps ? this.#renderRules(f.rules) : nothing}
    </fieldset>`;
  }

  #renderRules(rules: readonly FollowUpRule[]) {
    const agentsState = this.#agents.state;
    const agents = agentsState.status === 'ready' ? agentsState.value : [];
    return html`<fieldset class="subsection" id=${fieldId('outcomes.followUps.rules')} aria-describedby=${hintId('outcomes.followUps.rules')}>
      <legend>${msg('Follow-up rules')}</legend>
      ${fieldHint(
        'outcomes.followUps.rules',
        msg('Each rule calls a contact again some hours after a call ends with the chosen outcome. Rules are attached once the campaign is created.'),
      )}
      ${rules.length
        ? html`<div class="rows">${rules.map((rule, i) => this.#renderRule(rule, i, agents))}</div>`
        : html`<p class="hint">${msg('No follow-up rules yet.')}</p>`}
      ${resourceStatus(agentsState, { what: msg('agents'), empty: msg('No agents are available. Create an agent first.') }, () =>
        this.#agents.retry(),
      )}
      <div class="actions">
        <button type="button" id="add-rule" @click=${this.#addRule}>${msg('Add follow-up rule')}</button>
      </div>
    </fieldset>`;
  }

  #renderRule(rule: FollowUpRule, i: number, agents: readonly Agent[]) {
    const n = i + 1;
    const base = `outcomes.followUps.rules.${i}`;
    const delayPath = `${base}.delayHours`;
    const typed = this.delayTexts.get(i);
    const delayError = typed !== undefined ? msg(str`Enter a whole number of hours from 1 to ${formatNumber(MAX_DELAY_HOURS)}`) : undefined;
    const known = rule.agentId === null || agents.some((a) => a.id === rule.agentId);
    return html`<div class="row">
      <div class="cell">
        <label for=${fieldId(`${base}.trigger`)}>${msg(str`Follow-up ${n} outcome`)}</label>
        <select
          id=${fieldId(`${base}.trigger`)}
          @change=${(e: Event) => this.#setRule(i, { trigger: (e.target as HTMLSelectElement).value as Trigger })}
        >
          ${TRIGGERS.map((t) => html`<option value=${t} ?selected=${t === rule.trigger}>${triggerName(t)}</option>`)}
        </select>
      </div>
      <div class="cell narrow">
        <label for=${fieldId(delayPath)}>${msg(str`Follow-up ${n} delay (hours)`)}</label>
        <input
          id=${fieldId(delayPath)}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          maxlength="4"
          aria-invalid=${delayError ? 'true' : 'false'}
          aria-describedby=${describedBy(delayError && errorId(delayPath)) ?? nothing}
          .value=${typed ?? String(rule.delayHours)}
          @input=${(e: Event) => this.#typeDelay(i, (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="cell">
        <label for=${fieldId(`${base}.agentId`)}>${msg(str`Follow-up ${n} agent`)}</label>
        <select
          id=${fieldId(`${base}.agentId`)}
          @change=${(e: Event) => this.#setRule(i, { agentId: (e.target as HTMLSelectElement).value || null })}
        >
          <option value="" ?selected=${rule.agentId === null}>${msg('Campaign agent')}</option>
          ${known ? nothing : html`<option value=${rule.agentId!} selected>${rule.agentId}</option>`}
          ${agents.map((a) => html`<option value=${a.id} ?selected=${a.id === rule.agentId}>${a.name}</option>`)}
        </select>
      </div>
      <button type="button" @click=${() => this.#removeRule(i)}>
        ${msg('Remove')}<span class="visually-hidden"> ${msg(str`follow-up ${n}`)}</span>
      </button>
      <div class="row-errors" aria-live="polite">${fieldError(delayPath, delayError)}</div>
    </div>`;
  }

  #typeDelay(i: number, text: string): void {
    const hours = parseIntegerText(text);
    const texts = new Map(this.delayTexts);
    if (hours !== null && hours >= 1 && hours <= MAX_DELAY_HOURS) {
      texts.delete(i);
      this.#setRule(i, { delayHours: hours });
    } else {
      texts.set(i, text);
    }
    this.delayTexts = texts;
  }

  #setRule(i: number, patch: Partial<FollowUpRule>): void {
    this.edit((d) =>
      withOutcomes(d, {
        followUps: { ...d.outcomes.followUps, rules: d.outcomes.followUps.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) },
      }),
    );
  }

  #addRule = async (): Promise<void> => {
    const count = this.draft?.outcomes.followUps.rules.length ?? 0;
    this.#setFollowUps({ rules: [...(this.draft?.outcomes.followUps.rules ?? []), { ...NEW_RULE }] });
    this.note = () => msg(str`Follow-up ${count + 1} added.`);
    await this.#focusAfterRender(`#${CSS.escape(fieldId(`outcomes.followUps.rules.${count}.trigger`))}`);
  };

  #removeRule(i: number): void {
    // Typed delays move with their rows.
    const texts = new Map<number, string>();
    for (const [j, text] of this.delayTexts) if (j !== i) texts.set(j > i ? j - 1 : j, text);
    this.delayTexts = texts;
    this.#setFollowUps({ rules: (this.draft?.outcomes.followUps.rules ?? []).filter((_, j) => j !== i) });
    this.note = () => msg(str`Follow-up ${i + 1} removed.`);
    void this.#focusAfterRender('#add-rule');
  }

  #setFollowUps(patch: Partial<Outcomes['followUps']>): void {
    this.edit((d) => withOutcomes(d, { followUps: { ...d.outcomes.followUps, ...patch } }));
  }

  // ---- Campaign Goals ----

  #renderGoals(goals: readonly GoalDraft[]) {
    const path = 'outcomes.goals';
    const error = this.errorFor(path);
    const unpicked = GOAL_TYPES.filter((t) => !goals.some((g) => g.type === t.id));
    return html`<fieldset
      class="field wide"
      id=${fieldId(path)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(hintId(path), error && errorId(path)) ?? nothing}
    >
      <legend>${msg('Campaign Goals')}</legend>
      ${fieldHint(path, msg('Optional. Up to three goals, each with an optional target.'))}
      ${goals.length ? html`<div class="rows">${goals.map((g, i) => this.#renderGoal(goals, g, i))}</div>` : nothing}
      ${fieldError(path, error)}
      <div class="actions">
        ${goals.length >= MAX_GOALS
          ? html`<p class="hint">${msg('A campaign can have up to three goals.')}</p>`
          : unpicked.length
            ? html`<button type="button" id="add-goal" @click=${this.#addGoal}>${msg('Add goal')}</button>`
            : nothing}
      </div>
    </fieldset>`;
  }

  #renderGoal(goals: readonly GoalDraft[], g: GoalDraft, i: number) {
    const n = i + 1;
    const typePath = `outcomes.goals.${i}.type`;
    const targetPath = `outcomes.goals.${i}.targetText`;
    const typeError = this.errorFor(typePath);
    const targetError = this.errorFor(targetPath);
    const kind = goalKind(g.type) ?? 'count';
    const listed = GOAL_TYPES.some((t) => t.id === g.type);
    // A type another goal already uses is not offered again.
    const choices = GOAL_TYPES.filter((t) => t.id === g.type || !goals.some((other, j) => j !== i && other.type === t.id));
    return html`<div class="row">
      <div class="cell">
        <label for=${fieldId(typePath)}>${msg(str`Goal ${n}`)}</label>
        <select
          id=${fieldId(typePath)}
          aria-invalid=${typeError ? 'true' : 'false'}
          aria-describedby=${describedBy(typeError && errorId(typePath)) ?? nothing}
          @change=${(e: Event) => this.#setGoal(i, { type: (e.target as HTMLSelectElement).value }, typePath)}
        >
          ${listed ? nothing : html`<option value=${g.type} selected>${g.type}</option>`}
          ${choices.map((t) => html`<option value=${t.id} ?selected=${t.id === g.type}>${goalName(t.id)}</option>`)}
        </select>
      </div>
      <div class="cell narrow">
        <label for=${fieldId(targetPath)}>${msg(str`Goal ${n} target`)}</label>
        <span class="with-unit">
          <input
            id=${fieldId(targetPath)}
            type="text"
            inputmode=${kind === 'percent' ? 'decimal' : 'numeric'}
            autocomplete="off"
            aria-invalid=${targetError ? 'true' : 'false'}
            aria-describedby=${describedBy(hintId(targetPath), targetError && errorId(targetPath)) ?? nothing}
            .value=${g.targetText}
            @input=${(e: Event) => this.#setGoal(i, { targetText: (e.target as HTMLInputElement).value })}
            @change=${() => this.wizard?.touch(targetPath)}
          />
          <span aria-hidden="true">${unitText(kind)}</span>
        </span>
      </div>
      <button type="button" @click=${() => this.#removeGoal(i)}>
        ${msg('Remove')}<span class="visually-hidden"> ${msg(str`goal ${n}`)}</span>
      </button>
      <div class="row-errors">
        <p class="hint" id=${hintId(targetPath)}>${targetHint(kind)}</p>
        ${fieldError(typePath, typeError)}${fieldError(targetPath, targetError)}
      </div>
    </div>`;
  }

  #setGoal(i: number, patch: Partial<GoalDraft>, touchedPath?: string): void {
    this.edit((d) => withOutcomes(d, { goals: d.outcomes.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)) }), touchedPath);
  }

  #addGoal = async (): Promise<void> => {
    const goals = this.draft?.outcomes.goals ?? [];
    const type = GOAL_TYPES.find((t) => !goals.some((g) => g.type === t.id));
    if (!type || goals.length >= MAX_GOALS) return;
    this.#setOutcomes({ goals: [...goals, { type: type.id, targetText: '' }] });
    this.note = () => msg(str`Goal ${goals.length + 1} added.`);
    await this.#focusAfterRender(`#${CSS.escape(fieldId(`outcomes.goals.${goals.length}.type`))}`);
  };

  #removeGoal(i: number): void {
    this.#setOutcomes({ goals: (this.draft?.outcomes.goals ?? []).filter((_, j) => j !== i) });
    this.note = () => msg(str`Goal ${i + 1} removed.`);
    // The Add button may not have been there (three goals); the fieldset's first control then.
    void this.#focusAfterRender('#add-goal', `#${CSS.escape(fieldId('outcomes.goals'))} select`);
  }

  // ---- shared ----

  #setOutcomes(patch: Partial<Outcomes>): void {
    this.edit((d) => withOutcomes(d, patch));
  }

  /** After the next render (the wizard re-provides the draft first), focuses the first match. */
  async #focusAfterRender(...selectors: string[]): Promise<void> {
    // The draft reaches this element through the wizard's next update (a microtask away), then
    // this one renders; a task later both are done.
    await new Promise((r) => setTimeout(r));
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }
}

function withOutcomes(d: CampaignDraft, patch: Partial<Outcomes>): CampaignDraft {
  return { ...d, outcomes: { ...d.outcomes, ...patch } };
}
