import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/vscode/ holds the mocha suite that runs inside VS Code (npm run test:vscode), not vitest tests.
    exclude: [...configDefaults.exclude, 'test/vscode/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
