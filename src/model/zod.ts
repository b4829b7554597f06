import * as z from 'zod/mini';

// Zod compiles fast-path validators with `new Function` unless told not to; a strict CSP
// without 'unsafe-eval' reports that as a violation. Every schema module imports z from here,
// so this runs before the first schema is created.
z.config({ jitless: true });

export { z };
