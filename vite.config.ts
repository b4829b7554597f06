import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// `npm start` serves the demo; `npm run build` builds the library into dist/.
export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  // Relative base so a worker URL resolves next to the module that spawns it, not at the site root.
  base: './',
  server: { fs: { allow: ['..'] } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        wizard: resolve(import.meta.dirname, 'src/campaign-wizard.ts'),
        schema: resolve(import.meta.dirname, 'src/schema-entry.ts'),
        'inbound-routing': resolve(import.meta.dirname, 'src/inbound-entry.ts'),
        // `campaign-wizard/react`: React stays a peer dependency, never bundled.
        react: resolve(import.meta.dirname, 'src/react/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\/context($|\/)/, /^@lit\/localize($|\/)/, /^@lit\/react($|\/)/, /^react($|\/)/, /^react-dom($|\/)/],
    },
  },
}));
