import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALL_WINDOWS } from '../../src/model/defaults.js';
import { windowGroups, reviewRowKeys, REVIEW_ROWS } from '../../src/model/review.js';
import type { CampaignPayload } from '../../src/model/schema.js';

describe('windowGroups', () => {
  it('joins the default week into Mon–Fri', () => {
    assert.deepEqual(windowGroups(DEFAULT_CALL_WINDOWS), [{ from: 'monday', to: 'friday', start: '09:00', end: '18:00' }]);
  });

  it('splits on a different time, a day off, and never joins across an off day', () => {
    const w = {
      ...DEFAULT_CALL_WINDOWS,
      wednesday: { enabled: false, start: '09:00', end: '18:00' },
      friday: { enabled: true, start: '10:00', end: '16:00' },
      saturday: { enabled: true, start: '10:00', end: '16:00' },
    };
    assert.deepEqual(windowGroups(w), [
      { from: 'monday', to: 'tuesday', start: '09:00', end: '18:00' },
      { from: 'thursday', to: 'thursday', start: '09:00', end: '18:00' },
      { from: 'friday', to: 'saturday', start: '10:00', end: '16:00' },
    ]);
  });

  it('is empty when every day is off', () => {
    const off = Object.fromEntries(Object.entries(DEFAULT_CALL_WINDOWS).map(([d, w]) => [d, { ...w, enabled: false }]));
    assert.deepEqual(windowGroups(off as typeof DEFAULT_CALL_WINDOWS), []);
  });
});

describe('reviewRowKeys', () => {
  const base = { audience: { source: 'contact_ids', contactIds: ['a'], callVariables: [] } } as unknown as CampaignPayload;
  it('lists the reference rows and leaves out call variables when there are none', () => {
    assert.deepEqual(reviewRowKeys(base), REVIEW_ROWS.filter((k) => k !== 'callVariables'));
  });
  it('shows call variables when there are some', () => {
    const p = { audience: { ...base.audience, callVariables: [{ name: 'plan', value: 'gold' }] } } as unknown as CampaignPayload;
    assert.ok(reviewRowKeys(p).includes('callVariables'));
  });
});
