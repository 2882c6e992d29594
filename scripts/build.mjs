// Bundles the CLI, the language server and its workers, the verifier, the extension and the webview script with esbuild.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

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
 * ES modules that need `require` (the CommonJS libraries bundled in them call it for Node's own
 * modules) and `__dirname` (the worker scripts are found beside the bundle). Every file of the
 * split build gets them; all lie in dist/, so `__dirname` is dist/ in each.
 */
const ESM_PRELUDE = [
  "import { createRequire as __chokepointCreateRequire } from 'node:module';",
  "import { dirname as __chokepointDirname } from 'node:path';",
  "import { fileURLToPath as __chokepointFileURLToPath } from 'node:url';",
  'const require = __chokepointCreateRequire(import.meta.url);',
  'const __filename = __chokepointFileURLToPath(import.meta.url);',
  'const __dirname = __chokepointDirname(__filename);',
].join(' ');

/** The verifier is an entry of its own (dist/verify.mjs), imported on demand: `import('../verify/index')` is left as an import of that file. */
const verifyEntry = {
  name: 'verify-entry',
  setup(b) {
    b.onResolve({ filter: /\/verify\/index$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './verify.mjs', external: true } : undefined));
  },
};

// Modules of an earlier build would ship beside these: its chunks (named by content hash) and the bundles of before the split.
for (const name of safeReaddir('dist')) if (/\.mjs$|^(lint-worker|document-worker|structure-worker|verify)\.js$/.test(name)) rmSync(`dist/${name}`);

/**
 * The Node side is one split build of ES modules: each entry holds only its own code and the
 * engine, the language server and the libraries live once, in chunks the entries share. A
 * worker thread or `chokepoint lint` loads only what its entry imports; the language server and
 * the verifier (viem) are imported on demand.
 */
const node = build({
  ...common,
  format: 'esm',
  splitting: true,
  metafile: true,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  entryNames: '[name]',
  banner: { js: ESM_PRELUDE },
  plugins: [verifyEntry],
  entryPoints: {
    cli: 'server/src/cli/bin.ts',
    server: 'server/src/lsp/entry.ts',
    verify: 'server/src/verify/index.ts',
    // The worker threads of a workspace scan (`lintPathsParallel`).
    'lint-worker': 'server/src/engine/lint-worker.ts',
    // The language server's lint thread (LintService).
    'document-worker': 'server/src/lsp/document-worker.ts',
    // The structure scan of a large JSON file, run while the file is parsed (parse/prescan.ts).
    'structure-worker': 'server/src/engine/parse/structure-worker.ts',
  },
});

await Promise.all([
  node.then(removeUnreachableChunks),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The script of the authority-map webview (client/src/authority-map.ts), run in the webview, not in Node.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/authority-map-view.ts'], outfile: 'dist/authority-map-view.js' }),
]);

/**
 * The paths users and editors start: `bin` (dist/cli.js) and the language server module the
 * extension forks (dist/server.js). Each only imports its ES module, so both stay CommonJS files
 * under package.json's default module type.
 */
writeFileSync('dist/cli.js', "#!/usr/bin/env node\n// The CLI is dist/cli.mjs; this file keeps `bin` and `node dist/cli.js` working.\nimport('./cli.mjs');\n");
writeFileSync('dist/server.js', "// The language server is dist/server.mjs; this file is the module the extension starts.\nimport('./server.mjs');\n");

if (process.argv.includes('--tools')) {
  await build({ ...common, format: 'esm', entryPoints: ['scripts/generate-main.ts'], outfile: 'dist/tools/generate.mjs', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
}

if (process.argv.includes('--bench')) {
  await build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.js' });
  await build({ ...common, entryPoints: ['bench/hostile.ts'], outfile: 'dist/bench/hostile.js' });
  await build({ ...common, entryPoints: ['bench/regex.ts'], outfile: 'dist/bench/regex.js', external: ['typescript'] });
  await build({ ...common, entryPoints: ['bench/scaling.ts'], outfile: 'dist/bench/scaling.js' });
}

/**
 * esbuild writes a chunk for every `import()` target, even one whose `import()` tree shaking removed
 * (viem's `import('isows')`, for WebSockets verify never opens). Nothing loads such a chunk; it would
 * only ship. Removes every output no entry reaches through its imports, static or dynamic.
 */
function removeUnreachableChunks({ metafile }) {
  const outputs = metafile.outputs;
  const reached = new Set();
  const pending = Object.keys(outputs).filter((path) => outputs[path].entryPoint && !path.includes('/chunk-'));
  while (pending.length > 0) {
    const path = pending.pop();
    if (reached.has(path)) continue;
    reached.add(path);
    pending.push(...outputs[path].imports.filter((i) => !i.external).map((i) => i.path));
  }
  for (const path of Object.keys(outputs)) if (!reached.has(path)) rmSync(path);
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
