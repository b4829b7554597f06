import { defineConfig } from 'vite';

// What the wizard needs from Vite, without the library build and demo root of the root config:
// the CSV parser runs in module workers. Storybook ignores `build` here; see viteFinal in main.ts.
export default defineConfig({
  worker: { format: 'es' },
});
