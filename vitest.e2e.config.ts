import { defineConfig } from 'vitest/config'

process.env.TZ = 'Asia/Shanghai'

// Browser tests: real Chromium against `vite preview` of the production build (built by `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
