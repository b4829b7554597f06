import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmptyDraft } from '../../src/model/defaults.js';
import { STEP_IDS } from '../../src/model/schema.js';
import { validateStep, validationReport } from '../../src/model/validate.js';
import { ctx, validDraft } from './fixtures.js';

describe('validationReport', () => {
  it('blocking is validateStep for every step', () => {
    for (const draft of [createEmptyDraft(), validDraft()]) {
      for (const mode of ['create', 'edit'] as const) {
        const report = validationReport(draft, ctx({ mode }));
        for (const step of STEP_IDS) assert.deepEqual(report.blocking[step], validateStep(draft, step, ctx({ mode })));
      }
    }
  });

  it('submit is the blocking errors in step order, in create mode', () => {
    const report = validationReport(createEmptyDraft(), ctx());
    assert.deepEqual(report.submit, STEP_IDS.flatMap((s) => report.blocking[s]));
    assert.ok(report.submit.some((e) => e.step === 'audience'));
  });

  it('in edit mode a replaced audience stops a submit though it never blocks Next', () => {
    const draft = { ...validDraft(), audience: { ...createEmptyDraft().audience } };
    const report = validationReport(draft, ctx({ mode: 'edit' }));
    assert.deepEqual(report.blocking.audience, []);
    assert.deepEqual(report.submit.map((e) => e.code), ['audience.source_required']);
  });
});
