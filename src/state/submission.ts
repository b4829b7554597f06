import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignWizardAdapters, SubmitRequest } from '../adapters/types.js';
import { submitResultSchema, type CampaignPayload } from '../model/schema.js';
import { z } from '../model/zod.js';
import { errorText } from './adapter-resource.js';
import { newIdempotencyKey, submissionFingerprint } from './idempotency.js';

interface CreatedCampaign {
  campaignId: string;
  input: SubmissionInput;
  attachKey: string;
}

/** `submit` resolved with something that is not a SubmitResult. */
class MalformedAnswer extends Error {}

export type SubmissionPhase = 'submit' | 'attach';

export type SubmissionState =
  | { status: 'idle' }
  | { status: 'sending'; phase: SubmissionPhase; upload: { loaded: number; total: number } | null }
  | { status: 'failed'; phase: SubmissionPhase; reason: 'failed' | 'malformed'; message: string }
  | { status: 'done'; campaignId: string };

export interface SubmissionInput {
  adapters: CampaignWizardAdapters;
  mode: 'create' | 'edit';
  campaignId?: string | undefined;
  payload: CampaignPayload;
  csvFile?: File | undefined;
}

/**
 * Sends one campaign to the host's `submit`, then (create only) attaches its follow-up rules.
 * - At most one request is in flight: a second click or Enter while sending does nothing.
 * - A Retry of an unchanged payload reuses its idempotency key; a changed payload gets a new one.
 * - Once the campaign exists, Retry only retries the rule attachment, under its own stable key:
 *   no retry ever creates a second campaign.
 * - Disconnecting the host aborts the request in flight.
 */
export class SubmissionController implements ReactiveController {
  state: SubmissionState = { status: 'idle' };
  #key: { fingerprint: string; value: string } | null = null;
  #created: CreatedCampaign | null = null;
  #abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSuccess: (campaignId: string, input: SubmissionInput) => void,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return this.state.status === 'sending';
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    // Nobody is looking, and the draft is untouched. Idle now: an adapter that ignores the signal
    // may still answer (or never), and the user must be able to send again (the same key) later.
    if (this.state.status === 'sending') this.#set({ status: 'idle' });
  }

  /** Confirms the payload (Create / Save) or retries after a failure. */
  async send(input: SubmissionInput): Promise<void> {
    if (this.state.status === 'sending' || this.state.status === 'done') return;
    if (this.#created) {
      await this.#attach(this.#created);
      return;
    }
    const fingerprint = submissionFingerprint(input.payload, input.csvFile);
    if (this.#key?.fingerprint !== fingerprint) this.#key = { fingerprint, value: newIdempotencyKey() };
    const idempotencyKey = this.#key.value;
    const abort = this.#begin('submit');
    const request: SubmitRequest =
      input.mode === 'edit'
        ? { mode: 'edit', campaignId: input.campaignId ?? '', campaign: input.payload, ...(input.csvFile ? { csvFile: input.csvFile } : {}) }
        : { mode: 'create', campaign: input.payload, ...(input.csvFile ? { csvFile: input.csvFile } : {}) };
    let campaignId: string;
    try {
      const answer = await input.adapters.submit(request, {
        signal: abort.signal,
        idempotencyKey,
        onUploadProgress: (loaded, total) => {
          if (abort.signal.aborted || this.state.status !== 'sending') return;
          this.#set({ status: 'sending', phase: 'submit', upload: { loaded, total } });
        },
      });
      const parsed = z.safeParse(submitResultSchema, answer);
      if (!parsed.success) throw new MalformedAnswer();
      campaignId = parsed.data.campaignId;
    } catch (error) {
      this.#fail('submit', abort, error);
      return;
    }
    if (abort.signal.aborted) return;
    const rules = input.payload.outcomes.followUps?.rules ?? [];
    if (input.mode === 'create' && rules.length && input.adapters.attachFollowUpRules) {
      this.#created = { campaignId, input, attachKey: newIdempotencyKey() };
      await this.#attach(this.#created);
      return;
    }
    this.#succeed(campaignId, input);
  }

  async #attach(created: CreatedCampaign): Promise<void> {
    const abort = this.#begin('attach');
    const { input, campaignId, attachKey } = created;
    try {
      await input.adapters.attachFollowUpRules!(campaignId, input.payload.outcomes.followUps?.rules ?? [], {
        signal: abort.signal,
        idempotencyKey: attachKey,
      });
    } catch (error) {
      this.#fail('attach', abort, error);
      return;
    }
    if (abort.signal.aborted) return;
    this.#succeed(campaignId, input);
  }

  #begin(phase: SubmissionPhase): AbortController {
    this.#abort = new AbortController();
    this.#set({ status: 'sending', phase, upload: null });
    return this.#abort;
  }

  #fail(phase: SubmissionPhase, abort: AbortController, error: unknown): void {
    // A disconnect aborted it and set the state; a newer request may be running by now.
    if (abort.signal.aborted) return;
    if (error instanceof MalformedAnswer) this.#set({ status: 'failed', phase, reason: 'malformed', message: '' });
    else this.#set({ status: 'failed', phase, reason: 'failed', message: errorText(error) });
  }

  #succeed(campaignId: string, input: SubmissionInput): void {
    this.#created = null;
    this.#set({ status: 'done', campaignId });
    this.onSuccess(campaignId, input);
  }

  #set(state: SubmissionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
