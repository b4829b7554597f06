export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/model/**', 'src/csv/**'],
  outdir: '.',
  litelement: true,
};
