// Interaction benchmark, in headless Chromium: a keyboard walk through the six steps of
// <campaign-wizard> on in-memory adapters (no latency), typing into every field, against a bare Lit
// element that re-renders with the same number of fields.
//
//   node bench/interaction/run.mjs [--runs=5]
//
// Per walk (a fresh page each): main-thread tasks over 50 ms during the walk (longtask observer;
// target 0) and the longest; for each Next, the time from the Enter keydown to the task after the
// first frame painted with the next step's heading. The baseline page does the same Next presses
// on <bare-steps>, whose steps have the field counts the wizard's steps had. Medians over runs.
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBuild } from '../lib/vite-build.mjs';
import { serve } from '../lib/serve.mjs';
import { chromiumVersion, freshPage, launchChromium, median } from '../lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const STEP_HEADINGS = ['Basics', 'Telephony', 'Audience', 'Schedule', 'Outcomes', 'Review'];
export const TARGETS = { longTasks: 0 };

/** The keyboard walk. `page` shows walk.html; returns the five Next timings and what was sent. */
export async function walkWizard(page) {
  const call = (fn, ...args) => page.evaluate((fn, args) => window.walk[fn](...args), fn, args);
  const kb = page.keyboard;
  // Every action labels what follows, so a long task can be traced to the action that caused it.
  const w = call;
  const act = (label) => call('mark', label);
  const type = async (label, text, kind) => {
    await act(`type "${label}"`);
    await w('focus', label, true, kind);
    await kb.type(text);
    await kb.press('Tab');
  };
  const choose = async (label, pick) => {
    await act(`choose "${label}"`);
    await w('focus', label);
    const n = await w('arrowsTo', label, pick);
    for (let i = 0; i < Math.abs(n); i++) await kb.press(n > 0 ? 'ArrowDown' : 'ArrowUp');
    const moved = await w('arrowsTo', label, pick);
    if (moved !== 0) throw new Error(`${label}: could not pick "${pick}" with the arrow keys`);
  };
  const toggle = async (label, kind) => {
    await act(`toggle "${label}"`);
    await w('focus', label, false, kind);
    await kb.press('Space');
  };
  const button = async (name) => {
    await act(`press "${name}"`);
    await w('focusButton', name);
    await kb.press('Enter');
  };
  const timings = [];
  const next = async (expected) => {
    await act(`Next -> ${expected}`);
    await w('focusButton', 'Next');
    await w('armNext', expected);
    await kb.press('Enter');
    timings.push(await w('nextResult'));
  };

  // 1 Basics: template, name, agent.
  await choose('Template', 'Appointment reminders');
  await type('Campaign Name', 'Spring renewals – enterprise accounts');
  await choose('Agent', 'Noah – Renewal Specialist');
  await next('Telephony');

  // 2 Telephony: primary number, two more in the pool, recording, country matching.
  await choose('Primary From Phone Number', 'num_us_nyc');
  await toggle('Sales – Central, +13125550178, United States');
  await toggle('Sales – West, +14155550123, United States');
  await toggle('Call Recording');
  await toggle('Prefer country-matched numbers for each contact');
  await next('Audience');

  // 3 Audience: Contact IDs, typed, and a call variable.
  await toggle('Contact IDs', 'radio');
  await act('type "Contact IDs" (20 lines)');
  await w('focus', 'Contact IDs', false, 'textarea');
  await kb.type(Array.from({ length: 20 }, (_, i) => `ct_${1000 + i}`).join('\n'));
  await kb.press('Tab');
  await button('Add call variable');
  await type('Variable 1 name', 'offer');
  await type('Variable 1 value', '10% off');
  await next('Schedule');

  // 4 Schedule: scheduled start, timezone, windows, dry run, custom concurrency, priority.
  await toggle('Scheduled', 'radio');
  const year = new Date().getFullYear() + 2;
  await act('type "Schedule Date & Time"');
  await w('focus', 'Schedule Date & Time');
  await kb.type(`0304${year}`);
  await kb.press('ArrowRight');
  await kb.type('0930A');
  const startAt = await w('value', 'Schedule Date & Time');
  if (startAt !== `${year}-03-04T09:30`) throw new Error(`Schedule Date & Time reads "${startAt}"`);
  await kb.press('Tab');
  await choose('Timezone', 'America/Chicago');
  await button('Copy to all');
  await toggle('Saturday');
  const times = { Monday: ['08:30', '17:00'], Tuesday: ['09:00', '18:00'], Wednesday: ['09:00', '18:00'], Thursday: ['09:00', '18:00'], Friday: ['09:00', '12:00'], Saturday: ['10:00', '14:00'] };
  for (const [day, [start, end]] of Object.entries(times)) {
    await type(`${day} start`, start);
    await type(`${day} end`, end);
  }
  await toggle('Testing Mode / dry run');
  await toggle('Custom', 'radio');
  await type('Maximum parallel calls', '7');
  await type('Priority', '8');
  await next('Outcomes');

  // 5 Outcomes: retries, A/B with three variants, follow-ups with a rule, two goals.
  if (!(await w('checked', 'Retry on voicemail'))) await toggle('Retry on voicemail');
  await choose('Max retries', '3');
  await type('Max voicemail attempts', '2');
  await toggle('A/B testing');
  await choose('Variant B agent', 'Ava – Appointment Setter');
  await button('Add variant C');
  await choose('Variant C agent', 'Mia – Customer Win-back');
  await type('Variant A weight', '50');
  await type('Variant B weight', '30');
  await type('Variant C weight', '20');
  await toggle('Missed-call follow-up');
  await toggle('Contact memory');
  await button('Add follow-up rule');
  await choose('Follow-up 1 outcome', 'voicemail');
  await type('Follow-up 1 delay (hours)', '48');
  await choose('Follow-up 1 agent', 'Ava – Appointment Setter');
  if (!(await w('exists', 'Goal 1'))) await button('Add goal');
  await type('Goal 1 target', '40');
  await button('Add goal');
  await choose('Goal 2', 'connect_rate');
  await type('Goal 2 target', '12.5');
  await next('Review');

  return { timings, result: await w('payload') };
}

/** What the walk must have produced: every step's fields made it into the payload. */
function checkPayload(r) {
  if (!r.ok) throw new Error(`the walk left errors: ${r.errors.join(', ')}`);
  const p = r.payload;
  const problems = [];
  const want = (cond, what) => cond || problems.push(what);
  want(p.name === 'Spring renewals – enterprise accounts', 'name');
  want(p.agentId === 'agt_noah', 'agent');
  want(p.templateId === 'tpl_appointments', 'template');
  want(p.telephony.primaryFromNumberId === 'num_us_nyc' && p.telephony.numberPoolIds.length === 3, 'number pool');
  want(p.audience.source === 'contact_ids' && p.audience.contactIds.length === 20 && p.audience.callVariables.length === 1, 'audience');
  want(p.schedule.triggerMode === 'scheduled' && p.schedule.timezone === 'America/Chicago' && p.schedule.dryRun === true, 'schedule');
  want(p.schedule.callWindows.saturday.enabled && p.schedule.callWindows.monday.start === '08:30', 'call windows');
  want(p.schedule.concurrency.mode === 'custom' && p.schedule.concurrency.limit === 7 && p.schedule.priority === 8, 'concurrency/priority');
  want(p.outcomes.maxRetries === 3 && p.outcomes.maxVoicemailAttempts === 2, 'retries');
  want(p.outcomes.abTest?.variants.length === 3, 'A/B variants');
  want(p.outcomes.followUps?.rules.length === 1, 'follow-up rule');
  want(p.outcomes.goals.length === 2, 'goals');
  if (problems.length) throw new Error(`the walk did not fill: ${problems.join(', ')}`);
}

async function walkBare(page, steps) {
  const b = (fn, ...args) => page.evaluate((fn, args) => window.bare[fn](...args), fn, args);
  await b('mount', steps);
  const timings = [];
  for (let i = 1; i < steps.length; i++) {
    await b('focusButton', 'Next');
    await b('armNext', steps[i].heading);
    await page.keyboard.press('Enter');
    timings.push(await b('nextResult'));
  }
  return timings;
}

export async function runInteractionBench({ runs = 5, log = console.log } = {}) {
  log('interaction: building the pages with Vite');
  const { outDir } = await viteBuild({ walk: resolve(here, 'walk.html'), bare: resolve(here, 'bare.html') }, { root: here });
  const srv = await serve(outDir);
  const browser = await launchChromium();
  const samples = { wizard: [], bare: [] };
  try {
    for (let r = 0; r < runs; r++) {
      // The wizard first: the baseline needs its field counts.
      {
        const { page, errors, close } = await freshPage(browser);
        await page.goto(`${srv.url}/walk.html`);
        await page.waitForFunction(() => 'walk' in window);
        await page.evaluate(() => window.walk.mount());
        await page.evaluate(() => window.walk.startLongTasks());
        const t0 = Date.now();
        const { timings, result } = await walkWizard(page);
        const walkMs = Date.now() - t0;
        const longTasks = await page.evaluate(() => window.walk.stopLongTasks());
        checkPayload(result);
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
        await close();
        samples.wizard.push({ timings, longTasks, walkMs });
        log(`interaction run ${r + 1}/${runs} wizard: ${timings.map((t) => t.toPaintMs.toFixed(1)).join(' / ')} ms; long tasks ${longTasks.count}${longTasks.count ? ` (longest ${longTasks.longestMs.toFixed(0)} ms)` : ''}; walk ${(walkMs / 1000).toFixed(1)} s`);
      }
      {
        const steps = [{ heading: 'Basics', fields: 0 }, ...samples.wizard.at(-1).timings.map((t) => ({ heading: t.heading, fields: t.fields }))];
        const { page, errors, close } = await freshPage(browser);
        await page.goto(`${srv.url}/bare.html`);
        await page.waitForFunction(() => 'bare' in window);
        const timings = await walkBare(page, steps);
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
        await close();
        samples.bare.push({ timings });
        log(`interaction run ${r + 1}/${runs} bare:   ${timings.map((t) => t.toPaintMs.toFixed(1)).join(' / ')} ms`);
      }
    }
  } finally {
    await browser.close();
    await srv.close();
    await rm(outDir, { recursive: true, force: true });
  }
  const transitions = STEP_HEADINGS.slice(1).map((heading, i) => {
    const wiz = median(samples.wizard.map((s) => s.timings[i].toPaintMs));
    const bare = median(samples.bare.map((s) => s.timings[i].toPaintMs));
    const ratios = samples.wizard.map((s, r) => s.timings[i].toPaintMs / samples.bare[r].timings[i].toPaintMs);
    return {
      to: heading,
      fields: samples.wizard[0].timings[i].fields,
      wizardMs: wiz,
      bareMs: bare,
      wizardToHeadingMs: median(samples.wizard.map((s) => s.timings[i].toHeadingMs)),
      bareToHeadingMs: median(samples.bare.map((s) => s.timings[i].toHeadingMs)),
      ratio: median(ratios),
    };
  });
  const all = (k) => samples.wizard.flatMap((s) => s.timings.map((t) => t[k]));
  const allBare = samples.bare.flatMap((s) => s.timings.map((t) => t.toPaintMs));
  // Long tasks by the walk action that was running, over all runs.
  const byAction = new Map();
  for (const s of samples.wizard) {
    for (const t of s.longTasks.attributed) {
      const a = byAction.get(t.label) ?? { action: t.label, count: 0, longestMs: 0 };
      a.count++;
      a.longestMs = Math.max(a.longestMs, t.durationMs);
      byAction.set(t.label, a);
    }
  }
  return {
    date: new Date().toISOString(),
    chromium: chromiumVersion(),
    runs,
    longTasksByAction: [...byAction.values()].sort((a, b) => b.count - a.count || b.longestMs - a.longestMs),
    longTasks: {
      maxCount: Math.max(...samples.wizard.map((s) => s.longTasks.count)),
      medianCount: median(samples.wizard.map((s) => s.longTasks.count)),
      longestMs: Math.max(...samples.wizard.map((s) => s.longTasks.longestMs)),
    },
    eventTiming: (() => {
      const worst = samples.wizard.map((s) => s.longTasks).sort((a, b) => b.longestEventMs - a.longestEventMs)[0];
      return { longestMs: worst.longestEventMs, name: worst.longestEvent, medianOfRunsMs: median(samples.wizard.map((s) => s.longTasks.longestEventMs)) };
    })(),
    next: {
      transitions,
      wizardMs: median(all('toPaintMs')),
      bareMs: median(allBare),
      ratio: median(transitions.map((t) => t.ratio)),
      worstWizardMs: Math.max(...all('toPaintMs')),
      wizardToHeadingMs: median(all('toHeadingMs')),
      bareToHeadingMs: median(samples.bare.flatMap((s) => s.timings.map((t) => t.toHeadingMs))),
    },
    targets: TARGETS,
    samples,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => Number(process.argv.find((x) => x.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
  const r = await runInteractionBench({ runs: arg('runs', 5) });
  const { samples, ...rest } = r;
  console.log(JSON.stringify(rest, null, 2));
}
