import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, openFile, positionOf, revert, workspaceUri } from './helpers';

/** The op-deployer intent of examples/: its challenger carries no declaration yet. */
const INTENT = 'op-stack/second-chain/intent.toml';
const CHALLENGER = '0x9BA6e03D8B90dE867373Db8cF1A58d2F7F006b3A';
/** The appchain manifest of examples/: the treasury's second holder entry carries no declaration. */
const MANIFEST = 'appchain/appchain.yaml';
const DEPLOYER = '0x2B4cD3a1Ef98E8bBa3F67b0A0Ee9d0d2c14A7e11';

/** Runs chokepoint.declareAddress with every answer given (no prompt) and returns the edited line's neighbourhood. */
async function declare(relative: string, lineText: string, address: string, answers: Record<string, unknown>) {
  const editor = await openFile(relative);
  const line = positionOf(editor.document, lineText, address).line;
  const indent = /^\s*/.exec(editor.document.lineAt(line).text)![0];
  const result = await vscode.commands.executeCommand('chokepoint.declareAddress', { uri: editor.document.uri.toString(), address, line, ...answers });
  return { result, indent, inserted: editor.document.lineAt(line).text, next: editor.document.lineAt(line + 1).text };
}

suite('Declare Address', () => {
  suiteSetup(activateChokepoint);
  teardown(async () => {
    await revert(workspaceUri(INTENT));
    await revert(workspaceUri(MANIFEST));
  });

  test('inserts the declaration comment above the address in TOML', async () => {
    const { result, indent, inserted, next } = await declare(INTENT, 'challenger', CHALLENGER, { kind: 'multisig', threshold: 4, signers: 7, delay: '2d', entity: '' });
    assert.deepEqual(result, { applied: true });
    assert.equal(inserted, `${indent}# chokepoint: multisig 4-of-7 timelock 2d`);
    assert.ok(next.includes(CHALLENGER), 'the address moves one line down');
  });

  test('inserts the declaration comment above the address in YAML', async () => {
    const lines = (await vscode.workspace.openTextDocument(workspaceUri(MANIFEST))).getText().split('\n');
    const second = lines.findIndex((l, i) => l.includes(DEPLOYER) && i > lines.findIndex((m) => m.includes(DEPLOYER)));
    const { result, indent, inserted, next } = await declare(MANIFEST, lines[second].trim(), DEPLOYER, { kind: 'eoa', entity: 'lumen-deployer' });
    assert.deepEqual(result, { applied: true });
    assert.equal(inserted, `${indent}# chokepoint: eoa entity lumen-deployer`);
    assert.ok(next.includes(DEPLOYER), 'the address moves one line down');
  });
});
