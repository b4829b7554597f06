// Builds bench entries with Vite (Rolldown), the way a host app's production build would: ES
// modules, minified, code-split, module workers bundled by Vite. Returns Vite's output.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const SRC = resolve(REPO, 'src') + '/';

/**
 * Marks the package's own modules as having side effects. package.json's "sideEffects" lists only
 * src/index.ts and dist/index.js, so a bundler drops the modules that only call
 * customElements.define (src/campaign-wizard.ts, src/steps/step-*.ts, ...) and no element gets
 * defined. The browser pages need working elements, so they build with this plugin.
 */
export const keepSrcSideEffects = () => ({
  name: 'bench:keep-src-side-effects',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const r = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (r && !r.external && r.id.startsWith(SRC)) return { ...r, moduleSideEffects: true };
    return null;
  },
});

/**
 * input: { name: absolute path } (or one path); outDir: default a fresh temp folder;
 * plugins: extra Vite plugins. Returns { outDir, output } where output is the chunks and assets.
 */
export async function viteBuild(input, { outDir, root = REPO, minify = true, plugins = [] } = {}) {
  const { build } = await import('vite');
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), 'cw-bench-')));
  const result = await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'silent',
    publicDir: false,
    plugins,
    worker: { format: 'es' },
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return { outDir: dir, output: outputs.flatMap((r) => r.output) };
}
