import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, codeValue, DEPLOY_CONFIG, diagnosticsWith, openFile, revert, waitFor, workspaceUri } from './helpers';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('chokepoint');

/**
 * The code actions VS Code offers, once one satisfies `wanted`. VS Code answers a request with no
 * actions, or cancels it, when the set of code-action providers changes while it runs (as when the
 * JSON language server registers its own just after the first JSON file opens), so the request is
 * repeated.
 */
function codeActionWhere(uri: vscode.Uri, range: vscode.Range, kind: string, wanted: (action: vscode.CodeAction) => boolean): Promise<vscode.CodeAction> {
  let last: string[] = [];
  return waitFor(async () => {
    let actions: vscode.CodeAction[];
    try {
      actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind)) as vscode.CodeAction[];
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') return undefined;
      throw error;
    }
    last = actions.map((a) => `${a.title} [${a.kind?.value}]`);
    return actions.find(wanted);
  }, () => `a ${kind} code action as expected; last offered: ${JSON.stringify(last)}`);
}

suite('Code actions', () => {
  suiteSetup(activateChokepoint);
  teardown(() => revert(workspaceUri(DEPLOY_CONFIG)));

  test('source.fixAll.chokepoint is offered for the file', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    await diagnosticsWith(editor.document.uri, 'dev-flags-in-production');
    const whole = new vscode.Range(0, 0, editor.document.lineCount - 1, 0);
    const fixAll = await codeActionWhere(editor.document.uri, whole, FIX_ALL.value, (a) => Boolean(a.kind && FIX_ALL.contains(a.kind)));
    assert.equal(fixAll.title, 'Fix all auto-fixable Chokepoint problems');
    assert.ok(fixAll.edit && fixAll.edit.size > 0, 'the fix-all action carries an edit');
  });

  test('"Set fundDevAccounts to false" fixes the dev-flags diagnostic', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWith(uri, 'dev-flags-in-production');
    const devFlags = diagnostics.find((d) => codeValue(d) === 'dev-flags-in-production')!;
    const fix = await codeActionWhere(uri, devFlags.range, vscode.CodeActionKind.QuickFix.value, (a) => a.title === 'Set fundDevAccounts to false');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the quick fix carries an edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(editor.document.getText(), /"fundDevAccounts": false/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeValue(d) === 'dev-flags-in-production'), 'the dev-flags-in-production diagnostic to go away');
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => codeValue(d) === 'role-collapse'), 'the other findings stay');
  });
});
