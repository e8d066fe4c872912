import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: the built game runs from any static file server and any sub-path.
  base: './',
  resolve: {
    // Runtime `phaser` imports get the slim build of src/vendor/phaser.js (Phaser's own CommonJS
    // sources, only what the game uses); `tsc` still type-checks against the real package's types.
    alias: [{ find: /^phaser$/, replacement: fileURLToPath(new URL('./src/vendor/phaser.js', import.meta.url)) }],
  },
  // The flags Phaser's webpack build sets with DefinePlugin (node_modules/phaser/config/webpack.dist.config.js).
  define: {
    'typeof WEBGL_RENDERER': 'true',
    'typeof CANVAS_RENDERER': 'true',
    'typeof WEBGL_DEBUG': 'false',
    'typeof FEATURE_SOUND': 'false',
    'typeof PLUGIN_CAMERA3D': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
    'typeof EXPERIMENTAL': 'false',
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Phaser's loader cannot read Vite's inlined (non-base64) SVG data URLs: ship files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          if (id.includes('node_modules/tone') || id.includes('standardized-audio-context')) return 'tone';
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
          include: ['tests/core/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/game/**/*.test.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
