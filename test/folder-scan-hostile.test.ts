/**
 * Folder scans never hang or hide (issues 16 and 17): symlink loops end, symlinks out of the scanned
 * folder are followed only with --follow-symlinks, FIFOs and devices are passed over unopened, and
 * what cannot be read is reported. Every CLI run has a timeout, so a hang fails the test.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLintArgs } from '../server/src/cli/args';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintPaths } from '../server/src/engine/workspace';
import { BUILT_CLI, ensureBuiltCli, REPO, temporaryFolders } from './helpers/cli-run';
import { LspClient } from './helpers/lsp-client';

ensureBuiltCli();

const DEPLOY = readFileSync(join(REPO, 'examples', 'op-stack', 'deploy-config.json'), 'utf8');
const HANG_MS = 30_000;
const temporary = temporaryFolders('chokepoint-scan-');

/** A fresh folder others may enter (mkdtemp makes it 0700), so that the CLI run as nobody reaches it. */
function workspace(): string {
  const dir = temporary();
  chmodSync(dir, 0o755);
  return dir;
}

/** Writes a deploy config (or `text`) at `rel` under `dir`, making its folders. */
function put(dir: string, rel: string, text = DEPLOY): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
}

function lint(cwd: string, args: string[], options: SpawnSyncOptions = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BUILT_CLI, 'lint', ...args], { cwd, encoding: 'utf8', timeout: HANG_MS, ...options });
  expect(result.error, 'the CLI did not start, or did not finish in time').toBeUndefined();
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), ms: performance.now() - started };
}

/** The paths a JSON report lists, each with its rule ids. */
function reported(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
  return Object.fromEntries(report.files.map((file) => [file.path, file.findings.map((f) => f.ruleId)]));
}

describe('symlinks in a folder scan', () => {
  it('a loop (a folder linked to its parent, one linked to itself) ends, and each file is linted once', () => {
    const dir = workspace();
    put(dir, 'root/a/deploy-config.json');
    put(dir, 'root/b/deploy-config.json');
    symlinkSync('..', join(dir, 'root/a/up'));
    symlinkSync('.', join(dir, 'root/b/self'));
    symlinkSync('../a', join(dir, 'root/b/sideways'));
    const run = lint(dir, ['root', '--format', 'json', '--fail-on', 'none']);
    expect(run.status).toBe(0);
    expect(Object.keys(reported(run.stdout))).toEqual(['root/a/deploy-config.json', 'root/b/deploy-config.json']);
    expect(run.stderr).toBe('');
  });

  it('a link whose target is inside the scanned folder is followed: a hidden folder linked by a plain name, a file linked from another chain', () => {
    const dir = workspace();
    put(dir, 'root/.store/chain/deploy-config.json');
    put(dir, 'root/shared/genesis-config.json');
    mkdirSync(join(dir, 'root/op'));
    symlinkSync('.store/chain', join(dir, 'root/chain'));
    symlinkSync('../shared/genesis-config.json', join(dir, 'root/op/deploy-config.json'));
    // A second name for a file of the same folder is not linted twice.
    symlinkSync('genesis-config.json', join(dir, 'root/shared/alias.json'));
    const run = lint(dir, ['root', '--format', 'json', '--fail-on', 'none']);
    // The tree first, in name order; then what folder links lead to.
    expect(Object.keys(reported(run.stdout))).toEqual(['root/op/deploy-config.json', 'root/shared/genesis-config.json', 'root/chain/deploy-config.json']);
    expect(run.stderr).toBe('');
  });

  it('a link leading out of the scanned folder is not followed, and is named on stderr; --follow-symlinks follows it', () => {
    const dir = workspace();
    put(dir, 'root/op/deploy-config.json');
    put(dir, 'outside/chain/deploy-config.json');
    put(dir, 'outside/single.json');
    symlinkSync('../outside/chain', join(dir, 'root/elsewhere'));
    symlinkSync('../../outside/single.json', join(dir, 'root/op/testnet.json'));
    const plain = lint(dir, ['root', '--format', 'json', '--fail-on', 'none']);
    expect(Object.keys(reported(plain.stdout))).toEqual(['root/op/deploy-config.json']);
    expect(plain.stderr).toBe('chokepoint: 2 symlinks lead out of the folders scanned and were not followed: root/elsewhere, root/op/testnet.json. Pass --follow-symlinks to lint what they lead to.\n');
    // Machine-readable output says so too: JSON's notFollowed, SARIF's tool execution notifications.
    expect(JSON.parse(plain.stdout).notFollowed).toEqual(['root/elsewhere', 'root/op/testnet.json']);
    const sarif = JSON.parse(lint(dir, ['root', '--format', 'sarif', '--fail-on', 'none']).stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications as { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(notes.map((n) => [n.level, n.locations[0].physicalLocation.artifactLocation.uri])).toEqual([['note', 'root/elsewhere'], ['note', 'root/op/testnet.json']]);
    expect(notes[0].message.text).toContain('--follow-symlinks');
    const followed = lint(dir, ['root', '--format', 'json', '--fail-on', 'none', '--follow-symlinks']);
    expect(Object.keys(reported(followed.stdout))).toEqual(['root/op/deploy-config.json', 'root/op/testnet.json', 'root/elsewhere/deploy-config.json']);
    expect(followed.stderr).toBe('');
    expect(JSON.parse(followed.stdout).notFollowed).toBeUndefined();
    // A link into another folder named on the command line is linted there, so it is not named.
    const both = lint(dir, ['root', 'outside', '--format', 'json', '--fail-on', 'none']);
    expect(Object.keys(reported(both.stdout))).toEqual(['root/op/deploy-config.json', 'outside/chain/deploy-config.json', 'outside/single.json']);
    expect(both.stderr).toBe('');
    // --quiet reports errors only: the note is left out too.
    expect(lint(dir, ['root', '--quiet', '--fail-on', 'none']).stderr).toBe('');
  });

  it('a named file\'s folder-mate that links out of its folder is not pulled into its chain unless asked', () => {
    const dir = workspace();
    const named = put(dir, 'chain/deploy-config.json');
    put(dir, 'outside/genesis.json');
    symlinkSync('../outside/genesis.json', join(dir, 'chain/genesis.json'));
    const resolver = new ConfigResolver();
    const context = (followSymlinks: boolean) => [...(lintPaths([named], { resolver, models: true, followSymlinks }).documents?.keys() ?? [])];
    expect(context(false)).toEqual([named]);
    expect(context(true)).toEqual([named, join(dir, 'chain/genesis.json')]);
  });
});

describe('FIFOs and devices', () => {
  it('in a folder scan, a FIFO and links to /dev/zero and /dev/null named *.json are passed over unopened, with or without --follow-symlinks', () => {
    const dir = workspace();
    put(dir, 'root/deploy-config.json');
    mkfifo(join(dir, 'root/genesis.json'));
    mkfifo(join(dir, 'root/real.json'));
    symlinkSync('real.json', join(dir, 'root/pipe-link.json'));
    symlinkSync('/dev/zero', join(dir, 'root/zero.json'));
    symlinkSync('/dev/null', join(dir, 'root/null.json'));
    for (const extra of [[], ['--follow-symlinks']]) {
      const run = lint(dir, ['root', '--format', 'json', '--fail-on', 'none', ...extra]);
      expect(run.status).toBe(0);
      expect(Object.keys(reported(run.stdout))).toEqual(['root/deploy-config.json']);
      // Nothing to follow: a device or FIFO is never linted, wherever the link leads.
      expect(run.stderr).toBe('');
      expect(run.ms).toBeLessThan(10_000);
    }
  });

  it('named on the command line, a FIFO or a device is a usage error that says what it is, at once', () => {
    const dir = workspace();
    mkfifo(join(dir, 'genesis.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const fifo = lint(dir, ['genesis.json']);
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toBe('chokepoint: genesis.json is a FIFO (named pipe), not a file or folder; nothing was read from it.\n');
    const device = lint(dir, ['zero.json']);
    expect(device.status).toBe(2);
    expect(device.stderr).toContain('zero.json is a device');
  });
});

/** chmod 000 keeps a file from its owner on POSIX, but not from root: as root, the CLI runs as nobody. */
const RUN_AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const CHMOD_DENIES = process.platform !== 'win32';

describe.skipIf(!CHMOD_DENIES)('what cannot be read (skipped on Windows, where chmod 000 does not take read access away)', () => {
  const denied: string[] = [];
  const deny = (path: string) => {
    chmodSync(path, 0o000);
    denied.push(path);
  };
  // Lets the temporary folders be removed by a user who is not root.
  afterEach(() => denied.splice(0).forEach((path) => chmodSync(path, 0o755)));

  it('an unreadable file and an unreadable folder inside a scanned folder are reported as read-error, and fail the lint', () => {
    const dir = workspace();
    // A JSON file that is no chain's config: not reported, so the read errors are the only findings.
    put(dir, 'root/op/notes.json', '{ "note": "not a config" }');
    deny(put(dir, 'root/op/testnet.json'));
    put(dir, 'root/secret/deploy-config.json');
    deny(join(dir, 'root/secret'));
    const run = lint(dir, ['root', '--format', 'json'], RUN_AS);
    expect(reported(run.stdout)).toEqual({ 'root/op/testnet.json': ['read-error'], 'root/secret': ['read-error'] });
    expect(run.status).toBe(1);
    const stylish = lint(dir, ['root'], RUN_AS);
    expect(stylish.stdout).toContain('1:1  error    Chokepoint cannot read this file (EACCES: permission denied), so it was not linted.  read-error');
    expect(stylish.stdout).toContain('1:1  error    Chokepoint cannot read this folder (EACCES: permission denied), so nothing in it was linted.  read-error');
    expect(stylish.stdout).toContain('2 problems (2 errors, 0 warnings, 0 info) in 2 files (2 unreadable)');
    expect(stylish.status).toBe(1);
    // Graded like any rule, and a path listed under ignore: is not reported.
    expect(lint(dir, ['root', '--rule', 'read-error=warning'], RUN_AS).status).toBe(0);
    writeFileSync(join(dir, 'root/.chokepoint.yaml'), 'ignore: ["secret", "op/testnet.json"]\n');
    const ignored = lint(dir, ['root'], RUN_AS);
    expect([ignored.status, ignored.stdout]).toEqual([0, '0 files linted: no problems.\n']);
  });

  it('chokepoint report says on stderr what it could not read, and writes the report of the rest', () => {
    const dir = workspace();
    put(dir, 'root/op/deploy-config.json');
    put(dir, 'root/secret/deploy-config.json');
    deny(join(dir, 'root/secret'));
    const result = spawnSync(process.execPath, [BUILT_CLI, 'report', 'root', '--format', 'md'], { cwd: dir, encoding: 'utf8', timeout: HANG_MS, ...RUN_AS });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Files: `root/op/deploy-config.json`');
    expect(result.stderr).toBe('chokepoint: root/secret: Chokepoint cannot read this folder (EACCES: permission denied), so nothing in it was linted. The report leaves it out.\n');
  });

  it('an unreadable folder named on the command line is a usage error (exit 2) naming it, never "0 files linted"', () => {
    const dir = workspace();
    put(dir, 'secret/deploy-config.json');
    deny(join(dir, 'secret'));
    const run = lint(dir, ['secret'], RUN_AS);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('chokepoint: Cannot read the folder secret: EACCES: permission denied. Nothing was linted.\n');
  });

  it('an unreadable file named on the command line is a usage error (exit 2) naming it', () => {
    const dir = workspace();
    deny(put(dir, 'deploy-config.json'));
    const run = lint(dir, ['deploy-config.json', '--format', 'json'], RUN_AS);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('chokepoint: Cannot read deploy-config.json: EACCES: permission denied.\n');
  });
});

describe('`--` ends the options', () => {
  it('every argument after it is a path, even one that begins with "-"; before it, options still apply', () => {
    expect(parseLintArgs(['--format', 'json', '--', '--output=x.json', '-q.json']).paths).toEqual(['--output=x.json', '-q.json']);
    expect(parseLintArgs(['--format', 'json', '--', '--output=x.json']).output).toBeUndefined();
    expect(parseLintArgs(['--']).paths).toEqual(['.']);
    expect(() => parseLintArgs(['--', ''])).toThrow(/An empty path/);
    expect(() => parseLintArgs(['--output', '--', 'a.json'])).toThrow(/--output needs a value/);
  });
});

describe('Lint Workspace scans as the CLI does by default', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('through a loop, past a FIFO and a link out of the workspace, into a folder linked from inside it, it lints the files the CLI lints', async () => {
    const dir = workspace();
    put(dir, 'root/a/deploy-config.json');
    put(dir, 'root/b/deploy-config.json');
    put(dir, 'outside/deploy-config.json');
    symlinkSync('..', join(dir, 'root/a/up'));
    mkfifo(join(dir, 'root/b/genesis.json'));
    symlinkSync('../outside', join(dir, 'root/elsewhere'));
    put(dir, 'root/.store/deploy-config.json');
    symlinkSync('.store', join(dir, 'root/linked'));
    const cli = lint(dir, ['root', '--format', 'json', '--fail-on', 'none']);
    expect(Object.keys(reported(cli.stdout))).toEqual(['root/a/deploy-config.json', 'root/b/deploy-config.json', 'root/linked/deploy-config.json']);
    const cliFiles = Object.keys(reported(cli.stdout)).map((path) => join(dir, path));
    client = new LspClient();
    await client.initialize({ rootPath: join(dir, 'root') });
    const result = await client.request<{ files: number }>('workspace/executeCommand', { command: 'chokepoint.server.lintWorkspace', arguments: [] });
    expect(result.files).toBe(cliFiles.length);
    const published = await client.until(() => client!.published.size === cliFiles.length && [...client!.published.keys()]);
    expect(published.map((uri) => fileURLToPath(uri)).sort()).toEqual(cliFiles.sort());
  });
});
