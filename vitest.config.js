// Vitest: Node tests of the engine API (tests/js) and browser tests of the views in Debian's Chromium.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.js';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', environment: 'node', include: ['tests/js/**/*.test.js'], testTimeout: 120000 } },
      // end-to-end: playwright-core drives Chromium against the built page in dist/ (npm test builds it first)
      { test: { name: 'e2e', environment: 'node', include: ['tests/e2e/**/*.test.js'], testTimeout: 120000, hookTimeout: 60000, fileParallelism: false } },
      {
        server: { fs: { allow: ['.', '/tmp'] } }, // screenshots of the views may go to /tmp
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.js'],
          testTimeout: 60000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
