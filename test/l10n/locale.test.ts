import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/campaign-wizard.js';
import '../../src/inbound/inbound-returns.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters } from '../../src/adapters/in-memory.js';
import { resolveWizardLocale, setWizardLocale, wizardLocale } from '../../src/localization.js';
import { uiLocale } from '../../src/ui/format.js';
import { STEP_IDS, type CampaignPayload, type DeepPartial, type StepId } from '../../src/model/schema.js';
import { templates as esTemplates } from '../../src/generated/locales/es.js';
import { getByLabel, getByRole, waitFor } from '../support/dom.js';
import { csvFile } from '../support/csv-files.js';
import { englishLeft, loadCatalogue, renderedStrings, type CatalogueUnit } from './catalogue.js';

/** Sources whose Spanish is the same words; each is checked to be identical in the catalogue. */
const SAME_IN_SPANISH = new Set(['CSV', 'Total', 'Total:', 'variable {0}']);

const TITLES: Record<StepId, { en: string; es: string }> = {
  basics: { en: 'Basics', es: 'Datos básicos' },
  telephony: { en: 'Telephony', es: 'Telefonía' },
  audience: { en: 'Audience', es: 'Audiencia' },
  schedule: { en: 'Schedule', es: 'Programación' },
  outcomes: { en: 'Outcomes', es: 'Resultados' },
  review: { en: 'Review', es: 'Revisión' },
};

const nextYear = new Date().getFullYear() + 1;

/** Every optional part switched on, so each step shows as much text as it can. */
const RICH: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: {
    primaryFromNumberId: 'num_us_nyc',
    numberPoolIds: ['num_us_nyc', 'num_us_chi'],
    callRecording: true,
    preferCountryMatchedNumbers: true,
  },
  audience: {
    source: 'segment',
    segmentId: 'seg_active_us',
    mapping: { phone: 'phone', firstName: 'firstName' },
    callVariables: [{ name: 'plan', field: 'plan' }],
  },
  schedule: {
    triggerMode: 'scheduled',
    startAt: `${nextYear}-03-02T09:30`,
    timezone: 'America/New_York',
    concurrency: { mode: 'custom', limit: 5 },
    priority: 7,
    callWindows: { saturday: { enabled: true, start: '07:30', end: '12:00' } },
  },
  outcomes: {
    retryOnVoicemail: true,
    maxRetries: 2,
    maxVoicemailAttempts: 2,
    abTest: {
      variants: [
        { key: 'A', agentId: 'agt_noah', weight: 50 },
        { key: 'B', agentId: 'agt_ava', weight: 50 },
      ],
    },
    followUps: { missedCallFollowUp: true, contactMemory: true, rules: [{ trigger: 'no_answer', delayHours: 24, agentId: null }] },
    goals: [
      { type: 'conversion_rate', target: 12 },
      { type: 'appointments_booked', target: null },
    ],
  },
};

/** The plainest valid campaign: Contact IDs, immediate, pool capacity. */
const PLAIN: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { numberPoolIds: ['num_us_nyc'] },
  audience: { source: 'contact_ids', contactIds: ['c-1', 'c-2', 'c-3'], callVariables: [{ name: 'plan', value: 'gold' }] },
};

let units: CatalogueUnit[];

before(async () => {
  units = await loadCatalogue();
});

afterEach(async () => {
  await setWizardLocale('en');
});

async function openWizard(initial: DeepPartial<CampaignPayload>) {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const el = await fixture<CampaignWizard>(
    html`<campaign-wizard
      .adapters=${adapters}
      environment="development"
      .features=${{ followUps: true, contactMemory: true }}
    ></campaign-wizard>`,
  );
  el.initial = initial;
  await el.updateComplete;
  return el;
}

/** Waits until nothing on the page is still loading (lists, the pool capacity preview). */
async function settled(el: CampaignWizard) {
  await waitFor(() => {
    const busy = renderedStrings(el).find((s) => /^(Loading|Checking|Cargando|Comprobando)\b/.test(s));
    if (busy) throw new Error(`Still loading: ${busy}`);
  });
}

async function show(el: CampaignWizard, step: StepId, locale: 'en' | 'es') {
  el.locale = locale;
  el.step = step;
  await waitFor(() => getByRole(el, 'heading', TITLES[step][locale]));
  await settled(el);
}

const describeHits = (hits: { text: string; source: string }[]) =>
  hits.map((h) => `"${h.text}" (source "${h.source}")`).join('\n');

describe('locale', () => {
  for (const [name, initial] of [
    ['a campaign with every option on', RICH],
    ['a plain campaign', PLAIN],
  ] as const) {
    it(`es changes the strings of every step and leaves no English: ${name}`, async () => {
      const el = await openWizard(initial);
      for (const step of STEP_IDS) {
        await show(el, step, 'en');
        const english = renderedStrings(el);
        const englishHits = englishLeft(english, units, SAME_IN_SPANISH);
        // The check can see English: the same step in en is full of catalogue strings.
        expect(englishHits.length, `English catalogue strings on ${step} in en`).to.be.greaterThan(10);

        await show(el, step, 'es');
        const spanish = renderedStrings(el);
        const left = englishLeft(spanish, units, SAME_IN_SPANISH);
        expect(left, `English left on ${step} in es:\n${describeHits(left)}`).to.have.length(0);
        const changed = english.filter((s) => !spanish.includes(s));
        expect(changed.length, `strings that changed on ${step}`).to.be.at.least(englishHits.length / 2);
        // Every English string the step showed has gone or is allowed to stay.
        for (const hit of englishHits) expect(spanish, `"${hit.text}" still shown on ${step}`).to.not.include(hit.text);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('es covers the error summary, field errors and the stepper', async () => {
    const el = await openWizard({});
    el.locale = 'es';
    await waitFor(() => getByRole(el, 'heading', 'Datos básicos'));
    getByRole(el, 'button', 'Siguiente').click();
    await waitFor(() => getByRole(el, 'alert', 'Hay un problema'));
    const strings = renderedStrings(el);
    expect(strings).to.include('Introduce un nombre de campaña');
    expect(strings).to.include('Selecciona un agente');
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Pasos de la campaña');
    const titles = Array.from(el.shadowRoot!.querySelectorAll('.step-title')).map((t) => t.textContent?.trim());
    expect(titles).to.deep.equal(STEP_IDS.map((s) => TITLES[s].es));
    expect(englishLeft(strings, units, SAME_IN_SPANISH)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('es covers creating: the Create button and the confirmation', async () => {
    const el = await openWizard(PLAIN);
    await show(el, 'review', 'es');
    const created = new Promise<void>((resolve) => el.addEventListener('campaign-create', () => resolve(), { once: true }));
    getByRole(el, 'button', 'Crear campaña').click();
    await created;
    await waitFor(() => getByRole(el, 'status', 'Campaña creada.'));
  });

  it('what the user just did (Copy to all, a step move, an added goal) is re-read in the new locale', async () => {
    const el = await openWizard(RICH);
    await show(el, 'outcomes', 'en');
    getByRole(el, 'button', 'Back').click(); // announces "Step 4 of 6: Schedule"
    await waitFor(() => getByRole(el, 'heading', 'Schedule'));
    getByRole(el, 'button', 'Copy to all').click();
    await waitFor(() => expect(renderedStrings(el).some((s) => s.startsWith('Copied Monday'))).to.equal(true));
    expect(renderedStrings(el)).to.include('Step 4 of 6: Schedule');
    el.locale = 'es';
    await waitFor(() => getByRole(el, 'heading', 'Programación'));
    const strings = renderedStrings(el);
    expect(strings).to.include('Paso 4 de 6: Programación');
    expect(strings.some((s) => s.startsWith('Se copiaron las horas del lunes'))).to.equal(true);
    expect(englishLeft(strings, units, SAME_IN_SPANISH)).to.have.length(0);

    el.locale = 'en';
    await show(el, 'outcomes', 'en');
    getByRole(el, 'button', 'Add goal').click();
    await waitFor(() => expect(renderedStrings(el)).to.include('Goal 3 added.'));
    el.locale = 'es';
    await waitFor(() => expect(renderedStrings(el)).to.include('Objetivo 3 añadido.'));
    expect(englishLeft(renderedStrings(el), units, SAME_IN_SPANISH)).to.have.length(0);
  });

  it('es covers the CSV source: file, mapping, preview, phone checks and country counts', async () => {
    const el = await openWizard({ ...PLAIN, audience: { source: 'csv' } });
    await show(el, 'audience', 'en');
    const input = await waitFor(() => getByLabel<HTMLInputElement>(el, 'CSV file'));
    // Headers that are not catalogue strings themselves: file data is never translated.
    const csv = [
      'First Name,Surname,Phone Number,E-mail,Plan',
      'Ana,García,(415) 555-2671,ana@example.com,Gold',
      'Bob,Smith,+1 415 555 2671,bob@example.com,Silver',
      'Zoë,Müller,+44 20 7946 0958,z@example.com,Gold',
      'Eve,Doe,12345,e@example.com,Gold',
      'Sam,Lee,,s@example.com,Gold',
    ].join('\n');
    const dt = new DataTransfer();
    dt.items.add(csvFile(csv));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(renderedStrings(el)).to.include('Valid contacts by country'), 10000);
    await settled(el);
    const englishHits = englishLeft(renderedStrings(el), units, SAME_IN_SPANISH);
    expect(englishHits.length).to.be.greaterThan(15);

    el.locale = 'es';
    await waitFor(() => expect(renderedStrings(el)).to.include('Contactos válidos por país'));
    const left = englishLeft(renderedStrings(el), units, SAME_IN_SPANISH);
    expect(left, `English left on the CSV source in es:\n${describeHits(left)}`).to.have.length(0);
    expect(renderedStrings(el).some((s) => s.includes('Estados Unidos'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Intl formatting follows the locale: day names and the week summary', async () => {
    const el = await openWizard(RICH);
    await show(el, 'schedule', 'es');
    expect(uiLocale()).to.equal('es');
    const strings = renderedStrings(el);
    expect(strings.some((s) => s.includes('lunes'))).to.equal(true);
    expect(strings.some((s) => /\bMonday\b/.test(s))).to.equal(false);
  });

  it('es-MX shows es, with Mexican Intl formats', async () => {
    const el = await openWizard(PLAIN);
    el.locale = 'es-MX';
    await waitFor(() => getByRole(el, 'heading', 'Datos básicos'));
    expect(wizardLocale()).to.equal('es');
    expect(uiLocale()).to.equal('es-MX');
  });

  it('an unknown or invalid locale shows en', async () => {
    const el = await openWizard(PLAIN);
    el.locale = 'es';
    await waitFor(() => getByRole(el, 'heading', 'Datos básicos'));
    el.locale = 'fr-CA';
    await waitFor(() => getByRole(el, 'heading', 'Basics'));
    expect(wizardLocale()).to.equal('en');
    expect(uiLocale()).to.equal('en');
    el.locale = 'es';
    await waitFor(() => getByRole(el, 'heading', 'Datos básicos'));
    el.locale = 'not a tag!';
    await waitFor(() => getByRole(el, 'heading', 'Basics'));
  });

  it('resolves tags: exact, by prefix, case-insensitively, else en', () => {
    expect(resolveWizardLocale('es')).to.equal('es');
    expect(resolveWizardLocale('es-MX')).to.equal('es');
    expect(resolveWizardLocale('ES-419')).to.equal('es');
    expect(resolveWizardLocale('es-Latn-MX')).to.equal('es');
    expect(resolveWizardLocale('en-GB')).to.equal('en');
    expect(resolveWizardLocale('fr')).to.equal('en');
    expect(resolveWizardLocale('')).to.equal('en');
    expect(resolveWizardLocale(undefined)).to.equal('en');
    expect(resolveWizardLocale('%%')).to.equal('en');
  });

  it('the locale attribute works and is page-wide', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const box = await fixture<HTMLDivElement>(html`<div>
      <campaign-wizard .adapters=${adapters}></campaign-wizard>
      <campaign-wizard .adapters=${adapters} locale="es"></campaign-wizard>
    </div>`);
    const [first, second] = Array.from(box.querySelectorAll('campaign-wizard'));
    await waitFor(() => getByRole(second!, 'heading', 'Datos básicos'));
    await waitFor(() => getByRole(first!, 'heading', 'Datos básicos'));
  });

  it('<campaign-inbound-returns> follows its locale property', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const card = await fixture<HTMLElement & { locale?: string }>(
      html`<campaign-inbound-returns campaign-id="cmp_1001" .adapters=${adapters} locale="es"></campaign-inbound-returns>`,
    );
    await waitFor(() => getByRole(card, 'heading', 'Retornos entrantes'));
    await waitFor(() => expect(renderedStrings(card).some((s) => /^(Cargando|Loading)/.test(s))).to.equal(false));
    expect(englishLeft(renderedStrings(card), units, SAME_IN_SPANISH)).to.have.length(0);
    await expect(card).to.be.accessible();
  });
});

describe('Spanish catalogue', () => {
  it('has a target for every source, with the same placeholders', () => {
    expect(units.length).to.be.greaterThan(100);
    const missing = units.filter((u) => u.target === null || u.target.trim() === '');
    expect(missing.map((u) => u.source), 'untranslated').to.deep.equal([]);
    const badPlaceholders = units.filter(
      (u) => [...u.sourcePlaceholders].sort().join() !== [...u.targetPlaceholders].sort().join(),
    );
    expect(badPlaceholders.map((u) => u.source), 'placeholders differ').to.deep.equal([]);
  });

  it('translates every string, except the allow-listed ones that read the same in Spanish', () => {
    // Placeholders and punctuation only ("{0}: {1}") have no words to translate.
    const copied = units.filter((u) => u.englishPattern && u.target === u.source).map((u) => u.source);
    expect(copied.sort()).to.deep.equal([...SAME_IN_SPANISH].sort());
  });

  it('the built es module is current with the catalogue (npm run localize:build)', () => {
    const built = new Set(Object.keys(esTemplates));
    expect(units.filter((u) => !built.has(u.id)).map((u) => u.source), 'missing from the build').to.deep.equal([]);
    expect(built.size).to.equal(units.length);
  });
});
