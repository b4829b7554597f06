// The pure model: no DOM, no Lit. Also the package's `./schema` entry, importable by a Node server.
export * from './schema.js';
export type * from './draft.js';
export * from './defaults.js';
export * from './timezones.js';
export * from './goals.js';
export * from './contact-ids.js';
export * from './validate.js';
export * from './payload.js';
// Pure helpers written alongside the steps; no name clashes with the above.
export * from './call-windows.js';
export * from './wall-clock.js';
