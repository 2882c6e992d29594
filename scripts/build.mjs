// Bundles the CLI (and, as they are added, the language server and the extension client) with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  define: { CHOKEPOINT_VERSION: JSON.stringify(pkg.version) },
};

/**
 * `chokepoint verify` (server/src/verify/, with viem) is a bundle of its own: the CLI and the language
 * server load dist/verify.js beside them only when asked to verify, so `lint` never loads it.
 */
const verifySeparately = {
  name: 'verify-bundle',
  setup(b) {
    b.onResolve({ filter: /\/verify\/index$/ }, () => ({ path: './verify.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [verifySeparately] }),
  build({ ...common, entryPoints: ['server/src/lsp/entry.ts'], outfile: 'dist/server.js', plugins: [verifySeparately] }),
  build({ ...common, entryPoints: ['server/src/verify/index.ts'], outfile: 'dist/verify.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The worker threads of a workspace scan (`lintPathsParallel`), loaded from beside dist/cli.js and dist/server.js.
  build({ ...common, entryPoints: ['server/src/engine/lint-worker.ts'], outfile: 'dist/lint-worker.js' }),
  // The language server's lint thread (LintService), loaded from beside dist/server.js and dist/cli.js.
  build({ ...common, entryPoints: ['server/src/lsp/document-worker.ts'], outfile: 'dist/document-worker.js' }),
  // The script of the authority-map webview (client/src/authority-map.ts), run in the webview, not in Node.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/authority-map-view.ts'], outfile: 'dist/authority-map-view.js' }),
  // The structure scan of a large JSON file, run while the file is parsed (parse/prescan.ts).
  build({ ...common, entryPoints: ['server/src/engine/parse/structure-worker.ts'], outfile: 'dist/structure-worker.js' }),
]);

if (process.argv.includes('--tools')) {
  await build({ ...common, format: 'esm', entryPoints: ['scripts/generate-main.ts'], outfile: 'dist/tools/generate.mjs', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
}

if (process.argv.includes('--bench')) {
  await build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.js' });
  await build({ ...common, entryPoints: ['bench/hostile.ts'], outfile: 'dist/bench/hostile.js' });
}
