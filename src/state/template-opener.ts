import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignWizardAdapters } from '../adapters/types.js';
import { templateListSchema, type CampaignPayload, type DeepPartial } from '../model/schema.js';
import { z } from '../model/zod.js';

/**
 * Applies `template-id` when the wizard opens: finds the template through `listTemplates` and
 * hands its values over once. A changed id or adapters aborts the previous lookup.
 */
export class TemplateOpener implements ReactiveController {
  #request: AbortController | undefined;
  #key: unknown[] = [];
  #connected = false;
  /** Why the last template could not be applied; the host sees the Template field unchanged. */
  problem: 'not_found' | 'failed' | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly apply: (values: DeepPartial<CampaignPayload>, id: string) => void,
  ) {
    host.addController(this);
  }

  open(adapters: CampaignWizardAdapters | undefined, templateId: string | undefined): void {
    // A host may update once more after it left the page: no call then, as nobody would abort it.
    if (!this.#connected) return;
    if (this.#key[0] === adapters && this.#key[1] === templateId) return;
    this.#key = [adapters, templateId];
    this.#request?.abort();
    this.problem = null;
    if (!adapters?.listTemplates || !templateId) return;
    const request = (this.#request = new AbortController());
    void this.#load(adapters, templateId, request);
  }

  /** Applies the same template again (after "Discard draft"). */
  reopen(): void {
    const [adapters, id] = this.#key as [CampaignWizardAdapters | undefined, string | undefined];
    this.#key = [];
    this.open(adapters, id);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#request?.abort();
    this.#key = [];
  }

  async #load(adapters: CampaignWizardAdapters, id: string, request: AbortController): Promise<void> {
    let found: { values: Record<string, unknown> } | undefined;
    try {
      const parsed = z.safeParse(templateListSchema, await adapters.listTemplates!({ signal: request.signal }));
      if (request.signal.aborted) return;
      found = parsed.success ? parsed.data.find((t) => t.id === id) : undefined;
      this.problem = parsed.success && !found ? 'not_found' : parsed.success ? null : 'failed';
    } catch {
      if (request.signal.aborted) return;
      this.problem = 'failed';
    }
    if (found) this.apply(found.values as DeepPartial<CampaignPayload>, id);
    this.host.requestUpdate();
  }
}
