import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdapterContext, CampaignWizardAdapters } from '../adapters/types.js';
import { z } from '../model/zod.js';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; reason: 'failed' | 'malformed' | 'missing'; message: string };

export interface ResourceEntry {
  promise: Promise<ResourceState<unknown>>;
  /** The answer once it has arrived, so a step opened later shows it at once. */
  settled?: ResourceState<unknown>;
  controller: AbortController;
  users: number;
}

/**
 * Answers shared by the steps of one wizard, keyed by adapter method. Steps come and go as the
 * user moves, so a list loads once per wizard; a new wizard (or new adapters) starts afresh.
 */
export type ResourceCache = Map<string, ResourceEntry>;

export interface ResourceSpec<T> {
  /** Cache key, e.g. the adapter method name. */
  key: string;
  load(adapters: CampaignWizardAdapters, ctx: AdapterContext): Promise<unknown> | undefined;
  schema: z.ZodMiniType<T>;
}

/**
 * Loads an adapter-fed list for an element: loading, ready, error (failed, malformed, or the
 * adapter method is missing), and `retry()`. The request aborts when its last user disconnects.
 */
export class AdapterResource<T> implements ReactiveController {
  state: ResourceState<T> = { status: 'loading' };
  #adapters: CampaignWizardAdapters | undefined;
  #cache: ResourceCache = new Map();
  #entry: ResourceEntry | undefined;
  #generation = 0;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly spec: ResourceSpec<T>,
  ) {
    host.addController(this);
  }

  /** Call from the host's `willUpdate` with the wizard's adapters and cache; loads when they change. */
  setAdapters(adapters: CampaignWizardAdapters | undefined, cache?: ResourceCache): void {
    if (adapters === this.#adapters && (!cache || cache === this.#cache) && this.#entry) return;
    this.#release();
    this.#adapters = adapters;
    if (cache) this.#cache = cache;
    // A host may update once more after it left the page: no call then, as nobody would abort it.
    if (this.#connected) this.#start(false);
  }

  retry(): void {
    this.#release();
    this.#start(true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#adapters && !this.#entry) this.#start(false);
  }

  #start(fresh: boolean): void {
    const adapters = this.#adapters;
    if (!adapters) return;
    const entries = this.#cache;
    let entry = fresh ? undefined : entries.get(this.spec.key);
    if (!entry) {
      entry = this.#load(adapters);
      entries.set(this.spec.key, entry);
    }
    entry.users++;
    this.#entry = entry;
    const generation = ++this.#generation;
    this.state = (entry.settled as ResourceState<T> | undefined) ?? { status: 'loading' };
    this.host.requestUpdate();
    entry.promise.then((state) => {
      if (generation !== this.#generation) return;
      if (state.status === 'error') entries.delete(this.spec.key); // the next visit tries again
      this.state = state as ResourceState<T>;
      this.host.requestUpdate();
    });
  }

  #load(adapters: CampaignWizardAdapters): ResourceEntry {
    const controller = new AbortController();
    const run = async (): Promise<ResourceState<unknown>> => {
      let answer: unknown;
      try {
        const pending = this.spec.load(adapters, { signal: controller.signal });
        if (!pending) return { status: 'error', reason: 'missing', message: '' };
        answer = await pending;
      } catch (error) {
        return { status: 'error', reason: 'failed', message: errorText(error) };
      }
      const parsed = z.safeParse(this.spec.schema, answer);
      return parsed.success
        ? { status: 'ready', value: parsed.data }
        : { status: 'error', reason: 'malformed', message: '' };
    };
    const entry: ResourceEntry = { promise: run(), controller, users: 0 };
    void entry.promise.then((state) => (entry.settled = state));
    return entry;
  }

  #release(): void {
    const entry = this.#entry;
    this.#entry = undefined;
    this.#generation++;
    if (!entry) return;
    entry.users--;
    if (entry.users > 0) return;
    // Nobody waits for this answer any more: let the backend stop, and forget an unfinished load
    // now, so the next visit asks again instead of waiting on a call that was aborted.
    entry.controller.abort();
    const entries = this.#cache;
    if (entries.get(this.spec.key) === entry && entry.settled?.status !== 'ready') entries.delete(this.spec.key);
  }
}

/** The message of whatever an adapter threw, as plain text. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '';
}
