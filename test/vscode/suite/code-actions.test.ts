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
function codeActionWhere(uri: vscode.Uri, range: vscode.Range | (() => vscode.Range | undefined), kind: string, wanted: (action: vscode.CodeAction) => boolean): Promise<vscode.CodeAction> {
  let last: string[] = [];
  return waitFor(async () => {
    const at = typeof range === 'function' ? range() : range;
    if (!at) return undefined;
    let actions: vscode.CodeAction[];
    try {
      actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, at, kind)) as vscode.CodeAction[];
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') return undefined;
      throw error;
    }
    last = actions.map((a) => `${a.title} [${a.kind?.value}]`);
    return actions.find(wanted);
  }, () => `a ${kind} code action as expected; last offered: ${JSON.stringify(last)}`);
}

const MANIFEST = 'appchain/appchain.yaml';
const SET_FLAG = "Set fundDevAccounts to false (changes the chain's configuration)";
const ORIGINAL_MANIFEST = new Map<string, string>();

suite('Code actions', () => {
  suiteSetup(async () => {
    await activateChokepoint();
    const uri = workspaceUri(MANIFEST);
    ORIGINAL_MANIFEST.set(uri.toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  });
  teardown(() => revert(workspaceUri(DEPLOY_CONFIG)));

  test('fix on save changes no security value: it only removes an unused suppression', async () => {
    const uri = workspaceUri(MANIFEST);
    const settings = vscode.workspace.getConfiguration('editor');
    await settings.update('codeActionsOnSave', { 'source.fixAll.chokepoint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openFile(MANIFEST);
      const original = editor.document.getText();
      assert.match(original, /\n {6}delay: 2d\n/, 'the manifest declares a 2-day timelock, which exists on chain');
      await diagnosticsWith(uri, 'short-exit-window');
      // An unrelated comment change, plus a suppression that matches nothing on its line.
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('delay: 2d'));
      await editor.edit((edit) => {
        edit.insert(new vscode.Position(0, 0), '# reviewed by the launch team\n');
        edit.insert(new vscode.Position(line, 0), '      # chokepoint-disable-next-line dev-key-authority -- not a dev key\n');
      });
      await diagnosticsWith(uri, 'unused-suppression');
      assert.equal(await editor.document.save(), true);
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(saved, `# reviewed by the launch team\n${original}`, 'the save removed the unused suppression and changed nothing else');
      assert.match(saved, /\n {6}delay: 2d\n/);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ORIGINAL_MANIFEST.get(uri.toString()) ?? ''));
    }
  });

  test('a file that describes a deployed chain offers no value-changing fix, only Declare, Suppress and the docs', async () => {
    const editor = await openFile(MANIFEST);
    const uri = editor.document.uri;
    await diagnosticsWith(uri, 'short-exit-window');
    // Read afresh on each try: the previous test restored this file on disk, and the diagnostics of the edited version (a line lower) may still show.
    const exitRange = () => vscode.languages.getDiagnostics(uri).find((d) => codeValue(d) === 'short-exit-window')?.range;
    const suppress = await codeActionWhere(uri, exitRange, vscode.CodeActionKind.QuickFix.value, (a) => a.title.startsWith('Suppress short-exit-window'));
    assert.ok(suppress);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, exitRange(), vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
    assert.deepEqual(actions.filter((a) => /\(changes /.test(a.title)).map((a) => a.title), []);
  });

  test('"Set fundDevAccounts to false" is a suggestion that says what it changes, and fixes the dev-flags diagnostic', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWith(uri, 'dev-flags-in-production');
    const devFlags = diagnostics.find((d) => codeValue(d) === 'dev-flags-in-production')!;
    const fix = await codeActionWhere(uri, devFlags.range, vscode.CodeActionKind.QuickFix.value, (a) => a.title === SET_FLAG);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.notEqual(fix.isPreferred, true);
    assert.ok(fix.edit, 'the quick fix carries an edit');
    const whole = new vscode.Range(0, 0, editor.document.lineCount - 1, 0);
    const fixAll = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, whole, FIX_ALL.value)) as vscode.CodeAction[];
    assert.deepEqual(fixAll.filter((a) => a.kind && FIX_ALL.contains(a.kind)).map((a) => a.title), [], 'fix-all has nothing to do: every fix here changes a value');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(editor.document.getText(), /"fundDevAccounts": false/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeValue(d) === 'dev-flags-in-production'), 'the dev-flags-in-production diagnostic to go away');
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => codeValue(d) === 'role-collapse'), 'the other findings stay');
  });
});
