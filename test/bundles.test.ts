/**
 * The Node side of dist/ is one split build (scripts/build.mjs): the CLI, the language server, its
 * lint thread, the workspace scan's workers, the structure scan and the verifier are entries that
 * share the engine, instead of five bundles that each hold all of it. Checked on the build itself.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../server/src/engine/data/sources';
import { bareSpecifiers, isNodeBuiltin, loadedText, loadedWith } from './helpers/bundles';
import { buildIfMissing, REPO } from './helpers/cli-run';

const DIST = join(REPO, 'dist');
const ENTRIES = ['cli.mjs', 'server.mjs', 'lint-worker.mjs', 'document-worker.mjs', 'verify.mjs'];
/** A string only the engine holds (the citation of L2BEAT's Stages), and one only the language server's protocol library holds. */
const ENGINE_MARK = SOURCES.l2beatStages.url;
const LSP_MARK = 'textDocument/publishDiagnostics';
/** ws (viem's WebSocket transport, in dist/verify.mjs) tries its optional native add-ons inside try/catch and does without them. */
const OPTIONAL_ADDONS = ['bufferutil', 'utf-8-validate'];

beforeAll(() => buildIfMissing(join(DIST, 'cli.mjs')), 120_000);

const modules = () => readdirSync(DIST).filter((name) => name.endsWith('.mjs'));
const holding = (mark: string) => modules().filter((name) => readFileSync(join(DIST, name), 'utf8').includes(mark));

describe('the split build', () => {
  it('holds the engine once, in a chunk every entry loads', () => {
    const files = holding(ENGINE_MARK);
    expect(files).toHaveLength(1);
    for (const entry of ENTRIES) expect(loadedWith(DIST, entry), entry).toContain(files[0]);
  });

  it('keeps the language server out of `lint` and of the lint threads: the CLI imports it only for `chokepoint lsp`', () => {
    expect(holding(LSP_MARK)).toHaveLength(1);
    expect(loadedText(DIST, 'server.mjs')).toContain(LSP_MARK);
    expect(loadedText(DIST, 'cli.mjs', true)).toContain(LSP_MARK);
    for (const entry of ['cli.mjs', 'lint-worker.mjs', 'document-worker.mjs', 'structure-worker.mjs']) expect(loadedText(DIST, entry), entry).not.toContain(LSP_MARK);
  });

  it('the structure scan thread loads no engine', () => {
    expect(loadedText(DIST, 'structure-worker.mjs')).not.toContain(ENGINE_MARK);
  });

  it('needs no package at run time: every module it names is built into Node', () => {
    const named = new Set(modules().flatMap((name) => bareSpecifiers(readFileSync(join(DIST, name), 'utf8'))));
    expect([...named].filter((specifier) => !isNodeBuiltin(specifier) && !OPTIONAL_ADDONS.includes(specifier))).toEqual([]);
    expect(named.size).toBeGreaterThan(0);
  });

  it('dist/cli.js and dist/server.js, the paths users and the extension start, run their ES modules', () => {
    const version = spawnSync(process.execPath, [join(DIST, 'cli.js'), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.status).toBe(0);
    expect(readFileSync(join(DIST, 'cli.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(readFileSync(join(DIST, 'server.js'), 'utf8')).toContain("import('./server.mjs')");
  });
});
