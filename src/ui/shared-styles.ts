import { css } from 'lit';

/** Hides text visually but keeps it for screen readers. Part of `formStyles`; exported for elements that do not use those. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Form controls, buttons and messages shared by every step. Reads only private `--_*` aliases. */
export const formStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 calc(var(--_space) * 2);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 3);
    max-inline-size: 36rem;
  }
  fieldset.field {
    border: 0;
    padding: 0;
    margin-inline: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
    margin: 0;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-block-size: 2.5rem;
    box-sizing: border-box;
    inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 4px 0 0 var(--_danger);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space);
    font-weight: 400;
  }
  .choices {
    display: grid;
    gap: calc(var(--_space) / 1.5);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    min-block-size: 2.5rem;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-block-size: auto;
    color: var(--_accent);
    text-decoration: underline;
  }
  .status {
    color: var(--_text-muted);
  }
  .problem {
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-surface);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .problem p {
    margin: 0;
  }
  ${visuallyHiddenStyles}
`;
