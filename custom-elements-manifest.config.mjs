export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/model/**', 'src/csv/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer lists modules in file-system order, which differs between machines; sort
      // them so CI's "is custom-elements.json current" check compares like with like.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
