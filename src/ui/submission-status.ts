import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { CampaignLoadState } from '../state/campaign-loader.js';
import type { SubmissionState } from '../state/submission.js';

const unreadable = () => msg('The server answered in a form the wizard cannot read.');

/** Sending, failed (banner with Retry) and done states of Create / Save. */
export function renderSubmission(state: SubmissionState, mode: 'create' | 'edit', onRetry: () => void) {
  switch (state.status) {
    case 'idle':
      return nothing;
    case 'sending': {
      const label =
        state.phase === 'attach'
          ? msg('Attaching follow-up rules…')
          : mode === 'edit'
            ? msg('Saving campaign…')
            : msg('Creating campaign…');
      return html`<div class="sending">
        <p role="status">${label}</p>
        ${state.upload
          ? html`<progress part="progress" aria-label=${msg('Uploading contacts')} max=${state.upload.total} .value=${state.upload.loaded}></progress>`
          : nothing}
      </div>`;
    }
    case 'failed': {
      const title =
        state.phase === 'attach'
          ? msg('The campaign was created, but its follow-up rules were not attached')
          : mode === 'edit'
            ? msg('Failed to save campaign')
            : msg('Failed to create campaign');
      return html`<div class="banner" part="banner" role="alert">
        <p class="banner-title">${title}</p>
        ${state.reason === 'malformed' ? html`<p>${unreadable()}</p>` : state.message ? html`<p>${state.message}</p>` : nothing}
        <button type="button" @click=${onRetry}>${msg('Retry')}</button>
      </div>`;
    }
    case 'done':
      return html`<p role="status" class="submit-done" tabindex="-1">${mode === 'edit' ? msg('Campaign saved.') : msg('Campaign created.')}</p>`;
  }
}

/** Edit mode: "Loading campaign…", or a banner with Retry when it could not be loaded. */
export function renderLoadStatus(state: CampaignLoadState, onRetry: () => void) {
  switch (state.status) {
    case 'loading':
      return html`<p role="status" class="status">${msg('Loading campaign…')}</p>`;
    case 'error': {
      const detail =
        state.reason === 'malformed'
          ? unreadable()
          : state.reason === 'missing'
            ? msg('This page cannot load campaigns (no loadCampaign adapter).')
            : state.message;
      return html`<div class="banner" part="banner" role="alert">
        <p class="banner-title">${msg("Couldn't load the campaign")}</p>
        ${detail ? html`<p>${detail}</p>` : nothing}
        ${state.reason === 'missing' ? nothing : html`<button type="button" @click=${onRetry}>${msg('Retry')}</button>`}
      </div>`;
    }
    default:
      return nothing;
  }
}
