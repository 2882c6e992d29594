import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, codeValue, DEPLOY_CONFIG, diagnosticsWith, waitFor, workspaceUri } from './helpers';

/** Chokepoint's diagnostics of `uri` as comparable strings. */
function keys(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'chokepoint')
    .map((d) => `${codeValue(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`)
    .sort();
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

suite('Lint Workspace results', () => {
  suiteSetup(activateChokepoint);

  test('stay when the file is opened and closed, come back after a server restart, and follow the file on disk', async () => {
    const folder = workspaceUri('persist');
    const file = vscode.Uri.joinPath(folder, 'deploy-config.json');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(DEPLOY_CONFIG)));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      await vscode.commands.executeCommand('chokepoint.lintWorkspace');
      await diagnosticsWith(file, 'role-collapse');
      const scanned = keys(file);
      assert.ok(scanned.some((key) => key.startsWith('forced-inclusion-window ')), `the scan reports the long sequencing window among:\n${scanned.join('\n')}`);

      // Opened by the workbench, as from the explorer: a document opened through the API stays open for minutes after its editor closes.
      await vscode.commands.executeCommand('vscode.open', file);
      await waitFor(() => isOpen(file), `${file.fsPath} to open`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor(() => !isOpen(file), `${file.fsPath} to close after Close All Editors`);
      await waitFor(() => keys(file).join('\n') === scanned.join('\n'), () => `the workspace result back on the closed file; it shows:\n${keys(file).join('\n')}`);

      // The restart drops the language client's diagnostics; the scan runs again on the new server.
      await vscode.commands.executeCommand('chokepoint.restartServer');
      await waitFor(() => keys(file).join('\n') === scanned.join('\n'), () => `the workspace result back after the restart; it shows:\n${keys(file).join('\n')}`);

      // A change on disk, reported by the watcher the server asked for: that file is linted again.
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text.replace('"sequencerWindowSize": 14400', '"sequencerWindowSize": 3600')));
      await waitFor(() => !keys(file).some((key) => key.startsWith('forced-inclusion-window ')) && keys(file).some((key) => key.startsWith('role-collapse ')), () => `the result of the changed file; it shows:\n${keys(file).join('\n')}`);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
