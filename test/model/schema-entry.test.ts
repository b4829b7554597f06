import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the ./schema entry imports under plain Node, with no DOM', async () => {
  assert.equal(typeof (globalThis as Record<string, unknown>).window, 'undefined');
  assert.equal(typeof (globalThis as Record<string, unknown>).document, 'undefined');
  assert.equal(typeof (globalThis as Record<string, unknown>).HTMLElement, 'undefined');
  const entry = await import('../../src/schema-entry.js');
  for (const name of [
    'campaignPayloadSchema',
    'createEmptyDraft',
    'DEFAULT_CALL_WINDOWS',
    'TIMEZONES',
    'defaultTimezone',
    'utcOffsetMinutes',
    'formatUtcOffset',
    'wallTimeToInstant',
    'GOAL_TYPES',
    'MAX_GOALS',
    'parseContactIds',
    'validateStep',
    'validateDraft',
    'firstBlockedStep',
    'toPayload',
    'applyPayload',
    'draftFromPayload',
    'csvFileOf',
    'WEEKDAYS',
    'STEP_IDS',
    'VARIANT_KEYS',
  ]) {
    assert.ok(name in entry, `exports ${name}`);
  }
  // A server can check a payload with it.
  const d = entry.createEmptyDraft();
  assert.equal(entry.campaignPayloadSchema.safeParse({}).success, false);
  assert.equal(entry.toPayload(d, { mode: 'create', now: new Date(), environment: 'production' }).ok, false);
});
