import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The bin's loader is CommonJS TypeScript (src/boot/*.cts): transform it as TypeScript too.
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real redis-servers and real processes; two cores is the machine's size.
    maxWorkers: 2,
    // English unless a test asks for another language: a developer's Korean locale must not change results.
    env: { REDIS_TUTOR_LANG: 'en' },
  },
});
