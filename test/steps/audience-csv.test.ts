import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { getCountries } from 'libphonenumber-js/max';
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import type { SubmitRequest } from '../../src/adapters/types.js';
import { PHONE_COUNTRIES } from '../../src/state/csv-session.js';
import { variableNameFor } from '../../src/steps/audience-csv.component.js';
import { getByLabel, getByRole, queryAllByLabel, queryAllByRole, waitFor, expectFocused, normalise, description } from '../support/dom.js';
import { NO_PHONE_HEADER_CSV, SMALL_CSV, TWO_PHONES_CSV, blobText, csvFile, largeCsv, xlsxLikeFile } from '../support/csv-files.js';

/** Basics and Telephony complete, Contact Source CSV, no file yet. */
const READY: DeepPartial<CampaignPayload> = {
  name: 'Spring renewals',
  agentId: 'agt_noah',
  telephony: { primaryFromNumberId: 'num_us_nyc', numberPoolIds: ['num_us_nyc', 'num_us_chi'] },
  audience: { source: 'csv' },
};

type Wizard = CampaignWizard;

async function openAudience(initial: DeepPartial<CampaignPayload> = READY): Promise<{ el: Wizard; adapters: InMemoryAdapters }> {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });
  const el = await fixture<Wizard>(html`<campaign-wizard .adapters=${adapters}></campaign-wizard>`);
  el.initial = initial;
  await el.updateComplete;
  el.step = 'audience';
  await waitFor(() => getByRole(el, 'heading', 'Audience'));
  await waitFor(() => getByLabel(el, 'CSV file'));
  return { el, adapters };
}

function fileInput(el: Wizard): HTMLInputElement {
  return getByLabel<HTMLInputElement>(el, 'CSV file');
}

/** Picks `file` in the file input, as the browser does after the file dialog. */
function pick(el: Wizard, file: File): void {
  const input = fileInput(el);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function csvElement(el: Wizard): HTMLElement & { shadowRoot: ShadowRoot } {
  const step = el.shadowRoot!.querySelector('campaign-step-audience')!;
  return step.shadowRoot!.querySelector('campaign-audience-csv') as HTMLElement & { shadowRoot: ShadowRoot };
}

function csvText(el: Wizard): string {
  return normalise(csvElement(el).shadowRoot.textContent);
}

/** The counts as the user reads them: "Valid" -> "4". */
function stats(el: Wizard): Record<string, string> {
  const out: Record<string, string> = {};
  for (const div of Array.from(csvElement(el).shadowRoot.querySelectorAll('.stats div'))) {
    out[normalise(div.querySelector('dt')!.textContent)] = normalise(div.querySelector('dd')!.textContent);
  }
  return out;
}

async function waitForCounts(el: Wizard, timeout = 10000): Promise<Record<string, string>> {
  return waitFor(() => {
    const s = stats(el);
    if (!s['Valid']) throw new Error('no counts yet');
    return s;
  }, timeout);
}

function table(el: Wizard, caption: RegExp): { head: string[]; rows: string[][] } {
  const tables = Array.from(csvElement(el).shadowRoot.querySelectorAll('table')).filter((t) => caption.test(normalise(t.caption?.textContent)));
  if (tables.length !== 1) throw new Error(`Expected one table captioned ${caption}, found ${tables.length}`);
  const t = tables[0]!;
  return {
    head: Array.from(t.querySelectorAll('thead th')).map((th) => normalise(th.textContent)),
    rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => normalise(c.textContent))),
  };
}

/** Picks an option by its visible text, as a user does from the list. */
async function choose(control: HTMLSelectElement, text: string): Promise<void> {
  const option = Array.from(control.options).find((o) => o.text.trim() === text);
  if (!option) throw new Error(`No option "${text}" in ${Array.from(control.options).map((o) => o.text).join(' | ')}`);
  control.value = option.value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r));
}

function selectedText(control: HTMLSelectElement): string {
  return normalise(control.selectedOptions[0]?.text);
}

function alertText(el: Wizard): string {
  return queryAllByRole(csvElement(el), 'alert')
    .map((a) => normalise(a.textContent))
    .join(' | ');
}

const next = (el: Wizard) => getByRole(el, 'button', 'Next').click();

/** Captures Blobs handed to URL.createObjectURL (the download) and keeps links from navigating. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const original = URL.createObjectURL;
  const originalClick = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return original.call(URL, obj);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = originalClick;
    },
  };
}

describe('Audience step: CSV', () => {
  it('blocks Next without a file, and the summary link focuses the file picker', async () => {
    const { el } = await openAudience();
    await expect(el).to.be.accessible();
    next(el);
    const link = await waitFor(() => getByRole(el, 'link', 'Choose a CSV file'));
    link.click();
    await waitFor(() => expectFocused(fileInput(el)));
    expect(el.step).to.equal('audience');
    expect(fileInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(description(fileInput(el))).to.include('Choose a CSV file');
    expect(fileInput(el).accept).to.include('.csv');
    await expect(el).to.be.accessible();
  });

  it('uploads a file: preview, auto-mapping, counts by validity and by country', async () => {
    const { el } = await openAudience();
    pick(el, csvFile(SMALL_CSV));
    await waitFor(() => expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Phone'))).to.equal('Phone Number'));
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'First name'))).to.equal('First Name');
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Last name'))).to.equal('Last Name');
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Email'))).to.equal('Email');
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Company'))).to.equal('Not mapped');
    expect(csvText(el)).to.include('Selected file: contacts.csv');

    const preview = table(el, /^Preview/);
    expect(preview.head.slice(0, 5)).to.deep.equal(['Row', 'First name First Name', 'Last name Last Name', 'Phone Phone Number', 'Email Email']);
    expect(preview.rows[0]!.slice(0, 4)).to.deep.equal(['1', 'Ana', 'García', '(415) 555-2671']);
    expect(preview.rows[3]![2]).to.equal('López, Jr.');

    expect(await waitForCounts(el)).to.deep.equal({ Valid: '4', Invalid: '3', Duplicate: '2' });
    expect(csvText(el)).to.include('5 of 9 contacts will be skipped');
    expect(table(el, /by country/).rows).to.deep.equal([
      ['United States', '1'],
      ['United Kingdom', '1'],
      ['Mexico', '1'],
      ['Canada', '1'],
    ]);
    // The preview now says what happens to each row.
    const withStatus = table(el, /^Preview/);
    expect(withStatus.head.at(-1)).to.equal('Status');
    expect(withStatus.rows.map((r) => r.at(-1))).to.deep.equal([
      'Will be called (+14155552671)',
      'Skipped: Duplicate phone number',
      'Will be called (+442079460958)',
      'Will be called (+525512345678)',
      'Skipped: Invalid phone number',
      'Skipped: Missing phone number',
      'Skipped: Invalid phone number',
      'Skipped: Duplicate phone number',
      'Will be called (+16135550123)',
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('Audience step: CSV support', () => {
  it('PHONE_COUNTRIES is the list libphonenumber-js knows', () => {
    expect([...PHONE_COUNTRIES]).to.deep.equal(getCountries());
  });

  it('names variables after columns as identifiers', () => {
    expect(variableNameFor('Due Date', [])).to.equal('due_date');
    expect(variableNameFor('2nd plan', [])).to.equal('_2nd_plan');
    expect(variableNameFor('Plan', ['plan'])).to.equal('plan_2');
    expect(variableNameFor('Teléfono', [])).to.equal('telefono');
    expect(variableNameFor('***', [])).to.equal('variable');
  });
});

// Silence "unused" until the later tests use them.
void [NO_PHONE_HEADER_CSV, TWO_PHONES_CSV, largeCsv, xlsxLikeFile, blobText, queryAllByLabel, alertText, captureDownloads, choose];
export type { SubmitRequest };
