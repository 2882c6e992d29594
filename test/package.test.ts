/**
 * What ships, built as a release builds it: `npm run package` (minified bundles, then the .vsix)
 * and `npm pack`, in a copy of the sources so that this repository's dist/, which other tests run,
 * is left alone. The .vsix stays within its budget, holds what the extension loads and no
 * screenshots, and its README's images and links resolve in the repository package.json names; the
 * npm tarball holds the CLI and what it loads, nothing else, and `npx chokepoint lint` works from it
 * in a clean folder, offline, with no dependency installed.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_URL } from '../server/src/engine/project-links';
import { loadedWith } from './helpers/bundles';
import { buildIfMissing, REPO, temporaryFolders } from './helpers/cli-run';
import { linkProblems, repositoryPath } from './helpers/links';
import { cleanEnv, npmPack, run } from './helpers/npm';
import { readZip, type ZipEntry } from './helpers/zip';

/** The Marketplace and Open VSX budget of this extension, in vsce's units (1 MB = 1,048,576 bytes). */
const VSIX_BUDGET_BYTES = 1.5 * 1024 * 1024;
/** What the copy needs to build and package: sources, the manifest and everything .vscodeignore and .npmignore let through. */
const SOURCES = ['package.json', '.vscodeignore', '.npmignore', 'tsconfig.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'scripts', 'server/src', 'client/src', 'docs', 'schemas', 'syntaxes', 'languages', 'images'];
/** The entries of the Node build: what the extension starts (the server, the CLI), and the worker threads they start by path. */
const NODE_ENTRIES = ['cli.mjs', 'server.mjs', 'lint-worker.mjs', 'document-worker.mjs', 'structure-worker.mjs'];
const CLI_ENTRIES = ['cli.mjs', 'lint-worker.mjs', 'document-worker.mjs', 'structure-worker.mjs'];

const folder = temporaryFolders('chokepoint-package-');
let copy: string;
let vsix: ZipEntry[];
let vsixBytes: number;
let tarball: string;

beforeAll(() => {
  buildIfMissing();
  copy = folder();
  for (const path of SOURCES) cpSync(join(REPO, path), join(copy, path), { recursive: true, filter: (source) => !source.startsWith(join(REPO, 'docs', 'images')) });
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const packaged = run(process.execPath, ['scripts/package.mjs', '--out', 'chokepoint.vsix'], copy, cleanEnv(), 300_000);
  if (packaged.code !== 0) throw new Error(`npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
  vsix = readZip(join(copy, 'chokepoint.vsix'));
  vsixBytes = statSync(join(copy, 'chokepoint.vsix')).size;
  tarball = npmPack(copy, folder());
}, 300_000);

const vsixFile = (name: string) => vsix.find((entry) => entry.name === `extension/${name}`);

describe('chokepoint.vsix', () => {
  it(`is at most ${VSIX_BUDGET_BYTES / 1024 / 1024} MB`, () => {
    expect(vsixBytes).toBeLessThanOrEqual(VSIX_BUDGET_BYTES);
  });

  it('holds the bundles and every module they load, the rule pages, schemas, grammars and icon, and no screenshots', () => {
    const dist = join(copy, 'dist');
    const loaded = new Set(NODE_ENTRIES.flatMap((entry) => [...loadedWith(dist, entry, true)]));
    const expected = ['extension.js', 'server.js', 'cli.js', 'authority-map-view.js', ...loaded].map((name) => `dist/${name}`);
    const shipped = vsix.map((entry) => entry.name.replace(/^extension\//, '')).filter((name) => name.startsWith('dist/'));
    expect(shipped.sort()).toEqual(expected.sort());
    for (const page of readdirSync(join(REPO, 'docs', 'rules'))) expect(vsixFile(`docs/rules/${page}`), page).toBeDefined();
    for (const name of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'images/icon.png', 'schemas/appchain.schema.json', 'syntaxes/toml.tmLanguage.json', 'languages/toml.language-configuration.json']) expect(vsixFile(name), name).toBeDefined();
    expect(vsix.filter((entry) => /\.(png|jpe?g|gif|webp)$/i.test(entry.name)).map((entry) => entry.name)).toEqual(['extension/images/icon.png']);
  });

  it("its README is docs/marketplace.md, whose every image and link resolves in the project's repository", () => {
    const readme = vsixFile('readme.md')!.data().toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\ssrc=["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image.startsWith(`${REPOSITORY_URL}/raw/HEAD/`), image).toBe(true);
      const path = repositoryPath(image)!;
      expect(statSync(join(REPO, path)).isFile(), `${image} is ${path}`).toBe(true);
      expect(readFileSync(join(REPO, path)).subarray(1, 4).toString(), path).toBe('PNG');
    }
    for (const link of links) expect(link.startsWith('#') || link.startsWith(`${REPOSITORY_URL}/`), link).toBe(true);
    expect(linkProblems(readme)).toEqual([]);
  });
});

describe('the npm package', () => {
  it('holds the CLI and the modules it loads, nothing else, and asks for no dependency', () => {
    const listed = run('tar', ['-tzf', tarball], folder()).stdout.split('\n').filter(Boolean).map((name) => name.replace(/^package\//, ''));
    const dist = join(copy, 'dist');
    const loaded = new Set(CLI_ENTRIES.flatMap((entry) => [...loadedWith(dist, entry, true)]));
    expect(listed.sort()).toEqual(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', ...[...loaded].map((name) => `dist/${name}`)].sort());
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ chokepoint: 'dist/cli.js' });
  });

  it('npx chokepoint lint works from the tarball in a clean folder, offline', () => {
    const project = folder();
    writeFileSync(join(project, 'package.json'), '{ "name": "a-chain", "private": true }\n');
    const installed = run('npm', ['install', '--offline', '--no-save', tarball], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['chokepoint']);
    mkdirSync(join(project, 'chain'));
    cpSync(join(REPO, 'examples', 'op-stack', 'deploy-config.json'), join(project, 'chain', 'deploy-config.json'));
    const lint = run('npx', ['--offline', '--no', 'chokepoint', 'lint', 'chain', '--format', 'json'], project);
    expect(lint.code, lint.stderr).toBe(1);
    const packed = JSON.parse(lint.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string }[] }[] };
    expect(packed.files.map((f) => f.path)).toEqual(['chain/deploy-config.json']);
    expect(packed.files[0].findings.some((f) => f.ruleId === 'role-collapse' && f.severity === 'error')).toBe(true);
    // The same findings as the development build of this repository gives.
    const dev = run(process.execPath, [join(REPO, 'dist', 'cli.js'), 'lint', 'chain', '--format', 'json'], project);
    const strip = (report: typeof packed) => report.files.map((f) => f.findings.map((x) => `${x.ruleId} ${x.severity} ${x.message}`));
    expect(strip(packed)).toEqual(strip(JSON.parse(dev.stdout) as typeof packed));
    const clean = run('npx', ['--offline', '--no', 'chokepoint', 'lint', 'chain', '--fail-on', 'none'], project);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('role-collapse');
  });
});
