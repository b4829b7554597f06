import type { CampaignDraft } from '../model/draft.js';

export type DraftRecipe = (draft: CampaignDraft) => CampaignDraft;
export type DraftListener = (draft: CampaignDraft, source: DraftChangeSource) => void;
/** `user`: an edit in a step. `host`: the host set `initial`, `template-id` or loaded a campaign. */
export type DraftChangeSource = 'user' | 'host';

/**
 * Holds the one draft of a wizard. Every change makes a new frozen snapshot, so context consumers
 * (which compare by identity) re-render, and nobody can change the draft behind the store's back.
 */
export class DraftStore {
  #draft: CampaignDraft;
  readonly #listeners = new Set<DraftListener>();

  constructor(initial: CampaignDraft) {
    this.#draft = deepFreeze(initial);
  }

  get draft(): CampaignDraft {
    return this.#draft;
  }

  update(recipe: DraftRecipe, source: DraftChangeSource = 'user'): void {
    const next = recipe(this.#draft);
    if (next === this.#draft) return;
    this.#draft = deepFreeze(next);
    for (const listener of this.#listeners) listener(this.#draft, source);
  }

  replace(draft: CampaignDraft, source: DraftChangeSource = 'host'): void {
    this.update(() => draft, source);
  }

  subscribe(listener: DraftListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Blob)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
