// What a host app ships for the wizard: `campaign-wizard/wizard` (<campaign-wizard>, its steps and the model), with
// lit, @lit/context, @lit/localize and zod bundled in. The CSV engine is reached only through a
// dynamic import, as the Audience step reaches it; listing it here too makes sure it is measured
// as a lazy chunk even before the step imports it, and that anything the entry pulls in
// statically still lands in the initial chunk (where the budget check sees it).
export * from '../../src/campaign-wizard.js';
export const loadCsvEngine = () => import('../../src/csv/index.js');
