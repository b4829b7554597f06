import type { AdapterContext, CampaignWizardAdapters } from '../../src/adapters/types.js';
import type { Agent, PhoneNumber } from '../../src/model/schema.js';

export const agents: Agent[] = [
  { id: 'agent-ava', name: 'Ava – Appointment Setter' },
  { id: 'agent-leo', name: 'Leo – Renewals' },
];

export const numbers: PhoneNumber[] = [
  { id: 'num-ny', e164: '+12125550101', label: 'Sales – East', country: 'US' },
  { id: 'num-la', e164: '+13105550102', label: 'Sales – West', country: 'US' },
  { id: 'num-ldn', e164: '+442079460123', label: 'London', country: 'GB' },
];

/** A promise the test resolves or rejects by hand, to order answers as it likes. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface CapacityCall {
  ids: readonly string[];
  signal: AbortSignal;
  answer: ReturnType<typeof deferred<{ maxConcurrentCalls: number | null }>>;
}

/** Adapters whose lists answer at once and whose capacity previews the test answers by hand. */
export function fakeAdapters(overrides: Partial<CampaignWizardAdapters> = {}) {
  const capacityCalls: CapacityCall[] = [];
  const adapters: CampaignWizardAdapters = {
    listAgents: async () => agents,
    listPhoneNumbers: async () => numbers,
    previewPoolCapacity: (ids: readonly string[], ctx: AdapterContext) => {
      const answer = deferred<{ maxConcurrentCalls: number | null }>();
      capacityCalls.push({ ids, signal: ctx.signal, answer });
      return answer.promise;
    },
    submit: async () => ({ campaignId: 'cmp_1' }),
    ...overrides,
  };
  return { adapters, capacityCalls };
}
