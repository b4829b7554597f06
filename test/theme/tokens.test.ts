import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, readFile } from '@web/test-runner-commands';
import '../../src/campaign-wizard.js';
import '../../src/inbound/inbound-returns.js';
// These checks read every step's styles, so define the steps the wizard would load later.
import '../../src/steps/step-telephony.js';
import '../../src/steps/step-audience.js';
import '../../src/steps/audience-csv.js';
import '../../src/steps/step-schedule.js';
import '../../src/steps/step-outcomes.js';
import '../../src/steps/step-review.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import { STEP_IDS, type CampaignPayload, type DeepPartial, type StepId } from '../../src/model/schema.js';
import { getByRole, waitFor } from '../support/dom.js';

/**
 * Every element, the source file whose class JSDoc documents its `@cssprop`s, and the group
 * of elements whose styles share one set of `--_*` aliases: the steps render inside the
 * wizard's shadow root and inherit its theme, so they theme as one.
 */
const ELEMENTS: { tag: string; source: string; group: 'wizard' | 'inbound' }[] = [
  { tag: 'campaign-wizard', source: 'src/campaign-wizard.component.ts', group: 'wizard' },
  { tag: 'campaign-step-basics', source: 'src/steps/step-basics.component.ts', group: 'wizard' },
  { tag: 'campaign-step-telephony', source: 'src/steps/step-telephony.component.ts', group: 'wizard' },
  { tag: 'campaign-step-audience', source: 'src/steps/step-audience.component.ts', group: 'wizard' },
  { tag: 'campaign-audience-csv', source: 'src/steps/audience-csv.component.ts', group: 'wizard' },
  { tag: 'campaign-step-schedule', source: 'src/steps/step-schedule.component.ts', group: 'wizard' },
  { tag: 'campaign-step-outcomes', source: 'src/steps/step-outcomes.component.ts', group: 'wizard' },
  { tag: 'campaign-step-review', source: 'src/steps/step-review.component.ts', group: 'wizard' },
  { tag: 'campaign-inbound-returns', source: 'src/inbound/inbound-returns.component.ts', group: 'inbound' },
];
const GROUP_OWNER = { wizard: 'campaign-wizard', inbound: 'campaign-inbound-returns' } as const;

interface ParsedCss {
  /** `--_x` → the custom properties its definitions reference. */
  aliases: Map<string, Set<string>>;
  /** Custom properties referenced by ordinary declarations (what actually paints). */
  roots: Set<string>;
}

const VAR = /var\(\s*(--[\w-]+)/g;

/** Declarations of a style sheet's text: custom property definitions and ordinary ones. */
function parseCss(cssText: string, into: ParsedCss = { aliases: new Map(), roots: new Set() }): ParsedCss {
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const segment of text.split(/[{};]/)) {
    const decl = /^\s*(--[\w-]+|[a-z-]+)\s*:([\s\S]*)$/.exec(segment);
    if (!decl) continue;
    const [, name, value] = decl as unknown as [string, string, string];
    const refs = [...value.matchAll(VAR)].map((m) => m[1]!);
    if (name.startsWith('--')) {
      const set = into.aliases.get(name) ?? new Set<string>();
      refs.forEach((r) => set.add(r));
      into.aliases.set(name, set);
    } else refs.forEach((r) => into.roots.add(r));
  }
  return into;
}

/** Every custom property that reaches a painted value, through aliases. */
function reached(css: ParsedCss): Set<string> {
  const seen = new Set<string>();
  const queue = [...css.roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const ref of css.aliases.get(name) ?? []) queue.push(ref);
  }
  return seen;
}

function stylesOf(tag: string): string {
  const ctor = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: { cssText: string }[] }) | undefined;
  if (!ctor) throw new Error(`<${tag}> is not defined`);
  document.createElement(tag); // finalizes the class, so elementStyles is filled
  return (ctor.elementStyles ?? []).map((s) => s.cssText).join('\n');
}

/** The `@cssprop` / `@cssproperty` names in the JSDoc of the element class of `source`. */
async function documentedTokens(source: string): Promise<Set<string>> {
  const text = await readFile({ path: `../../${source}` });
  if (text === undefined) throw new Error(`Cannot read ${source}`);
  const classAt = text.search(/^export class \w+/m);
  expect(classAt, `${source} exports an element class`).to.be.greaterThan(-1);
  const docStart = text.lastIndexOf('/**', classAt);
  const doc = text.slice(docStart, text.indexOf('*/', docStart));
  return new Set([...doc.matchAll(/@cssprop(?:erty)?\s+(?:\{[^}]*\}\s+)?\[?(--[\w-]+)/g)].map((m) => m[1]!));
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe('design tokens', () => {
  it('every --cw-* token an element paints with is documented with @cssprop, and every documented one is used', async () => {
    const problems: string[] = [];
    const groups = new Map<string, ParsedCss>();
    for (const { tag, group } of ELEMENTS) groups.set(group, parseCss(stylesOf(tag), groups.get(group)));
    for (const { tag, source, group } of ELEMENTS) {
      const documented = await documentedTokens(source);
      const groupCss = groups.get(group)!;
      // The wizard (and the card) answers for every token its tree paints with, the steps'
      // styles included; a step answers for the tokens its own declarations read directly.
      const roots = tag === GROUP_OWNER[group] ? groupCss.roots : parseCss(stylesOf(tag)).roots;
      const used = new Set([...reached({ roots, aliases: groupCss.aliases })].filter((n) => n.startsWith('--cw-')));
      const direct = tag === GROUP_OWNER[group] ? used : new Set([...roots].filter((n) => n.startsWith('--cw-')));
      for (const name of sorted(direct)) if (!documented.has(name)) problems.push(`<${tag}> uses ${name} but does not document it`);
      for (const name of sorted(documented)) if (!used.has(name)) problems.push(`<${tag}> documents ${name} but never uses it`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('every --_* alias used is defined in the element or the wizard it renders in', () => {
    const problems: string[] = [];
    const groups = new Map<string, ParsedCss>();
    for (const { tag, group } of ELEMENTS) {
      const css = groups.get(group) ?? { aliases: new Map(), roots: new Set() };
      groups.set(group, parseCss(stylesOf(tag), css));
    }
    for (const [group, css] of groups) {
      const references = new Set([...css.roots, ...[...css.aliases.values()].flatMap((s) => [...s])]);
      for (const name of sorted(references)) {
        if (name.startsWith('--_') && !css.aliases.has(name)) problems.push(`${group}: ${name} is used but never defined`);
        if (!name.startsWith('--_') && !name.startsWith('--cw-')) problems.push(`${group}: ${name} is neither public (--cw-*) nor private (--_*)`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('the check sees tokens: the wizard paints with the accent and the focus ring', async () => {
    const css = parseCss(stylesOf('campaign-wizard'));
    const used = reached(css);
    expect(used.has('--cw-color-accent')).to.equal(true);
    expect(used.has('--cw-focus-ring')).to.equal(true);
    expect(css.aliases.has('--_accent')).to.equal(true);
    const documented = await documentedTokens('src/campaign-wizard.component.ts');
    expect(documented.has('--cw-color-accent')).to.equal(true);
    expect(documented.size).to.be.greaterThan(10);
  });

  it('the check follows aliases: a token behind an alias nothing paints with is not used', () => {
    const css = parseCss(`
      :host { --_a: var(--cw-a, red); --_b: var(--cw-b, blue); --_c: var(--_a); color: var(--cw-direct); }
      /* --_z: var(--cw-comment) */
      @media (prefers-color-scheme: dark) { :host(:not([theme='light'])) { --_a: var(--cw-a-dark, #000); } }
      .x:focus-visible { outline: var(--_c); padding: calc(var(--_missing) * 2) 0; }
    `);
    expect(sorted(reached(css))).to.deep.equal(['--_a', '--_c', '--_missing', '--cw-a', '--cw-a-dark', '--cw-direct']);
    expect(css.aliases.has('--_missing')).to.equal(false);
    expect(css.aliases.has('--_z')).to.equal(false);
  });
});

const READY: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { primaryFromNumberId: 'num_us_nyc', numberPoolIds: ['num_us_nyc', 'num_us_chi'], callRecording: true },
  audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2'], callVariables: [{ name: 'plan', value: 'gold' }] },
  schedule: { callWindows: { saturday: { enabled: true, start: '07:30', end: '12:00' } } },
  outcomes: {
    retryOnVoicemail: true,
    abTest: { variants: [{ key: 'A', agentId: 'agt_noah', weight: 50 }, { key: 'B', agentId: 'agt_ava', weight: 50 }] },
    goals: [{ type: 'conversion_rate', target: 12 }],
  },
};

const TITLES: Record<StepId, string> = {
  basics: 'Basics',
  telephony: 'Telephony',
  audience: 'Audience',
  schedule: 'Schedule',
  outcomes: 'Outcomes',
  review: 'Review',
};

async function openWizard(attrs: { theme?: 'light' | 'dark'; style?: string; className?: string } = {}) {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const el = await fixture<CampaignWizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
  if (attrs.theme) el.theme = attrs.theme;
  if (attrs.style) el.setAttribute('style', attrs.style);
  if (attrs.className) el.className = attrs.className;
  await el.updateComplete;
  return el;
}

/** Relative luminance of a computed `rgb()` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const primary = (el: CampaignWizard) => getByRole(el, 'button', 'Next');

describe('custom themes', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.getElementById('theme-test-style')?.remove();
  });

  it('a token on the host restyles the wizard: --cw-color-accent paints the Next button', async () => {
    const el = await openWizard({ style: '--cw-color-accent: rgb(120, 20, 90); --cw-radius: 0px' });
    const style = getComputedStyle(primary(el));
    expect(style.backgroundColor).to.equal('rgb(120, 20, 90)');
    expect(style.borderTopLeftRadius).to.equal('0px');
  });

  it('::part(button-primary) restyles the primary button from the page', async () => {
    const sheet = document.createElement('style');
    sheet.id = 'theme-test-style';
    sheet.textContent = `campaign-wizard.brand::part(button-primary) { background: rgb(10, 120, 60); border-radius: 999px; }`;
    document.head.append(sheet);
    const el = await openWizard({ className: 'brand' });
    const style = getComputedStyle(primary(el));
    expect(style.backgroundColor).to.equal('rgb(10, 120, 60)');
    expect(style.borderTopLeftRadius).to.equal('999px');
    expect(getComputedStyle(getByRole(el, 'button', 'Cancel')).backgroundColor).to.not.equal('rgb(10, 120, 60)');
  });

  it('theme="dark" makes the surface dark and the text light', async () => {
    const el = await openWizard({ theme: 'dark' });
    expect(el.getAttribute('theme')).to.equal('dark');
    const style = getComputedStyle(el);
    expect(luminance(style.backgroundColor)).to.be.below(0.05);
    expect(luminance(style.color)).to.be.above(0.6);
    expect(style.colorScheme).to.equal('dark');
  });

  it('follows prefers-color-scheme, unless theme="light" forces light', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await openWizard();
    expect(luminance(getComputedStyle(auto).backgroundColor)).to.be.below(0.05);
    const light = await openWizard({ theme: 'light' });
    expect(luminance(getComputedStyle(light).backgroundColor)).to.be.above(0.9);
  });

  it('a host token still wins in dark mode', async () => {
    const el = await openWizard({ theme: 'dark', style: '--cw-color-accent: rgb(255, 200, 0)' });
    expect(getComputedStyle(primary(el)).backgroundColor).to.equal('rgb(255, 200, 0)');
  });

  it('axe passes on every step in dark mode', async () => {
    const el = await openWizard({ theme: 'dark' });
    el.initial = READY;
    await el.updateComplete;
    for (const step of STEP_IDS) {
      el.step = step;
      await waitFor(() => getByRole(el, 'heading', TITLES[step]));
      await waitFor(() => {
        if (el.shadowRoot!.querySelector('campaign-step-' + step)?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes('…')) {
          throw new Error('still loading');
        }
      });
      await expect(el, `axe on ${step} in dark mode`).to.be.accessible();
    }
  });

  it('axe passes on the error summary and field errors in dark mode', async () => {
    const el = await openWizard({ theme: 'dark' });
    getByRole(el, 'button', 'Next').click();
    await waitFor(() => getByRole(el, 'alert', 'There is a problem'));
    await expect(el).to.be.accessible();
  });
});
