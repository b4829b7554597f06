/**
 * `campaign-wizard/inbound-routing`: the smart inbound routing rules for host backends.
 * No DOM, no Lit: importable from Node.
 */
export * from './model/inbound-routing.js';
