/**
 * The `npm test` slice of the CSV fuzz corpus (test/fuzz/corpus.ts): cases 0-199 of the default
 * seed, two full cycles of the category schedule (every category; the 10,000-column, 1 MB-cell
 * and many-row cases twice), through the real import and workers, three cases at a time. The
 * whole corpus: `npm run fuzz`.
 */
import { expect } from '@open-wc/testing';
import { CATEGORIES, DEFAULT_SEED, fuzzCase } from './corpus.js';
import { liveWorkers, reproLine, runCase, takePageErrors, type CaseResult } from './harness.js';

const SLICE = 200;
const BATCH = 20;
const LANES = 3;
const PER_CASE_MS = 10_000;

async function runBatch(indices: number[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < indices.length) {
        const c = fuzzCase(indices[next++], DEFAULT_SEED);
        results.push(await runCase(c, PER_CASE_MS, { concurrent: true }));
      }
    }),
  );
  return results.sort((a, b) => a.index - b.index);
}

describe('csv fuzz: a slice of the corpus through the real workers', function () {
  this.timeout(BATCH * PER_CASE_MS);

  it('the slice covers every category', () => {
    const seen = new Set(Array.from({ length: SLICE }, (_, i) => fuzzCase(i, DEFAULT_SEED).category));
    expect([...seen].sort()).to.deep.equal([...CATEGORIES].sort());
  });

  for (let first = 0; first < SLICE; first += BATCH) {
    const indices = Array.from({ length: BATCH }, (_, k) => first + k);
    it(`cases ${first}-${first + BATCH - 1}: a result or a CsvImportError with a known code, in time, workers freed`, async () => {
      takePageErrors();
      const results = await runBatch(indices);
      const problems = results
        .filter((r) => r.failures.length)
        .map((r) => `case ${r.index} (${r.category}: ${r.variant}; preview ${r.preview}, done ${r.outcome}): ${r.failures.join('; ')}; reproduce: ${reproLine(r)}`);
      // Per batch: with cases running side by side, these cannot be pinned on one of them.
      if (liveWorkers() !== 0) problems.push(`${liveWorkers()} workers alive after every import was cancelled`);
      problems.push(...takePageErrors().map((e) => `during cases ${first}-${first + BATCH - 1} (rerun one with npm run fuzz -- --case=N): ${e}`));
      expect(problems).to.deep.equal([]);
    });
  }
});
