#!/usr/bin/env node
/**
 * `npm run docs:media`: the README's pictures, per the reference's "Slot media brief".
 *
 * Builds the demo page (demo/, on the in-memory adapters) with Vite into a temporary folder,
 * serves it on 127.0.0.1, and drives it in headless Chromium (puppeteer-core; the browser is
 * $CHROME_PATH or /usr/bin/chromium, nothing is downloaded): opens a new campaign from the
 * "Subscription renewals – US" template, fills in what the template leaves open the way a user
 * would, and presses Next through the six steps. It writes
 *
 *   docs/wizard-<step>.png   the whole wizard at each step (basics … review)
 *   docs/review-summary.png  just the Review list
 *   docs/wizard-steps.gif    stepping 1 → 6, lingering on Schedule → Outcomes → Review
 *
 * The GIF is encoded in plain JavaScript (gifenc) from the decoded screenshots (pngjs).
 * Options: --keep-build (leave the built demo in the temporary folder), --out <dir>.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import gifenc from 'gifenc';
import pngjs from 'pngjs';
import { build } from 'vite';
import { serve } from '../bench/lib/serve.mjs';

const { GIFEncoder, quantize, applyPalette } = gifenc;
const { PNG } = pngjs;

const ROOT = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: { 'keep-build': { type: 'boolean', default: false }, out: { type: 'string', default: 'docs' } },
});
const OUT = resolve(ROOT, options.out);
const VIEWPORT = { width: 1100, height: 900, deviceScaleFactor: 1 };
/** The GIF shows this much of the wizard at a time; taller steps pan down. */
const GIF_FRAME_HEIGHT = 760;
/** Milliseconds per GIF frame: steps 1–3 pass quickly, Schedule → Outcomes → Review linger. */
const GIF_TIMING = {
  basics: { hold: 1400 },
  telephony: { hold: 1400 },
  audience: { hold: 1400 },
  schedule: { hold: 2200, pan: 450, end: 1600 },
  outcomes: { hold: 2200, pan: 450, end: 1600 },
  review: { hold: 2600, pan: 450, end: 4000 },
};
const STEPS = ['basics', 'telephony', 'audience', 'schedule', 'outcomes', 'review'];

const started = performance.now();
const log = (text) => console.log(`[docs:media ${((performance.now() - started) / 1000).toFixed(1)}s] ${text}`);

// ---- Build and serve the demo ----

async function buildDemo(outDir) {
  await build({
    configFile: false,
    root: join(ROOT, 'demo'),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}


// ---- Driving the page ----

/**
 * Runs in the page: finds elements through every open shadow root. Installed once per page as
 * `window.__deep`, so the handles below are real elements that puppeteer clicks and types into.
 */
function installDeepQueries() {
  const all = (root, selector, found = []) => {
    found.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, found);
    return found;
  };
  const text = (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const wizard = () => document.querySelector('#wizard-host campaign-wizard');
  window.__deep = {
    wizard,
    /** The control a <label> names, by the label's exact text; `kind` narrows it ("select"). */
    byLabel(label, kind = '*') {
      for (const l of all(wizard().shadowRoot, 'label')) {
        if (text(l) !== label) continue;
        const control = l.htmlFor ? l.getRootNode().getElementById(l.htmlFor) : l.querySelector('input, select, textarea');
        if (control?.matches(kind)) return control;
      }
      return null;
    },
    /** A button by its visible text. */
    button(label) {
      return all(wizard().shadowRoot, 'button').find((b) => text(b) === label && !b.disabled) ?? null;
    },
    /** Where the current step stands: its element, heading and whether it is still loading. */
    step() {
      const w = wizard();
      const el = w?.shadowRoot?.querySelector('[part~="step"]');
      return { id: w?.step, heading: el?.shadowRoot?.querySelector('h2')?.textContent?.trim() };
    },
    reviewList() {
      return wizard().shadowRoot.querySelector('campaign-step-review')?.shadowRoot?.querySelector('dl') ?? null;
    },
    /** True once no status line says it is still working ("Loading agents…", "Checking pool capacity…"). */
    settled() {
      return !all(wizard().shadowRoot, '[role="status"], .status, .hint, progress').some(
        (el) => el.localName === 'progress' || /…$/.test(text(el)),
      );
    },
    blur() {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      active?.blur?.();
    },
  };
}

async function handle(page, fn, ...args) {
  const h = await page.waitForFunction(fn, { timeout: 15000 }, ...args);
  const el = h.asElement();
  if (!el) throw new Error(`docs:media: nothing found for ${fn.toString()} ${JSON.stringify(args)}`);
  return el;
}
const byLabel = (page, label, kind = '*') => handle(page, (l, k) => window.__deep.byLabel(l, k), label, kind);
const button = (page, label) => handle(page, (l) => window.__deep.button(l), label);

async function type(page, label, value) {
  const input = await byLabel(page, label);
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

async function select(page, label, value) {
  const control = await byLabel(page, label, 'select');
  const picked = await control.select(value);
  if (!picked.includes(value)) throw new Error(`docs:media: "${label}" has no option ${value}`);
}

async function check(page, label) {
  const input = await byLabel(page, label);
  if (!(await input.evaluate((el) => el.checked))) await input.click();
}

/** A datetime-local field: set as the browser's picker would, with input and change events. */
async function setDateTime(page, label, value) {
  const input = await byLabel(page, label);
  await input.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, value);
}

async function settle(page) {
  await page.waitForFunction(() => window.__deep.settled(), { timeout: 15000 });
  await page.evaluate(() => document.fonts.ready);
  // Two frames: Lit's updates and any transition have painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function waitForStep(page, id) {
  await page.waitForFunction((s) => {
    const step = window.__deep.step();
    return step.id === s && step.heading;
  }, { timeout: 15000 }, id);
  await settle(page);
}

async function next(page, expected) {
  await (await button(page, 'Next')).click();
  await waitForStep(page, expected);
}

/** The first Monday at least a week ahead, 09:00: a scheduled start must not be in the past. */
function nextMondayNine(now = new Date()) {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7);
  while (day.getDay() !== 1) day.setDate(day.getDate() + 1);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}

/** Fills what a step needs beyond the template, as a user would. */
const FILL = {
  async basics(page) {
    await type(page, 'Campaign Name', 'Spring renewals – East Coast');
  },
  async telephony(page) {
    await check(page, 'Call Recording');
  },
  async audience(page) {
    await (await handle(page, () => {
      const radios = [...window.__deep.wizard().shadowRoot.querySelector('campaign-step-audience').shadowRoot.querySelectorAll('input[type="radio"]')];
      return radios.find((r) => r.value === 'segment') ?? null;
    })).click();
    await select(page, 'Segment', 'seg_active_us');
    await (await button(page, 'Add call variable')).click();
    await type(page, 'Variable 1 name', 'plan');
    await select(page, 'Variable 1 field', 'plan');
  },
  async schedule(page) {
    await (await handle(page, () => {
      const root = window.__deep.wizard().shadowRoot.querySelector('campaign-step-schedule').shadowRoot;
      return root.querySelector('input[type="radio"][value="scheduled"]');
    })).click();
    await setDateTime(page, 'Schedule Date & Time', nextMondayNine());
  },
  async outcomes(page) {
    await check(page, 'Retry on voicemail');
    await type(page, 'Max voicemail attempts', '2');
    await type(page, 'Goal 2 target', '400');
  },
  async review() {},
};

// ---- Pictures ----

async function wizardShot(page) {
  const wizard = await handle(page, () => window.__deep.wizard());
  await page.evaluate(() => window.__deep.blur());
  return wizard.screenshot({ type: 'png', captureBeyondViewport: true });
}

/** The Review list with a margin of the wizard's own surface around it. */
async function reviewShot(page) {
  const list = await handle(page, () => window.__deep.reviewList());
  // A clip is in page coordinates, a bounding box in the viewport's: scroll to the top first.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await list.boundingBox();
  if (!box) throw new Error('docs:media: the Review list is not rendered');
  const margin = 16;
  return page.screenshot({
    type: 'png',
    captureBeyondViewport: true,
    clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
  });
}

// ---- GIF ----

/**
 * One GIF frame `height` tall out of an RGBA step image: the first `head` rows (the stepper)
 * stay put, the rest shows the step from `top` on, padded with `fill` below its end.
 */
function frame(image, width, height, head, top, fill) {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = y < head ? y : y + top;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (sy < image.height && x < image.width) {
        const i = (sy * image.width + x) * 4;
        out[o] = image.data[i];
        out[o + 1] = image.data[i + 1];
        out[o + 2] = image.data[i + 2];
        out[o + 3] = 255;
      } else {
        out.set(fill, o);
      }
    }
  }
  // A hairline under the fixed stepper while the step below it is scrolled.
  if (top > 0) out.fill(200, (head - 1) * width * 4, head * width * 4);
  return out;
}

/** The frames of one step: its top, then (for the lingering steps) a pan down to its end. */
function stepFrames(image, width, head, timing, fill) {
  const frames = [{ rgba: frame(image, width, GIF_FRAME_HEIGHT, head, 0, fill), delay: timing.hold }];
  const overflow = image.height - GIF_FRAME_HEIGHT;
  if (timing.pan && overflow > 0) {
    const moves = Math.max(1, Math.ceil(overflow / 240));
    for (let i = 1; i <= moves; i++) {
      const top = Math.round((overflow * i) / moves);
      frames.push({ rgba: frame(image, width, GIF_FRAME_HEIGHT, head, top, fill), delay: i === moves ? timing.end : timing.pan });
    }
  }
  return frames;
}

function encodeGif(frames, width, height) {
  // One palette for every frame, from a sample of all of them: no colour shift between frames.
  const stride = 7;
  const sampleCount = frames.reduce((n, f) => n + Math.ceil(f.rgba.length / 4 / stride), 0);
  const sample = new Uint8Array(sampleCount * 4);
  let at = 0;
  for (const { rgba } of frames) {
    for (let p = 0; p < rgba.length / 4; p += stride) {
      sample.set(rgba.subarray(p * 4, p * 4 + 4), at);
      at += 4;
    }
  }
  const palette = quantize(sample.subarray(0, at), 256, { format: 'rgb565' });
  const gif = GIFEncoder();
  frames.forEach(({ rgba, delay }, i) => {
    const index = applyPalette(rgba, palette, 'rgb565');
    gif.writeFrame(index, width, height, i === 0 ? { palette, delay, repeat: 0 } : { delay });
  });
  gif.finish();
  return gif.bytes();
}

// ---- Main ----

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'campaign-wizard-docs-media-'));
  const site = join(work, 'site');
  let server;
  let browser;
  try {
    log('building the demo');
    await buildDemo(site);
    server = await serve(site);
    const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
    await stat(executablePath).catch(() => {
      throw new Error(`docs:media: no Chromium at ${executablePath}; install it (apt-get install chromium) or set CHROME_PATH`);
    });
    log(`serving on ${server.url}; starting ${executablePath}`);
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=en-US',
        '--font-render-hinting=none',
        '--hide-scrollbars',
      ],
    });
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.setViewport(VIEWPORT);
    await page.emulateTimezone('America/New_York');
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    // The demo's stylesheet keeps an adapter panel beside the wizard at this width; the pictures
    // are of the wizard alone, so lay the page out in one column (DevTools-injected, CSP unchanged).
    await page.setBypassCSP(true);
    await page.goto(`${server.url}/index.html`, { waitUntil: 'load' });
    await page.addStyleTag({
      content: `.layout { grid-template-columns: minmax(0, 1fr) !important; grid-template-areas: 'stage' 'side' 'inbound' !important; }`,
    });
    await page.evaluate(installDeepQueries);
    await page.waitForFunction(() => customElements.get('campaign-wizard') && window.__deep.wizard()?.shadowRoot, { timeout: 30000 });

    // The demo's own controls: no simulated latency, production (no Testing Mode), light theme,
    // then a new campaign from a template.
    await page.select('#latency', '0');
    await page.select('#environment', 'production');
    await page.select('#theme', 'light');
    await page.select('#open-as', 'template:tpl_renewals');
    await page.waitForFunction(() => window.__deep.byLabel('Campaign Name')?.value === 'Renewal outreach', { timeout: 15000 });
    await waitForStep(page, 'basics');

    await mkdir(OUT, { recursive: true });
    const shots = {};
    for (const [i, step] of STEPS.entries()) {
      if (i > 0) await next(page, step);
      await FILL[step](page);
      await settle(page);
      shots[step] = await wizardShot(page);
      await writeFile(join(OUT, `wizard-${step}.png`), shots[step]);
      log(`docs/wizard-${step}.png (${(shots[step].length / 1024).toFixed(0)} KiB)`);
    }
    // How much of the wizard's top the stepper takes: it stays in place while a tall step pans.
    const stepperHeight = await page.evaluate(() => {
      const wizard = window.__deep.wizard();
      const stepper = wizard.shadowRoot.querySelector('[part~="stepper"]');
      return Math.ceil(stepper.getBoundingClientRect().bottom - wizard.getBoundingClientRect().top + 12);
    });
    const review = await reviewShot(page);
    await writeFile(join(OUT, 'review-summary.png'), review);
    log(`docs/review-summary.png (${(review.length / 1024).toFixed(0)} KiB)`);
    if (problems.length) throw new Error(`docs:media: the page threw:\n${problems.join('\n')}`);

    const images = Object.fromEntries(STEPS.map((s) => [s, PNG.sync.read(shots[s])]));
    const width = Math.max(...STEPS.map((s) => images[s].width));
    const { data: bg } = images.basics; // the wizard's surface colour, top-left pixel
    const fill = [bg[0], bg[1], bg[2], 255];
    const frames = STEPS.flatMap((s) => stepFrames(images[s], width, stepperHeight, GIF_TIMING[s], fill));
    const gif = encodeGif(frames, width, GIF_FRAME_HEIGHT);
    await writeFile(join(OUT, 'wizard-steps.gif'), gif);
    log(`docs/wizard-steps.gif (${frames.length} frames, ${width}×${GIF_FRAME_HEIGHT}, ${(gif.length / 1024).toFixed(0)} KiB)`);
  } finally {
    await browser?.close();
    server?.close();
    if (options['keep-build']) log(`demo build kept in ${site}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => log('done'),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
