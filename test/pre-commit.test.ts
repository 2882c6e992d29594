/**
 * The pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it, without pre-commit: its
 * node environment is the package installed globally into a prefix of its own (pre-commit packs
 * the repository and runs `npm install -g` on the tarball), and the hook's command is its `entry`
 * split as a shell would, its `args`, then the staged files (`git diff --staged --name-only`) that
 * its `files` pattern matches, run from the repository's top with that prefix's bin first on PATH.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildIfMissing, REPO, temporaryFolders } from './helpers/cli-run';
import { cleanEnv, npmPack, run, type Run } from './helpers/npm';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
  pass_filenames?: boolean;
  types?: string[];
}

const HOOKS = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const HOOK = HOOKS.find((h) => h.id === 'chokepoint')!;
const DEPLOY_CONFIG = join(REPO, 'examples', 'op-stack', 'deploy-config.json');
/** An op-deployer intent no rule fires on. */
const CLEAN_INTENT = join(REPO, 'test', 'fixtures', 'rules', 'role-collapse', 'passes.toml');
const folder = temporaryFolders('chokepoint-pre-commit-');
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  buildIfMissing(join(REPO, 'dist', 'cli.mjs'));
  const prefix = folder();
  const installed = run('npm', ['install', '--global', '--prefix', prefix, '--offline', npmPack(REPO, folder())], folder());
  if (installed.code !== 0) throw new Error(`npm install -g failed: ${installed.stderr}`);
  env = cleanEnv({ PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` });
}, 180_000);

function git(repo: string, ...args: string[]): string {
  const result = run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], repo);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A git repository with `files` written (path → source file or text) and `staged` of them added. */
function repository(files: Record<string, string>, staged: string[]): string {
  const repo = folder();
  git(repo, 'init', '--quiet', '--initial-branch=main');
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    if (source.startsWith('/')) copyFileSync(source, join(repo, path));
    else writeFileSync(join(repo, path), source);
  }
  if (staged.length > 0) git(repo, 'add', '--', ...staged);
  return repo;
}

/** What pre-commit runs for the hook on the staged files: undefined when no staged file matches (pre-commit skips the hook). */
function runHook(repo: string): (Run & { files: string[] }) | undefined {
  const staged = git(repo, 'diff', '--staged', '--name-only', '--no-ext-diff', '-z', '--diff-filter=ACMRTUXB').split('\0').filter(Boolean);
  const files = staged.filter((file) => new RegExp(HOOK.files).test(file));
  if (files.length === 0) return undefined;
  const [command, ...entryArgs] = HOOK.entry.split(/\s+/);
  return { ...run(command, [...entryArgs, ...(HOOK.args ?? []), ...(HOOK.pass_filenames === false ? [] : files)], repo, env), files };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook whose entry is the package\'s own command', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(HOOK.language).toBe('node');
    expect(Object.keys(pkg.bin)).toContain(HOOK.entry.split(/\s+/)[0]);
    for (const name of ['genesis.json', 'config.jsonc', 'appchain.yaml', 'chain.yml', 'intent.toml']) expect(new RegExp(HOOK.files).test(`a/${name}`), name).toBe(true);
    for (const name of ['README.md', 'main.go', 'deploy.sh']) expect(new RegExp(HOOK.files).test(name), name).toBe(false);
  });
});

describe('the hook on a repository with staged files', () => {
  it('fails on a staged deploy config with errors, and lints only the staged configurations', () => {
    const repo = repository(
      { 'chain/deploy-config.json': DEPLOY_CONFIG, 'unstaged/deploy-config.json': DEPLOY_CONFIG, 'notes.md': '# notes\n', 'README.md': '# x\n' },
      ['chain/deploy-config.json', 'notes.md'],
    );
    const result = runHook(repo)!;
    expect(result.files).toEqual(['chain/deploy-config.json']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^chain\/deploy-config\.json {2}\(OP Stack deploy config\)$/m);
    expect(result.stdout).toMatch(/error .* role-collapse$/m);
    expect(result.stdout).not.toContain('unstaged/');
  });

  it('passes on a staged configuration with nothing at the error level', () => {
    const repo = repository({ 'chain/intent.toml': CLEAN_INTENT, 'package.json': '{"name":"x"}\n' }, ['chain/intent.toml', 'package.json']);
    const result = runHook(repo)!;
    expect(result.files).toEqual(['chain/intent.toml', 'package.json']);
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it('is not run when no staged file is a configuration', () => {
    expect(runHook(repository({ 'notes.md': '# notes\n' }, ['notes.md']))).toBeUndefined();
  });
});
