// What the benchmarks share: bundling the game's own modules with Vite's build API (for Node, or
// as one script for a page) and a small deterministic PRNG.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds a source module (e.g. 'src/core/index.ts') into a temporary ES module and imports it. */
export async function loadModule(entry) {
  const outDir = await mkdtemp(join(tmpdir(), 'drum-bench-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: { entry: join(root, entry), formats: ['es'], fileName: () => 'module.mjs' },
      },
    });
    return await import(pathToFileURL(join(outDir, 'module.mjs')).href);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Bundles `code` (a page script importing the game's modules by '/src/...' paths) into one
 * script for a page, assets (the limiter's worklet) inlined as data: URLs. Returns its text.
 */
export async function bundlePage(code) {
  const entry = 'virtual:bench-page';
  const outDir = await mkdtemp(join(tmpdir(), 'drum-bench-page-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'bench-page-entry',
          resolveId: (id) => (id === entry ? `\0${entry}` : null),
          load: (id) => (id === `\0${entry}` ? code : null),
        },
      ],
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        assetsInlineLimit: () => true,
        rollupOptions: { input: entry, output: { format: 'iife', entryFileNames: 'bench.js' } },
      },
    });
    return await readFile(join(outDir, 'bench.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** A small deterministic PRNG (mulberry32), values in [0, 1): every run benchmarks the same data. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
