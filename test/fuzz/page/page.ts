/**
 * The page scripts/fuzz.mjs drives (`npm run fuzz`): builds each case in the page from its
 * (seed, index) and runs it through the real import. The Node side only sends numbers.
 */
import { runIndex } from '../harness.js';
import { liveWorkers, workersCreated } from '../worker-count.js';

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

const fuzz = {
  run: runIndex,
  /** Heap after a GC (needs --js-flags=--expose-gc), and worker counts. */
  stats() {
    (globalThis as unknown as { gc?: () => void }).gc?.();
    return { heapBytes: heap(), liveWorkers: liveWorkers(), workersCreated: workersCreated() };
  },
};
(window as unknown as { fuzz: typeof fuzz }).fuzz = fuzz;
document.title = 'CSV fuzz: ready';
