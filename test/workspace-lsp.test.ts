import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LspClient } from './helpers/lsp-client';
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
