import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';

// papaparse ships CJS/UMD only; the dev server serves ES modules.
const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['test/**/*.test.ts', '!test/model/**', '!test/docs/**'],
  nodeResolve: { browser: true },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // React is CJS only too (the React wrapper's test). A require of one of its packages is
    // that package's module.exports, not a namespace object around it.
    commonjs({
      include: ['**/node_modules/papaparse/**', '**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'],
      strictRequires: false,
      requireReturnsDefault: (id) => /node_modules\/(react|react-dom|scheduler)\//.test(id),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
    }),
  ],
};
