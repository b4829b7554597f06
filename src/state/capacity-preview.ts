import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignWizardAdapters } from '../adapters/types.js';
import { poolCapacitySchema } from '../model/schema.js';
import { z } from '../model/zod.js';
import { errorText } from './adapter-resource.js';
import type { CapacityPreview } from './wizard-context.js';

/** How long the pool must stay unchanged before capacity is asked for (clicks come in bursts). */
export const CAPACITY_DEBOUNCE_MS = 300;

/**
 * Previews the pool's ceiling for the selected numbers. Each new selection aborts the request
 * in flight, and an answer for an older selection is never applied.
 */
export class CapacityPreviewController implements ReactiveController {
  state: CapacityPreview = { status: 'idle' };
  #adapters: CampaignWizardAdapters | undefined;
  #key = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | undefined;
  #connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Call on every render with the current pool; it asks again only when the pool changed. */
  watch(adapters: CampaignWizardAdapters | undefined, numberIds: readonly string[]): void {
    // A host may update once more after it left the page: no call then, as nobody would abort it.
    if (!this.#connected) return;
    const key = [...numberIds].sort().join('\n');
    if (adapters === this.#adapters && key === this.#key) return;
    this.#adapters = adapters;
    this.#key = key;
    this.#schedule(numberIds, CAPACITY_DEBOUNCE_MS);
  }

  retry(numberIds: readonly string[]): void {
    this.#schedule(numberIds, 0);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#cancel();
    // Ask again when reconnected.
    this.#key = '';
    this.#adapters = undefined;
  }

  #schedule(numberIds: readonly string[], delay: number): void {
    this.#cancel();
    const ids = [...numberIds];
    if (!this.#adapters || ids.length === 0) {
      this.#set({ status: 'idle' });
      return;
    }
    this.#set({ status: 'loading' });
    this.#timer = setTimeout(() => void this.#fetch(ids), delay);
  }

  async #fetch(ids: string[]): Promise<void> {
    const adapters = this.#adapters;
    if (!adapters) return;
    const request = new AbortController();
    this.#request = request;
    let next: CapacityPreview;
    try {
      const answer = await adapters.previewPoolCapacity(ids, { signal: request.signal });
      const parsed = z.safeParse(poolCapacitySchema, answer);
      next = parsed.success
        ? { status: 'ready', maxConcurrentCalls: parsed.data.maxConcurrentCalls }
        : { status: 'error', message: '' };
    } catch (error) {
      next = { status: 'error', message: errorText(error) };
    }
    // A newer selection (or a disconnect) took over while this one was in flight.
    if (this.#request !== request || request.signal.aborted) return;
    this.#request = undefined;
    this.#set(next);
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#request = undefined;
  }

  #set(state: CapacityPreview): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
