/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { teijuRules } from './src/rules-compiler/vite-plugin';
import { teijuPrerender } from './src/prerender/vite-plugin';
import { chunkGroups } from './src/prerender/chunk-groups';
import { CSP_META, DEV_HEADERS, SECURITY_HEADERS } from './src/headers';

// The built page may load only its own files: no inline script, no request to another origin.
// The <meta> is for hosts that send no header (build only: Vite's dev server injects an inline
// script for hot reload); the headers, frame-ancestors included, come from src/headers.ts.
const contentSecurityPolicy: Plugin = {
  name: 'teiju-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  plugins: [
    react(),
    teijuRules(import.meta.dirname),
    contentSecurityPolicy,
    teijuPrerender(import.meta.dirname, { site: process.env.TEIJU_SITE_URL }),
  ],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: DEV_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  // Every browser the app supports has modulepreload and React's own useSyncExternalStore: their
  // polyfills stay off the first page.
  // The code after the first page in a few files, not one per page (src/prerender/chunk-groups.ts).
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: chunkGroups() } },
  },
  resolve: {
    alias: { 'use-sync-external-store/shim': `${import.meta.dirname}/src/app/use-sync-external-store-shim.ts` },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    css: false,
    // A guard against a hung test, not a speed check: whole pages rendered in jsdom (the results
    // with every category's trace) take seconds on a busy 2-core machine. Speed is `npm run bench`.
    testTimeout: 30_000,
  },
});
