// Page-side helpers shared by the browser benchmarks (bundled into their pages by Vite).

/** Resolves right after the next frame is painted: a task posted from the next animation frame. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    });
  });
}

/**
 * Resolves with `check()`'s first truthy answer, checking once per task (MessageChannel, so no
 * 4 ms timer clamping) and, after a while, every millisecond. Rejects after `timeoutMs`.
 */
export function pollUntil<T>(check: () => T | undefined | null | false, timeoutMs = 5000, describe?: () => string): Promise<T> {
  const start = performance.now();
  return new Promise<T>((resolve, reject) => {
    const ch = new MessageChannel();
    let spins = 0;
    const tick = () => {
      let v: T | undefined | null | false;
      try {
        v = check();
      } catch {
        v = undefined;
      }
      if (v) {
        ch.port1.close();
        resolve(v);
        return;
      }
      if (performance.now() - start > timeoutMs) {
        ch.port1.close();
        reject(new Error(`timed out after ${timeoutMs} ms${describe ? `: ${describe()}` : ''}`));
        return;
      }
      if (++spins < 2000) ch.port2.postMessage(0);
      else setTimeout(tick, 1);
    };
    ch.port1.onmessage = tick;
    tick();
  });
}

export interface LongTaskWatch {
  stop(): {
    count: number;
    longestMs: number;
    totalMs: number;
    tasks: number[];
    /** Each long task with the last mark() label before it started. */
    attributed: { label: string; startMs: number; durationMs: number }[];
    longestEventMs: number;
    longestEvent: string;
  };
  /** Labels what happens from now on (the walk's current action), for attributing long tasks. */
  mark(label: string): void;
}

/**
 * Counts main-thread tasks over 50 ms (PerformanceObserver 'longtask') from now until stop(), and
 * the longest input event (Event Timing: from the event to the next paint after its handlers;
 * 8 ms granularity, reported from 16 ms).
 */
export function watchLongTasks(): LongTaskWatch {
  const tasks: number[] = [];
  const entries: PerformanceEntry[] = [];
  const marks: { label: string; t: number }[] = [{ label: 'start', t: performance.now() }];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e.duration);
      entries.push(e);
    }
  });
  obs.observe({ type: 'longtask', buffered: false });
  let longestEventMs = 0;
  let longestEvent = '';
  const events = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration > longestEventMs) {
        longestEventMs = e.duration;
        longestEvent = e.name;
      }
    }
  });
  events.observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
  return {
    mark(label: string) {
      marks.push({ label, t: performance.now() });
    },
    stop() {
      for (const e of obs.takeRecords()) {
        tasks.push(e.duration);
        entries.push(e);
      }
      obs.disconnect();
      events.takeRecords();
      events.disconnect();
      const attributed = entries.map((e) => ({
        label: marks.filter((m) => m.t <= e.startTime).at(-1)?.label ?? 'start',
        startMs: e.startTime,
        durationMs: e.duration,
      }));
      return { count: tasks.length, longestMs: tasks.length ? Math.max(...tasks) : 0, totalMs: tasks.reduce((a, b) => a + b, 0), tasks, attributed, longestEventMs, longestEvent };
    },
  };
}

export interface NextTiming {
  heading: string;
  /** keydown (its event timestamp) to the new heading in the DOM. */
  toHeadingMs: number;
  /** keydown to the task after the next frame that shows it. */
  toPaintMs: number;
  fields: number;
}

/**
 * Arms one measurement of "Next pressed -> next step painted": the next Enter keydown starts the
 * clock (its event timestamp), the clock stops after the first frame painted once `headingText()`
 * reads `expected`. Returns the promise of the timing.
 */
export function armNext(expected: string, headingText: () => string | undefined, countFields: () => number, timeoutMs = 5000): Promise<NextTiming> {
  return new Promise<NextTiming>((resolve, reject) => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      window.removeEventListener('keydown', onKey, true);
      const t0 = e.timeStamp;
      pollUntil(() => headingText() === expected, timeoutMs, () => `heading is "${headingText()}", expected "${expected}"`)
        .then(async () => {
          const tHeading = performance.now();
          const tPaint = await afterPaint();
          resolve({ heading: expected, toHeadingMs: tHeading - t0, toPaintMs: tPaint - t0, fields: countFields() });
        })
        .catch(reject);
    };
    window.addEventListener('keydown', onKey, true);
  });
}

/** Form fields (input, select, textarea) under `root`, through open shadow roots. */
export function countFields(root: Element | ShadowRoot | null | undefined): number {
  if (!root) return 0;
  let n = 0;
  const walk = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) n++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return n;
}
