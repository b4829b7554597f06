import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/campaign-wizard.js';
import type { CampaignWizard } from '../../src/campaign-wizard.js';
import { createInMemoryAdapters, type InMemoryAdapters } from '../../src/adapters/in-memory.js';
import type { CampaignPayload, DeepPartial } from '../../src/model/schema.js';
import type { SubmitRequest } from '../../src/adapters/types.js';
import { PHONE_COUNTRIES } from '../../src/state/csv-session.js';
import { csvErrorMessage, variableNameFor } from '../../src/steps/audience-csv.component.js';
import { CsvImportError, type CsvImportErrorCode } from '../../src/csv/errors.js';
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
    // The CSV engine (papaparse, libphonenumber-js) loads only when a file is chosen.
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.filter((n) => /papaparse|libphonenumber|csv\/index|csv\/preview/.test(n))).to.deep.equal([]);
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
    expect(fileInput(el).files?.[0]?.name).to.equal('contacts.csv');

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

describe('Audience step: CSV mapping and variables', () => {
  it('remapping the phone column re-checks the file and the counts change', async () => {
    const { el } = await openAudience();
    pick(el, csvFile(TWO_PHONES_CSV, 'two-phones.csv'));
    const phone = await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Phone'));
    expect(selectedText(phone)).to.equal('Mobile');
    expect(await waitForCounts(el)).to.deep.equal({ Valid: '3', Invalid: '1', Duplicate: '0' });
    await choose(getByLabel<HTMLSelectElement>(el, 'Phone'), 'Home');
    await waitFor(() => expect(stats(el)).to.deep.equal({ Valid: '1', Invalid: '3', Duplicate: '0' }), 10000);
    expect(csvText(el)).to.include('3 of 4 contacts will be skipped');
    expect(table(el, /^Preview/).head).to.deep.equal(['Row', 'Name', 'Mobile', 'Phone Home', 'Status']);
    expect(el.draft.audience.csv?.mapping).to.deep.equal({ phone: 'Home' });
    expect(el.draft.audience.csv?.stats).to.deep.equal({ valid: 1, invalid: 3, duplicate: 0, skipped: 3 });

    // Not mapped: the import says so, and Next names the field.
    await choose(getByLabel<HTMLSelectElement>(el, 'Phone'), 'Not mapped');
    await waitFor(() => expect(alertText(el)).to.include('No column looks like phone numbers'));
    await waitFor(() => expect(description(getByLabel(el, 'Phone'))).to.include('Choose the column that holds phone numbers'));
    next(el);
    (await waitFor(() => getByRole(el, 'link', 'Choose the column that holds phone numbers'))).click();
    await waitFor(() => expectFocused(getByLabel(el, 'Phone')));
    await expect(el).to.be.accessible();
  });

  it('call variables come from unmapped columns, are named after them and validated', async () => {
    const { el } = await openAudience();
    pick(el, csvFile(SMALL_CSV));
    await waitForCounts(el);
    getByRole(el, 'button', 'Add call variable').click();
    const column = await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Variable 1 column'));
    const offered = Array.from(column.options).map((o) => o.text.trim());
    expect(offered).to.deep.equal(['Choose…', 'Plan']); // mapped columns are not offered
    await choose(column, 'Plan');
    await waitFor(() => expect(getByLabel<HTMLInputElement>(el, 'Variable 1 name').value).to.equal('plan'));
    // The preview heading shows the variable.
    expect(table(el, /^Preview/).head).to.include('plan Plan');

    const name = getByLabel<HTMLInputElement>(el, 'Variable 1 name');
    name.value = '1st plan';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(description(getByLabel(el, 'Variable 1 name'))).to.include('starts with a letter or underscore'));
    next(el);
    await waitFor(() => getByRole(el, 'link', /starts with a letter or underscore/));
    expect(el.step).to.equal('audience');

    const first = getByLabel<HTMLInputElement>(el, 'Variable 1 name');
    first.value = 'plan';
    first.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r));
    getByRole(el, 'button', 'Add call variable').click();
    await choose(await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Variable 2 column')), 'Plan');
    await waitFor(() => expect(getByLabel<HTMLInputElement>(el, 'Variable 2 name').value).to.equal('plan_2'));
    const second = getByLabel<HTMLInputElement>(el, 'Variable 2 name');
    second.value = 'PLAN';
    second.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(description(getByLabel(el, 'Variable 2 name'))).to.include('Each variable needs a different name'));
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Remove variable 2').click();
    await waitFor(() => expect(queryAllByLabel(el, 'Variable 2 name')).to.have.length(0));
    next(el);
    await waitFor(() => expect(el.step).to.equal('schedule'));
    expect(el.draft.audience.csv?.callVariables).to.deep.equal([{ name: 'plan', column: 'Plan' }]);
  });

  it('the default country follows the primary from-number and can be changed', async () => {
    const uk = 'Name,Phone\nAnn,020 7946 0958\nBen,07911 123456\nCat,(415) 555-2671\n';
    const { el } = await openAudience({ ...READY, telephony: { primaryFromNumberId: 'num_gb_lon1', numberPoolIds: ['num_gb_lon1'] } });
    pick(el, csvFile(uk, 'uk.csv'));
    const country = await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Default country for phone numbers'));
    await waitFor(() => expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Default country for phone numbers'))).to.equal('United Kingdom'));
    await waitFor(() => expect(stats(el)).to.deep.equal({ Valid: '2', Invalid: '1', Duplicate: '0' }), 10000);
    expect(country.options.length).to.equal(PHONE_COUNTRIES.length);
    await choose(getByLabel<HTMLSelectElement>(el, 'Default country for phone numbers'), 'United States');
    await waitFor(() => expect(stats(el)).to.deep.equal({ Valid: '1', Invalid: '2', Duplicate: '0' }), 10000);
    expect(table(el, /by country/).rows).to.deep.equal([['United States', '1']]);
  });
});

describe('Audience step: CSV rejected rows', () => {
  it('downloads the rejected rows with reasons, formula injection neutralised', async () => {
    const { el } = await openAudience();
    pick(el, csvFile(SMALL_CSV, 'spring list.csv'));
    await waitForCounts(el);
    const downloads = captureDownloads();
    try {
      getByRole(el, 'button', 'Download rejected rows').click();
      await waitFor(() => expect(downloads.blobs).to.have.length(1), 10000);
    } finally {
      downloads.restore();
    }
    expect(downloads.names).to.deep.equal(['spring list-rejected-rows.csv']);
    const text = await blobText(downloads.blobs[0]!);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal('"Row","Reason","First Name","Last Name","Phone Number","Email","Plan"');
    expect(lines.slice(1, 6)).to.deep.equal([
      '"2","Duplicate phone number","Bob","Smith","\'+1 415 555 2671","bob@example.com","Silver"',
      '"5","Invalid phone number","Eve","Doe","12345","e@example.com","Gold"',
      '"6","Missing phone number","Sam","Lee","","s@example.com","Gold"',
      '"7","Invalid phone number","Kim","Park","\'=HYPERLINK(""http://x.test"",""y"")","k@example.com","Gold"',
      '"8","Duplicate phone number","Tom","Ray","\'+14155552671","t@example.com","Gold"',
    ]);
    // Accepted rows are not in it, even with a formula-like cell.
    expect(text).to.not.include('SUM(1)');
    await expect(el).to.be.accessible();
  });
});

describe('Audience step: CSV files that cannot be imported', () => {
  const cases: [string, () => File, RegExp][] = [
    ['an empty file', () => csvFile('', 'empty.csv'), /This file is empty/],
    ['only white space and a BOM', () => csvFile('\uFEFF  \n\n', 'blank.csv'), /This file is empty/],
    ['a header row only', () => csvFile('First Name,Phone\n', 'header.csv'), /header row but no contacts/],
    ['an Excel workbook', xlsxLikeFile, /Excel workbook, not a CSV file/],
    ['binary data', () => csvFile([new Uint8Array([0x41, 0, 0x42, 0, 1, 2, 3, 0, 0, 0, 0x0a, 0x43, 0, 0x44])], 'data.bin'), /not a text CSV file/],
    ['an unclosed quote', () => csvFile('Name,Phone\nAnn,"+14155552671\nBen,+14155552672\n', 'quotes.csv'), /never closed/],
  ];
  for (const [what, make, message] of cases) {
    it(`explains ${what}, and Next stays blocked`, async () => {
      const { el } = await openAudience();
      pick(el, make());
      await waitFor(() => expect(alertText(el)).to.match(message), 10000);
      expect(queryAllByLabel(el, 'Phone')).to.have.length(0);
      // The picker is cleared, so the same file, once fixed, can be chosen again.
      await waitFor(() => expect(fileInput(el).files?.length ?? 0).to.equal(0));
      expect(queryAllByRole(csvElement(el), 'button', 'Cancel import')).to.have.length(0);
      next(el);
      await waitFor(() => getByRole(el, 'link', 'Choose a CSV file'));
      expect(el.step).to.equal('audience');
      await expect(el).to.be.accessible();
    });
  }

  it('a file with no phone-like header: the user maps the column, then the counts come', async () => {
    const { el } = await openAudience();
    pick(el, csvFile(NO_PHONE_HEADER_CSV, 'no-phone.csv'));
    await waitFor(() => expect(alertText(el)).to.include('No column looks like phone numbers'));
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Phone'))).to.equal('Not mapped');
    await expect(el).to.be.accessible();
    await choose(getByLabel<HTMLSelectElement>(el, 'Phone'), 'Contact');
    expect(await waitForCounts(el)).to.deep.equal({ Valid: '2', Invalid: '0', Duplicate: '0' });
    expect(alertText(el)).to.equal('');
    expect(csvText(el)).to.include('0 of 2 contacts will be skipped');
    next(el);
    await waitFor(() => expect(el.step).to.equal('schedule'));
  });

  it('a semicolon-separated UTF-16 file with CRLF reads like any other', async () => {
    const text = '\uFEFFNombre;Teléfono\r\nZoë;+44 20 7946 0958\r\nJosé;+52 55 1234 5678\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const { el } = await openAudience();
    pick(el, csvFile([bytes], 'utf16.csv'));
    await waitFor(() => expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Phone'))).to.equal('Teléfono'));
    expect(table(el, /^Preview/).rows[0]!.slice(0, 3)).to.deep.equal(['1', 'Zoë', '+44 20 7946 0958']);
    expect(await waitForCounts(el)).to.deep.equal({ Valid: '2', Invalid: '0', Duplicate: '0' });
  });

  it('renders cells and headers as text, never HTML', async () => {
    const evil = 'Name<img src=x onerror=window.__csvXss=1>,Phone\n<b>Bold</b><script>window.__csvXss=2</script>,+14155552671\n';
    const { el } = await openAudience();
    pick(el, csvFile(evil, 'evil.csv'));
    await waitForCounts(el);
    const root = csvElement(el).shadowRoot;
    expect(root.querySelectorAll('img, b, script')).to.have.length(0);
    expect(csvText(el)).to.include('<b>Bold</b>');
    expect(table(el, /^Preview/).head).to.include('Name<img src=x onerror=window.__csvXss=1>');
    expect((window as unknown as { __csvXss?: number }).__csvXss).to.equal(undefined);
  });
});

describe('Audience step: CSV progress and Cancel', () => {
  it('shows progress on a large file and Cancel stops it and drops the file', async function () {
    this.timeout(60000);
    const { el } = await openAudience();
    const file = largeCsv(200_000);
    pick(el, file);
    // The preview comes at once, long before the pass ends.
    await waitFor(() => expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Phone'))).to.equal('Phone'), 5000);
    const bar = await waitFor(() => getByLabel<HTMLProgressElement>(el, 'Checking phone numbers'));
    expect(bar.tagName).to.equal('PROGRESS');
    expect(table(el, /^Preview/).head).to.include('Phone Phone');
    // Moving on is allowed while the pass runs: the row count is estimated until then.
    expect(el.draft.audience.csv?.rowCount).to.be.greaterThan(150_000);
    expect(el.draft.audience.csv?.stats ?? null).to.equal(null);
    await expect(el).to.be.accessible();
    await waitFor(() => expect(csvText(el)).to.match(/[1-9][\d,]* rows checked/), 20000);
    getByRole(el, 'button', 'Cancel import').click();
    await waitFor(() => expect(csvText(el)).to.include('The import of large.csv was cancelled'));
    await waitFor(() => expectFocused(fileInput(el)));
    expect(queryAllByRole(csvElement(el), 'button', 'Cancel import')).to.have.length(0);
    expect(queryAllByLabel(el, 'Phone')).to.have.length(0);
    expect(el.draft.audience.csv?.file ?? null).to.equal(null);
    expect(el.draft.audience.csv?.stats ?? null).to.equal(null);
    // Nothing comes back later.
    await new Promise((r) => setTimeout(r, 300));
    expect(stats(el)).to.deep.equal({});
    next(el);
    await waitFor(() => getByRole(el, 'link', 'Choose a CSV file'));
    await expect(el).to.be.accessible();
  });

  it('the pass goes on while the user visits other steps; Review shows the final counts', async function () {
    this.timeout(60000);
    const { el } = await openAudience();
    pick(el, largeCsv(60_000, 'sixty.csv'));
    await waitFor(() => getByLabel<HTMLProgressElement>(el, 'Checking phone numbers'));
    next(el);
    await waitFor(() => expect(el.step).to.equal('schedule'));
    el.step = 'review';
    await waitFor(() => getByRole(el, 'heading', 'Review'));
    const review = () => normalise(el.shadowRoot!.querySelector('campaign-step-review')!.shadowRoot!.textContent);
    await waitFor(() => expect(review()).to.include('CSV: sixty.csv, 60,000 rows; 60,000 will be called, 0 skipped'), 30000);
  });
});

describe('Audience step: CSV in a whole create', () => {
  it('sends the picked File and the audience with the exact rowCount', async () => {
    const { el, adapters } = await openAudience();
    const created: CustomEvent[] = [];
    el.addEventListener('campaign-create', (e) => created.push(e));
    const file = csvFile(SMALL_CSV);
    pick(el, file);
    await waitForCounts(el);
    getByRole(el, 'button', 'Add call variable').click();
    await choose(await waitFor(() => getByLabel<HTMLSelectElement>(el, 'Variable 1 column')), 'Plan');
    await choose(getByLabel<HTMLSelectElement>(el, 'Company'), 'Plan');
    for (const step of ['schedule', 'outcomes', 'review']) {
      next(el);
      await waitFor(() => expect(el.step).to.equal(step));
    }
    const review = () => normalise(el.shadowRoot!.querySelector('campaign-step-review')?.shadowRoot?.textContent);
    await waitFor(() => expect(review()).to.include('CSV: contacts.csv, 9 rows; 4 will be called, 5 skipped'));
    getByRole(el, 'button', 'Create campaign').click();
    await waitFor(() => expect(created).to.have.length(1), 5000);
    const request = adapters.calls.find((c) => c.method === 'submit')!.args[0] as SubmitRequest;
    expect(request.csvFile === file, 'the picked File itself is sent').to.equal(true);
    expect(request.campaign.audience).to.deep.equal({
      source: 'csv',
      fileName: 'contacts.csv',
      mapping: { phone: 'Phone Number', firstName: 'First Name', lastName: 'Last Name', email: 'Email', company: 'Plan' },
      callVariables: [{ name: 'plan', column: 'Plan' }],
      rowCount: 9,
    });
    expect(adapters.uploads).to.deep.equal([{ campaignId: (created[0]!.detail as { campaignId: string }).campaignId, fileName: 'contacts.csv', size: file.size }]);
  });

  it('Create right after the pick waits for the count, so rowCount is never an estimate', async function () {
    this.timeout(60000);
    const { el, adapters } = await openAudience();
    const file = largeCsv(50_000, 'fifty.csv');
    pick(el, file);
    await waitFor(() => getByLabel<HTMLProgressElement>(el, 'Checking phone numbers'), 5000);
    el.step = 'review';
    const create = await waitFor(() => getByRole(el, 'button', 'Create campaign'));
    create.click();
    await waitFor(() => expect(adapters.calls.some((c) => c.method === 'submit')).to.equal(true), 40000);
    const request = adapters.calls.find((c) => c.method === 'submit')!.args[0] as SubmitRequest;
    expect(request.campaign.audience).to.include({ source: 'csv', fileName: 'fifty.csv', rowCount: 50_000 });
    expect(request.csvFile === file).to.equal(true);
  });

  it('a file restored from autosave is checked again, with the mapping the user chose', async function () {
    this.timeout(30000);
    const key = `csv-test-${Math.random()}`;
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const first = await fixture<Wizard>(html`<campaign-wizard draft-key=${key} .adapters=${adapters}></campaign-wizard>`);
    first.initial = READY;
    first.step = 'audience';
    await waitFor(() => getByLabel(first, 'CSV file'));
    pick(first, csvFile(TWO_PHONES_CSV, 'two-phones.csv'));
    await waitForCounts(first);
    await choose(getByLabel<HTMLSelectElement>(first, 'Phone'), 'Home');
    await waitFor(() => expect(stats(first)).to.deep.equal({ Valid: '1', Invalid: '3', Duplicate: '0' }), 10000);
    await new Promise((r) => setTimeout(r, 1000)); // autosave
    first.remove();

    const second = await fixture<Wizard>(html`<campaign-wizard draft-key=${key} .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => getByRole(second, 'status', /Draft restored/));
    second.step = 'audience';
    await waitFor(() => expect(selectedText(getByLabel<HTMLSelectElement>(second, 'Phone'))).to.equal('Home'));
    expect(await waitForCounts(second)).to.deep.equal({ Valid: '1', Invalid: '3', Duplicate: '0' });
    expect(second.draft.audience.csv?.rowCount).to.equal(4);
    getByRole(second, 'button', 'Discard draft').click();
    await waitFor(() => expect(second.draft.audience.csv).to.equal(null));
  });

  it('a wizard taken out of the page stops its import, and starts it again when put back', async function () {
    this.timeout(60000);
    const { el } = await openAudience();
    pick(el, largeCsv(30_000, 'thirty.csv'));
    await waitFor(() => getByLabel<HTMLProgressElement>(el, 'Checking phone numbers'), 5000);
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, 200));
    expect(el.draft.audience.csv?.stats ?? null).to.equal(null);
    parent.append(el);
    expect(await waitForCounts(el, 30000)).to.deep.equal({ Valid: '30,000', Invalid: '0', Duplicate: '0' });
    expect(el.draft.audience.csv?.rowCount).to.equal(30_000);
  });

  it('accepts a file dropped on the drop zone', async () => {
    const { el } = await openAudience();
    const zone = csvElement(el).shadowRoot.querySelector('.dropzone')!;
    const dt = new DataTransfer();
    dt.items.add(csvFile(SMALL_CSV, 'dropped.csv'));
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitFor(() => expect(zone.classList.contains('dragging')).to.equal(true));
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented, 'dragover allows the drop').to.equal(true);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    zone.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    await waitFor(() => expect(csvText(el)).to.include('Selected file: dropped.csv'));
    expect(fileInput(el).files?.[0]?.name).to.equal('dropped.csv');
    expect(zone.classList.contains('dragging')).to.equal(false);
    expect(await waitForCounts(el)).to.deep.equal({ Valid: '4', Invalid: '3', Duplicate: '2' });
  });
});

describe('Audience step: CSV in edit mode', () => {
  const UPLOAD = 'Current upload: uk-lapsed-customers-2026-11.csv (1,284 rows)';

  async function openEdit() {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const el = await fixture<Wizard>(html`<campaign-wizard mode="edit" campaign-id="cmp_1002" .adapters=${adapters}></campaign-wizard>`);
    await waitFor(() => expect(el.draft.name).to.equal('UK win-back – Q1'));
    el.step = 'audience';
    await waitFor(() => getByLabel(el, UPLOAD));
    return { el, adapters };
  }

  async function save(el: Wizard, adapters: InMemoryAdapters): Promise<SubmitRequest> {
    el.step = 'review';
    (await waitFor(() => getByRole(el, 'button', 'Save campaign'))).click();
    await waitFor(() => expect(adapters.calls.some((c) => c.method === 'submit')).to.equal(true), 5000);
    return adapters.calls.find((c) => c.method === 'submit')!.args[0] as SubmitRequest;
  }

  it('keeps the current upload: its name, row count and mapping; sent back unchanged, without a file', async () => {
    const { el, adapters } = await openEdit();
    expect(getByLabel<HTMLInputElement>(el, 'Keep current upload').checked).to.equal(true);
    expect(getByLabel<HTMLInputElement>(el, 'Replace file').checked).to.equal(false);
    expect(queryAllByLabel(el, 'CSV file')).to.have.length(0);
    expect(csvText(el)).to.include('Mobile');
    expect(csvText(el)).to.include('last_plan');
    await expect(el).to.be.accessible();
    const request = await save(el, adapters);
    expect(request.csvFile).to.equal(undefined);
    expect(request.campaign.audience).to.deep.equal({
      source: 'csv',
      fileName: 'uk-lapsed-customers-2026-11.csv',
      mapping: { phone: 'Mobile', firstName: 'First name', lastName: 'Surname', email: 'Email address' },
      callVariables: [{ name: 'last_plan', column: 'Plan' }],
      rowCount: 1284,
    });
  });

  it('replaces the file, can go back to the current upload, and sends a replacement with its file', async () => {
    const { el, adapters } = await openEdit();
    getByLabel<HTMLInputElement>(el, 'Replace file').click();
    await waitFor(() => expectFocused(fileInput(el)));
    await expect(el).to.be.accessible();
    // A replacement with the same headers keeps the mapping and the call variable.
    const replacement = csvFile('First name,Surname,Mobile,Email address,Plan\nAmy,Pond,07911 123456,a@example.com,Gold\n', 'uk-2027.csv');
    pick(el, replacement);
    expect(await waitForCounts(el)).to.deep.equal({ Valid: '1', Invalid: '0', Duplicate: '0' }); // GB from the primary number
    expect(getByLabel<HTMLInputElement>(el, 'Replace file').checked).to.equal(true);
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Phone'))).to.equal('Mobile');
    expect(selectedText(getByLabel<HTMLSelectElement>(el, 'Last name'))).to.equal('Surname');
    expect(getByLabel<HTMLInputElement>(el, 'Variable 1 name').value).to.equal('last_plan');
    expect(el.draft.audience.loaded).to.equal(null);

    getByLabel<HTMLInputElement>(el, 'Keep current upload').click();
    await waitFor(() => expect(queryAllByLabel(el, 'CSV file')).to.have.length(0));
    expect(el.draft.audience.csv?.file ?? null).to.equal(null);
    expect(el.draft.audience.loaded?.source).to.equal('csv');

    getByLabel<HTMLInputElement>(el, 'Replace file').click();
    await waitFor(() => fileInput(el));
    pick(el, replacement);
    await waitForCounts(el);
    const request = await save(el, adapters);
    expect(request.csvFile === replacement).to.equal(true);
    expect(request.campaign.audience).to.deep.equal({
      source: 'csv',
      fileName: 'uk-2027.csv',
      mapping: { phone: 'Mobile', firstName: 'First name', lastName: 'Surname', email: 'Email address' },
      callVariables: [{ name: 'last_plan', column: 'Plan' }],
      rowCount: 1,
    });
  });
});

describe('Audience step: CSV support', () => {
  it('PHONE_COUNTRIES is the list libphonenumber-js knows', async () => {
    const { getCountries } = await import('libphonenumber-js/max');
    expect([...PHONE_COUNTRIES]).to.deep.equal(getCountries());
  });

  it('has a clear message for every import error code', () => {
    const codes: CsvImportErrorCode[] = [
      'empty', 'header_only', 'no_phone_column', 'unknown_column', 'binary', 'too_large', 'too_many_rows',
      'too_many_columns', 'unbalanced_quotes', 'line_too_long', 'read_failed', 'worker_failed',
    ];
    const messages = codes.map((code) => csvErrorMessage(new CsvImportError(code, 'English log text', { row: 7, detail: 'Mobile' })));
    expect(new Set(messages).size).to.equal(codes.length);
    for (const m of messages) expect(m).to.not.include('English log text');
    expect(csvErrorMessage(new CsvImportError('too_large', ''))).to.include('256 MB');
    expect(csvErrorMessage(new CsvImportError('too_many_rows', ''))).to.include('2,000,000');
    expect(csvErrorMessage(new CsvImportError('unbalanced_quotes', '', { row: 7 }))).to.include('row 7');
    expect(csvErrorMessage(new CsvImportError('unknown_column', '', { detail: 'Mobile' }))).to.include('"Mobile"');
    expect(csvErrorMessage(new CsvImportError('binary', '', { detail: 'pdf' }))).to.include('PDF');
    expect(csvErrorMessage(new TypeError('Failed to fetch dynamically imported module'))).to.include('could not load');
  });

  it('names variables after columns as identifiers', () => {
    expect(variableNameFor('Due Date', [])).to.equal('due_date');
    expect(variableNameFor('2nd plan', [])).to.equal('_2nd_plan');
    expect(variableNameFor('Plan', ['plan'])).to.equal('plan_2');
    expect(variableNameFor('Teléfono', [])).to.equal('telefono');
    expect(variableNameFor('***', [])).to.equal('variable');
  });
});

