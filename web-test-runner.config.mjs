import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';

// papaparse ships CJS/UMD only; the dev server serves ES modules.
const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['test/**/*.test.ts', '!test/model/**'],
  nodeResolve: { browser: true },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    commonjs({ include: ['**/node_modules/papaparse/**'], strictRequires: false }),
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
