import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import type { CampaignDraft } from '../model/draft.js';
import type { DraftRecipe } from '../state/draft-store.js';
import { wizardContext, type WizardState } from '../state/wizard-context.js';
import { formStyles } from '../ui/shared-styles.js';
import { errorMessage } from '../ui/messages.js';
import { fieldId } from '../ui/field.js';

const FOCUS_ATTEMPTS = 20;
const FOCUS_RETRY_MS = 50;

/**
 * What every step shares: the wizard state from context, the visible error of a field, and
 * focusing a field or the heading on the wizard's behalf.
 */
export abstract class StepElement extends LitElement {
  // No tokens here: steps inherit the wizard's `--_*` values, so its theme reaches them.
  static override styles = [formStyles];

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

  /**
   * Focuses the control of a draft path (the first control of a group). A group's controls may
   * still be loading (a list from an adapter), so it waits a little for them. Returns false when
   * there is nothing to focus.
   */
  async focusField(path: string): Promise<boolean> {
    for (let attempt = 0; attempt < FOCUS_ATTEMPTS; attempt++) {
      await this.updateComplete;
      const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`);
      const focusable = target?.matches('input, select, textarea, button, [tabindex]')
        ? target
        : target?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button');
      if (focusable) {
        focusable.focus();
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, FOCUS_RETRY_MS));
    }
    return false;
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }
}
