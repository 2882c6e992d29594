import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateChokepoint, codeValue, DEPLOY_CONFIG, diagnosticsWith, openFile, workspaceUri } from './helpers';

suite('Diagnostics', () => {
  suiteSetup(activateChokepoint);

  test('the deploy config lists role-collapse with its code, documentation link and source', async () => {
    const editor = await openFile(DEPLOY_CONFIG);
    const diagnostics = await diagnosticsWith(editor.document.uri, 'role-collapse');
    const collapse = diagnostics.find((d) => codeValue(d) === 'role-collapse' && d.message.includes('lumen-launch-multisig'));
    assert.ok(collapse, `No role-collapse for lumen-launch-multisig among: ${diagnostics.map((d) => d.message).join('\n')}`);
    assert.equal(collapse.source, 'chokepoint');
    assert.equal(collapse.severity, vscode.DiagnosticSeverity.Error);
    const code = collapse.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'role-collapse');
    assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
    // The bundled page, opened by a command (docs-links.test.ts).
    assert.equal(code.target.toString(true), 'command:chokepoint.showDocumentation?["role-collapse"]');
    assert.equal(editor.document.lineAt(collapse.range.start.line).text.includes('"proxyAdminOwner"'), true);
    assert.ok((collapse.relatedInformation ?? []).length >= 2, 'related information points at the other roles');
  });

  test('every message in Problems fits one row: at most 140 characters', async () => {
    const files: [string, string][] = [[DEPLOY_CONFIG, 'role-collapse'], ['op-stack/second-chain/intent.toml', 'role-collapse'], ['appchain/appchain.yaml', 'short-exit-window'], ['cosmos/genesis.json', 'stake-concentration']];
    for (const [file, code] of files) {
      const editor = await openFile(file);
      const diagnostics = await diagnosticsWith(editor.document.uri, code);
      const long = diagnostics.filter((d) => d.message.length > 140).map((d) => `${d.message.length}: ${d.message}`);
      assert.deepEqual(long, [], `${file} has messages that do not fit one Problems row`);
    }
  });

  test('Lint Workspace returns counts, shows the findings of closed files, and doubles none of open ones', async () => {
    const deploy = (await openFile(DEPLOY_CONFIG)).document.uri;
    await diagnosticsWith(deploy, 'role-collapse');
    // A config no test opens: its findings can only come from the workspace lint.
    const folder = workspaceUri('lint-workspace');
    const closed = vscode.Uri.joinPath(folder, 'deploy-config.json');
    await vscode.workspace.fs.writeFile(closed, await vscode.workspace.fs.readFile(deploy));
    try {
      const result = (await vscode.commands.executeCommand('chokepoint.lintWorkspace')) as { files: number; findings: number; configProblems: number } | undefined;
      assert.ok(result, 'chokepoint.lintWorkspace returned nothing');
      assert.ok(result.files >= 4, `linted ${result.files} files, expected both deploy configs, the intent and the appchain manifest`);
      assert.ok(result.findings > 0, 'the examples have findings');
      assert.equal(result.configProblems, 0);
      assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), false);
      await diagnosticsWith(closed, 'role-collapse');
      // The open deploy config keeps its pulled diagnostics only: the workspace lint pushes none for it.
      const keys = vscode.languages.getDiagnostics(deploy).filter((d) => d.source === 'chokepoint').map((d) => `${codeValue(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
      assert.deepEqual(keys.filter((key, i) => keys.indexOf(key) !== i), [], 'no diagnostic of the open deploy config is listed twice');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
