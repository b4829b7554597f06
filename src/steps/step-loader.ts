import type { StepId } from '../model/schema.js';

// Basics is in the wizard's first chunk; the other steps load on demand (and are prefetched once
// the wizard has painted), which keeps the first load small.
const loaders: Record<Exclude<StepId, 'basics'>, () => Promise<unknown>> = {
  telephony: () => import('./step-telephony.js'),
  audience: () => import('./step-audience.js'),
  schedule: () => import('./step-schedule.js'),
  outcomes: () => import('./step-outcomes.js'),
  review: () => import('./step-review.js'),
};

const loading = new Map<StepId, Promise<void>>();

/** Resolves once the step's element is defined. */
export function loadStep(step: StepId): Promise<void> {
  if (step === 'basics') return Promise.resolve();
  let pending = loading.get(step);
  if (!pending) {
    pending = loaders[step]().then(() => undefined);
    // A failed load (a network blip) may be tried again on the next move.
    pending.catch(() => loading.delete(step));
    loading.set(step, pending);
  }
  return pending;
}

/** Loads every step in the background, so Next never waits for the network. */
export function prefetchSteps(): void {
  const run = () => {
    for (const step of Object.keys(loaders) as StepId[]) void loadStep(step).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
