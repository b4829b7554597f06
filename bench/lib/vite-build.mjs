// Builds bench entries with Vite (Rolldown), the way a host app's production build would: ES
// modules, minified, code-split, module workers bundled by Vite. Returns Vite's output.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * input: { name: absolute path } (or one path); outDir: default a fresh temp folder;
 * plugins: extra Vite plugins. Returns { outDir, output } where output is the chunks and assets.
 */
export async function viteBuild(input, { outDir, root = REPO, minify = true, plugins = [], codeSplitting } = {}) {
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
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          ...(codeSplitting ? { codeSplitting } : {}),
        },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return { outDir: dir, output: outputs.flatMap((r) => r.output) };
}
