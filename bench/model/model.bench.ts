// Model benchmark, in Node: validateDraft() and toPayload() per call on a full draft, as a ratio
// to structuredClone() of the same draft (the baseline, measured in the same rounds).
//
//   node --import tsx bench/model/model.bench.ts [--json] [--rounds=21] [--batch-ms=20]
//
// Each round times one batch of each function in a shuffled order; a batch runs the function
// enough times to last about --batch-ms. The figure is the median per-call time over the rounds,
// and the ratio is taken round by round (same round, same machine state) then the median.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTACT_IDS, CONTEXT, fullDraft } from './full-draft.js';
import { toPayload } from '../../src/model/payload.js';
import { validateDraft } from '../../src/model/validate.js';

const arg = (name: string, dflt: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};

export interface ModelResults {
  contactIds: number;
  rounds: number;
  perCallUs: { structuredClone: number; validateDraft: number; toPayload: number };
  ratio: { validateDraft: number; toPayload: number };
  node: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

let sink: unknown;

export function runModelBench({ rounds = 21, batchMs = 20 } = {}): ModelResults {
  const draft = fullDraft();
  if (validateDraft(draft, CONTEXT).length) throw new Error('the full draft does not validate');
  if (!toPayload(draft, CONTEXT).ok) throw new Error('the full draft does not convert');
  const fns: Record<'structuredClone' | 'validateDraft' | 'toPayload', () => unknown> = {
    structuredClone: () => structuredClone(draft),
    validateDraft: () => validateDraft(draft, CONTEXT),
    toPayload: () => toPayload(draft, CONTEXT),
  };
  const names = Object.keys(fns) as (keyof typeof fns)[];
  // Warm up, then size each batch to about batchMs.
  const batch: Record<string, number> = {};
  for (const n of names) {
    const f = fns[n];
    let count = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) sink = f();
      const ms = performance.now() - t0;
      if (ms >= batchMs / 4) {
        batch[n] = Math.max(1, Math.round((count * batchMs) / ms));
        break;
      }
      count *= 2;
    }
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const ratios: Record<'validateDraft' | 'toPayload', number[]> = { validateDraft: [], toPayload: [] };
  for (let r = 0; r < rounds; r++) {
    const order = [...names].sort(() => Math.random() - 0.5);
    const perCall: Record<string, number> = {};
    for (const n of order) {
      const f = fns[n];
      const count = batch[n]!;
      const t0 = performance.now();
      for (let i = 0; i < count; i++) sink = f();
      perCall[n] = ((performance.now() - t0) * 1000) / count;
      samples[n]!.push(perCall[n]!);
    }
    ratios.validateDraft.push(perCall.validateDraft! / perCall.structuredClone!);
    ratios.toPayload.push(perCall.toPayload! / perCall.structuredClone!);
  }
  void sink;
  return {
    contactIds: CONTACT_IDS,
    rounds,
    perCallUs: { structuredClone: median(samples.structuredClone!), validateDraft: median(samples.validateDraft!), toPayload: median(samples.toPayload!) },
    ratio: { validateDraft: median(ratios.validateDraft), toPayload: median(ratios.toPayload) },
    node: process.version,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = runModelBench({ rounds: arg('rounds', 21), batchMs: arg('batch-ms', 20) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`Model, full draft (${r.contactIds} Contact IDs), Node ${r.node}, median of ${r.rounds} rounds`);
    console.log(`  structuredClone  ${r.perCallUs.structuredClone.toFixed(1)} µs/call (baseline)`);
    console.log(`  validateDraft    ${r.perCallUs.validateDraft.toFixed(1)} µs/call  ratio ${r.ratio.validateDraft.toFixed(2)}`);
    console.log(`  toPayload        ${r.perCallUs.toPayload.toFixed(1)} µs/call  ratio ${r.ratio.toPayload.toFixed(2)}`);
  }
}
