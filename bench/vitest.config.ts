// The bundle-size check: a build and a byte count, kept out of `npm test` (a unit-test run) and
// run as its own step by scripts/test-all.sh (`npm run test:size`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: `${import.meta.dirname}/..`, include: ['bench/**/*.test.ts'], environment: 'node' },
});
