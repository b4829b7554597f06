// React's CJS entry points choose their build with `process.env.NODE_ENV`, which a bundler
// replaces and the test server does not. Imported before react, so it is set in time.
const g = globalThis as { process?: { env: Record<string, string> } };
g.process ??= { env: { NODE_ENV: 'development' } };
export {};
