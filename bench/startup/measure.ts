// The start-up clock shared by both pages.
import { afterPaint, pollUntil, watchLongTasks } from '../lib/page.js';

export interface Mounted {
  /** The text of the first step's heading, once rendered. */
  heading(): string | undefined;
  /** True once the first step's lists (agents) are filled; the bare element is ready at once. */
  ready(): boolean;
}

export interface StartupTiming {
  importMs: number;
  headingMs: number;
  paintedMs: number;
  readyMs: number;
  /** Main-thread tasks over 50 ms from the import to ready, and the longest. */
  longTasks: number;
  longestTaskMs: number;
}

export async function measureStartup(load: () => Promise<{ mount(parent: HTMLElement): Mounted }>): Promise<StartupTiming> {
  const watch = watchLongTasks();
  const t0 = performance.now();
  const mod = await load();
  const tImported = performance.now();
  const m = mod.mount(document.body);
  await pollUntil(() => m.heading() === 'Basics', 10_000, () => `heading "${m.heading()}"`);
  const tHeading = performance.now();
  const tPainted = await afterPaint();
  await pollUntil(() => m.ready(), 10_000, () => 'not ready');
  const tReady = performance.now();
  await afterPaint();
  const lt = watch.stop();
  return { importMs: tImported - t0, headingMs: tHeading - t0, paintedMs: tPainted - t0, readyMs: tReady - t0, longTasks: lt.count, longestTaskMs: lt.longestMs };
}

declare global {
  interface Window {
    startup: Promise<StartupTiming>;
  }
}
