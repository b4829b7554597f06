/**
 * How many cases each fast-check property tries. `npm test` keeps the unit tests quick;
 * `npm run fuzz` (FC_RUNS=3000) explores much further with the same properties.
 */
export function propertyRuns(quick: number): { numRuns: number } {
  const fromEnv = Number(process.env.FC_RUNS);
  return { numRuns: Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : quick };
}
