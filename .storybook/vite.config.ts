import { defineConfig, type Plugin } from 'vite';

/**
 * package.json's `sideEffects` names only the entry points, which is right for the bundled dist/
 * files. A bundle built from src/ would then drop the modules that define the elements
 * (`customElements.define` in campaign-wizard.ts and the step modules): keep their side effects.
 */
const keepSourceSideEffects: Plugin = {
  name: 'campaign-wizard:keep-source-side-effects',
  apply: 'build',
  transform: {
    filter: { id: /[\\/]src[\\/].*\.ts$/ },
    handler: () => ({ moduleSideEffects: true }),
  },
};

// What the wizard needs from Vite, without the library build and demo root of the root config:
// the CSV parser runs in module workers. Storybook ignores `build` here; see viteFinal in main.ts.
export default defineConfig({
  plugins: [keepSourceSideEffects],
  worker: { format: 'es' },
});
