/**
 * XSS payloads for the injection suite. Each is a template whose `#` becomes its index, so a
 * payload that ever runs says which one it was: it pushes its index onto `window.__xss`.
 * None calls alert() (a dialog would stall the test browser).
 */
const VECTORS: readonly string[] = [
  '<img src=x onerror="window.__xss.push(#)">',
  '<script>window.__xss.push(#)</script>',
  '"><svg onload="window.__xss.push(#)">',
  "'><svg/onload=window.__xss.push(#)>",
  '</option></select><img src=x onerror=window.__xss.push(#)>',
  '</textarea><img src=x onerror=window.__xss.push(#)>',
  '</title></style></script><img src=x onerror=window.__xss.push(#)>',
  '<iframe srcdoc="&lt;script&gt;parent.__xss.push(#)&lt;/script&gt;"></iframe>',
  '<a href="javascript:window.__xss.push(#)">link #</a>',
  'javascript:window.__xss.push(#)',
  'JaVaScRiPt:window.__xss.push(#)',
  'data:text/html,<script>window.__xss.push(#)</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss.push(#)>',
  '<details open ontoggle=window.__xss.push(#)>',
  '<input autofocus onfocus=window.__xss.push(#)>',
  '<svg><animate onbegin=window.__xss.push(#) attributeName=x dur=1s>',
  '<object data="javascript:window.__xss.push(#)"></object>',
  '<style>@import "https://evil.example/#.css";</style>',
  '<img src="x` `<script>window.__xss.push(#)</script>"` `>',
  '{{constructor.constructor("window.__xss.push(#)")()}}',
  '${window.__xss.push(#)}',
  '<?lit$1234$>#<!--?lit$1234$-->',
  '<!--#',
  '&lt;b&gt;#&amp;&#x3C;img src=x onerror=window.__xss.push(#)&#x3E;',
  '%3Cscript%3Ewindow.__xss.push(#)%3C/script%3E',
  '\u202Etxt.#exe',
  '\u200F\u202B#\u202C\u2066isolate\u2069\u061C',
  '=HYPERLINK("https://evil.example/#","Click")',
  '+cmd|" /C calc"!A#',
  '@SUM(#)',
  '-#+1',
  `${'A'.repeat(2000)}#<img src=x onerror=window.__xss.push(#)>`,
];

/** The payloads, each with its own index. */
export const PAYLOADS: readonly string[] = VECTORS.map((v, i) => v.replaceAll('#', String(i)));

/** Benign strings with the same count, for the structural baseline. */
export const BENIGN: readonly string[] = VECTORS.map((_, i) => `Plain text ${i}`);

/** URLs an adapter may hand the inbound card; none of them may become a link. */
export const UNSAFE_URLS: readonly string[] = [
  'javascript:window.__xss.push(100)',
  'JAVASCRIPT:window.__xss.push(101)',
  ' javascript:window.__xss.push(102)',
  'java\tscript:window.__xss.push(103)',
  '\u0000javascript:window.__xss.push(104)',
  'data:text/html,<script>window.__xss.push(105)</script>',
  'vbscript:msgbox(106)',
  'javascript&colon;window.__xss.push(107)',
  'blob:https://evil.example/108',
  'file:///etc/passwd',
];

declare global {
  interface Window {
    __xss: number[];
  }
}
