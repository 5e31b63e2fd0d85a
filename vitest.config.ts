import { defineConfig } from 'vitest/config'

process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A guard against hangs, not a speed check (npm run bench measures speed); CI machines are busy.
    testTimeout: 30_000,
  },
})
