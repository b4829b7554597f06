import '../support/lit-warnings.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/campaign-wizard.js';
import '../../src/steps/step-schedule.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { toPayload } from '../../src/model/payload.js';
import { defaultTimezone, TIMEZONES } from '../../src/model/timezones.js';
import { wallTimeAt } from '../../src/model/wall-clock.js';
import { deepElements, description, getByLabel, getByRole, queryAllByLabel, queryAllByRole, waitFor, expectFocused } from '../support/dom.js';
import { fakeAdapters } from '../support/fake-adapters.js';
import { READY, next, openStep, retype, select } from '../support/wizard.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

async function openSchedule(environment: 'production' | 'development' = 'production', dryRun?: boolean) {
  const { adapters, capacityCalls } = fakeAdapters();
  const el = await openStep(
    html`<campaign-wizard .adapters=${adapters} environment=${environment}></campaign-wizard>`,
    dryRun === undefined ? READY : { ...READY, schedule: { dryRun } },
    'schedule',
    'Schedule',
  );
  return { el, capacityCalls };
}

/** Types a 'YYYY-MM-DDTHH:mm' wall time into a datetime-local field the way Chromium's en-US field takes it. */
async function typeDateTime(control: HTMLInputElement, wall: string) {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall)!.map(String);
  const hour = Number(h);
  const h12 = String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0');
  control.focus();
  await sendKeys({ type: `${mo}${d}${y}` });
  await sendKeys({ press: 'ArrowRight' });
  await sendKeys({ type: `${h12}${mi}${hour < 12 ? 'A' : 'P'}` });
  await waitFor(() => expect(control.value).to.equal(wall));
  await sendKeys({ press: 'Tab' });
}

function weekPicture(el: CampaignWizard): HTMLElement {
  return getByRole(el, 'img');
}

describe('Schedule step', () => {
  it('opens with the reference defaults', async () => {
    const { el } = await openSchedule();
    expect(getByLabel(el, 'Immediate').checked).to.equal(true);
    expect(getByLabel(el, 'Scheduled').checked).to.equal(false);
    expect(queryAllByLabel(el, 'Schedule Date & Time')).to.have.length(0);

    for (const [i, day] of DAYS.entries()) {
      const weekday = i < 5;
      expect(getByLabel(el, day).checked, day).to.equal(weekday);
      const start = getByLabel(el, `${day} start`);
      const end = getByLabel(el, `${day} end`);
      expect([start.value, end.value], day).to.deep.equal(['09:00', '18:00']);
      expect(start.disabled, day).to.equal(!weekday);
    }

    expect(getByLabel(el, 'Full pool capacity').checked).to.equal(true);
    expect(getByLabel(el, 'Custom').checked).to.equal(false);
    expect(queryAllByLabel(el, 'Maximum parallel calls')).to.have.length(0);
    expect(getByLabel(el, 'Priority').value).to.equal('5');
    expect(description(getByLabel(el, 'Full pool capacity'))).to.equal('Checking pool capacity…');
    expect(deepElements(el).some((e) => e.textContent?.includes("evaluated in each contact's local time"))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("defaults the Timezone to the browser's zone when listed, else UTC, and shows each zone with its UTC offset", async () => {
    const { el } = await openSchedule();
    const select = getByLabel<HTMLSelectElement>(el, 'Timezone');
    const expected = defaultTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(select.value).to.equal(expected);
    expect(el.draft.schedule.timezone).to.equal(expected);
    const options = Array.from(select.options);
    expect(options.map((o) => o.value)).to.deep.equal([...TIMEZONES]);
    for (const o of options) expect(o.text).to.match(/\(UTC[+\u2212]\d\d:\d\d\)$/);
    expect(options.find((o) => o.value === 'Asia/Kolkata')!.text).to.equal('Asia/Kolkata (UTC+05:30)');
    expect(options.find((o) => o.value === 'America/New_York')!.text).to.match(/^America\/New York \(UTC\u221205:00|UTC\u221204:00\)/);
  });

  it('blocks Next when Scheduled has no Schedule Date & Time, and the summary link focuses the field', async () => {
    const { el } = await openSchedule();
    getByLabel(el, 'Scheduled').click();
    const field = await waitFor(() => getByLabel(el, 'Schedule Date & Time'));
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    next(el);
    await waitFor(() => getByRole(el, 'alert', 'There is a problem'));
    expect(el.step).to.equal('schedule');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(description(field)).to.include('Enter the Schedule Date & Time');
    await expect(el).to.be.accessible();
    getByRole(el, 'link', 'Enter the Schedule Date & Time').click();
    await waitFor(() => expectFocused(field));
  });

  it('lets Immediate through without a date, and keeps a typed date while switching', async () => {
    const { el } = await openSchedule();
    getByLabel(el, 'Scheduled').click();
    await typeDateTime(await waitFor(() => getByLabel(el, 'Schedule Date & Time')), '2031-03-04T14:45');
    getByLabel(el, 'Immediate').click();
    await waitFor(() => expect(queryAllByLabel(el, 'Schedule Date & Time')).to.have.length(0));
    getByLabel(el, 'Scheduled').click();
    await waitFor(() => expect(getByLabel(el, 'Schedule Date & Time').value).to.equal('2031-03-04T14:45'));
    getByLabel(el, 'Immediate').click();
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
  });

  it('rejects a Schedule Date & Time in the past', async () => {
    const { el } = await openSchedule();
    getByLabel(el, 'Scheduled').click();
    const field = await waitFor(() => getByLabel(el, 'Schedule Date & Time'));
    await typeDateTime(field, '2020-01-06T09:00');
    await waitFor(() => expect(description(field)).to.include('The Schedule Date & Time must be in the future'));
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    next(el);
    await waitFor(() => getByRole(el, 'link', 'The Schedule Date & Time must be in the future'));
    expect(el.step).to.equal('schedule');
    await expect(el).to.be.accessible();
  });

  it('judges the date in the chosen Timezone', async () => {
    const { el } = await openSchedule();
    await select(getByLabel<HTMLSelectElement>(el, 'Timezone'), 'UTC');
    getByLabel(el, 'Scheduled').click();
    const field = await waitFor(() => getByLabel(el, 'Schedule Date & Time'));
    // Three hours ago on a UTC clock: past in UTC, still seven hours ahead in Honolulu (UTC−10).
    const wall = wallTimeAt(new Date(Date.now() - 3 * 3_600_000), 'UTC')!;
    await typeDateTime(field, wall);
    expect(description(field)).to.include("In the campaign's Timezone: UTC");
    await waitFor(() => expect(description(field)).to.include('must be in the future'));
    await select(getByLabel<HTMLSelectElement>(el, 'Timezone'), 'Pacific/Honolulu');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).to.equal('false'));
    expect(description(field)).to.include('Pacific/Honolulu (UTC\u221210:00)');
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
    expect(el.draft.schedule.startAt).to.equal(wall);
    expect(el.draft.schedule.timezone).to.equal('Pacific/Honolulu');
  });

  it("Copy to all copies Monday's times to every day and leaves on/off alone", async () => {
    const { el } = await openSchedule();
    getByLabel(el, 'Wednesday').click(); // off
    await retype(getByLabel(el, 'Monday start'), '08:30');
    await retype(getByLabel(el, 'Monday end'), '17:15');
    const before = DAYS.map((d) => getByLabel(el, d).checked);
    expect(before).to.deep.equal([true, true, false, true, true, false, false]);

    const copy = getByRole(el, 'button', 'Copy to all');
    expect(description(copy)).to.include("copies Monday's start and end times to every day");
    copy.click();
    await waitFor(() => expect(getByLabel(el, 'Sunday start').value).to.equal('08:30'));
    for (const day of DAYS) {
      expect([getByLabel(el, `${day} start`).value, getByLabel(el, `${day} end`).value], day).to.deep.equal(['08:30', '17:15']);
    }
    expect(DAYS.map((d) => getByLabel(el, d).checked)).to.deep.equal(before);
    expect(getByRole(el, 'status', /Copied Monday's times, 08:30–17:15, to every day/)).to.exist;
    expect(el.draft.schedule.callWindows.wednesday).to.deep.equal({ enabled: false, start: '08:30', end: '17:15' });
    await expect(el).to.be.accessible();
  });

  it("Copy to all refuses Monday's times when they are not a valid window", async () => {
    const { el } = await openSchedule();
    await retype(getByLabel(el, 'Monday end'), '08:00');
    getByRole(el, 'button', 'Copy to all').click();
    await waitFor(() => getByRole(el, 'status', /Nothing copied: Monday needs a start time before its end time/));
    expect(getByLabel(el, 'Tuesday end').value).to.equal('18:00');
  });

  it('needs start before end on a day that is on, and tidies loosely typed times', async () => {
    const { el } = await openSchedule();
    const end = getByLabel(el, 'Tuesday end');
    await retype(end, '7');
    await waitFor(() => expect(end.value).to.equal('07:00'));
    await waitFor(() => expect(end.getAttribute('aria-invalid')).to.equal('true'));
    expect(description(end)).to.equal('The end time must be after the start time');

    await retype(getByLabel(el, 'Thursday start'), '25:00');
    expect(description(getByLabel(el, 'Thursday start'))).to.equal('Enter a time as HH:mm, for example 09:00');

    next(el);
    await waitFor(() => getByRole(el, 'link', 'The end time must be after the start time'));
    expect(el.step).to.equal('schedule');
    await expect(el).to.be.accessible();
    getByRole(el, 'link', 'The end time must be after the start time').click();
    await waitFor(() => expectFocused(end));

    // Turning the day off takes its window out of the check.
    getByLabel(el, 'Tuesday').click();
    getByLabel(el, 'Thursday').click();
    await waitFor(() => expect(queryAllByRole(el, 'alert', 'There is a problem')).to.have.length(0));
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
  });

  it('does not require any call window to advance', async () => {
    const { el } = await openSchedule();
    for (const day of DAYS.slice(0, 5)) getByLabel(el, day).click();
    await waitFor(() => expect(DAYS.map((d) => getByLabel(el, d).checked).some(Boolean)).to.equal(false));
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
  });

  it('draws the week grid picture and follows every edit', async () => {
    const { el } = await openSchedule();
    const picture = weekPicture(el);
    const filled = () => picture.querySelectorAll('.cell.full').length;
    expect(filled()).to.equal(5 * 9);
    expect(picture.getAttribute('aria-label')).to.equal(
      'Monday 09:00–18:00, Tuesday 09:00–18:00, Wednesday 09:00–18:00, Thursday 09:00–18:00, Friday 09:00–18:00, Saturday off, and Sunday off',
    );
    getByLabel(el, 'Saturday').click();
    await waitFor(() => expect(filled()).to.equal(6 * 9));
    expect(picture.getAttribute('aria-label')).to.include('Saturday 09:00–18:00');
    await retype(getByLabel(el, 'Monday end'), '12:30');
    await waitFor(() => expect(picture.getAttribute('aria-label')).to.include('Monday 09:00–12:30'));
    expect(filled()).to.equal(5 * 9 + 3);
    expect(picture.querySelectorAll('.cell.partial')).to.have.length(1);
  });

  it('warns, without blocking, when a window reaches before 08:00 or after 21:00', async () => {
    const { el } = await openSchedule();
    expect(queryAllByRole(el, 'status', /TCPA/)).to.have.length(0);
    await retype(getByLabel(el, 'Monday start'), '07:30');
    await retype(getByLabel(el, 'Friday end'), '21:30');
    const warning = await waitFor(() => getByRole(el, 'status', /TCPA/));
    expect(warning.textContent).to.include('Monday and Friday');
    expect(warning.textContent).to.include('08:00–21:00');
    expect(weekPicture(el).querySelectorAll('.cell.quiet').length).to.equal(2);
    await expect(el).to.be.accessible();
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
  });

  it('hides Testing Mode / dry run in production, where the payload never asks for a dry run', async () => {
    const { el } = await openSchedule('production', true);
    expect(queryAllByLabel(el, 'Testing Mode / dry run')).to.have.length(0);
    const result = toPayload(el.draft, { mode: 'create', now: new Date(), environment: 'production' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.payload.schedule.dryRun).to.equal(false);
  });

  it('shows Testing Mode / dry run outside production', async () => {
    const { el } = await openSchedule('development');
    const dryRun = getByLabel(el, 'Testing Mode / dry run');
    expect(dryRun.checked).to.equal(false);
    dryRun.click();
    await waitFor(() => expect(el.draft.schedule.dryRun).to.equal(true));
    await expect(el).to.be.accessible();
  });

  it("shows the pool's previewed ceiling and caps a custom limit at it", async () => {
    const { el, capacityCalls } = await openSchedule();
    await waitFor(() => expect(capacityCalls).to.have.length(1));
    capacityCalls[0]!.answer.resolve({ maxConcurrentCalls: 10 });
    const pool = getByLabel(el, 'Full pool capacity');
    await waitFor(() => expect(description(pool)).to.equal("Up to 10 parallel calls, the pool's previewed capacity."));

    getByLabel(el, 'Custom').click();
    const limit = await waitFor(() => getByLabel(el, 'Maximum parallel calls'));
    expect(description(limit)).to.equal('A whole number from 1 to 10.');
    await retype(limit, '12');
    await waitFor(() => expect(limit.getAttribute('aria-invalid')).to.equal('true'));
    expect(description(limit)).to.include('The number pool allows at most 10 parallel calls');
    next(el);
    await waitFor(() => getByRole(el, 'link', 'The number pool allows at most 10 parallel calls'));
    expect(el.step).to.equal('schedule');
    await expect(el).to.be.accessible();

    await retype(limit, '0');
    await waitFor(() => expect(description(limit)).to.include('Enter a whole number of parallel calls, 1 or more'));
    await retype(limit, '10');
    await waitFor(() => expect(limit.getAttribute('aria-invalid')).to.equal('false'));
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));
    expect(el.draft.schedule.concurrency).to.deep.equal({ mode: 'custom', limitText: '10' });
  });

  it('validates Priority as you type', async () => {
    const { el } = await openSchedule();
    const priority = getByLabel(el, 'Priority');
    await retype(priority, '11', false);
    // Still focused, not yet left: the message is already there.
    expectFocused(priority);
    await waitFor(() => expect(priority.getAttribute('aria-invalid')).to.equal('true'));
    expect(description(priority)).to.include('Priority must be a whole number from 1 to 10');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Backspace' });
    await waitFor(() => expect(priority.getAttribute('aria-invalid')).to.equal('false'));
    expect(priority.value).to.equal('1');
    await retype(priority, '0', false);
    await waitFor(() => expect(priority.getAttribute('aria-invalid')).to.equal('true'));
    await retype(priority, '10', false);
    await waitFor(() => expect(priority.getAttribute('aria-invalid')).to.equal('false'));
    expect(el.draft.schedule.priorityText).to.equal('10');
  });

  it('can be filled in with the keyboard alone', async () => {
    const { el } = await openSchedule();
    getByLabel(el, 'Immediate').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => expect(getByLabel(el, 'Scheduled').checked).to.equal(true));
    const field = await waitFor(() => getByLabel(el, 'Schedule Date & Time'));
    await typeDateTime(field, '2032-11-05T16:20');
    getByLabel(el, 'Saturday').focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => expect(getByLabel(el, 'Saturday start').disabled).to.equal(false));
    await sendKeys({ press: 'Tab' });
    expectFocused(getByLabel(el, 'Saturday start'));
    getByRole(el, 'button', 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(el.step).to.equal('outcomes'));
    expect(el.draft.schedule.startAt).to.equal('2032-11-05T16:20');
    expect(el.draft.schedule.callWindows.saturday.enabled).to.equal(true);
  });

  it('leaves a draft that converts to the payload the user described', async () => {
    const { el, capacityCalls } = await openSchedule('development');
    await waitFor(() => expect(capacityCalls).to.have.length(1));
    capacityCalls[0]!.answer.resolve({ maxConcurrentCalls: 25 });
    getByLabel(el, 'Scheduled').click();
    await typeDateTime(await waitFor(() => getByLabel(el, 'Schedule Date & Time')), '2033-01-10T08:15');
    await select(getByLabel<HTMLSelectElement>(el, 'Timezone'), 'America/Chicago');
    getByLabel(el, 'Sunday').click();
    await retype(getByLabel(el, 'Monday start'), '10');
    await retype(getByLabel(el, 'Monday end'), '1630');
    getByRole(el, 'button', 'Copy to all').click();
    getByLabel(el, 'Testing Mode / dry run').click();
    getByLabel(el, 'Custom').click();
    await retype(await waitFor(() => getByLabel(el, 'Maximum parallel calls')), '25');
    await retype(getByLabel(el, 'Priority'), '8');
    next(el);
    await waitFor(() => expect(el.step).to.equal('outcomes'));

    const result = toPayload(el.draft, { mode: 'create', now: new Date(), environment: 'development', poolCapacity: 25 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const on = { enabled: true, start: '10:00', end: '16:30' };
    expect(result.payload.schedule).to.deep.equal({
      triggerMode: 'scheduled',
      startAt: '2033-01-10T08:15',
      timezone: 'America/Chicago',
      callWindows: { monday: on, tuesday: on, wednesday: on, thursday: on, friday: on, saturday: { ...on, enabled: false }, sunday: on },
      callWindowTimezoneMode: 'contact_local',
      dryRun: true,
      concurrency: { mode: 'custom', limit: 25 },
      priority: 8,
    });
  });
});
