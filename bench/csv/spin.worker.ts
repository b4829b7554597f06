/** Control for the main-thread figures: a worker that only burns CPU for `ms` milliseconds. */
self.onmessage = (e: MessageEvent<{ ms: number }>) => {
  const end = performance.now() + e.data.ms;
  let x = 0;
  while (performance.now() < end) x = (x * 31 + 7) % 1000003;
  postMessage({ x });
};
