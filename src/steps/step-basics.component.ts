import { html, nothing, type PropertyValues } from 'lit';
import { localized, msg } from '@lit/localize';
import { agentListSchema, templateListSchema, type Agent, type CampaignTemplate } from '../model/schema.js';
import { applyPayload } from '../model/payload.js';
import { AdapterResource } from '../state/adapter-resource.js';
import { describedBy, errorId, fieldError, fieldHint, fieldId, hintId } from '../ui/field.js';
import { resourceStatus } from '../ui/resource-status.js';
import { StepElement } from './step-element.js';

/**
 * Step 1: Template (optional), Campaign Name and Agent.
 *
 * @summary The Basics step of `<campaign-wizard>`; reads and writes the wizard's draft through context.
 * @csspart field-error - The inline message under an invalid field.
 * @csspart resource-error - The error box of a list that failed to load, with its Retry button.
 */
@localized()
export class CampaignStepBasics extends StepElement {
  readonly #agents = new AdapterResource<Agent[]>(this, {
    key: 'listAgents',
    load: (adapters, ctx) => adapters.listAgents(ctx),
    schema: agentListSchema,
  });

  readonly #templates = new AdapterResource<CampaignTemplate[]>(this, {
    key: 'listTemplates',
    load: (adapters, ctx) => adapters.listTemplates?.(ctx),
    schema: templateListSchema as never,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#agents.setAdapters(this.wizard?.adapters, this.wizard?.resources);
    if (this.wizard?.adapters?.listTemplates) this.#templates.setAdapters(this.wizard.adapters, this.wizard.resources);
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return nothing;
    const nameError = this.errorFor('name');
    return html`
      <h2 tabindex="-1">${msg('Basics')}</h2>
      ${this.wizard?.adapters?.listTemplates ? this.#renderTemplate() : nothing}
      <div class="field">
        <label for=${fieldId('name')}>${msg('Campaign Name')}</label>
        <input
          id=${fieldId('name')}
          type="text"
          autocomplete="off"
          maxlength="200"
          aria-required="true"
          aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${describedBy(nameError && errorId('name')) ?? nothing}
          .value=${draft.name}
          @input=${(e: Event) => this.edit((d) => ({ ...d, name: (e.target as HTMLInputElement).value }))}
          @change=${() => this.wizard?.touch('name')}
        />
        ${fieldError('name', nameError)}
      </div>
      ${this.#renderAgent()}
    `;
  }

  #renderTemplate() {
    const state = this.#templates.state;
    const templates = state.status === 'ready' ? state.value : [];
    const selected = this.draft?.templateId ?? '';
    return html`<div class="field">
      <label for=${fieldId('templateId')}>${msg('Template')}</label>
      ${fieldHint('templateId', msg('Optional. Picking a saved template pre-fills the fields it defines.'))}
      <select
        id=${fieldId('templateId')}
        aria-describedby=${hintId('templateId')}
        ?disabled=${state.status !== 'ready' || templates.length === 0}
        @change=${(e: Event) => this.#pickTemplate((e.target as HTMLSelectElement).value, templates)}
      >
        <option value="" ?selected=${selected === ''}>${msg('No template')}</option>
        ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === selected}>${t.name}</option>`)}
      </select>
      ${resourceStatus(state, { what: msg('templates'), empty: msg('No saved templates yet.') }, () =>
        this.#templates.retry(),
      )}
    </div>`;
  }

  #pickTemplate(id: string, templates: readonly CampaignTemplate[]): void {
    const template = templates.find((t) => t.id === id);
    this.edit((d) => (template ? { ...applyPayload(d, template.values), templateId: template.id } : { ...d, templateId: null }));
  }

  #renderAgent() {
    const state = this.#agents.state;
    const agents = state.status === 'ready' ? state.value : [];
    const error = this.errorFor('agentId');
    const selected = this.draft?.agentId ?? '';
    const statusId = `${fieldId('agentId')}-status`;
    const known = agents.some((a) => a.id === selected);
    return html`<div class="field">
      <label for=${fieldId('agentId')}>${msg('Agent')}</label>
      <select
        id=${fieldId('agentId')}
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(error && errorId('agentId'), state.status !== 'ready' || !agents.length ? statusId : null) ?? nothing}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.edit((d) => ({ ...d, agentId: value || null }), 'agentId');
        }}
      >
        <option value="" ?selected=${selected === ''}>${msg('Select an agent')}</option>
        ${selected && !known && state.status !== 'ready'
          ? html`<option value=${selected} selected>${selected}</option>`
          : nothing}
        ${agents.map((a) => html`<option value=${a.id} ?selected=${a.id === selected}>${a.name}</option>`)}
      </select>
      ${resourceStatus(state, { what: msg('agents'), empty: msg('No agents are available. Create an agent first.') }, () => this.#agents.retry(), statusId)}
      ${fieldError('agentId', error)}
    </div>`;
  }
}
