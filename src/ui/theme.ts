import { css } from 'lit';

// The dark palette, used both for prefers-color-scheme and for theme="dark".
const darkValues = css`
  color: var(--cw-color-text, #e6edf3);
  --_surface: var(--cw-color-surface, #161b22);
  --_surface-muted: var(--cw-color-surface-muted, #21262d);
  --_text: var(--cw-color-text, #e6edf3);
  --_text-muted: var(--cw-color-text-muted, #9da7b3);
  --_border: var(--cw-color-border, #6e7681);
  --_accent: var(--cw-color-accent, #6cb6ff);
  --_accent-text: var(--cw-color-on-accent, #0d1117);
  --_danger: var(--cw-color-danger, #ff8a80);
  --_danger-surface: var(--cw-color-danger-surface, #3d1d1b);
  --_warning: var(--cw-color-warning, #f2cc60);
  --_warning-surface: var(--cw-color-warning-surface, #3a2e0b);
  --_success: var(--cw-color-success, #56d364);
  --_focus-ring: var(--cw-focus-ring, 3px solid #6cb6ff);
`;

/**
 * The public design tokens. Every colour, radius, spacing, font and focus ring in the UI comes
 * from a `--cw-*` property, so a host or a white-label partner can restyle everything from
 * outside. Components read tokens through private `--_*` aliases only where they compute.
 * Dark values apply under `prefers-color-scheme: dark` unless `theme="light"` is set, and always
 * under `theme="dark"`.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    font-family: var(--cw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cw-font-size, 0.9375rem);
    line-height: 1.5;
    color: var(--cw-color-text, #1f2328);
    --_surface: var(--cw-color-surface, #ffffff);
    --_surface-muted: var(--cw-color-surface-muted, #f5f6f8);
    --_text: var(--cw-color-text, #1f2328);
    --_text-muted: var(--cw-color-text-muted, #57606a);
    --_border: var(--cw-color-border, #8c959f);
    --_accent: var(--cw-color-accent, #0b5cd5);
    --_accent-text: var(--cw-color-on-accent, #ffffff);
    --_danger: var(--cw-color-danger, #b3261e);
    --_danger-surface: var(--cw-color-danger-surface, #fdecea);
    --_warning: var(--cw-color-warning, #7a4d00);
    --_warning-surface: var(--cw-color-warning-surface, #fff4d6);
    --_success: var(--cw-color-success, #1a7f37);
    --_radius: var(--cw-radius, 6px);
    --_space: var(--cw-space, 0.5rem);
    --_focus-ring: var(--cw-focus-ring, 3px solid #0b5cd5);
    --_focus-offset: var(--cw-focus-ring-offset, 2px);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkValues}
    }
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${darkValues}
  }
`;
