import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, EXTENSION_ID, openFile, positionOf, revert, waitFor } from './helpers';

const INTENT = 'op-stack/second-chain/intent.toml';
const MANIFEST = 'appchain/appchain.yaml';

/** Extensions other than Chokepoint that contribute `language`, or a grammar or completion for it. */
function otherContributors(language: string): string[] {
  return vscode.extensions.all
    .filter((e) => e.id !== EXTENSION_ID)
    .filter((e) => {
      const contributes = e.packageJSON?.contributes ?? {};
      return [...(contributes.languages ?? []), ...(contributes.grammars ?? [])].some((c: { id?: string; language?: string }) => c.id === language || c.language === language);
    })
    .map((e) => e.id);
}

function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text === text) return line;
  throw new Error(`No line "${text}" in ${document.uri.fsPath}`);
}

/** Runs a command until the document changes (the language configuration loads after the file opens); the new text of `line`. */
async function untilChanged(editor: vscode.TextEditor, line: number, command: () => Thenable<unknown>): Promise<string> {
  const before = editor.document.lineAt(line).text;
  return waitFor(async () => {
    await command();
    const after = editor.document.lineAt(line).text;
    return after !== before ? after : undefined;
  }, `${before} to change`, 20_000);
}

/** The completion labels at `position` once they include `expected`. */
async function completionAt(uri: vscode.Uri, position: vscode.Position, expected: string): Promise<vscode.CompletionItem[]> {
  let labels: string[] = [];
  return waitFor(async () => {
    const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position)) as vscode.CompletionList;
    labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    return labels.includes(expected) ? list.items : undefined;
  }, () => `completion offering ${expected}; offered ${JSON.stringify(labels)}`);
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docs = (item: vscode.CompletionItem | undefined) => (typeof item?.documentation === 'string' ? item.documentation : item?.documentation?.value ?? '');

suite('TOML and YAML without other extensions', () => {
  suiteSetup(activateChokepoint);

  test('a .toml file is TOML from Chokepoint alone, and Toggle Line Comment comments a line with #', async () => {
    assert.deepEqual(otherContributors('toml'), []);
    const editor = await openFile(INTENT);
    assert.equal(editor.document.languageId, 'toml');
    const line = lineOf(editor.document, 'fundDevAccounts = false');
    editor.selection = new vscode.Selection(line, 3, line, 3);
    const commented = await untilChanged(editor, line, () => vscode.commands.executeCommand('editor.action.commentLine'));
    assert.equal(commented, '# fundDevAccounts = false');
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(editor.document.lineAt(line).text, 'fundDevAccounts = false');
    await revert(editor.document.uri);
  });

  test('TOML closes the brackets and quotes it opens', async () => {
    const editor = await openFile(INTENT);
    const line = lineOf(editor.document, 'l1ChainID = 1');
    const end = editor.document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\nroles = ' });
    await vscode.commands.executeCommand('type', { text: '[' });
    await vscode.commands.executeCommand('type', { text: '"' });
    assert.equal(editor.document.lineAt(line + 1).text, 'roles = [""]');
    await revert(editor.document.uri);
  });

  test('appchain.yaml completes its keys and values from Chokepoint, without the YAML extension', async () => {
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'the test profile should not have the YAML extension');
    const editor = await openFile(MANIFEST);
    const settled = lineOf(editor.document, '    upgradeableBy: Base Security Council');
    await editor.edit((edit) => edit.insert(editor.document.lineAt(settled).range.end, '\n    '));
    const items = await completionAt(editor.document.uri, new vscode.Position(settled + 1, 4), 'governedBy');
    // Only keys the mapping does not hold yet (word-based suggestions, of kind Text, may come too).
    const keys = items.filter((i) => i.kind === vscode.CompletionItemKind.Property);
    assert.deepEqual(keys.map(label).sort(), ['delay', 'fallback', 'governedBy', 'operators', 'provider', 'shared']);
    assert.match(docs(items.find((i) => label(i) === 'delay')), /Upgrade delay of the settlement contracts/);
    await revert(editor.document.uri);

    const reopened = await openFile(MANIFEST);
    const values = await completionAt(reopened.document.uri, positionOf(reopened.document, 'verification:', 'tee', 3), 'optimistic');
    assert.deepEqual(values.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(label).sort(), ['none', 'optimistic', 'tee', 'zk']);
  });

  test('a key of appchain.yaml is described on hover', async () => {
    const editor = await openFile(MANIFEST);
    const position = positionOf(editor.document, 'network: mainnet', 'network', 2);
    const text = await waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, position)) as vscode.Hover[];
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes('Production or not') ? all : undefined;
    }, 'a hover describing appchain.network');
    assert.match(text, /appchain\.network/);
  });
});
