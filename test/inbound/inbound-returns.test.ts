import { expect, fixture, html } from '@open-wc/testing';
import '../support/lit-warnings.js';
import '../../src/inbound/inbound-returns.js';
import type { CampaignInboundReturns, InboundReturnsAdapters } from '../../src/inbound/inbound-returns.js';
import { safeUrl } from '../../src/inbound/safe-url.js';
import type { AdapterContext } from '../../src/adapters/types.js';
import type { InboundReturns } from '../../src/model/schema.js';
import { deepActiveElement, getByRole, normalise, queryAllByRole, waitFor } from '../support/dom.js';

const SAMPLE: InboundReturns = {
  total: 52,
  byReason: [
    { reason: 'contacted_inbound', count: 37, callLogsUrl: '/call-logs?campaign=c1&reason=contacted_inbound' },
    { reason: 'follow_up_match', count: 12, callLogsUrl: 'https://app.example.com/call-logs?campaign=c1&reason=follow_up_match' },
    { reason: 'voicemail_callback', count: 2 },
    { reason: '<b>spoofed</b>', count: 1, callLogsUrl: 'javascript:alert(document.domain)' },
  ],
  callLogsUrl: '/call-logs?campaign=c1',
};

interface Call {
  campaignId: string;
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A tiny adapter whose answers the test gives by hand, or at once through `answer`. */
function fakeAdapter(answer?: (campaignId: string, n: number) => unknown) {
  const calls: Call[] = [];
  const adapters: InboundReturnsAdapters = {
    getInboundReturns(campaignId: string, ctx: AdapterContext) {
      return new Promise((resolve, reject) => {
        calls.push({ campaignId, signal: ctx.signal, resolve: resolve as (v: unknown) => void, reject });
        if (answer) {
          try {
            resolve(answer(campaignId, calls.length) as InboundReturns);
          } catch (error) {
            reject(error);
          }
        }
      });
    },
  };
  return { adapters, calls };
}

async function render(adapters: InboundReturnsAdapters | undefined, campaignId = 'c1', interval?: number) {
  return fixture<CampaignInboundReturns>(
    html`<campaign-inbound-returns
      campaign-id=${campaignId}
      refresh-interval=${interval ?? ''}
      .adapters=${adapters}
    ></campaign-inbound-returns>`,
  );
}

const root = (el: CampaignInboundReturns) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => normalise(el.textContent);
const settle = async (el: CampaignInboundReturns) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

describe('<campaign-inbound-returns> states', () => {
  it('shows a loading status while the answer is pending', async () => {
    const { adapters, calls } = fakeAdapter();
    const el = await render(adapters);
    expect(getByRole(el, 'heading', 'Inbound returns')).to.exist;
    expect(text(getByRole(el, 'status'))).to.equal('Loading inbound returns…');
    expect(calls).to.have.length(1);
    expect(calls[0]!.campaignId).to.equal('c1');
    await expect(el).to.be.accessible();
  });

  it('shows "No inbound returns yet" when there are none', async () => {
    const { adapters } = fakeAdapter(() => ({ total: 0, byReason: [], callLogsUrl: '/call-logs?campaign=c1' }));
    const el = await render(adapters);
    await waitFor(() => expect(text(root(el))).to.contain('No inbound returns yet'));
    expect(queryAllByRole(el, 'status')).to.have.length(0);
    expect(root(el).querySelectorAll('[part~="chart"]').length).to.equal(0);
    expect(root(el).querySelectorAll('[part~="list"]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry, and Retry recovers', async () => {
    const { adapters, calls } = fakeAdapter((_, n) => {
      if (n === 1) throw new Error('Inbound routing statistics are unavailable (503)');
      return SAMPLE;
    });
    const el = await render(adapters);
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(text(alert)).to.contain("Couldn't load inbound returns.");
    expect(text(alert)).to.contain('Inbound routing statistics are unavailable (503)');
    await expect(el).to.be.accessible();

    const retry = getByRole(el, 'button', /^Retry/);
    expect(retry.getAttribute('part')).to.equal('retry-button');
    retry.click();
    await waitFor(() => expect(text(root(el).querySelector('[part="total"]')!)).to.equal('52 Total'));
    expect(calls).to.have.length(2);
    expect(queryAllByRole(el, 'alert')).to.have.length(0);
    // Focus does not fall back to the page when the Retry button goes away.
    expect(deepActiveElement() === getByRole(el, 'heading', 'Inbound returns'), 'focus is on the card heading').to.equal(true);
  });

  it('treats a malformed answer as an error, never a crash', async () => {
    const { adapters } = fakeAdapter(() => ({ total: '52', byReason: null, callLogsUrl: 42 }));
    const el = await render(adapters);
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(text(alert)).to.contain('cannot read');
    expect(getByRole(el, 'button', /^Retry/)).to.exist;
  });

  it('treats adapters without getInboundReturns as an error', async () => {
    const el = await render({});
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(text(alert)).to.contain('not available');
  });

  it('waits quietly until it has both a campaign and adapters', async () => {
    const el = await render(undefined);
    expect(queryAllByRole(el, 'status')).to.have.length(0);
    expect(queryAllByRole(el, 'alert')).to.have.length(0);
    const { adapters, calls } = fakeAdapter(() => SAMPLE);
    el.adapters = adapters;
    await waitFor(() => expect(root(el).querySelectorAll('[part="total"]').length).to.equal(1));
    expect(calls).to.have.length(1);
  });
});

describe('<campaign-inbound-returns> data', () => {
  async function ready(data: InboundReturns = SAMPLE) {
    const el = await render(fakeAdapter(() => data).adapters);
    await waitFor(() => expect(root(el).querySelectorAll('[part="total"]').length).to.equal(1));
    return el;
  }

  it('shows the total and a count per reason with plain labels', async () => {
    const el = await ready();
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('52 Total');
    const list = getByRole(el, 'list', 'By routing reason');
    const items = Array.from(list.querySelectorAll('[part="item"]')).map(text);
    expect(items).to.deep.equal([
      'Closed an open or retry-pending task 37',
      'Matched an active follow-up 12',
      'voicemail_callback 2',
      '<b>spoofed</b> 1',
    ]);
    await expect(el).to.be.accessible();
  });

  it('links each count to its filtered call logs', async () => {
    const el = await ready();
    const task = getByRole<HTMLAnchorElement>(el, 'link', 'Closed an open or retry-pending task 37');
    expect(task.getAttribute('href')).to.equal('/call-logs?campaign=c1&reason=contacted_inbound');
    expect(task.getAttribute('part')).to.equal('link');
    const followUp = getByRole<HTMLAnchorElement>(el, 'link', 'Matched an active follow-up 12');
    expect(followUp.getAttribute('href')).to.equal('https://app.example.com/call-logs?campaign=c1&reason=follow_up_match');
    // No URL: the count is plain text.
    expect(queryAllByRole(el, 'link', /voicemail_callback/)).to.have.length(0);
  });

  it('shows a "javascript:" URL as text, not as a link, and markup as text', async () => {
    const el = await ready();
    expect(queryAllByRole(el, 'link', /spoofed/)).to.have.length(0);
    const hrefs = Array.from(root(el).querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => /script:/i.test(h))).to.equal(false);
    expect(root(el).querySelectorAll('b').length).to.equal(0);
    expect(text(root(el))).to.contain('<b>spoofed</b>');
  });

  it('links to all call logs', async () => {
    const el = await ready();
    const all = getByRole<HTMLAnchorElement>(el, 'link', 'View all call logs');
    expect(all.getAttribute('href')).to.equal('/call-logs?campaign=c1');
  });

  it('shows an unsafe "all call logs" URL as text', async () => {
    const el = await ready({ ...SAMPLE, callLogsUrl: ' JavaScript:alert(1)' });
    expect(queryAllByRole(el, 'link', 'View all call logs')).to.have.length(0);
    expect(text(root(el))).to.contain('View all call logs');
  });

  it('draws a bar per reason, sized by count, with a text equivalent', async () => {
    const el = await ready();
    const chart = getByRole(el, 'img');
    expect(chart.getAttribute('part')).to.equal('chart');
    expect(chart.getAttribute('aria-label')).to.equal(
      'Bar chart of inbound returns by routing reason. Closed an open or retry-pending task: 37; Matched an active follow-up: 12; voicemail_callback: 2; <b>spoofed</b>: 1',
    );
    const bars = Array.from(chart.querySelectorAll('[part="bar"]'));
    expect(bars.map((b) => Number(b.getAttribute('width')))).to.deep.equal([100, (12 / 37) * 100, (2 / 37) * 100, (1 / 37) * 100].map((w) => Number(w.toFixed(2))));
    // Each bar has its label and value as visible text beside it, so colour is not the only cue.
    expect(Array.from(chart.querySelectorAll('.bar-row')).map(text)).to.deep.equal([
      'Closed an open or retry-pending task 37',
      'Matched an active follow-up 12',
      'voicemail_callback 2',
      '<b>spoofed</b> 1',
    ]);
  });

  it('formats numbers for the language of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de">
      <campaign-inbound-returns campaign-id="c1" .adapters=${fakeAdapter(() => ({ total: 1234567, byReason: [{ reason: 'follow_up_match', count: 1234567 }] })).adapters}></campaign-inbound-returns>
    </div>`);
    const el = wrapper.querySelector('campaign-inbound-returns')!;
    await waitFor(() => expect(root(el).querySelectorAll('[part="total"]').length).to.equal(1));
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('1.234.567 Total');
  });

  it('is themed through the public --cw-* tokens', async () => {
    const el = await ready();
    el.style.setProperty('--cw-color-accent', 'rgb(1, 2, 3)');
    el.style.setProperty('--cw-color-surface', 'rgb(250, 240, 230)');
    const bar = root(el).querySelector('[part="bar"]')!;
    expect(getComputedStyle(bar).fill).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(root(el).querySelector('[part="card"]')!).backgroundColor).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(getByRole(el, 'link', 'View all call logs')).color).to.equal('rgb(1, 2, 3)');
  });
});

describe('<campaign-inbound-returns> loading and refreshing', () => {
  it('refresh() reloads and keeps the data up until the new answer arrives', async () => {
    const { adapters, calls } = fakeAdapter();
    const el = await render(adapters);
    calls[0]!.resolve(SAMPLE);
    await waitFor(() => expect(text(root(el).querySelector('[part="total"]')!)).to.equal('52 Total'));

    const done = el.refresh();
    await el.updateComplete;
    expect(calls).to.have.length(2);
    expect(queryAllByRole(el, 'status')).to.have.length(0);
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('52 Total');
    calls[1]!.resolve({ ...SAMPLE, total: 53 });
    await done;
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('53 Total');
  });

  it('aborts the previous load and never shows a stale answer', async () => {
    const { adapters, calls } = fakeAdapter();
    const el = await render(adapters, 'c1');
    el.campaignId = 'c2';
    await el.updateComplete;
    expect(calls.map((c) => c.campaignId)).to.deep.equal(['c1', 'c2']);
    expect(calls[0]!.signal.aborted).to.equal(true);
    expect(calls[1]!.signal.aborted).to.equal(false);

    calls[1]!.resolve({ total: 7, byReason: [] });
    await settle(el);
    calls[0]!.resolve(SAMPLE); // late answer for the old campaign
    await settle(el);
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('7 Total');
  });

  it('a newer refresh wins over an older one that answers last', async () => {
    const { adapters, calls } = fakeAdapter();
    const el = await render(adapters);
    calls[0]!.resolve({ total: 1, byReason: [] });
    await settle(el);
    void el.refresh();
    void el.refresh();
    expect(calls[1]!.signal.aborted).to.equal(true);
    calls[2]!.resolve({ total: 3, byReason: [] });
    calls[1]!.resolve({ total: 2, byReason: [] });
    await settle(el);
    expect(text(root(el).querySelector('[part="total"]')!)).to.equal('3 Total');
  });

  it('reloads every refresh-interval seconds, and stops while disconnected', async () => {
    const { adapters, calls } = fakeAdapter((_, n) => ({ total: n, byReason: [] }));
    const el = await render(adapters, 'c1', 0.05);
    await waitFor(() => expect(calls.length).to.be.at.least(3));
    await waitFor(() => expect(text(root(el).querySelector('[part="total"]')!)).to.match(/^[3-9]\d* Total$/));

    const parent = el.parentNode!;
    el.remove();
    const whileAway = calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.length).to.equal(whileAway);

    parent.appendChild(el);
    await waitFor(() => expect(calls.length).to.be.above(whileAway));
  });

  it('pauses the interval while the page is hidden and resumes when visible', async () => {
    const { adapters, calls } = fakeAdapter((_, n) => ({ total: n, byReason: [] }));
    const el = await render(adapters, 'c1', 0.05);
    await waitFor(() => expect(calls.length).to.be.at.least(2));
    const setVisibility = (value: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      await settle(el);
      const whileHidden = calls.length;
      await new Promise((r) => setTimeout(r, 200));
      expect(calls.length).to.equal(whileHidden);
      // A manual refresh still works while hidden, and does not restart the timer.
      await el.refresh();
      await new Promise((r) => setTimeout(r, 200));
      expect(calls.length).to.equal(whileHidden + 1);
      setVisibility('visible');
      await waitFor(() => expect(calls.length).to.be.above(whileHidden + 1));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(el.isConnected).to.equal(true);
  });

  it('does not reload on its own without refresh-interval', async () => {
    const { adapters, calls } = fakeAdapter(() => SAMPLE);
    const el = await render(adapters);
    await settle(el);
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).to.have.length(1);
  });

  it('aborts a pending load when disconnected and loads again when reconnected', async () => {
    const { adapters, calls } = fakeAdapter();
    const el = await render(adapters);
    const parent = el.parentNode!;
    el.remove();
    expect(calls[0]!.signal.aborted).to.equal(true);
    parent.appendChild(el);
    await el.updateComplete;
    expect(calls).to.have.length(2);
    calls[1]!.resolve(SAMPLE);
    await waitFor(() => expect(root(el).querySelectorAll('[part="total"]').length).to.equal(1));
  });
});

describe('safeUrl', () => {
  const cases: [unknown, string | null][] = [
    ['/call-logs?campaign=c1', '/call-logs?campaign=c1'],
    ['call-logs', 'call-logs'],
    ['?reason=x', '?reason=x'],
    ['#logs', '#logs'],
    ['//cdn.example.com/logs', '//cdn.example.com/logs'],
    ['https://example.com/a', 'https://example.com/a'],
    ['HTTP://example.com', 'HTTP://example.com'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    [' \u0001javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['mailto:a@example.com', null],
    ['ftp://example.com', null],
    ['http://', null],
    ['', null],
    ['   ', null],
    [undefined, null],
    [42, null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      expect(safeUrl(input)).to.equal(expected);
    });
  }
});
