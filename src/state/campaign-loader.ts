import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignWizardAdapters } from '../adapters/types.js';
import { campaignPayloadSchema, type CampaignPayload } from '../model/schema.js';
import { z } from '../model/zod.js';
import { errorText } from './adapter-resource.js';

export type CampaignLoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded' }
  | { status: 'error'; reason: 'failed' | 'malformed' | 'missing'; message: string };

/**
 * Edit mode: loads the campaign named by `campaign-id` once per (adapters, id), checks it, and
 * hands it over. A newer id or a disconnect aborts the older request; its answer is dropped.
 */
export class CampaignLoader implements ReactiveController {
  state: CampaignLoadState = { status: 'idle' };
  #key: unknown[] = [];
  #request: AbortController | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onLoaded: (payload: CampaignPayload) => void,
  ) {
    host.addController(this);
  }

  load(adapters: CampaignWizardAdapters | undefined, campaignId: string | undefined, force = false): void {
    // A host may update once more after it left the page: no call then, as nobody would abort it.
    if (!this.#connected) return;
    if (!force && this.#key[0] === adapters && this.#key[1] === campaignId) return;
    this.#key = [adapters, campaignId];
    this.#request?.abort();
    if (!adapters || !campaignId) {
      this.#set({ status: 'idle' });
      return;
    }
    if (!adapters.loadCampaign) {
      this.#set({ status: 'error', reason: 'missing', message: '' });
      return;
    }
    const request = (this.#request = new AbortController());
    this.#set({ status: 'loading' });
    void this.#fetch(adapters, campaignId, request);
  }

  retry(adapters: CampaignWizardAdapters | undefined, campaignId: string | undefined): void {
    this.load(adapters, campaignId, true);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#request?.abort();
    if (this.state.status === 'loading') this.#key = [];
  }

  async #fetch(adapters: CampaignWizardAdapters, id: string, request: AbortController): Promise<void> {
    let next: CampaignLoadState;
    let payload: CampaignPayload | undefined;
    try {
      const parsed = z.safeParse(campaignPayloadSchema, await adapters.loadCampaign!(id, { signal: request.signal }));
      if (parsed.success) {
        payload = parsed.data;
        next = { status: 'loaded' };
      } else {
        next = { status: 'error', reason: 'malformed', message: '' };
      }
    } catch (error) {
      next = { status: 'error', reason: 'failed', message: errorText(error) };
    }
    if (request.signal.aborted) return;
    if (payload) this.onLoaded(payload);
    this.#set(next);
  }

  #set(state: CampaignLoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
