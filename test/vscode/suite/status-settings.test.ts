import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChokepointApi } from '../../../client/src/api';
import { activateChokepoint, diagnosticsWith, EXTENSION_ID, openFile, revert, waitFor, workspaceUri } from './helpers';

const FOLDER = 'status-check';
/** One error (the batcher is a public development key), two warnings (permissioned proofs, an undeclared upgrade owner). */
const ONE_ERROR = JSON.stringify({ l1ChainID: 1, l2ChainID: 48213, proxyAdminOwner: '0x9aE1b2C3d4E5f6A7b8C9d0E1f2A3b4C5d6E7f8A9', batchSenderAddress: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }, null, 2);
const DEV_KEY = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

function api(): ChokepointApi {
  return vscode.extensions.getExtension<ChokepointApi>(EXTENSION_ID)!.exports;
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`${FOLDER}/${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return uri;
}

suite('The language-status item and chokepoint.* settings', () => {
  suiteSetup(activateChokepoint);
  suiteTeardown(() => vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true }).then(undefined, () => undefined));

  test('shows the chain summary of a config with "1 error", and nothing at all for a JSON file that is no config', async () => {
    await write('deploy-config.json', ONE_ERROR);
    await write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'vitest' } }, null, 2));

    await openFile(`${FOLDER}/deploy-config.json`);
    const summary = await waitFor(() => {
      const shown = api().status();
      return shown?.text.startsWith('$(shield)') ? shown : undefined;
    }, () => `the summary, not ${JSON.stringify(api().status())}`);
    assert.equal(summary.text, '$(shield) At most Stage 0 · Fewest parties to collude: 1');
    assert.match(summary.detail ?? '', /^OP Stack deploy config: 3 problems \(1 error, 2 warnings, 0 info\)\. Fewest parties to collude: 1 \(0x9aE1…f8A9\), the fewest parties that must act together to use a control power/);
    assert.equal(summary.severity, 'error');

    await openFile(`${FOLDER}/package.json`);
    // Whatever the server says about it, over a while, the item never appears.
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      assert.equal(api().status(), undefined, `the item shows ${JSON.stringify(api().status())} for package.json`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await openFile(`${FOLDER}/deploy-config.json`);
    await waitFor(() => api().status()?.text === summary.text, 'the summary again on returning to the config');
  });

  test('a mistyped rule id in chokepoint.rules is reported once, naming the nearest id, and does not silence the rule', async () => {
    const uri = await write('deploy-config.json', ONE_ERROR);
    const editor = await openFile(`${FOLDER}/deploy-config.json`);
    await diagnosticsWith(uri, 'dev-key-authority');
    const settings = vscode.workspace.getConfiguration('chokepoint');
    const before = api().settingsProblems().length;
    await settings.update('rules', { 'dev-key-authorty': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => api().settingsProblems().length > before, 'a warning about chokepoint.rules');
      assert.deepEqual(api().settingsProblems().slice(before), ['chokepoint.rules: unknown rule "dev-key-authorty" — did you mean "dev-key-authority"?']);
      await diagnosticsWith(uri, 'dev-key-authority');

      // Each lint reads the settings; only a change of them is reported again.
      const range = editor.document.getText().indexOf(DEV_KEY);
      await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(range), editor.document.positionAt(range + DEV_KEY.length)), '0x2222222222222222222222222222222222222222'));
      await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.source === 'chokepoint' && (d.code as { value: string }).value === 'dev-key-authority'), 'the edit to be linted');
      await revert(uri);
      await diagnosticsWith(uri, 'dev-key-authority');
      assert.equal(api().settingsProblems().length, before + 1, `reported again: ${api().settingsProblems().slice(before).join(' | ')}`);

      await settings.update('rules', { 'dev-key-authority': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.source === 'chokepoint' && (d.code as { value: string }).value === 'dev-key-authority'), 'the corrected setting to turn the rule off');
      assert.equal(api().settingsProblems().length, before + 1, 'a correct setting is not reported');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
