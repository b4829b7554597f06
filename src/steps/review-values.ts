import { msg, str } from '@lit/localize';
import type { CsvStats } from '../model/draft.js';
import type { ReviewRowKey } from '../model/review.js';
import { windowGroups } from '../model/review.js';
import type { Agent, CampaignPayload, PhoneNumber, Segment } from '../model/schema.js';
import { goalName } from '../ui/messages.js';
import { formatList, formatNumber, formatWallTime, weekdayName } from '../ui/format.js';

/** Names the Review needs to say things in words rather than ids. Missing names fall back to ids. */
export interface ReviewLookups {
  agents: readonly Agent[];
  numbers: readonly PhoneNumber[];
  segments: readonly Segment[];
  capacity: number | null | undefined;
  csvStats: CsvStats | null;
  /** A new CSV is still being read: its row count is an estimate until the pass ends. */
  csvCounting: boolean;
}

/** The term of each Review row. */
export function reviewLabel(key: ReviewRowKey): string {
  switch (key) {
    case 'name': return msg('Campaign Name');
    case 'pool': return msg('Number Pool');
    case 'source': return msg('Contact Source');
    case 'trigger': return msg('Trigger Mode');
    case 'mode': return msg('Mode');
    case 'retries': return msg('Max retries');
    case 'concurrency': return msg('Parallel calls');
    case 'priority': return msg('Priority');
    case 'timezone': return msg('Timezone');
    case 'windows': return msg('Call Windows');
    case 'abTest': return msg('A/B testing');
    case 'recording': return msg('Call Recording');
    case 'goals': return msg('Campaign Goals');
    case 'callVariables': return msg('Call Variables');
  }
}

/** The hidden context of a row's Change button: "Change timezone". */
export function changeContext(key: ReviewRowKey): string {
  switch (key) {
    case 'name': return msg('campaign name');
    case 'pool': return msg('number pool');
    case 'source': return msg('contact source');
    case 'trigger': return msg('trigger mode');
    case 'mode': return msg('mode');
    case 'retries': return msg('max retries');
    case 'concurrency': return msg('parallel calls');
    case 'priority': return msg('priority');
    case 'timezone': return msg('timezone');
    case 'windows': return msg('call windows');
    case 'abTest': return msg('A/B testing');
    case 'recording': return msg('call recording');
    case 'goals': return msg('campaign goals');
    case 'callVariables': return msg('call variables');
  }
}

const nameOf = (list: readonly { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

/** A Review value in plain words: "Mon–Fri 09:00–18:00", "Full pool capacity (up to 15)". */
export function reviewValue(key: ReviewRowKey, p: CampaignPayload, names: ReviewLookups): string {
  switch (key) {
    case 'name':
      return p.name;
    case 'pool': {
      const labels = p.telephony.numberPoolIds.map((id) => {
        const n = names.numbers.find((x) => x.id === id);
        return n ? (n.label ? `${n.label} (${n.e164})` : n.e164) : id;
      });
      return formatList(labels);
    }
    case 'source':
      return sourceText(p, names);
    case 'trigger':
      return p.schedule.triggerMode === 'immediate'
        ? msg('Immediate')
        : msg(str`Scheduled: ${formatWallTime(p.schedule.startAt ?? '')} (${p.schedule.timezone})`);
    case 'mode':
      return p.schedule.dryRun ? msg('Dry run') : msg('Live');
    case 'retries': {
      const voicemail = p.outcomes.retryOnVoicemail
        ? p.outcomes.maxVoicemailAttempts === null
          ? msg('retry on voicemail, no separate voicemail limit')
          : msg(str`retry on voicemail, at most ${p.outcomes.maxVoicemailAttempts} voicemail attempts`)
        : msg('no retry on voicemail');
      return `${formatNumber(p.outcomes.maxRetries)}; ${voicemail}`;
    }
    case 'concurrency':
      if (p.schedule.concurrency.mode === 'custom') return msg(str`Custom: ${formatNumber(p.schedule.concurrency.limit)} at a time`);
      return typeof names.capacity === 'number'
        ? msg(str`Full pool capacity (up to ${formatNumber(names.capacity)})`)
        : msg('Full pool capacity');
    case 'priority':
      return formatNumber(p.schedule.priority);
    case 'timezone':
      return p.schedule.timezone;
    case 'windows': {
      const groups = windowGroups(p.schedule.callWindows);
      if (!groups.length) return msg('No call windows');
      return groups
        .map((g) => {
          const days = g.from === g.to ? weekdayName(g.from) : `${weekdayName(g.from)}–${weekdayName(g.to)}`;
          return `${days} ${g.start}–${g.end}`;
        })
        .join('; ');
    }
    case 'abTest':
      if (!p.outcomes.abTest) return msg('Off');
      return p.outcomes.abTest.variants.map((v) => `${v.key}: ${nameOf(names.agents, v.agentId)} ${v.weight}%`).join('; ');
    case 'recording':
      return p.telephony.callRecording ? msg('On') : msg('Off');
    case 'goals':
      return p.outcomes.goals.length
        ? formatList(p.outcomes.goals.map((g) => (g.target === null ? goalName(g.type) : `${goalName(g.type)}: ${formatNumber(g.target)}`)))
        : msg('None');
    case 'callVariables':
      return formatList(p.audience.callVariables.map((v) => v.name));
  }
}

function sourceText(p: CampaignPayload, names: ReviewLookups): string {
  const a = p.audience;
  switch (a.source) {
    case 'contact_ids':
      return a.contactIds.length === 1
        ? msg('Contact IDs: 1 contact')
        : msg(str`Contact IDs: ${formatNumber(a.contactIds.length)} contacts`);
    case 'segment': {
      const segment = names.segments.find((s) => s.id === a.segmentId);
      const count = segment?.contactCount;
      return count === undefined
        ? msg(str`Segment: ${segment?.name ?? a.segmentId}`)
        : msg(str`Segment: ${segment?.name ?? a.segmentId} (${formatNumber(count)} contacts)`);
    }
    case 'csv': {
      const stats = names.csvStats;
      if (names.csvCounting) return msg(str`CSV: ${a.fileName}, about ${formatNumber(a.rowCount)} rows (still checking)`);
      if (!stats) return msg(str`CSV: ${a.fileName}, ${formatNumber(a.rowCount)} rows`);
      return msg(
        str`CSV: ${a.fileName}, ${formatNumber(a.rowCount)} rows; ${formatNumber(stats.valid)} will be called, ${formatNumber(stats.skipped)} skipped`,
      );
    }
  }
}
