import { createContext } from '@lit/context';
import type { CampaignWizardAdapters } from '../adapters/types.js';
import type { ResourceCache } from './adapter-resource.js';
import type { CampaignDraft } from '../model/draft.js';
import type { StepId } from '../model/schema.js';
import type { FieldError, ValidationContext } from '../model/validate.js';
import type { CsvSession } from './csv-session.js';
import type { DraftChangeSource, DraftRecipe } from './draft-store.js';

export type CapacityPreview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; maxConcurrentCalls: number | null }
  | { status: 'error'; message: string };

/**
 * What `<campaign-wizard>` shares with its steps. A new object is provided on every change
 * (the context notifies by identity), so steps read it as an immutable snapshot and write
 * only through `update`.
 */
export interface WizardState {
  readonly draft: CampaignDraft;
  readonly mode: 'create' | 'edit';
  readonly environment: 'production' | 'development';
  readonly features: { followUps?: boolean; contactMemory?: boolean };
  readonly adapters: CampaignWizardAdapters | undefined;
  /** Adapter answers shared by this wizard's steps (pass to AdapterResource.setAdapters). */
  readonly resources: ResourceCache;
  /** Edit mode: the campaign is still loading, so its values are not there yet. */
  readonly loading: boolean;
  /** The errors the user should see now: steps they tried to leave, fields they touched. */
  readonly visibleErrors: readonly FieldError[];
  readonly capacity: CapacityPreview;
  /** The CSV import of this wizard: it runs on while the user visits other steps. */
  /** The CSV import; undefined until a CSV audience is chosen (its code loads then). */
  readonly csv: CsvSession | undefined;
  readonly currentStep: StepId;
  /** What validation and the payload conversion are judged against (mode, clock, pool ceiling). */
  readonly validation: ValidationContext;
  update(recipe: DraftRecipe, source?: DraftChangeSource): void;
  /** Marks a field as edited, so its errors show before the first Next. */
  touch(path: string): void;
  retryCapacity(): void;
}

export const wizardContext = createContext<WizardState>(Symbol('campaign-wizard-state'));
