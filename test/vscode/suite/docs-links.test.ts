import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, codeValue, DEPLOY_CONFIG, diagnosticsWith, openFile, waitFor } from './helpers';

const SHOW_DOCUMENTATION = 'chokepoint.showDocumentation';

/** The command and arguments VS Code's opener runs for a command link. */
function commandOf(target: vscode.Uri): { command: string; args: unknown } {
  assert.equal(target.scheme, 'command', `${target.toString(true)} is not a command link`);
  return { command: target.path, args: JSON.parse(target.query) };
}

function previewTab(ruleId: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === `Preview ${ruleId}.md`);
}

suite('Rule documentation links', () => {
  suiteSetup(activateChokepoint);

  test("every diagnostic's code link runs Show Rule Documentation with its rule, which opens the bundled page in the Markdown preview", async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const diagnostics = await diagnosticsWith(editor.document.uri, 'role-collapse');
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.deepEqual(commandOf(code.target), { command: SHOW_DOCUMENTATION, args: [code.value] }, `the code link of ${codeValue(diagnostic)}`);
    }
    const collapse = diagnostics.find((d) => codeValue(d) === 'role-collapse')!;
    const { command, args } = commandOf((collapse.code as { target: vscode.Uri }).target);
    await vscode.commands.executeCommand(command, ...(args as unknown[]));
    const tab = await waitFor(() => previewTab('role-collapse'), 'a Markdown preview of role-collapse.md');
    await vscode.window.tabGroups.close(tab);
  });

  test('the hover links each finding to the same command, trusted for that command alone, and never to the web', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const diagnostics = await diagnosticsWith(editor.document.uri, 'role-collapse');
    const collapse = diagnostics.find((d) => codeValue(d) === 'role-collapse')!;
    const markdown = await waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, collapse.range.start)) as vscode.Hover[];
      return hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('role-collapse'));
    }, 'a hover naming role-collapse');
    assert.ok(markdown.value.includes(`command:${SHOW_DOCUMENTATION}?${encodeURIComponent('["role-collapse"]')}`), `No link to the bundled page in the hover:\n${markdown.value}`);
    assert.doesNotMatch(markdown.value, /docs\/rules\/[a-z-]+\.md/);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: [SHOW_DOCUMENTATION] });
  });
});
