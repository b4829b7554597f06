/**
 * The `npm test` slice of the CSV fuzz corpus (test/fuzz/corpus.ts): cases 0-199 of the default
 * seed, two full cycles of the category schedule (every category, the 10,000-column and 1 MB
 * cases twice), through the real import and workers. The whole corpus: `npm run fuzz`.
 */
import { expect } from '@open-wc/testing';
import { CATEGORIES, DEFAULT_SEED, fuzzCase } from './corpus.js';
import { reproLine, runCase } from './harness.js';

const SLICE = 200;
const PER_CASE_MS = 10_000;

describe('csv fuzz: a slice of the corpus through the real workers', function () {
  this.timeout(PER_CASE_MS + 5_000);

  it('the slice covers every category', () => {
    const seen = new Set(Array.from({ length: SLICE }, (_, i) => fuzzCase(i, DEFAULT_SEED).category));
    expect([...seen].sort()).to.deep.equal([...CATEGORIES].sort());
  });

  for (let i = 0; i < SLICE; i++) {
    it(`case ${i}`, async () => {
      const c = fuzzCase(i, DEFAULT_SEED);
      const r = await runCase(c, PER_CASE_MS);
      expect(r.failures, `case ${i} (${c.category}: ${c.variant}; preview ${r.preview}, done ${r.outcome}); reproduce: ${reproLine(r)}`).to.deep.equal([]);
    });
  }
});
