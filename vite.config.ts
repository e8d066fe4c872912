import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const THEME = '#080b2b';

/** Phaser's own sources, wherever Node finds the package (its `exports` map does not list them). */
const PHASER_SRC = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src/');

/**
 * The flags Phaser's webpack build sets with DefinePlugin (node_modules/phaser/config/webpack.dist.config.js).
 * Canvas only: one renderer, the one the tests exercise; WebGL would add 53 KB gzip.
 */
const PHASER_FLAGS = {
  'typeof WEBGL_RENDERER': 'false',
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  'typeof EXPERIMENTAL': 'false',
};

/** Copies the app icons (rendered by scripts/make-icons.mjs) to dist/icons/ under fixed names for the manifest. */
function appIcons(): Plugin {
  const dir = fileURLToPath(new URL('./assets/icons/', import.meta.url));
  return {
    name: 'drum-diplomacy:app-icons',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
        this.emitFile({ type: 'asset', fileName: `icons/${file}`, source: readFileSync(`${dir}${file}`) });
      }
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built game runs from any static file server and any sub-path.
  base: './',
  resolve: {
    // Runtime `phaser` imports get the slim build of src/vendor/phaser.js (Phaser's own CommonJS
    // sources, only what the game uses; why, measured, in its header); `tsc` still type-checks
    // against the real package's types. That file imports the sources as `phaser/src/...`.
    alias: [
      { find: /^phaser$/, replacement: fileURLToPath(new URL('./src/vendor/phaser.js', import.meta.url)) },
      { find: /^phaser\/src\//, replacement: PHASER_SRC },
    ],
  },
  plugins: [
    appIcons(),
    // Installable and offline: a web app manifest, and a service worker that precaches the whole
    // game (the audio is synthesised, so code, art, fonts and icons are everything it needs).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Drum Diplomacy',
        short_name: 'Drum Diplomacy',
        description:
          "A two-player rhythm game inspired by the Nara drum duet of Japan's and South Korea's leaders: two thumbs, one screen.",
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'landscape',
        theme_color: THEME,
        background_color: THEME,
        categories: ['games', 'music'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything in dist/: a check in tests/browser/mobile.test.ts fails if a file is left out.
        globPatterns: ['**/*.{html,js,css,svg,png,woff2,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once (offline right away); later versions wait for "Reload".
        clientsClaim: true,
        // Hashed file names already bust caches; the query string only chooses a song or scene.
        ignoreURLParametersMatching: [/.*/],
      },
    }),
  ],
  // In dev, Phaser's CommonJS sources are pre-bundled by the dependency optimizer, which needs the
  // same flags (without them it keeps WebGL's debug `require('phaser3spectorjs')` and fails to boot).
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
  define: PHASER_FLAGS,
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Phaser's loader cannot read Vite's inlined (non-base64) SVG data URLs: ship files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          // Tone.js is not split from the engine: both go in the one chunk loaded at the first
          // gesture. A browser remembers a failed module fetch for the page's life, and only a chunk
          // whose imports are all loaded already can be fetched again under a fresh URL
          // (src/game/audioService.ts).
          return undefined;
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: [
            'tests/core/**/*.test.ts',
            'tests/content/**/*.test.ts',
            'tests/game/**/*.test.ts',
            'tests/run/**/*.test.ts',
            'tests/input/**/*.test.ts',
            'tests/formats/**/*.test.ts',
            'tests/audio/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two test files at a time (each its own browser): 10 minutes instead of 17 on two cores.
          // Judging is by timestamps, so a busy machine changes no result.
          fileParallelism: true,
          maxWorkers: 2,
          // Its own group (after the Node tests): Vitest runs projects with different worker counts apart.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
