// Browser tests (e2e/*.spec.ts) on Debian's Chromium (apt package `chromium`, installed by scripts/test-all.sh).
// Playwright's own browser download is not used: `executablePath` points at /usr/bin/chromium.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium';

const CI = !!process.env.CI;
// The preview port; E2E_PORT lets a second run go side by side with another one on 4173.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: PORT === 4173 ? 'test-results' : `test-results-${PORT}`, // screenshots (testInfo.outputPath) and failure artefacts
  timeout: 30_000,
  globalTimeout: 25 * 60_000, // about 110 tests; a shared, busy machine takes 15 minutes
  fullyParallel: true,
  workers: 2,
  forbidOnly: CI,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: URL, trace: 'off', screenshot: 'only-on-failure' },
  webServer: {
    // A side-by-side run (E2E_PORT) builds into its own folder so two runs never overwrite each other.
    command:
      PORT === 4173
        ? 'npm run build && npm run preview'
        : `tsc -p tsconfig.json && vite build --outDir dist-e2e-${PORT} && vite preview --outDir dist-e2e-${PORT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: URL,
    env: { TEIJU_SITE_URL: URL }, // the prerendered start pages' hreflang alternates
    reuseExistingServer: !CI,
    timeout: 120_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
});
