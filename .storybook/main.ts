import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';

/**
 * Storybook for <campaign-wizard>: `npm run storybook` (dev server) and `npm run build-storybook`
 * (static build into storybook-static/, as CI runs it). No addons beyond what the `storybook`
 * package carries (controls, actions, backgrounds, viewport), so it installs from the npm
 * registry alone and needs no browser download.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // The root vite.config.ts builds the library (lib mode) and serves demo/ as its root;
      // Storybook gets its own small config instead.
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  // Storybook keeps only `build.target` of the Vite config file; other build options go here.
  viteFinal: (config) => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 1500 } }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
