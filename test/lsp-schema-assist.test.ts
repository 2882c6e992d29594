import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { examplePath, LspClient } from './helpers/lsp-client';
import { POWERS } from '../server/src/engine/model/schema';
import { ALL_RULE_METAS } from '../server/src/engine/rules/index';

interface Item {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}
type Hover = { contents: { kind: string; value: string } } | null;

const CURSOR = '<|>';
const PROPERTY = 10;
const ENUM_MEMBER = 20;

ensureBuiltCli();
const folder = temporaryFolders('chokepoint-schema-assist-');
let client: LspClient | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** The text without the cursor mark, and the mark's position. */
function withCursor(marked: string) {
  const index = marked.indexOf(CURSOR);
  const before = marked.slice(0, index).split('\n');
  return { text: marked.replace(CURSOR, ''), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

async function started(initializationOptions?: unknown) {
  client = new LspClient();
  const init = await client.initialize({ initializationOptions });
  return { client, init };
}

/** Opens `name` holding `marked` in a fresh folder and asks for completion at the cursor mark. */
async function complete(name: string, marked: string, context?: { triggerKind: number; triggerCharacter?: string }) {
  const { text, position } = withCursor(marked);
  const path = join(folder(), name);
  writeFileSync(path, text);
  const uri = client!.open(path, text);
  const items = await client!.request<Item[] | null>('textDocument/completion', { textDocument: { uri }, position, ...(context ? { context } : {}) });
  return { items: items ?? [], position };
}

async function hover(path: string, text: string, line: string, needle: string): Promise<string> {
  const uri = client!.open(path, text);
  const index = text.split('\n').findIndex((l) => l.includes(line));
  const result = await client!.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: index, character: text.split('\n')[index].indexOf(needle) + 1 } });
  return result?.contents.value ?? '';
}

const labels = (items: Item[]) => items.map((i) => i.label);

describe('completion in appchain.yaml', () => {
  it('offers the keys of the mapping at the cursor that it does not hold yet, with their documentation', async () => {
    const { init } = await started();
    expect(init.capabilities.completionProvider).toEqual({ triggerCharacters: [' '] });
    const { items, position } = await complete('appchain.yaml', 'appchain:\n  name: Lumen\n  <|>\ngovernance:\n  bodies: []\n');
    expect(labels(items)).toEqual(['chainId', 'network', 'stack']);
    const network = items.find((i) => i.label === 'network')!;
    expect(network).toMatchObject({ kind: PROPERTY, detail: 'mainnet | testnet | devnet', textEdit: { newText: 'network: ', range: { start: position, end: position } } });
    expect(network.documentation).toEqual({ kind: 'markdown', value: expect.stringContaining('Production or not') });
    const top = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ngov<|>\n');
    expect(labels(top.items)).toEqual(['governance', 'token', 'consensus', 'validators', 'infrastructure']);
    expect(top.items[0].textEdit).toEqual({ newText: 'governance:', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } });
  });

  it('offers the keys of a new list item and the values an enum allows, in block and flow lists', async () => {
    await started();
    const role = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ngovernance:\n  roles:\n    - <|>\n');
    expect(labels(role.items)).toEqual(['role', 'title', 'holder', 'powers', 'layer', 'delay', 'root']);
    expect(role.items.find((i) => i.label === 'role')?.documentation?.value).toMatch(/^Role name, e\.g\. upgrade-admin.*Required\.$/);
    const secondKey = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ngovernance:\n  roles:\n    - role: minter\n      <|>\n');
    expect(labels(secondKey.items)).not.toContain('role');
    expect(labels(secondKey.items)).toContain('powers');
    const flow = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ngovernance:\n  roles:\n    - role: minter\n      powers: [mint, <|>]\n');
    expect(labels(flow.items)).toEqual([...POWERS]);
    expect(flow.items.every((i) => i.kind === ENUM_MEMBER)).toBe(true);
    const block = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ngovernance:\n  roles:\n    - role: minter\n      powers:\n        - <|>\n');
    expect(labels(block.items)).toEqual([...POWERS]);
    const verification = await complete('appchain.yaml', 'appchain:\n  name: Lumen\ninfrastructure:\n  inference:\n    name: og\n    verification: t<|>\n');
    expect(labels(verification.items)).toEqual(['tee', 'zk', 'optimistic', 'none']);
    expect(verification.items[0].textEdit.range).toEqual({ start: { line: 5, character: 18 }, end: { line: 5, character: 19 } });
  });

  it('answers a typed space only where a value or a list item begins', async () => {
    await started();
    const trigger = { triggerKind: 2, triggerCharacter: ' ' };
    expect((await complete('appchain.yaml', 'appchain:\n  network: <|>\n', trigger)).items.map((i) => i.label)).toEqual(['mainnet', 'testnet', 'devnet']);
    expect((await complete('appchain.yaml', 'appchain:\n  name: Lumen\n  <|>\n', trigger)).items).toEqual([]);
    expect((await complete('appchain.yaml', 'appchain:\n  name: Lumen\n  <|>\n', { triggerKind: 1 })).items.length).toBe(3);
  });

  it('knows a manifest by its appchain: key whatever its name, and completes nothing in other YAML or in comments', async () => {
    await started();
    expect(labels((await complete('lumen.yaml', 'appchain:\n  <|>\n')).items)).toEqual(['name', 'chainId', 'network', 'stack']);
    expect((await complete('docker-compose.yaml', 'services:\n  <|>\n')).items).toEqual([]);
    expect((await complete('appchain.yaml', 'appchain:\n  name: Lumen # net<|>\n')).items).toEqual([]);
  });
});

describe('completion in .chokepoint.yaml', () => {
  it('offers the config keys, rule ids where rules are named, and the values of enums', async () => {
    await started();
    const top = await complete('.chokepoint.yaml', 'preset: strict\n<|>\n');
    expect(labels(top.items)).toEqual(['network', 'rules', 'ignore', 'entities', 'suppressions', 'chains', 'discovery']);
    expect(top.items.find((i) => i.label === 'entities')?.documentation?.value).toBe('Who controls which addresses.');
    const preset = await complete('.chokepoint.yaml', 'preset: <|>\n');
    expect(labels(preset.items)).toEqual(['recommended', 'strict', 'l2beat-stage1']);
    const rules = await complete('.chokepoint.yaml', 'rules:\n  fee-capture: off\n  <|>\n');
    expect(labels(rules.items)).toEqual(ALL_RULE_METAS.map((m) => m.id).filter((id) => id !== 'fee-capture'));
    const collapse = rules.items.find((i) => i.label === 'role-collapse')!;
    expect(collapse.detail).toBe(ALL_RULE_METAS.find((m) => m.id === 'role-collapse')!.title);
    expect(collapse.documentation?.value).toMatch(/docs\/rules\/role-collapse\.md\)$/);
    const severity = await complete('.chokepoint.yaml', 'rules:\n  fee-capture: <|>\n');
    expect(labels(severity.items)).toEqual(['off', 'error', 'warning', 'info']);
    const suppressed = await complete('.chokepoint.yaml', 'suppressions:\n  - rule: <|>\n    reason: accepted\n');
    expect(labels(suppressed.items)).toEqual(ALL_RULE_METAS.map((m) => m.id));
    const entity = await complete('.chokepoint.yaml', 'entities:\n  treasury:\n    kind: multisig\n    <|>\n');
    expect(labels(entity.items)).toEqual(['name', 'addresses', 'threshold', 'signers', 'external', 'delay', 'members', 'note']);
    const kind = await complete('.chokepoint.yaml', 'entities:\n  treasury:\n    kind: <|>\n');
    expect(labels(kind.items)).toEqual(['eoa', 'multisig', 'timelock', 'governance', 'contract', 'module', 'unknown']);
  });
});

describe('hover on keys', () => {
  it('describes a key of appchain.yaml, and leaves the lint\'s hover on values as it was', async () => {
    await started();
    const path = join(folder(), 'appchain.yaml');
    const text = readFileSync(examplePath('appchain', 'appchain.yaml'), 'utf8');
    writeFileSync(path, text);
    const network = await hover(path, text, 'network: mainnet', 'network');
    expect(network).toContain('**appchain.network** — mainnet | testnet | devnet');
    expect(network).toContain('Production or not; when absent, Chokepoint infers it');
    const holder = await hover(path, text, 'holder: lumen-council', 'holder');
    expect(holder).toContain('**governance.roles[].holder**');
    expect(holder).toContain('A governance body id from governance.bodies, or an address.');
    // On a value the lint's hover is unchanged: the finding there, no key documentation.
    const ref = await hover(path, text, 'ref: hf://', 'hf://');
    expect(ref).toContain('mutable-model-reference');
    expect(ref).not.toContain('**infrastructure.models');
  });

  it('describes a key of .chokepoint.yaml, and a rule by its id', async () => {
    await started();
    const path = join(folder(), '.chokepoint.yaml');
    const text = 'preset: strict\nrules:\n  fee-capture: off\n';
    writeFileSync(path, text);
    expect(await hover(path, text, 'preset', 'preset')).toBe('**preset** — recommended | strict | l2beat-stage1\n\nBase rule set: recommended (default), strict, or l2beat-stage1.');
    const rule = await hover(path, text, 'fee-capture', 'fee-capture');
    expect(rule).toContain(`**${ALL_RULE_METAS.find((m) => m.id === 'fee-capture')!.title}** (\`fee-capture\`)`);
  });
});

describe('with the YAML extension on the client (initializationOptions.yamlSchemaAssist false)', () => {
  it('offers no completion and no key hovers, and keeps the lint hover', async () => {
    const { init } = await started({ yamlSchemaAssist: false });
    expect(init.capabilities.completionProvider).toBeUndefined();
    expect(init.capabilities.hoverProvider).toBe(true);
    const path = join(folder(), '.chokepoint.yaml');
    writeFileSync(path, 'preset: strict\n');
    expect(await hover(path, 'preset: strict\n', 'preset', 'preset')).toBe('');
    const manifest = join(folder(), 'appchain.yaml');
    const text = readFileSync(examplePath('appchain', 'appchain.yaml'), 'utf8');
    writeFileSync(manifest, text);
    expect(await hover(manifest, text, 'network: mainnet', 'network')).toBe('');
    expect(await hover(manifest, text, 'ref: hf://', 'hf://')).toContain('mutable-model-reference');
  });
});
