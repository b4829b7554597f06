import { css } from 'lit';

export const wizardStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }
  .wizard {
    display: grid;
    gap: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 3);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .stepper ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .stepper li {
    display: flex;
  }
  .step-link {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-radius: var(--_radius);
    border: 1px solid transparent;
    background: none;
    color: var(--_text-muted);
    font: inherit;
  }
  button.step-link {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }
  .current .step-link {
    color: var(--_text);
    font-weight: 700;
    border-color: var(--_accent);
  }
  .step-number {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 0.875em;
  }
  .done .step-number {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
  }
  .error-summary:focus {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .error-summary h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 2);
  }
  .actions .spacer {
    flex: 1;
  }
`;

export const bannerStyles = css`
  .banner,
  .notice {
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .banner {
    background: var(--_danger-surface);
    border-inline-start: 6px solid var(--_danger);
  }
  .notice {
    background: var(--_surface-muted);
    border-inline-start: 6px solid var(--_accent);
  }
  .banner p,
  .notice p {
    margin: 0;
  }
  .banner-title {
    font-weight: 700;
    flex-basis: 100%;
  }
  .sending progress {
    inline-size: min(100%, 24rem);
  }
  .submit-done {
    color: var(--_success);
    font-weight: 700;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
`;
