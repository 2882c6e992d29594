import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { examplePath, LspClient } from './helpers/lsp-client';
import { ensureBuiltCli } from './helpers/cli-run';

const DEPLOY = JSON.stringify(
  {
    l1ChainID: 1,
    l2ChainID: 48213,
    l1BlockTime: 12,
    sequencerWindowSize: 3600,
    proxyAdminOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    finalSystemOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    superchainConfigGuardian: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8',
    l2OutputOracleProposer: '0x7aE1b2C3d4E5f6A7b8C9d0E1f2A3b4C5d6E7f8A9',
    l2OutputOracleChallenger: '0x9aE1b2C3d4E5f6A7b8C9d0E1f2A3b4C5d6E7f8A9',
    batchSenderAddress: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    fundDevAccounts: true,
    useFaultProofs: true,
    respectedGameType: 0,
    proofMaturityDelaySeconds: 604800,
  },
  null,
  2,
);

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-lsp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Position of the first occurrence of `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 1) {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

let client: LspClient | undefined;

ensureBuiltCli();

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('diagnostics (push)', () => {
  it('publishes diagnostics with code, documentation link, source, related places and severity', async () => {
    client = new LspClient();
    const init = await client.initialize();
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const published = await client.until(() => client!.published.get(uri));
    const collapse = published.diagnostics.find((d) => d.code === 'role-collapse');
    expect(collapse).toMatchObject({ source: 'chokepoint', severity: 1, codeDescription: { href: expect.stringMatching(/docs\/rules\/role-collapse\.md$/) } });
    expect(collapse!.message).toContain('0x1d5B…f7A8');
    expect(collapse!.relatedInformation).toHaveLength(2);
    expect(collapse!.range.start.line).toBe(DEPLOY.split('\n').findIndex((l) => l.includes('proxyAdminOwner')));
    expect(published.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['dev-key-authority', 'dev-flags-in-production', 'unverified-authority']));
  });

  it('says nothing about JSON files that are not configs it knows', async () => {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ 'package.json': '{"name": "x", "version": "1.0.0"', 'deploy-config.json': DEPLOY });
    const unrelated = client.open(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"');
    const config = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    await client.until(() => client!.published.get(config));
    await client.until(() => client!.published.get(unrelated));
    expect(client.published.get(unrelated)!.diagnostics).toEqual([]);
  });

  it('after rapid edits, publishes the diagnostics of the last version only', async () => {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    await client.until(() => client!.published.get(uri));
    let text = DEPLOY;
    for (let version = 2; version <= 40; version++) {
      text = DEPLOY.replace('"fundDevAccounts": true', `"fundDevAccounts": ${version % 2 === 1}`);
      client.change(uri, text, version);
    }
    const final = await client.until(() => (client!.published.get(uri)?.version === 40 ? client!.published.get(uri) : undefined));
    expect(final.diagnostics.some((d) => d.code === 'dev-flags-in-production')).toBe(false);
  });

  it('re-lints open files when a .chokepoint.yaml changes', async () => {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    await client.until(() => client!.published.get(uri)?.diagnostics.some((d) => d.code === 'role-collapse'));
    client.published.delete(uri);
    writeFileSync(join(dir, '.chokepoint.yaml'), 'rules:\n  role-collapse: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dir}/.chokepoint.yaml`, type: 1 }] });
    const after = await client.until(() => client!.published.get(uri));
    expect(after.diagnostics.some((d) => d.code === 'role-collapse')).toBe(false);
    expect(after.diagnostics.length).toBeGreaterThan(0);
  });

  it('shows problems of an invalid .chokepoint.yaml on that file', async () => {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ 'deploy-config.json': DEPLOY, '.chokepoint.yaml': 'preset: loose\n' });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const config = await client.until(() => client!.published.get(`file://${dir}/.chokepoint.yaml`));
    expect(config.diagnostics[0]).toMatchObject({ code: 'config-error', range: { start: { line: 0 } } });
    const own = await client.until(() => client!.published.get(uri));
    expect(own.diagnostics.map((d) => d.code)).toEqual(['config-error']);
  });
});

describe('diagnostics across a chain\'s open files', () => {
  it('re-lints the other open files of the folder when one of them changes', async () => {
    client = new LspClient();
    await client.initialize();
    const holder = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
    const manifest = (powers: string) => `appchain:\n  name: One Chain\n  network: mainnet\ngovernance:\n  roles:\n    - role: minter\n      holder: "${holder}"\n      powers: [${powers}]\n`;
    const deploy = JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, proxyAdminOwner: holder }, null, 2);
    const dir = workspace({ 'appchain.yaml': manifest('receive-fees'), 'deploy-config.json': deploy });
    const yamlUri = client.open(join(dir, 'appchain.yaml'), manifest('receive-fees'));
    client.open(join(dir, 'deploy-config.json'), deploy);
    await client.until(() => client!.published.get(yamlUri));
    expect(client.published.get(yamlUri)!.diagnostics.some((d) => d.code === 'role-collapse')).toBe(false);
    const jsonUri = `file://${dir}/deploy-config.json`;
    client.change(jsonUri, JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, proxyAdminOwner: holder, superchainConfigGuardian: holder }, null, 2), 2);
    const after = await client.until(() => client!.published.get(jsonUri)?.version === 2 && client!.published.get(yamlUri)?.diagnostics.some((d) => d.code === 'fee-capture') ? client!.published.get(yamlUri) : undefined);
    expect(after.diagnostics.some((d) => d.code === 'fee-capture')).toBe(true);
  });
});

describe('diagnostics (pull)', () => {
  it('answers textDocument/diagnostic when the client supports pull diagnostics', async () => {
    client = new LspClient();
    const init = await client.initialize({ pull: true });
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d) => d.code)).toContain('role-collapse');
  });
});

describe('diagnostics (pull) after Lint Workspace', () => {
  it('clears what the workspace lint pushed for a file once it is opened, so nothing shows twice', async () => {
    client = new LspClient();
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    await client.initialize({ pull: true, rootPath: dir });
    await client.request('workspace/executeCommand', { command: 'chokepoint.server.lintWorkspace', arguments: [] });
    const uri = `file://${dir}/deploy-config.json`;
    expect((await client.until(() => client!.published.get(uri))).diagnostics.length).toBeGreaterThan(0);
    client.open(join(dir, 'deploy-config.json'), DEPLOY);
    await client.until(() => client!.published.get(uri)?.diagnostics.length === 0);
    const pulled = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(pulled.items.length).toBeGreaterThan(0);
  });
});

describe('diagnostics (pull) while typing', () => {
  it('answers a pull made mid-edit with the diagnostics of the latest text', async () => {
    client = new LspClient();
    await client.initialize({ pull: true });
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const early = client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    for (let version = 2; version <= 20; version++) client.change(uri, DEPLOY.replace('"fundDevAccounts": true', `"fundDevAccounts": ${version === 20 ? 'false' : 'true'}`), version);
    const late = await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(late.items.map((d) => d.code)).not.toContain('dev-flags-in-production');
    expect((await early).items.map((d) => d.code)).not.toContain('dev-flags-in-production');
  });
});

describe('hover', () => {
  /** Opens `name` of a fresh workspace holding `files`, waits for its diagnostics, and hovers `offset` characters into `needle`. */
  async function hoverIn(files: Record<string, string>, name: string, needle: string, offset: number) {
    client = new LspClient();
    await client.initialize();
    const dir = workspace(files);
    const uri = client.open(join(dir, name), files[name]);
    const published = await client.until(() => client!.published.get(uri));
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(files[name], needle, offset) });
    return { text: hover.contents.value, diagnostics: published.diagnostics };
  }

  it('on an address: its entity, its powers in this file and in the chain\'s other files', async () => {
    client = new LspClient();
    await client.initialize();
    const intent = readFileSync(examplePath('op-stack', 'second-chain', 'intent.toml'), 'utf8');
    const uri = client.open(examplePath('op-stack', 'second-chain', 'intent.toml'), intent);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(intent, '0x6aF2d9E1c0B3a4F5e6D7c8B9a0F1e2D3c4B5a6F7', 3) });
    const text = hover.contents.value;
    expect(text).toContain('lumen-upgrade-timelock');
    expect(text).toContain('a 14-day timelock');
    expect(text).toMatch(/\| upgrade \| L1 ProxyAdmin owner \| this file:\d+ \|/);
    expect(text).toMatch(/\| set-params \| SystemConfig owner \| this file:\d+ \|/);
    expect(text).toContain('declared in .chokepoint.yaml');
  });

  it('adds up a holder\'s powers across the files of one chain', async () => {
    const manifest = 'appchain:\n  name: Two Files\n  network: mainnet\ngovernance:\n  roles:\n    - role: treasurer\n      holder: "0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8"\n      powers: [mint]\n';
    const { text } = await hoverIn({ 'deploy-config.json': DEPLOY, 'appchain.yaml': manifest }, 'deploy-config.json', '0x1d5B7eD2', 4);
    expect(text).toMatch(/\| mint \| treasurer \| appchain\.yaml:7 \|/);
    expect(text).toMatch(/\| upgrade \| L1 ProxyAdmin owner \| this file:\d+ \|/);
  });

  it('on a parameter: what it governs, its value in human units, the standard and its source', async () => {
    const { text } = await hoverIn({ 'deploy-config.json': DEPLOY }, 'deploy-config.json', '604800', 2);
    expect(text).toContain('**7 days** (604800 s)');
    expect(text).toContain('Governs how long a withdrawal waits');
    expect(text).toContain('OP Stack standard parameters');
  });

  it('on a finding with no symbol under the cursor: its detail, not its message', async () => {
    const { text, diagnostics } = await hoverIn({ 'deploy-config.json': DEPLOY }, 'deploy-config.json', '"fundDevAccounts": true', 20);
    const flag = diagnostics.find((d) => d.code === 'dev-flags-in-production')!;
    expect(text).toContain('`dev-flags-in-production`');
    expect(text).toContain('Rule documentation');
    expect(text).not.toContain(flag.message);
  });

  it('on an address: a card under 1,500 characters, one link per finding, no diagnostic message repeated', async () => {
    const { text, diagnostics } = await hoverIn({ 'deploy-config.json': DEPLOY }, 'deploy-config.json', '0x1d5B7eD2', 4);
    expect(text.length).toBeLessThan(1500);
    expect(text).toContain('Parties to collude');
    expect(text).toMatch(/\((unknown|declared|verified)\)/);
    for (const d of diagnostics) expect(text).not.toContain(d.message);
    expect(text).toMatch(/\[One holder collapses critical roles\]\(\S+role-collapse\.md\)/);
  });

  it('escapes what a config supplies: a markdown image in an entity name renders as text', async () => {
    const manifest = 'appchain:\n  name: Escapes\n  network: mainnet\ngovernance:\n  bodies:\n    - id: council\n      name: "![t](https://evil.example/track.png) <b>Council</b>"\n      kind: multisig\n      address: "0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8"\n      threshold: 2\n      signers: 3\n  roles:\n    - role: upgrader\n      holder: council\n      powers: [upgrade]\n';
    const { text } = await hoverIn({ 'appchain.yaml': manifest }, 'appchain.yaml', 'holder: council', 10);
    expect(text).toContain('Council');
    expect(text).not.toMatch(/!\[t\]\(https/);
    expect(text).not.toContain('<b>');
    expect(text).toContain('\\<b\\>');
  });
});

describe('what the editor already shows', () => {
  it('leaves a JSON syntax error to VS Code\'s JSON service in the editor, and still reports it in YAML', async () => {
    client = new LspClient();
    await client.initialize();
    const broken = DEPLOY.replace('"l2BlockTime": 2,', '"l2BlockTime": 2,,');
    const dir = workspace({ 'deploy-config.json': broken, 'appchain.yaml': 'appchain:\n  name: [unclosed\n' });
    const json = client.open(join(dir, 'deploy-config.json'), broken);
    const yaml = client.open(join(dir, 'appchain.yaml'), 'appchain:\n  name: [unclosed\n');
    const jsonDiagnostics = (await client.until(() => client!.published.get(json))).diagnostics;
    expect(jsonDiagnostics.some((d) => d.code === 'parse-error')).toBe(false);
    expect(jsonDiagnostics.some((d) => d.code === 'role-collapse'), 'the recovered value is still linted').toBe(true);
    const yamlDiagnostics = (await client.until(() => client!.published.get(yaml))).diagnostics;
    expect(yamlDiagnostics.some((d) => d.code === 'parse-error')).toBe(true);
  });
});

describe('code actions', () => {
  async function openWithDiagnostics(name: string, text: string, files: Record<string, string> = {}) {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ [name]: text, ...files });
    const uri = client.open(join(dir, name), text);
    const published = await client.until(() => client!.published.get(uri));
    return { dir, uri, diagnostics: published.diagnostics };
  }

  it('offers the rule\'s fix, and applying it removes the finding', async () => {
    const { uri, diagnostics } = await openWithDiagnostics('deploy-config.json', DEPLOY);
    const flag = diagnostics.find((d) => d.code === 'dev-flags-in-production')!;
    const actions = await client!.request<{ title: string; kind: string; edit?: { changes: Record<string, { range: never; newText: string }[]> }; isPreferred?: boolean }[]>('textDocument/codeAction', { textDocument: { uri }, range: flag.range, context: { diagnostics: [flag] } });
    const fix = actions.find((a) => a.title === "Set fundDevAccounts to false (changes the chain's configuration)")!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: false });
    const fixed = applyEdits(DEPLOY, fix.edit!.changes[uri]);
    expect(fixed).toContain('"fundDevAccounts": false');
    client!.published.delete(uri);
    client!.change(uri, fixed, 2);
    const after = await client!.until(() => client!.published.get(uri));
    expect(after.diagnostics.some((d) => d.code === 'dev-flags-in-production')).toBe(false);
    expect(actions.map((a) => a.title)).toContain('Show documentation for dev-flags-in-production');
  });

  it('suppresses with a reason to fill in: a comment in YAML, a .chokepoint.yaml entry for JSON', async () => {
    const manifest = readFileSync(examplePath('appchain', 'appchain.yaml'), 'utf8');
    const yaml = await openWithDiagnostics('appchain.yaml', manifest);
    const model = yaml.diagnostics.find((d) => d.code === 'mutable-model-reference')!;
    const actions = await client!.request<{ title: string; edit: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> }; command: { command: string } }[]>('textDocument/codeAction', { textDocument: { uri: yaml.uri }, range: model.range, context: { diagnostics: [model] } });
    const suppress = actions.find((a) => a.title.startsWith('Suppress mutable-model-reference'))!;
    const [insert] = suppress.edit.changes[yaml.uri];
    expect(insert.newText).toBe('      # chokepoint-disable-next-line mutable-model-reference -- <why this risk is accepted>\n');
    expect(insert.range.start.line).toBe(model.range.start.line);
    expect(suppress.command.command).toBe('chokepoint.selectPlaceholder');
    await client!.stop();

    const json = await openWithDiagnostics('deploy-config.json', DEPLOY);
    const unverified = json.diagnostics.find((d) => d.code === 'unverified-authority')!;
    const jsonActions = await client!.request<{ title: string; edit: { documentChanges: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri: json.uri }, range: unverified.range, context: { diagnostics: [unverified] } });
    const configSuppress = jsonActions.find((a) => a.title.startsWith('Suppress unverified-authority'))!;
    expect(JSON.stringify(configSuppress.edit.documentChanges)).toContain(`"uri":"file://${json.dir}/.chokepoint.yaml"`);
    expect(JSON.stringify(configSuppress.edit.documentChanges)).toContain('reason: \\"<why this risk is accepted>\\"');
    expect(JSON.stringify(configSuppress.edit.documentChanges)).toContain('files: deploy-config.json');
  });

  it('offers fix-all for source.fixAll.chokepoint with only the fixes that change no value', async () => {
    const manifest = readFileSync(new URL('./fixtures/fix-all/appchain.yaml', import.meta.url), 'utf8');
    const { uri } = await openWithDiagnostics('appchain.yaml', manifest);
    const actions = await client!.request<{ title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(actions).toHaveLength(1);
    expect(actions[0].kind).toBe('source.fixAll.chokepoint');
    const fixed = applyEdits(manifest, actions[0].edit.changes[uri] as never);
    expect(fixed).not.toContain('chokepoint-disable-next-line');
    expect(fixed).toContain('      delay: 2d\n');
    expect(fixed).toContain('      threshold: 2\n');
    expect(fixed.split('\n').length).toBe(manifest.split('\n').length - 1);

    const deploy = await openWithDiagnostics('deploy-config.json', DEPLOY.replace('"sequencerWindowSize": 3600', '"sequencerWindowSize": 14400'));
    const none = await client!.request<unknown[]>('textDocument/codeAction', { textDocument: { uri: deploy.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(none).toEqual([]);
  });

  it('offers one "Declare" for an address that two diagnostics on the line are about', async () => {
    const { uri, diagnostics } = await openWithDiagnostics('deploy-config.json', DEPLOY);
    const line = diagnostics.find((d) => d.code === 'unverified-authority' && diagnostics.some((e) => e !== d && e.range.start.line === d.range.start.line))!;
    const onLine = diagnostics.filter((d) => d.range.start.line === line.range.start.line);
    expect(onLine.length).toBeGreaterThan(1);
    const actions = await client!.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: line.range, context: { diagnostics: onLine } });
    const declares = actions.filter((a) => a.title.startsWith('Declare '));
    expect(declares).toHaveLength(1);
  });

  it('declares an address: the server applies the declaration the user chose', async () => {
    const intent = readFileSync(examplePath('op-stack', 'second-chain', 'intent.toml'), 'utf8').replace(/ # chokepoint: eoa entity batcher-key/, '');
    const { uri, diagnostics } = await openWithDiagnostics('intent.toml', intent);
    const unverified = diagnostics.find((d) => d.code === 'unverified-authority' && d.message.includes('Batcher'))!;
    const actions = await client!.request<{ title: string; command: { command: string; arguments: [{ address: string; line: number }] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: unverified.range, context: { diagnostics: [unverified] } });
    const declare = actions.find((a) => a.title.startsWith('Declare 0x3d9E…'))!;
    expect(declare.command.command).toBe('chokepoint.declareAddress');
    const [args] = declare.command.arguments;
    const result = await client!.request<{ applied: boolean }>('workspace/executeCommand', { command: 'chokepoint.server.applyDeclaration', arguments: [uri, { ...args, kind: 'eoa', entity: 'batcher-hot-key' }] });
    expect(result.applied).toBe(true);
    expect(JSON.stringify(client!.appliedEdits[0])).toContain('# chokepoint: eoa entity batcher-hot-key\\n');
  });
});

describe('commands and status', () => {
  it('Lint workspace publishes diagnostics for files that are not open', async () => {
    client = new LspClient();
    const dir = workspace({ 'deploy-config.json': DEPLOY, 'notes.json': '{"a": 1}' });
    await client.initialize({ rootPath: dir });
    const result = await client.request<{ files: number; findings: number }>('workspace/executeCommand', { command: 'chokepoint.server.lintWorkspace', arguments: [] });
    expect(result.files).toBe(1);
    const published = await client.until(() => client!.published.get(`file://${dir}/deploy-config.json`));
    expect(published.diagnostics.length).toBe(result.findings);
    expect(client.published.has(`file://${dir}/notes.json`)).toBe(false);
  });

  it('sends the summary for the language-status item', async () => {
    client = new LspClient();
    await client.initialize();
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const status = await client.until(() => client!.statuses.find((s) => s.uri === uri && s.kind === 'summary'));
    expect(status).toMatchObject({ text: 'At most Stage 0 · Fewest parties to collude: 1', severity: 'error' });
    expect(status.kind === 'summary' && status.detail).toMatch(/^OP Stack deploy config: \d+ problems \(\d+ errors, \d+ warnings, \d+ info\)\. Fewest parties to collude: 1 /);
  });

  it('applies chokepoint.* settings: disabled, or a rule turned off', async () => {
    client = new LspClient();
    client.settings.chokepoint = { rules: { 'role-collapse': 'off' } };
    await client.initialize({ configuration: true });
    const dir = workspace({ 'deploy-config.json': DEPLOY });
    const uri = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    const published = await client.until(() => client!.published.get(uri));
    expect(published.diagnostics.some((d) => d.code === 'role-collapse')).toBe(false);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    await client.stop();

    client = new LspClient();
    client.settings.chokepoint = { enable: false };
    await client.initialize({ configuration: true });
    const off = client.open(join(dir, 'deploy-config.json'), DEPLOY);
    expect((await client.until(() => client!.published.get(off))).diagnostics).toEqual([]);
  });
});
