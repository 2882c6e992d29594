import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, COLLAPSED, DEPLOY_CONFIG, diagnosticsWith, openFile, positionOf, waitFor } from './helpers';

/** The hover text at `position`, once it mentions `expected` (a request cut short by VS Code is repeated). */
function hoverText(uri: vscode.Uri, position: vscode.Position, expected: string): Promise<string> {
  let last = '';
  return waitFor(async () => {
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) as vscode.Hover[];
    last = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return last.includes(expected) ? last : undefined;
  }, () => `a hover mentioning "${expected}"; last hover: ${JSON.stringify(last)}`);
}

suite('Hover', () => {
  suiteSetup(activateChokepoint);

  test('on the collapsed address lists every power it holds', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    await diagnosticsWith(editor.document.uri, 'role-collapse');
    const position = positionOf(editor.document, '"proxyAdminOwner"', COLLAPSED);
    const text = await hoverText(editor.document.uri, position, 'L1 ProxyAdmin owner');
    for (const expected of ['lumen-launch-multisig', 'a 2-of-3 multisig', 'upgrade', 'L1 ProxyAdmin owner', 'pause', 'Guardian', 'Parties to collude']) {
      assert.ok(text.includes(expected), `The hover does not mention "${expected}":\n${text}`);
    }
    // VS Code adds the diagnostics' messages to the hover itself; Chokepoint's part is the card and one link per finding.
    const ours = text.slice(text.indexOf('**lumen-launch-multisig**'));
    assert.ok(ours.length < 1500, `The hover is ${ours.length} characters:\n${ours}`);
  });

  test('on a parameter says what it governs', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const position = positionOf(editor.document, '"proofMaturityDelaySeconds"', '604800');
    const text = await hoverText(editor.document.uri, position, '7 days');
    assert.match(text, /604800/);
  });
});
