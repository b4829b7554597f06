/**
 * Counts the page's live Workers: wraps the global Worker constructor so the fuzz harness can
 * check that every import frees its workers. Must be evaluated before src/csv/index.ts (which
 * subclasses `globalThis.Worker` when it loads): harness.ts imports it first.
 */
const live = new Set<Worker>();
let created = 0;

const Native = globalThis.Worker;
class CountedWorker extends Native {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    created++;
    live.add(this);
  }
  override terminate(): void {
    live.delete(this);
    super.terminate();
  }
}
globalThis.Worker = CountedWorker;

/** Workers constructed and not terminated yet. */
export function liveWorkers(): number {
  return live.size;
}

/** Workers constructed since the page loaded. */
export function workersCreated(): number {
  return created;
}
