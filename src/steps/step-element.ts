import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import type { CampaignDraft } from '../model/draft.js';
import type { DraftRecipe } from '../state/draft-store.js';
import { wizardContext, type WizardState } from '../state/wizard-context.js';
import { tokens } from '../ui/theme.js';
import { formStyles } from '../ui/shared-styles.js';
import { errorMessage } from '../ui/messages.js';
import { fieldId } from '../ui/field.js';

/**
 * What every step shares: the wizard state from context, the visible error of a field, and
 * focusing a field or the heading on the wizard's behalf.
 */
export abstract class StepElement extends LitElement {
  static override styles = [tokens, formStyles];

  @consume({ context: wizardContext, subscribe: true })
  @state()
  protected wizard?: WizardState;

  protected get draft(): CampaignDraft | undefined {
    return this.wizard?.draft;
  }

  /** The message to show under a field, if any (only after a Next or an edit of it). */
  protected errorFor(path: string): string | undefined {
    const error = this.wizard?.visibleErrors.find((e) => e.path === path);
    return error ? errorMessage(error) : undefined;
  }

  protected edit(recipe: DraftRecipe, touchedPath?: string): void {
    this.wizard?.update(recipe, 'user');
    if (touchedPath) this.wizard?.touch(touchedPath);
  }

  /** Focuses the control of a draft path (the first control of a group). Returns false if absent. */
  async focusField(path: string): Promise<boolean> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`);
    if (!target) return false;
    const focusable =
      target.matches('input, select, textarea, button, [tabindex]')
        ? target
        : target.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button');
    (focusable ?? target).focus();
    return true;
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }
}
