import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, DEPLOY_CONFIG, diagnosticsWith, EXTENSION_ID, openFile, workspaceUri } from './helpers';

/** What chokepoint.verifyAddresses returns: what it did and the message it showed. */
interface Outcome {
  status: string;
  message: string;
}

const verify = async () => (await vscode.commands.executeCommand('chokepoint.verifyAddresses')) as Outcome;

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: { commands: { command: string; title: string; enablement?: string }[]; menus: { commandPalette: { command: string; when: string }[] }; configuration: { properties: Record<string, { type: string }> } };
}

suite('Verify Addresses On Chain', () => {
  suiteSetup(activateChokepoint);

  test('is contributed, disabled and hidden from the command palette outside trusted workspaces, with chokepoint.rpc a restricted setting', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const command = manifest.contributes.commands.find((c) => c.command === 'chokepoint.verifyAddresses');
    assert.deepEqual(command && { title: command.title, enablement: command.enablement }, { title: 'Verify Addresses On Chain', enablement: 'isWorkspaceTrusted' });
    assert.equal(manifest.contributes.menus.commandPalette.find((m) => m.command === 'chokepoint.verifyAddresses')?.when, 'isWorkspaceTrusted');
    assert.equal(manifest.contributes.configuration.properties['chokepoint.rpc']?.type, 'object');
    // "limited": it runs in Restricted Mode (linting), and VS Code honours restrictedConfigurations only then.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['chokepoint.rpc']);
    assert.ok((await vscode.commands.getCommands(true)).includes('chokepoint.verifyAddresses'), 'the command is registered');
  });

  test('with chokepoint.rpc unset, says how to set it and verifies nothing', async () => {
    assert.deepEqual(vscode.workspace.getConfiguration('chokepoint').get('rpc'), {});
    const outcome = await verify();
    assert.equal(outcome.status, 'unset');
    assert.match(outcome.message, /set chokepoint\.rpc to an RPC URL for each chain id, e\.g\. "chokepoint\.rpc": \{ "1": "https:\/\/…" \}, and "\*" for any chain/);
  });

  test('names an entry of chokepoint.rpc that is not a chain id, never its URL, and verifies nothing', async () => {
    const settings = vscode.workspace.getConfiguration('chokepoint');
    await settings.update('rpc', { mainnet: 'https://rpc.invalid/v2/SECRETKEY' }, vscode.ConfigurationTarget.Workspace);
    try {
      const outcome = await verify();
      assert.equal(outcome.status, 'failed');
      assert.match(outcome.message, /chokepoint\.rpc: "mainnet" is not a chain id/);
      assert.doesNotMatch(outcome.message, /SECRETKEY/);
    } finally {
      await settings.update('rpc', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

/** Run only by the harness's second, untrusted workspace (host-suite.mjs), whose .vscode/settings.json sets chokepoint.rpc. */
suite('In Restricted Mode', () => {
  suiteSetup(activateChokepoint);

  test('the workspace is untrusted, Chokepoint still lints, Verify Addresses On Chain refuses to run, and the workspace chokepoint.rpc is ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opens this workspace in Restricted Mode');
    const editor = await openFile(DEPLOY_CONFIG);
    await diagnosticsWith(editor.document.uri, 'role-collapse');
    const workspaceSettings = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri('.vscode/settings.json'))).toString('utf8');
    assert.match(workspaceSettings, /"chokepoint\.rpc"/, 'the workspace settings set chokepoint.rpc');
    assert.deepEqual(vscode.workspace.getConfiguration('chokepoint').get('rpc'), {}, 'a restricted setting is read from user settings only');
    const outcome = await verify();
    assert.deepEqual(outcome, { status: 'restricted', message: 'Chokepoint: Verify Addresses On Chain is disabled in Restricted Mode, since it sends requests to the RPC URLs of chokepoint.rpc. Trust this workspace to use it.' });
  });
});
