import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LspClient, type Published } from './helpers/lsp-client';
import { ensureBuiltCli } from './helpers/cli-run';

const deploy = (chainId: number) => {
  const owner = `0x${(chainId % 9 + 1).toString().repeat(40)}`;
  return JSON.stringify({ l1ChainID: 1, l2ChainID: chainId, sequencerWindowSize: 3600, proxyAdminOwner: owner, superchainConfigGuardian: owner, finalSystemOwner: owner }, null, 2);
};

const temps: string[] = [];
/** A workspace of `chains` folders, each holding one OP deploy config. */
function chains(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-lsp-scan-'));
  temps.push(dir);
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dir, `op-${i}`));
    writeFileSync(join(dir, `op-${i}`, 'deploy-config.json'), deploy(8000 + i));
  }
  return dir;
}

let client: LspClient | undefined;

ensureBuiltCli();

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const lintWorkspace = (c: LspClient) => c.request<{ files: number; findings: number; cancelled?: boolean }>('workspace/executeCommand', { command: 'chokepoint.server.lintWorkspace', arguments: [] });

describe('Lint Workspace: work-done progress', () => {
  it('creates a progress token, begins (cancellable), reports percentages up to 100 and ends', async () => {
    client = new LspClient();
    const dir = chains(12);
    await client.initialize({ rootPath: dir });
    const result = await lintWorkspace(client);
    expect(result.files).toBe(12);
    expect(client.progressTokens).toHaveLength(1);
    const [token] = client.progressTokens;
    const values = (await client.until(() => client!.progress.some((p) => p.value.kind === 'end') && client!.progress)).filter((p) => p.token === token).map((p) => p.value);
    expect(values[0]).toMatchObject({ kind: 'begin', title: expect.stringContaining('linting the workspace'), cancellable: true, percentage: 0 });
    expect(values.at(-1)?.kind).toBe('end');
    const reports = values.filter((v) => v.kind === 'report');
    expect(reports.length).toBeGreaterThan(1);
    const percentages = reports.map((r) => r.percentage!);
    for (let i = 1; i < percentages.length; i++) expect(percentages[i]).toBeGreaterThanOrEqual(percentages[i - 1]);
    expect(reports.at(-1)).toMatchObject({ percentage: 100, message: '12/12 files' });
    expect(values.filter((v) => v.kind === 'begin' || v.kind === 'end')).toHaveLength(2);
  });

  for (const [size, where] of [[300, 'on the server thread'], [900, 'on worker threads']] as const) {
    it(`stops when the user cancels it (${size} chains, ${where}): nothing is published and the progress ends`, async () => {
      client = new LspClient();
      const dir = chains(size);
      await client.initialize({ rootPath: dir });
      const c = client;
      c.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => {
        c.progress.push(params as LspClient['progress'][number]);
        if (params.value.kind === 'begin') void c.connection.sendNotification('window/workDoneProgress/cancel', { token: params.token });
      });
      const result = await lintWorkspace(client);
      expect(result).toMatchObject({ cancelled: true, files: 0 });
      await client.until(() => client!.progress.some((p) => p.value.kind === 'end'));
      // Whatever was in flight has arrived by the time a later request is answered.
      await client.request('workspace/executeCommand', { command: 'no-such-command', arguments: [] });
      expect(client.published.size).toBe(0);
    });
  }
});

/** The roles of `deploy` held by three different keys: no role-collapse. */
const SPLIT = JSON.stringify({ l1ChainID: 1, l2ChainID: 8000, sequencerWindowSize: 3600, proxyAdminOwner: `0x${'1'.repeat(40)}`, superchainConfigGuardian: `0x${'2'.repeat(40)}`, finalSystemOwner: `0x${'3'.repeat(40)}` }, null, 2);
const codes = (published: Published | undefined) => published?.diagnostics.map((d) => d.code) ?? [];

/** Starts a server on `chains(count)`, runs Lint Workspace, and returns the first chain's deploy config with what the scan published for it. */
async function scanned(options: { pull?: boolean; watchFiles?: boolean; count?: number } = {}) {
  client = new LspClient();
  const dir = chains(options.count ?? 1);
  await client.initialize({ rootPath: dir, pull: options.pull, watchFiles: options.watchFiles });
  await lintWorkspace(client);
  const path = join(dir, 'op-0', 'deploy-config.json');
  const uri = `file://${path}`;
  const result = await client.until(() => client!.published.get(uri));
  expect(codes(result)).toContain('role-collapse');
  return { c: client, dir, path, uri, result };
}

/** Waits for the next diagnostics published for `uri` that satisfy `condition` and are not an open document's (which carry its version). */
function nextPublished(c: LspClient, uri: string, condition: (published: Published) => boolean = () => true): Promise<Published> {
  c.published.delete(uri);
  return c.until(() => {
    const published = c.published.get(uri);
    return published && published.version === undefined && condition(published) ? published : undefined;
  });
}

describe('Lint Workspace results stay until the file changes', () => {
  it('closing a file shows its workspace result again, not the lint of an edit that was discarded (push)', async () => {
    const { c, path, uri, result } = await scanned();
    c.open(path, SPLIT);
    // The open file shows its own lint, of the edited text.
    await c.until(() => c.published.get(uri)?.version === 1 && c.published.get(uri));
    expect(codes(c.published.get(uri))).not.toContain('role-collapse');
    const restored = nextPublished(c, uri);
    c.close(uri);
    expect(await restored).toEqual(result);
  });

  it('with pull diagnostics the pushed result is cleared while the file is open, and comes back when it closes', async () => {
    const { c, path, uri, result } = await scanned({ pull: true });
    c.open(path, readFileSync(path, 'utf8'));
    await c.until(() => c.published.get(uri)?.diagnostics.length === 0);
    const pulled = await c.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(pulled.items.map((d) => d.code)).toContain('role-collapse');
    const restored = nextPublished(c, uri);
    c.close(uri);
    expect(await restored).toEqual(result);
  });

  it('a saved edit replaces the result: once closed, the file shows the lint of what was saved, as a new scan does', async () => {
    const { c, path, uri } = await scanned();
    c.open(path, readFileSync(path, 'utf8'));
    c.change(uri, SPLIT, 2);
    writeFileSync(path, SPLIT);
    c.notify('textDocument/didSave', { textDocument: { uri } });
    const refreshed = nextPublished(c, uri, (p) => p.diagnostics.length > 0);
    c.close(uri);
    expect(codes(await refreshed)).not.toContain('role-collapse');
    const rescanned = nextPublished(c, uri);
    await lintWorkspace(c);
    expect(await rescanned).toEqual(await refreshed);
  });

  it('a file changed on disk while open, and never saved in the editor, is re-linted from disk when it closes', async () => {
    const { c, path, uri } = await scanned();
    c.open(path, readFileSync(path, 'utf8'));
    await c.until(() => c.published.get(uri)?.version === 1);
    writeFileSync(path, SPLIT);
    // Whatever the file system's clock, its stamp differs from the one the scan recorded.
    utimesSync(path, new Date(), new Date(Date.now() + 60_000));
    const refreshed = nextPublished(c, uri, (p) => p.diagnostics.length > 0);
    c.close(uri);
    expect(codes(await refreshed)).not.toContain('role-collapse');
  });

  it('a closed file changed on disk is re-linted when the watcher says so, the other chains left alone', async () => {
    const { c, dir, path, uri } = await scanned({ count: 2 });
    const other = `file://${join(dir, 'op-1', 'deploy-config.json')}`;
    const before = c.published.get(other);
    writeFileSync(path, SPLIT);
    const refreshed = nextPublished(c, uri);
    c.published.delete(other);
    c.filesChanged({ uri, type: 2 });
    expect(codes(await refreshed)).not.toContain('role-collapse');
    expect((await refreshed).diagnostics.length).toBeGreaterThan(0);
    // Whatever was in flight has arrived by the time a later request is answered.
    await c.request('workspace/executeCommand', { command: 'no-such-command', arguments: [] });
    expect(c.published.has(other)).toBe(false);
    expect(before).toBeDefined();
  });

  it('a deleted file\'s result is cleared, and the rest of its chain re-linted without it', async () => {
    client = new LspClient();
    const holder = `0x${'4'.repeat(40)}`;
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-lsp-scan-'));
    temps.push(dir);
    writeFileSync(join(dir, 'deploy-config.json'), JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, sequencerWindowSize: 3600, proxyAdminOwner: holder }, null, 2));
    writeFileSync(join(dir, 'appchain.yaml'), `appchain:\n  name: One Chain\n  network: mainnet\ngovernance:\n  roles:\n    - role: minter\n      holder: "${holder}"\n      powers: [pause]\n`);
    await client.initialize({ rootPath: dir });
    await lintWorkspace(client);
    const uris = ['deploy-config.json', 'appchain.yaml'].map((name) => `file://${join(dir, name)}`);
    const c = client;
    await c.until(() => uris.every((uri) => c.published.has(uri)));
    // The holder's two critical roles, one in each file, are one finding in one of them: delete the other.
    const holding = uris.find((uri) => codes(c.published.get(uri)).includes('role-collapse'))!;
    const deleted = uris.find((uri) => uri !== holding)!;
    unlinkSync(deleted.slice('file://'.length));
    const cleared = nextPublished(c, deleted);
    const relinted = nextPublished(c, holding);
    c.filesChanged({ uri: deleted, type: 3 });
    expect((await cleared).diagnostics).toEqual([]);
    expect(codes(await relinted)).not.toContain('role-collapse');
  });

  it('clears the results of the files in a deleted folder, which the watcher reports as the folder alone', async () => {
    const { c, dir, uri } = await scanned({ count: 2 });
    const other = `file://${join(dir, 'op-1', 'deploy-config.json')}`;
    rmSync(join(dir, 'op-0'), { recursive: true });
    const cleared = nextPublished(c, uri);
    c.published.delete(other);
    c.filesChanged({ uri: `file://${join(dir, 'op-0')}`, type: 3 });
    expect((await cleared).diagnostics).toEqual([]);
    await c.request('workspace/executeCommand', { command: 'no-such-command', arguments: [] });
    expect(c.published.has(other)).toBe(false);
  });

  it('asks a client that can watch files to report changes to every config, once', async () => {
    const { c } = await scanned({ watchFiles: true });
    await lintWorkspace(c);
    const watchers = c.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    // Deletions of anything (kind 4): a deleted folder is reported as itself.
    const expected = [{ globPattern: '**/*.{json,jsonc,json5,yaml,yml,toml}' }, { globPattern: '**/*', kind: 4 }];
    expect(watchers).toEqual([{ method: 'workspace/didChangeWatchedFiles', id: expect.any(String), registerOptions: { watchers: expected } }]);
  });

  it('runs the scan again when a .chokepoint.yaml changes, since it may change every result', async () => {
    const { c, dir, uri } = await scanned();
    writeFileSync(join(dir, '.chokepoint.yaml'), 'rules:\n  role-collapse: off\n');
    const rescanned = nextPublished(c, uri);
    c.filesChanged({ uri: `file://${join(dir, '.chokepoint.yaml')}`, type: 1 });
    expect(codes(await rescanned)).not.toContain('role-collapse');
    expect((await rescanned).diagnostics.length).toBeGreaterThan(0);
  });
});
