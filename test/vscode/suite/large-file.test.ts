import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { padGenesis } from '../lib/large-genesis.mjs';
import { activateChokepoint, codeValue, diagnosticsWith, openFile, waitFor, workspaceUri } from './helpers';

const SMALL = 'cosmos/genesis.json';
const LARGE = 'large-genesis/genesis.json';

const chokepoint = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'chokepoint');

/** What a person compares in the Problems panel: rule, place, severity, message, doc link and related places (their file named relative to its folder). */
function describe(diagnostic: vscode.Diagnostic): string {
  const r = diagnostic.range;
  const code = diagnostic.code as { value: string; target: vscode.Uri };
  const related = (diagnostic.relatedInformation ?? []).map((i) => `${i.location.uri.path.split('/').pop()}:${i.location.range.start.line}:${i.location.range.start.character} ${i.message}`);
  return [code.value, `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`, diagnostic.severity, diagnostic.message, code.target.toString(), ...related].join(' | ');
}

suite('Files too large to lint as you type', () => {
  suiteSetup(activateChokepoint);

  test('a genesis above chokepoint.maxFileSizeMB is not linted as you type; Lint File with CLI puts the same findings in Problems; re-running replaces them; closing or deleting the file clears them', async () => {
    const small = workspaceUri(SMALL);
    const large = workspaceUri(LARGE);
    const genesis = Buffer.from(await vscode.workspace.fs.readFile(small)).toString('utf8');
    await vscode.workspace.fs.writeFile(large, Buffer.from(padGenesis(genesis, 1.3 * 1024 * 1024)));
    const settings = vscode.workspace.getConfiguration('chokepoint');
    await settings.update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      await openFile(LARGE);
      // The server lints the small original as you type, and refuses the large copy.
      await openFile(SMALL);
      const expected = (await diagnosticsWith(small, 'root-authority')).map(describe).sort();
      assert.deepEqual(chokepoint(large), [], 'the server linted a file above chokepoint.maxFileSizeMB');

      // As from the command palette: no argument, the active tab's file.
      await vscode.window.showTextDocument(large, { preview: false });
      const result = (await vscode.commands.executeCommand('chokepoint.lintWithCli')) as { files: number; findings: number } | undefined;
      assert.deepEqual(result, { files: 1, findings: expected.length });
      const found = chokepoint(large);
      assert.deepEqual(found.map(describe).sort(), expected, 'the CLI findings in Problems differ from what the server shows for the same content');
      const root = found.find((d) => codeValue(d) === 'root-authority');
      assert.equal(root?.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(found.some((d) => (d.relatedInformation ?? []).some((i) => i.location.uri.toString() === large.toString())), 'related information points into the large file');

      // Re-running replaces the findings rather than adding to them.
      await vscode.commands.executeCommand('chokepoint.lintWithCli');
      assert.equal(chokepoint(large).length, expected.length);

      // Closing the file's tab clears them.
      await vscode.window.showTextDocument(large, { preview: false });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor(() => chokepoint(large).length === 0, 'the CLI findings to leave Problems when the file is closed', 10_000);

      // As from the explorer: the file as argument, not open; deleting it clears them.
      await vscode.commands.executeCommand('chokepoint.lintWithCli', large);
      assert.equal(chokepoint(large).length, expected.length);
      await vscode.workspace.fs.delete(large);
      await waitFor(() => chokepoint(large).length === 0, 'the CLI findings to leave Problems when the file is deleted', 10_000);
    } finally {
      await settings.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri('large-genesis'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
