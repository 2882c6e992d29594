import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../bench/generate';
import { FEWEST_PARTIES } from '../server/src/engine/summary';
import type { StatusParams } from '../server/src/lsp/status';
import { buildIfMissing, temporaryFolders } from './helpers/cli-run';
import { LspClient, REPO_ROOT } from './helpers/lsp-client';

/**
 * The `chokepoint/status` notifications behind the language-status item: "Linting…" while a lint
 * runs long enough to be seen, then the chain's summary; nothing for a file that is no
 * configuration; and why a file was not linted when its .chokepoint.yaml is invalid.
 */

/** One error (the batcher is a public development key) and two warnings (permissioned proofs, an undeclared upgrade owner). */
const ONE_ERROR = JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, proxyAdminOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8', batchSenderAddress: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }, null, 2);

const folder = temporaryFolders('chokepoint-status-');
let client: LspClient | undefined;

beforeAll(() => buildIfMissing(join(REPO_ROOT, 'dist', 'document-worker.mjs')));

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function open(files: Record<string, string>, name: string, settings?: Record<string, unknown>): Promise<{ uri: string; statuses: () => StatusParams[] }> {
  client = new LspClient();
  if (settings) client.settings.chokepoint = settings;
  await client.initialize({ configuration: Boolean(settings) });
  const dir = folder();
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const uri = client.open(join(dir, name), files[name]);
  return { uri, statuses: () => client!.statuses.filter((s) => s.uri === uri) };
}

/** The statuses of `uri` once the server has sent one that is not "Linting…". */
async function settled(statuses: () => StatusParams[], timeoutMs = 10_000): Promise<StatusParams[]> {
  return client!.until(() => statuses().some((s) => s.kind !== 'linting') && statuses(), timeoutMs);
}

describe('the language-status item, from the server', () => {
  it('says "Linting…" while a large genesis is first linted, then its summary', async () => {
    const genesis = cosmosGenesis(8_000_000);
    const { statuses } = await open({ 'genesis.json': genesis }, 'genesis.json');
    const sent = await settled(statuses, 60_000);
    expect(sent.map((s) => s.kind)).toEqual(['linting', 'summary']);
    expect(sent[1]).toMatchObject({ kind: 'summary', text: 'Not a rollup', detail: 'Cosmos SDK genesis: 1 problem (0 errors, 1 warning, 0 info).', severity: 'warning' });
  }, 90_000);

  it('names the fewest parties to collude as the report does, says what it counts, and writes "1 error"', async () => {
    const { statuses } = await open({ 'deploy-config.json': ONE_ERROR }, 'deploy-config.json');
    const summary = (await settled(statuses)).at(-1)!;
    expect(summary).toMatchObject({ kind: 'summary', severity: 'error', text: 'At most Stage 0 · Fewest parties to collude: 1' });
    expect(summary.kind === 'summary' && summary.detail).toBe(
      `OP Stack deploy config: 3 problems (1 error, 2 warnings, 0 info). Fewest parties to collude: 1 (0x1d5B…f7A8), ${FEWEST_PARTIES.meaning}.`,
    );
  });

  it('hides the item for a JSON file that is no configuration, such as package.json', async () => {
    const { statuses } = await open({ 'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'vitest' } }) }, 'package.json');
    expect((await settled(statuses)).at(-1)).toMatchObject({ kind: 'hidden' });
  });

  it('hides the item when chokepoint.enable is false', async () => {
    const { statuses } = await open({ 'deploy-config.json': ONE_ERROR }, 'deploy-config.json', { enable: false });
    expect((await settled(statuses)).at(-1)).toMatchObject({ kind: 'hidden' });
  });

  it('says the file is not linted because its .chokepoint.yaml is invalid, at which line, and opens that line', async () => {
    const config = 'preset: recommended\nrules:\n  role-colapse: off\n';
    const { statuses } = await open({ '.chokepoint.yaml': config, 'deploy-config.json': ONE_ERROR }, 'deploy-config.json');
    const status = (await settled(statuses)).at(-1)!;
    expect(status).toMatchObject({ kind: 'not-linted', text: 'Not linted: .chokepoint.yaml is invalid (line 3)', open: { line: 2 } });
    expect(status.kind === 'not-linted' && status.open?.uri).toMatch(/\/\.chokepoint\.yaml$/);
    expect(status.kind === 'not-linted' && status.detail).toContain('unknown rule "role-colapse" (did you mean "role-collapse"?)');
  });
});
